#include "core/stats/GroupComparison.h"

#include "core/stats/DesignMatrix.h"
#include "core/stats/Distributions.h"
#include "core/stats/StudentizedRange.h"

#include <algorithm>
#include <cmath>

namespace sl::core::stats {

namespace {

// Per-group weighted sums of a one-way layout; groups are numbered 0..k-1 per case.
struct Layout {
    std::vector<double> n, mean, sumSquares;  // sumSquares around the group mean
    double total = 0, grandMean = 0;
    double between = 0, within = 0;
    FTest f;
};

Layout oneWay(std::span<const double> values, const std::vector<size_t>& group, std::span<const double> weights,
              size_t k)
{
    Layout l;
    l.n.assign(k, 0.0);
    l.mean.assign(k, 0.0);
    l.sumSquares.assign(k, 0.0);
    for (size_t i = 0; i < values.size(); ++i) {
        l.n[group[i]] += weights[i];
        l.mean[group[i]] += weights[i] * values[i];
    }
    for (size_t g = 0; g < k; ++g) {
        l.total += l.n[g];
        l.grandMean += l.mean[g];
        l.mean[g] /= l.n[g];
    }
    l.grandMean /= l.total;
    for (size_t i = 0; i < values.size(); ++i) {
        const double d = values[i] - l.mean[group[i]];
        l.sumSquares[group[i]] += weights[i] * d * d;
    }
    for (size_t g = 0; g < k; ++g) {
        l.between += l.n[g] * (l.mean[g] - l.grandMean) * (l.mean[g] - l.grandMean);
        l.within += l.sumSquares[g];
    }
    l.f.df1 = static_cast<double>(k) - 1.0;
    l.f.df2 = l.total - static_cast<double>(k);
    l.f.f = (l.between / l.f.df1) / (l.within / l.f.df2);
    l.f.p = fisherUpperTail(l.f.f, l.f.df1, l.f.df2);
    return l;
}

// The median of each group's values with each case repeated as its weight (R's median() of the
// repeated values: the middle value, or the mean of the two middle ones).
std::vector<double> groupMedians(std::span<const double> values, const std::vector<size_t>& group,
                                 std::span<const double> weights, size_t k)
{
    std::vector<std::vector<std::pair<double, double>>> byGroup(k);  // (value, weight)
    for (size_t i = 0; i < values.size(); ++i) byGroup[group[i]].emplace_back(values[i], weights[i]);
    std::vector<double> medians(k);
    for (size_t g = 0; g < k; ++g) {
        auto& cases = byGroup[g];
        std::sort(cases.begin(), cases.end());
        double total = 0;
        for (const auto& c : cases) total += c.second;
        double cumulative = 0;
        for (size_t i = 0; i < cases.size(); ++i) {
            cumulative += cases[i].second;
            if (cumulative < total / 2) continue;
            medians[g] = cumulative == total / 2 && i + 1 < cases.size()
                             ? (cases[i].first + cases[i + 1].first) / 2
                             : cases[i].first;
            break;
        }
    }
    return medians;
}

// Levene's test: the one-way ANOVA F of each case's distance from its group's centre.
FTest levene(std::span<const double> values, const std::vector<size_t>& group, std::span<const double> weights,
             const Layout& layout, LeveneCenter center)
{
    const size_t k = layout.n.size();
    const std::vector<double> centre =
        center == LeveneCenter::Median ? groupMedians(values, group, weights, k) : layout.mean;
    std::vector<double> distance(values.size());
    for (size_t i = 0; i < values.size(); ++i) distance[i] = std::fabs(values[i] - centre[group[i]]);
    return oneWay(distance, group, weights, k).f;
}

std::vector<GroupSummary> summaries(const Layout& layout, const std::vector<double>& codes)
{
    std::vector<GroupSummary> out;
    for (size_t g = 0; g < codes.size(); ++g)
        out.push_back(GroupSummary{codes[g], layout.n[g], layout.mean[g],
                                   std::sqrt(layout.sumSquares[g] / (layout.n[g] - 1.0))});
    return out;
}

}  // namespace

Expected<OnewayAnovaResult> onewayAnova(std::span<const double> values, std::span<const double> groups,
                                        std::span<const double> weights, LeveneCenter center)
{
    std::vector<double> codes(groups.begin(), groups.end());
    std::sort(codes.begin(), codes.end());
    codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
    if (codes.size() < 2)
        return makeError(ErrorCode::Numerical, "A one-way ANOVA needs at least two groups with valid cases.");
    const size_t k = codes.size();
    constexpr size_t kMaxGroups = 100;
    if (k > kMaxGroups)
        return makeError(ErrorCode::InvalidInput, "The factor has " + std::to_string(k) +
                                                      " distinct values; a one-way ANOVA compares at most " +
                                                      std::to_string(kMaxGroups) + " groups.");
    std::vector<size_t> group(values.size());
    for (size_t i = 0; i < values.size(); ++i)
        group[i] = static_cast<size_t>(std::lower_bound(codes.begin(), codes.end(), groups[i]) - codes.begin());

    const Layout layout = oneWay(values, group, weights, k);
    if (!(layout.f.df2 > 0))
        return makeError(ErrorCode::Numerical, "There are too few cases for a one-way ANOVA of " +
                                                   std::to_string(k) + " groups.");
    OnewayAnovaResult result;
    result.groups = summaries(layout, codes);
    result.anova = layout.f;
    result.etaSquared = layout.between / (layout.between + layout.within);
    result.levene = levene(values, group, weights, layout, center);

    // Welch: groups weighted by n_g / s_g².
    const double kd = static_cast<double>(k);
    std::vector<double> c(k);
    double u = 0, weightedMean = 0;
    for (size_t g = 0; g < k; ++g) {
        c[g] = layout.n[g] / (layout.sumSquares[g] / (layout.n[g] - 1.0));
        u += c[g];
        weightedMean += c[g] * layout.mean[g];
    }
    weightedMean /= u;
    double a = 0, lambda = 0;
    for (size_t g = 0; g < k; ++g) {
        a += c[g] * (layout.mean[g] - weightedMean) * (layout.mean[g] - weightedMean);
        lambda += (1.0 - c[g] / u) * (1.0 - c[g] / u) / (layout.n[g] - 1.0);
    }
    a /= kd - 1.0;
    result.welch.f = a / (1.0 + 2.0 * (kd - 2.0) * lambda / (kd * kd - 1.0));
    result.welch.df1 = kd - 1.0;
    result.welch.df2 = (kd * kd - 1.0) / (3.0 * lambda);
    result.welch.p = fisherUpperTail(result.welch.f, result.welch.df1, result.welch.df2);

    // Tukey–Kramer on the pooled within-group variance.
    const double mse = layout.within / layout.f.df2;
    const double q95 = studentizedRangeQuantile(0.95, kd, layout.f.df2);
    for (size_t i = 0; i < k; ++i)
        for (size_t j = i + 1; j < k; ++j) {
            TukeyComparison t;
            t.a = codes[i];
            t.b = codes[j];
            t.difference = layout.mean[i] - layout.mean[j];
            const double se = std::sqrt(mse / 2.0 * (1.0 / layout.n[i] + 1.0 / layout.n[j]));
            t.p = studentizedRangeUpper(std::fabs(t.difference) / se, kd, layout.f.df2);
            t.ciLow = t.difference - q95 * se;
            t.ciHigh = t.difference + q95 * se;
            result.tukey.push_back(t);
        }
    return result;
}

Expected<IndependentTTestResult> independentTTest(std::span<const double> values, std::span<const double> groups,
                                                  std::span<const double> weights, double first, double second,
                                                  LeveneCenter center)
{
    if (first == second)
        return makeError(ErrorCode::InvalidInput, "The t-test needs two different group codes.");
    std::vector<double> y, w;
    std::vector<size_t> group;
    for (size_t i = 0; i < values.size(); ++i) {
        if (groups[i] != first && groups[i] != second) continue;
        y.push_back(values[i]);
        w.push_back(weights[i]);
        group.push_back(groups[i] == first ? 0 : 1);
    }
    for (size_t g = 0; g < 2; ++g)
        if (std::find(group.begin(), group.end(), g) == group.end())
            return makeError(ErrorCode::Numerical, "The group with code " + DesignMatrix::codeText(g == 0 ? first : second) +
                                                       " has no valid cases (after the filter and missing values).");

    const Layout layout = oneWay(y, group, w, 2);
    if (!(layout.f.df2 > 0))
        return makeError(ErrorCode::Numerical, "There are too few cases for a t-test.");
    IndependentTTestResult result;
    const auto groupSummaries = summaries(layout, {first, second});
    result.groups = {groupSummaries[0], groupSummaries[1]};
    const double n1 = layout.n[0], n2 = layout.n[1];
    const double v1 = layout.sumSquares[0] / (n1 - 1.0), v2 = layout.sumSquares[1] / (n2 - 1.0);
    result.meanDifference = layout.mean[0] - layout.mean[1];

    const double pooled = layout.within / layout.f.df2;
    result.student.t = result.meanDifference / std::sqrt(pooled * (1.0 / n1 + 1.0 / n2));
    result.student.df = layout.f.df2;
    result.student.p = studentTwoSidedP(result.student.t, result.student.df);

    const double s1 = v1 / n1, s2 = v2 / n2;
    result.welch.t = result.meanDifference / std::sqrt(s1 + s2);
    result.welch.df = (s1 + s2) * (s1 + s2) / (s1 * s1 / (n1 - 1.0) + s2 * s2 / (n2 - 1.0));
    result.welch.p = studentTwoSidedP(result.welch.t, result.welch.df);

    result.levene = levene(y, group, w, layout, center);
    return result;
}

}  // namespace sl::core::stats
