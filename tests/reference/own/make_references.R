# Reference results, computed with R, for what ../shared/data/expected does not cover: crosstab
# total percentages, raw and standardized (Pearson) residuals and the one-sided Fisher test; and the
# conventions a spec can switch from SPSS's to R's (docs/CONVENTIONS.md): R's default quartiles
# (type 7), Levene's test centred on the median (car::leveneTest's default) and R's first-level
# reference category in models.
# Run in this folder with R and the car package:   Rscript make_references.R > references.json
# The data are ../shared/data/socialwork_synth.csv (the same values as the .sav; empty = missing).

suppressPackageStartupMessages(library(car))

d <- read.csv("../../../../shared/data/socialwork_synth.csv")

num <- function(x) sprintf("%.17g", x)
vec <- function(x) paste0("[", paste(num(x), collapse = ", "), "]")
mat <- function(m) paste0("[", paste(apply(m, 1, vec), collapse = ", "), "]")
obj <- function(...) {
  m <- list(...)
  paste0("{", paste(sprintf('"%s": %s', names(m), unlist(m)), collapse = ", "), "}")
}
quoted <- function(x) paste0('"', x, '"')
strings <- function(x) paste0("[", paste(quoted(x), collapse = ", "), "]")

analysis <- function(id, type, spec, expected) {
  sprintf('    {"id": "%s", "type": "%s",\n     "spec": %s,\n     "expected": {%s}}',
          id, type, spec, paste(expected, collapse = ",\n                  "))
}

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
  analysis(id, "crosstab", sprintf('{"row": "%s", "col": "%s", "filter": %s, "weight": null}', row, col, filter),
           members)
}

# Median and quartiles by R's default definition, quantile(type = 7): spec "quartiles": "r".
quartiles_r <- function(id, var, cases = rep(TRUE, nrow(d)), filter = "[]") {
  x <- d[[var]][cases & !is.na(d[[var]])]
  q <- quantile(x, c(0.25, 0.5, 0.75), type = 7, names = FALSE)
  analysis(id, "descriptives", sprintf('{"var": "%s", "quartiles": "r", "filter": %s, "weight": null}', var, filter),
           c(sprintf('"n": %d', length(x)), sprintf('"median": %s', num(q[2])), sprintf('"q1": %s', num(q[1])),
             sprintf('"q3": %s', num(q[3]))))
}

# Levene's test centred on the group medians (Brown-Forsythe), car::leveneTest's default:
# spec "levene_center": "median".
levene_median <- function(y, g, keep) {
  test <- leveneTest(d[[y]][keep], factor(d[[g]][keep]), center = median)
  sprintf('"levene": %s', obj(f = num(test[1, "F value"]), df1 = test[1, "Df"], df2 = test[2, "Df"],
                              p = num(test[1, "Pr(>F)"])))
}

anova_levene_median <- function(id, y, g) {
  keep <- !is.na(d[[y]]) & !is.na(d[[g]])
  analysis(id, "anova_oneway",
           sprintf('{"dependent": "%s", "factor": "%s", "levene_center": "median", "filter": [], "weight": null}', y, g),
           levene_median(y, g, keep))
}

ttest_levene_median <- function(id, y, g, values) {
  keep <- !is.na(d[[y]]) & d[[g]] %in% values
  analysis(id, "ttest_independent",
           sprintf('{"dependent": "%s", "group": "%s", "values": %s, "levene_center": "median", "filter": [], "weight": null}',
                   y, g, vec(values)), levene_median(y, g, keep))
}

# A model with one categorical predictor coded against its first level (R's default) or its last
# (SPSS's default, "reference" absent); terms named as the spec names them, "var=code".
model_terms <- function(fit, statistic, factor_name) {
  s <- coef(summary(fit))
  names <- sub(paste0("^f\\((.*)\\)$"), "\\1", rownames(s))
  names <- sub(paste0("^", factor_name, "_f"), paste0(factor_name, "="), names)
  terms <- sapply(seq_len(nrow(s)), function(i) {
    fields <- list(name = quoted(names[i]), b = num(s[i, 1]), se = num(s[i, 2]))
    fields[[statistic]] <- num(s[i, 3])
    fields$p <- num(s[i, 4])
    if (statistic == "z") fields$wald <- num(s[i, 3]^2)
    do.call(obj, fields)
  })
  sprintf('"terms": [%s]', paste(terms, collapse = ",\n                            "))
}

model <- function(id, type, y, numeric, factor_name, reference) {
  m <- d[complete.cases(d[c(y, numeric, factor_name)]), ]
  levels <- sort(unique(m[[factor_name]]))
  ref <- if (reference == "first") levels[1] else levels[length(levels)]
  m[[paste0(factor_name, "_f")]] <- relevel(factor(m[[factor_name]]), ref = as.character(ref))
  f <- reformulate(c(numeric, paste0(factor_name, "_f")), response = y)
  fit <- if (type == "ols") lm(f, data = m)
         else glm(f, family = binomial, data = m, control = glm.control(epsilon = 1e-14, maxit = 100))
  categorical <- if (reference == "first") sprintf('{"%s": {"reference": "first"}}', factor_name)
                 else sprintf('{"%s": {}}', factor_name)
  analysis(id, type,
           sprintf('{"dependent": "%s", "predictors": %s, "categorical": %s, "filter": [], "weight": null}',
                   y, strings(c(numeric, factor_name)), categorical),
           c(sprintf('"n": %d', nrow(m)), model_terms(fit, if (type == "ols") "t" else "z", factor_name)))
}

analyses <- c(
  crosstab("xtab_country_by_any", "country", "ict_any"),
  crosstab("xtab_psychotherapy_by_supervisor", "provides_psychotherapy", "discuss_supervisor"),
  crosstab("xtab_setting_by_any", "practice_setting", "ict_any"),
  crosstab("xtab_agegroup_by_policy_canada", "age_group", "policy_aware", d$country == 1,
           '[{"var": "country", "op": "in", "values": [1]}]'),
  quartiles_r("desc_weight_quartiles_r", "weight"),
  quartiles_r("desc_weight_school_over60_quartiles_r", "weight",
              d$practice_setting %in% 4 & !is.na(d$age) & d$age >= 60 & d$age <= 200,
              '[{"var": "practice_setting", "op": "in", "values": [4]}, {"var": "age", "op": "between", "values": [60, 200]}]'),
  quartiles_r("desc_age_experience_35_to_40_quartiles_r", "age",
              !is.na(d$years_experience) & d$years_experience >= 35 & d$years_experience <= 40,
              '[{"var": "years_experience", "op": "between", "values": [35, 40]}]'),
  anova_levene_median("anova_ict_count_by_setting_levene_median", "ict_count", "practice_setting"),
  anova_levene_median("anova_years_experience_by_agegroup_levene_median", "years_experience", "age_group"),
  ttest_levene_median("ttest_ict_count_by_psychotherapy_levene_median", "ict_count", "provides_psychotherapy", c(1, 0)),
  ttest_levene_median("ttest_age_by_country_levene_median", "age", "country", c(1, 2)),
  model("ols_ict_count_setting_first", "ols", "ict_count", c("age", "years_experience"), "practice_setting", "first"),
  model("ols_ict_count_setting_last", "ols", "ict_count", c("age", "years_experience"), "practice_setting", "last"),
  model("logit_any_setting_first", "logistic", "ict_any", c("age", "provides_psychotherapy"), "practice_setting", "first"),
  model("logit_any_setting_last", "logistic", "ict_any", c("age", "provides_psychotherapy"), "practice_setting", "last"))

cat('{"dataset": "../../../../shared/data/socialwork_synth.sav",\n "analyses": [\n')
cat(paste(analyses, collapse = ",\n"))
cat('\n ]}\n')
