# Reference results, computed with R, for crosstab members that ../shared/data/expected does not
# cover: total percentages, raw and standardized (Pearson) residuals and the one-sided Fisher test.
# Run in this folder with base R only:   Rscript make_references.R > crosstab_further.json
# The data are ../shared/data/socialwork_synth.csv (the same values as the .sav; empty = missing).

d <- read.csv("../../../../shared/data/socialwork_synth.csv")

num <- function(x) sprintf("%.17g", x)
vec <- function(x) paste0("[", paste(num(x), collapse = ", "), "]")
mat <- function(m) paste0("[", paste(apply(m, 1, vec), collapse = ", "), "]")

crosstab <- function(id, row, col, cases = rep(TRUE, nrow(d)), filter = "[]") {
  keep <- cases & !is.na(d[[row]]) & !is.na(d[[col]])
  tab <- table(d[[row]][keep], d[[col]][keep])
  o <- unclass(tab)
  test <- suppressWarnings(chisq.test(tab, correct = FALSE))
  e <- test$expected
  members <- c(
    sprintf('"total_percent": %s', mat(100 * o / sum(o))),
    sprintf('"residuals": %s', mat(o - e)),
    sprintf('"std_residuals": %s', mat(test$residuals)))
  if (all(dim(o) == c(2, 2))) {
    side <- if (o[1, 1] >= e[1, 1]) "greater" else "less"
    members <- c(members, sprintf('"fisher_exact_p_one_sided": %s', num(fisher.test(o, alternative = side)$p.value)))
  }
  sprintf('    {"id": "%s", "type": "crosstab",\n     "spec": {"row": "%s", "col": "%s", "filter": %s, "weight": null},\n     "expected": {%s}}',
          id, row, col, filter, paste(members, collapse = ",\n                  "))
}

analyses <- c(
  crosstab("xtab_country_by_any", "country", "ict_any"),
  crosstab("xtab_psychotherapy_by_supervisor", "provides_psychotherapy", "discuss_supervisor"),
  crosstab("xtab_setting_by_any", "practice_setting", "ict_any"),
  crosstab("xtab_agegroup_by_policy_canada", "age_group", "policy_aware", d$country == 1,
           '[{"var": "country", "op": "in", "values": [1]}]'))

cat('{"dataset": "../../../../shared/data/socialwork_synth.sav",\n "analyses": [\n')
cat(paste(analyses, collapse = ",\n"))
cat('\n ]}\n')
