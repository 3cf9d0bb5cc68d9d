// anova_oneway and ttest_independent: spec -> cases -> group comparison -> result JSON.
#include "core/analysis/Analyses.h"
#include "core/stats/GroupComparison.h"

namespace sl::core::analysis {

namespace {

// The dependent's values, the group codes and the weights of the cases valid on both.
struct GroupedCases {
    std::vector<double> values, groups, weights;
};

Expected<GroupedCases> groupedCases(const SpecContext& context, size_t dependent, size_t group)
{
    const auto& dataset = context.dataset();
    for (size_t v : {dependent, group})
        if (dataset.variable(v).isString())
            return makeError(ErrorCode::InvalidInput, "Group comparisons need numeric variables; this one holds text.",
                             "variable " + dataset.variable(v).name);
    const auto selection = context.listwise({dependent, group});
    GroupedCases out;
    out.values.reserve(selection.size());
    out.groups.reserve(selection.size());
    const auto& y = dataset.column(dependent);
    const auto& g = dataset.column(group);
    for (size_t c : selection.cases) {
        out.values.push_back(y.number(c));
        out.groups.push_back(g.number(c));
    }
    out.weights = selection.weights;
    return out;
}

Json groupJson(const stats::GroupSummary& g)
{
    return Json{{"value", number(g.value)}, {"n", count(g.n)}, {"mean", number(g.mean)}, {"sd", number(g.sd)}};
}

Json fJson(const stats::FTest& f)
{
    return Json{{"f", number(f.f)}, {"df1", count(f.df1)}, {"df2", count(f.df2)}, {"p", number(f.p)}};
}

Json tJson(const stats::TTest& t)
{
    return Json{{"t", number(t.t)}, {"df", count(t.df)}, {"p", number(t.p)}};
}

}  // namespace

Expected<Json> runAnovaOneway(const SpecContext& context, const Json& spec)
{
    auto dependent = context.variable(spec, "dependent");
    if (!dependent) return dependent.error();
    auto factor = context.variable(spec, "factor");
    if (!factor) return factor.error();
    auto cases = groupedCases(context, *dependent, *factor);
    if (!cases) return cases.error();
    auto anova = stats::onewayAnova(cases->values, cases->groups, cases->weights);
    if (!anova)
        return makeError(anova.error().code, anova.error().message,
                         "variable " + context.dataset().variable(*factor).name);

    Json groups = Json::array();
    for (const auto& g : anova->groups) groups.push_back(groupJson(g));
    Json tukey = Json::array();
    for (const auto& t : anova->tukey)
        tukey.push_back(Json{{"a", number(t.a)},
                             {"b", number(t.b)},
                             {"difference", number(t.difference)},
                             {"ci_low", number(t.ciLow)},
                             {"ci_high", number(t.ciHigh)},
                             {"p", number(t.p)}});
    return Json{{"groups", std::move(groups)},
                {"f", Json{{"statistic", number(anova->anova.f)},
                           {"df1", count(anova->anova.df1)},
                           {"df2", count(anova->anova.df2)},
                           {"p", number(anova->anova.p)}}},
                {"eta_squared", number(anova->etaSquared)},
                {"levene", fJson(anova->levene)},
                {"welch", fJson(anova->welch)},
                {"tukey", std::move(tukey)}};
}

Expected<Json> runTtestIndependent(const SpecContext& context, const Json& spec)
{
    auto dependent = context.variable(spec, "dependent");
    if (!dependent) return dependent.error();
    auto group = context.variable(spec, "group");
    if (!group) return group.error();
    if (!spec.contains("values") || !spec["values"].is_array() || spec["values"].size() != 2 ||
        !spec["values"][0].is_number() || !spec["values"][1].is_number())
        return makeError(ErrorCode::InvalidInput, "'values' must list the two group codes to compare.", "values");
    auto cases = groupedCases(context, *dependent, *group);
    if (!cases) return cases.error();
    auto test = stats::independentTTest(cases->values, cases->groups, cases->weights, spec["values"][0].get<double>(),
                                        spec["values"][1].get<double>());
    if (!test)
        return makeError(test.error().code, test.error().message,
                         "variable " + context.dataset().variable(*group).name);

    return Json{{"groups", Json::array({groupJson(test->groups[0]), groupJson(test->groups[1])})},
                {"student", tJson(test->student)},
                {"welch", tJson(test->welch)},
                {"mean_difference", number(test->meanDifference)},
                {"levene", fJson(test->levene)}};
}

}  // namespace sl::core::analysis
