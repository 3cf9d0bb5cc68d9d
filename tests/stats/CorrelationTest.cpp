#include "core/stats/Correlation.h"
#include "core/stats/Distributions.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace sl::core;
using namespace sl::core::data;

TEST(Correlation, PearsonMatchesHandComputation)
{
    // sxy = 6, sxx = 10, syy = 6: r = 6 / sqrt(60); t = 3 / sqrt(2) on 3 df.
    const auto c = stats::pearson({1, 2, 3, 4, 5}, {2, 4, 5, 4, 5}, {1, 1, 1, 1, 1});
    EXPECT_DOUBLE_EQ(c.n, 5);
    EXPECT_NEAR(c.r, 6 / std::sqrt(60.0), 1e-15);
    EXPECT_NEAR(c.p, 0.12402706265755459, 1e-12);
}

TEST(Correlation, FrequencyWeightsEqualRepeatedCases)
{
    const auto weighted = stats::pearson({1, 2, 3, 4}, {3, 1, 4, 5}, {2, 1, 3, 1.5});
    const auto repeated = stats::pearson({1, 1, 2, 3, 3, 3, 4}, {3, 3, 1, 4, 4, 4, 5}, {1, 1, 1, 1, 1, 1, 1});
    EXPECT_DOUBLE_EQ(weighted.n, 7.5);
    const auto whole = stats::pearson({1, 2, 3, 4}, {3, 1, 4, 5}, {2, 1, 3, 1});
    EXPECT_NEAR(whole.r, repeated.r, 1e-14);
    EXPECT_NEAR(whole.p, repeated.p, 1e-14);
    EXPECT_NE(weighted.r, whole.r);
}

TEST(Correlation, AverageRanksShareTies)
{
    EXPECT_EQ(stats::averageRanks({30, 10, 20, 20}), (std::vector<double>{4, 1, 2.5, 2.5}));
}

TEST(Correlation, SpearmanOfMonotoneDataIsOne)
{
    const auto c = stats::spearman({1, 2, 3, 4, 5}, {1, 8, 27, 64, 125});
    EXPECT_NEAR(c.r, 1, 1e-15);
    EXPECT_EQ(c.p, 0);
}

TEST(Correlation, MatrixUsesPairwiseDeletion)
{
    Variable a, b, c;
    a.name = "a";
    b.name = "b";
    c.name = "c";
    c.missing.values = {99};
    Dataset ds({a, b, c}, {Column::fromDoubles({1, 2, 3, 4, 5}), Column::fromDoubles({2, 4, 5, 4, 5}),
                           Column::fromDoubles({1, 3, 99, 2, kSysmis})});
    transform::CaseSelection all;
    all.cases = {0, 1, 2, 3, 4};
    all.weights.assign(5, 1.0);
    const auto m = stats::correlationMatrix(ds, {0, 1, 2}, all, stats::CorrelationMethod::Pearson);
    EXPECT_EQ(m[0][0].r, 1);
    EXPECT_TRUE(std::isnan(m[0][0].p));
    EXPECT_EQ(m[0][0].n, 5);
    EXPECT_EQ(m[2][2].n, 3);
    EXPECT_EQ(m[0][1].n, 5);
    EXPECT_NEAR(m[0][1].r, 6 / std::sqrt(60.0), 1e-15);
    EXPECT_EQ(m[0][2].n, 3);
    EXPECT_NEAR(m[0][2].r, stats::pearson({1, 2, 4}, {1, 3, 2}, {1, 1, 1}).r, 1e-15);
    EXPECT_EQ(m[2][0].r, m[0][2].r);
}

TEST(Distributions, TailsMatchClosedForms)
{
    // chi-square with 2 df: P(X >= x) = exp(-x / 2).
    EXPECT_NEAR(stats::chiSquaredUpperTail(3.0, 2), std::exp(-1.5), 1e-15);
    EXPECT_EQ(stats::chiSquaredUpperTail(0.0, 3), 1.0);
    // t with 1 df is Cauchy: P(|T| >= 1) = 1/2.
    EXPECT_NEAR(stats::studentTwoSidedP(-1.0, 1), 0.5, 1e-15);
    EXPECT_NEAR(stats::normalTwoSidedP(1.959963984540054), 0.05, 1e-14);
    // F(2, 2): P(F >= f) = 1 / (1 + f).
    EXPECT_NEAR(stats::fisherUpperTail(3.0, 2, 2), 0.25, 1e-15);
    EXPECT_NEAR(stats::studentQuantile(0.75, 1), 1.0, 1e-14);
    EXPECT_NEAR(stats::normalQuantile(0.975), 1.959963984540054, 1e-14);
    EXPECT_NEAR(stats::chiSquaredQuantile(1 - std::exp(-1.5), 2), 3.0, 1e-12);
    EXPECT_NEAR(stats::fisherQuantile(0.75, 2, 2), 3.0, 1e-12);
    EXPECT_TRUE(std::isnan(stats::chiSquaredUpperTail(1.0, 0)));
    EXPECT_EQ(stats::studentTwoSidedP(1e6, 3000), 0.0);
}
