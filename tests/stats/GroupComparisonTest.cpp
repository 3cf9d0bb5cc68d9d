#include "core/stats/Distributions.h"
#include "core/stats/GroupComparison.h"
#include "core/stats/StudentizedRange.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace sl::core;

namespace {

const std::vector<double> kValues{3, 5, 4, 6, 8, 7, 9, 2, 4, 5, 12, 10, 11, 9};
const std::vector<double> kGroups{1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3};
const std::vector<double> kOnes(14, 1.0);

}  // namespace

TEST(GroupComparison, AnovaOfHandComputedGroups)
{
    // Group means 4.5, 35/6, 10.5; grand mean 95/14.
    auto a = stats::onewayAnova(kValues, kGroups, kOnes);
    ASSERT_TRUE(a.hasValue());
    ASSERT_EQ(a->groups.size(), 3u);
    EXPECT_DOUBLE_EQ(a->groups[1].mean, 35.0 / 6);
    EXPECT_NEAR(a->groups[0].sd, std::sqrt(5.0 / 3), 1e-14);  // SS 5 over 3 df
    const double grand = 95.0 / 14;
    const double between = 4 * std::pow(4.5 - grand, 2) + 6 * std::pow(35.0 / 6 - grand, 2) + 4 * std::pow(10.5 - grand, 2);
    const double within = 5 + (std::pow(8 - 35.0 / 6, 2) + std::pow(7 - 35.0 / 6, 2) + std::pow(9 - 35.0 / 6, 2) +
                               std::pow(2 - 35.0 / 6, 2) + std::pow(4 - 35.0 / 6, 2) + std::pow(5 - 35.0 / 6, 2)) + 5;
    EXPECT_NEAR(a->anova.f, (between / 2) / (within / 11), 1e-12);
    EXPECT_EQ(a->anova.df2, 11);
    EXPECT_NEAR(a->etaSquared, between / (between + within), 1e-14);
    ASSERT_EQ(a->tukey.size(), 3u);
    EXPECT_EQ(a->tukey[1].a, 1);
    EXPECT_EQ(a->tukey[1].b, 3);
    EXPECT_DOUBLE_EQ(a->tukey[1].difference, 4.5 - 10.5);
    // Interval and p-value describe the same studentized range.
    const double se = std::sqrt(within / 11 / 2 * (1.0 / 4 + 1.0 / 4));
    const double q = stats::studentizedRangeQuantile(0.95, 3, 11);
    EXPECT_NEAR(a->tukey[1].ciHigh - a->tukey[1].ciLow, 2 * q * se, 1e-12);
    EXPECT_NEAR(a->tukey[1].p, stats::studentizedRangeUpper(6 / se, 3, 11), 1e-15);
}

TEST(GroupComparison, TwoGroupAnovaAgreesWithTheTTest)
{
    const std::vector<double> y{3, 5, 4, 6, 8, 7, 9, 2, 4, 5};
    const std::vector<double> g{1, 1, 1, 1, 2, 2, 2, 2, 2, 2};
    const std::vector<double> w{1, 2, 1, 1.5, 1, 1, 0.5, 2, 1, 1};
    auto a = stats::onewayAnova(y, g, w);
    auto t = stats::independentTTest(y, g, w, 1, 2);
    ASSERT_TRUE(a.hasValue() && t.hasValue());
    EXPECT_NEAR(t->student.t * t->student.t, a->anova.f, 1e-12);
    EXPECT_NEAR(t->student.p, a->anova.p, 1e-12);
    EXPECT_NEAR(t->student.df, a->anova.df2, 1e-12);
    EXPECT_NEAR(t->levene.f, a->levene.f, 1e-12);
    // With two groups Welch's ANOVA is the square of Welch's t, with the same df.
    EXPECT_NEAR(t->welch.t * t->welch.t, a->welch.f, 1e-10);
    EXPECT_NEAR(t->welch.df, a->welch.df2, 1e-10);
    EXPECT_NEAR(t->welch.p, a->welch.p, 1e-10);
    // Tukey with two groups: q = sqrt(2) |t|.
    EXPECT_NEAR(a->tukey[0].p, t->student.p, 1e-7);
}

TEST(GroupComparison, TTestFollowsTheOrderOfTheValues)
{
    auto t = stats::independentTTest(kValues, kGroups, kOnes, 3, 1);
    ASSERT_TRUE(t.hasValue());
    EXPECT_EQ(t->groups[0].value, 3);
    EXPECT_EQ(t->groups[1].n, 4);
    EXPECT_DOUBLE_EQ(t->meanDifference, 10.5 - 4.5);
    // Both groups have variance 5/3 and n = 4: pooled and Welch agree, df = 6 and 6.
    EXPECT_NEAR(t->student.t, 6 / std::sqrt(5.0 / 3 * 0.5), 1e-12);
    EXPECT_NEAR(t->welch.t, t->student.t, 1e-12);
    EXPECT_NEAR(t->welch.df, 6, 1e-12);
    EXPECT_NEAR(t->student.p, stats::studentTwoSidedP(t->student.t, 6), 1e-15);
}

TEST(GroupComparison, WelchDegreesOfFreedomForUnequalVariances)
{
    const std::vector<double> y{1, 2, 3, 10, 20, 30, 40};
    const std::vector<double> g{0, 0, 0, 1, 1, 1, 1};
    auto t = stats::independentTTest(y, g, std::vector<double>(7, 1.0), 0, 1);
    ASSERT_TRUE(t.hasValue());
    const double s1 = 1.0 / 3, s2 = (500.0 / 3) / 4;  // variance / n
    EXPECT_NEAR(t->welch.df, std::pow(s1 + s2, 2) / (s1 * s1 / 2 + s2 * s2 / 3), 1e-10);
    EXPECT_NEAR(t->welch.t, (2 - 25) / std::sqrt(s1 + s2), 1e-12);
}

TEST(GroupComparison, ImpossibleComparisonsAreErrors)
{
    EXPECT_FALSE(stats::onewayAnova(std::vector<double>{1, 2}, std::vector<double>{1, 1}, kOnes).hasValue());
    auto missing = stats::independentTTest(kValues, kGroups, kOnes, 1, 5);
    ASSERT_FALSE(missing.hasValue());
    EXPECT_NE(missing.error().message.find("code 5"), std::string::npos);
    EXPECT_FALSE(stats::independentTTest(kValues, kGroups, kOnes, 2, 2).hasValue());
}

TEST(StudentizedRange, TwoMeansAreTheTDistribution)
{
    // The range of two means is sqrt(2) |T|.
    for (double df : {5.0, 20.0, 113.5, 3000.0})
        for (double q : {0.5, 2.0, 3.5, 5.0}) {
            EXPECT_NEAR(stats::studentizedRangeUpper(q, 2, df), stats::studentTwoSidedP(q / std::sqrt(2.0), df), 1e-8)
                << "q " << q << " df " << df;
        }
    EXPECT_NEAR(stats::studentizedRangeQuantile(0.95, 2, 20), std::sqrt(2.0) * stats::studentQuantile(0.975, 20), 1e-6);
}

TEST(StudentizedRange, VeryLargeDfIsTheRangeOfNormals)
{
    // Above 25000 df the range of two standard normals: P(|Z1 − Z2| <= q) = 2 Phi(q / sqrt 2) − 1.
    for (double q : {0.3, 1.0, 2.5, 4.0})
        EXPECT_NEAR(stats::studentizedRangeCdf(q, 2, 1e5), std::erf(q / 2), 1e-9);
}

TEST(StudentizedRange, QuantilesMatchPublishedTables)
{
    // Upper 5% points of the studentized range (Harter 1960), printed to 3 decimals.
    EXPECT_NEAR(stats::studentizedRangeQuantile(0.95, 3, 20), 3.578, 5e-4);
    EXPECT_NEAR(stats::studentizedRangeQuantile(0.95, 4, 20), 3.958, 5e-4);
    EXPECT_NEAR(stats::studentizedRangeQuantile(0.95, 5, 10), 4.654, 5e-4);
    const double q = stats::studentizedRangeQuantile(0.95, 6, 37.5);
    EXPECT_NEAR(stats::studentizedRangeCdf(q, 6, 37.5), 0.95, 1e-6);
    EXPECT_TRUE(std::isnan(stats::studentizedRangeCdf(2, 1, 20)));
    EXPECT_EQ(stats::studentizedRangeCdf(-1, 3, 20), 0);
}
