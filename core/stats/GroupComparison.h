#pragma once
// Comparisons of a numeric variable across groups: one-way ANOVA (with Levene, Welch and Tukey)
// and the independent-samples t-test, with frequency weights.
#include "core/common/Expected.h"

#include <array>
#include <span>
#include <vector>

namespace sl::core::stats {

// Where Levene's test centres each group's absolute deviations: SPSS and R's car::leveneTest differ.
enum class LeveneCenter {
    Mean,    // SPSS T-TEST and ONEWAY (car::leveneTest(center = mean))
    Median,  // Brown–Forsythe, car::leveneTest's default
};

struct GroupSummary {
    double value = 0;  // the group's code
    double n = 0;      // sum of weights
    double mean = 0;
    double sd = 0;     // denominator n − 1
};

struct FTest {
    double f = 0, df1 = 0, df2 = 0, p = 0;
};

struct TTest {
    double t = 0, df = 0, p = 0;  // p two-sided
};

/// Tukey–Kramer comparison of groups a < b: difference = mean(a) − mean(b) (SPSS's I − J).
struct TukeyComparison {
    double a = 0, b = 0;
    double difference = 0, ciLow = 0, ciHigh = 0, p = 0;
};

struct OnewayAnovaResult {
    std::vector<GroupSummary> groups;  // ascending code
    FTest anova;
    double etaSquared = 0;
    FTest levene;   // ANOVA F of |x − group centre|, the centre chosen by LeveneCenter
    FTest welch;    // R's oneway.test(var.equal = FALSE)
    std::vector<TukeyComparison> tukey;  // pairs by a, then b; 95% intervals
};

struct IndependentTTestResult {
    std::array<GroupSummary, 2> groups;  // in the order asked for
    TTest student;                       // pooled variance, df = n1 + n2 − 2
    TTest welch;                         // Satterthwaite df
    double meanDifference = 0;           // first minus second
    FTest levene;
};

/// One-way ANOVA of `values` by the group codes in `groups` (one entry per case, with its
/// frequency weight; missing values already removed). Groups are the codes observed, ascending.
/// df2 = W − k with W the sum of weights; variances use n_g − 1. Tukey p-values and intervals
/// use R's ptukey/qtukey (StudentizedRange.h), as TukeyHSD does. Levene's test centres each group
/// on its mean (SPSS) or its median (the median of the values repeated as their weights). Errors:
/// fewer than two or more than 100 groups, no residual degrees of freedom.
Expected<OnewayAnovaResult> onewayAnova(std::span<const double> values, std::span<const double> groups,
                                        std::span<const double> weights, LeveneCenter center = LeveneCenter::Mean);

/// Independent-samples t-test of `values` between the cases whose group code is `first` and
/// those whose code is `second` (other cases are ignored). As SPSS T-TEST and R's t.test.
/// Errors: a group without cases, no degrees of freedom.
Expected<IndependentTTestResult> independentTTest(std::span<const double> values, std::span<const double> groups,
                                                  std::span<const double> weights, double first, double second,
                                                  LeveneCenter center = LeveneCenter::Mean);

}  // namespace sl::core::stats
