// anova_oneway and ttest_independent: spec -> cases -> group comparison -> result JSON.
#include "core/analysis/Analyses.h"
#include "core/analysis/Conventions.h"
#include "core/stats/DesignMatrix.h"
#include "core/stats/GroupComparison.h"

#include <cmath>
#include <span>

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

// "codes 1 and 3", "code 2" of the groups for which `select` holds; empty when none.
template <typename Select>
std::string groupCodes(std::span<const stats::GroupSummary> groups, Select select)
{
    std::vector<std::string> codes;
    for (const auto& g : groups)
        if (select(g)) codes.push_back(stats::DesignMatrix::codeText(g.value));
    if (codes.empty()) return {};
    std::string list = codes.size() == 1 ? "code " : "codes ";
    for (size_t i = 0; i < codes.size(); ++i)
        list += (i == 0 ? "" : i + 1 == codes.size() ? " and " : ", ") + codes[i];
    return list;
}

// What a group comparison left empty and why, as sentences in out["notes"].
struct GroupStatistics {
    std::span<const stats::GroupSummary> groups;
    std::string dependent, factor;
    bool weighted = false;
    const char* mainTest;     // "The t-test is" or "The F test and Tukey's comparisons are"
    bool mainUndefined = false, welchUndefined = false, leveneUndefined = false;
    stats::LeveneCenter center = stats::LeveneCenter::Mean;
};

void explainGroupStatistics(Json& out, const GroupStatistics& s)
{
    const auto single = [](const stats::GroupSummary& g) { return !(g.n > 1); };
    const auto constant = [](const stats::GroupSummary& g) { return g.n > 1 && g.sd == 0; };
    const std::string singleGroups = groupCodes(s.groups, single);
    const std::string tooLarge =
        " the values of " + s.dependent + " are too large to compute with in double precision.";
    if (!singleGroups.empty())
        addNote(out, "The standard deviation of " + s.factor + " " + singleGroups + " is not computed: " +
                         (s.weighted ? "its sum of weights is 1 or less." : "it has a single case."));
    if (s.mainUndefined) {
        bool allConstant = true, sameMean = true;
        for (const auto& g : s.groups) {
            allConstant = allConstant && (single(g) || constant(g));
            sameMean = sameMean && g.mean == s.groups.front().mean;
        }
        addNote(out, std::string(s.mainTest) + " not computed:" +
                         (!allConstant ? tooLarge
                          : sameMean   ? " " + s.dependent + " has the same value for every case used."
                                       : " " + s.dependent + " does not vary within any group of " + s.factor +
                                           " (zero within-group variance)."));
    }
    if (s.welchUndefined) {
        const std::string constantGroups = groupCodes(s.groups, constant);
        addNote(out, "Welch's test is not computed:" +
                         (!singleGroups.empty()   ? " it needs at least two cases in every group of " + s.factor + "."
                          : !constantGroups.empty() ? " " + s.dependent + " does not vary within " + s.factor + " " +
                                                          constantGroups + "."
                                                    : tooLarge));
    }
    if (s.leveneUndefined)
        addNote(out, "Levene's test is not computed: the distances of " + s.dependent + " from the group " +
                         (s.center == stats::LeveneCenter::Median ? "medians" : "means") +
                         " do not vary within any group (as when every group is constant or has two cases).");
}

bool undefined(const stats::FTest& f) { return !std::isfinite(f.f) || !std::isfinite(f.p); }
bool undefined(const stats::TTest& t) { return !std::isfinite(t.t) || !std::isfinite(t.p); }

}  // namespace

Expected<Json> runAnovaOneway(const SpecContext& context, const Json& spec)
{
    auto dependent = context.variable(spec, "dependent");
    if (!dependent) return dependent.error();
    auto factor = context.variable(spec, "factor");
    if (!factor) return factor.error();
    auto center = readLeveneCenter(spec);
    if (!center) return center.error();
    auto cases = groupedCases(context, *dependent, *factor);
    if (!cases) return cases.error();
    auto anova = stats::onewayAnova(cases->values, cases->groups, cases->weights, *center);
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
    Json out{{"groups", std::move(groups)},
             {"f", Json{{"statistic", number(anova->anova.f)},
                        {"df1", count(anova->anova.df1)},
                        {"df2", count(anova->anova.df2)},
                        {"p", number(anova->anova.p)}}},
             {"eta_squared", number(anova->etaSquared)},
             {"levene", fJson(anova->levene)},
             {"welch", fJson(anova->welch)},
             {"tukey", std::move(tukey)},
             {"method", leveneMethod(*center)}};
    const auto& dataset = context.dataset();
    explainGroupStatistics(out, {anova->groups, dataset.variable(*dependent).name, dataset.variable(*factor).name,
                                 context.weighted(), "The F test and Tukey's comparisons are", undefined(anova->anova),
                                 undefined(anova->welch), undefined(anova->levene), *center});
    return out;
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
    auto center = readLeveneCenter(spec);
    if (!center) return center.error();
    auto cases = groupedCases(context, *dependent, *group);
    if (!cases) return cases.error();
    auto test = stats::independentTTest(cases->values, cases->groups, cases->weights, spec["values"][0].get<double>(),
                                        spec["values"][1].get<double>(), *center);
    if (!test)
        return makeError(test.error().code, test.error().message,
                         "variable " + context.dataset().variable(*group).name);

    Json out{{"groups", Json::array({groupJson(test->groups[0]), groupJson(test->groups[1])})},
             {"student", tJson(test->student)},
             {"welch", tJson(test->welch)},
             {"mean_difference", number(test->meanDifference)},
             {"levene", fJson(test->levene)},
             {"method", leveneMethod(*center)}};
    const auto& dataset = context.dataset();
    explainGroupStatistics(out, {test->groups, dataset.variable(*dependent).name, dataset.variable(*group).name,
                                 context.weighted(), "The t-test is", undefined(test->student), undefined(test->welch),
                                 undefined(test->levene), *center});
    return out;
}

}  // namespace sl::core::analysis
