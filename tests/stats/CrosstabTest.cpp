#include "core/stats/Crosstab.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>

using namespace sl::core;
using namespace sl::core::data;

namespace {

stats::CountedTable table(std::vector<double> rows, std::vector<double> cols, stats::Matrix counts)
{
    stats::CountedTable t;
    t.rowValues = std::move(rows);
    t.colValues = std::move(cols);
    t.counts = std::move(counts);
    return t;
}

Variable numericVariable(const char* name)
{
    Variable v;
    v.name = name;
    return v;
}

}  // namespace

TEST(Crosstab, ChiSquareOfTwoByTwoMatchesClosedForm)
{
    // X2 = n (ad - bc)^2 / (r1 r2 c1 c2) = 100 * 200^2 / (30 * 70 * 40 * 60); p = erfc(sqrt(X2 / 2)).
    const auto t = stats::crosstab(table({1, 2}, {1, 2}, {{10, 20}, {30, 40}}), {true, true});
    EXPECT_DOUBLE_EQ(t.n, 100);
    EXPECT_NEAR(t.pearson.statistic, 0.7936507936507936, 1e-14);
    EXPECT_EQ(t.pearson.df, 1);
    EXPECT_NEAR(t.pearson.p, 0.37299848361348714, 1e-12);
    EXPECT_NEAR(t.expected[0][0], 12, 1e-12);
    EXPECT_NEAR(t.rowPercent[0][1], 200.0 / 3, 1e-12);
    EXPECT_NEAR(t.colPercent[1][0], 75, 1e-12);
    // In a 2x2 table every adjusted residual is +-sqrt(X2) and V = |phi|.
    EXPECT_NEAR(t.adjustedResiduals[0][0], -std::sqrt(0.7936507936507936), 1e-12);
    ASSERT_TRUE(t.phi.has_value());
    EXPECT_NEAR(*t.phi, -0.0890870806374748, 1e-14);
    EXPECT_NEAR(t.cramersV, 0.0890870806374748, 1e-14);
    EXPECT_NEAR(t.contingencyCoefficient, std::sqrt(0.7936507936507936 / 100.7936507936507936), 1e-14);
    // Linear-by-linear = (n - 1) r^2 = (n - 1) / n X2 for a 2x2 table.
    EXPECT_NEAR(t.linearByLinear.statistic, 0.99 * 0.7936507936507936, 1e-12);
    // Likelihood ratio: 2 sum O ln(O / E).
    const double g2 = 2 * (10 * std::log(10 / 12.0) + 20 * std::log(20 / 18.0) + 30 * std::log(30 / 28.0) +
                           40 * std::log(40 / 42.0));
    EXPECT_NEAR(t.likelihoodRatio.statistic, g2, 1e-12);
    EXPECT_EQ(t.expectedBelow5Percent, 0);
}

TEST(Crosstab, ResidualsAndTotalPercentagesMatchTheirDefinitions)
{
    const auto t = stats::crosstab(table({1, 2}, {1, 2}, {{10, 20}, {30, 40}}));
    // E = 12, 18, 28, 42.
    EXPECT_NEAR(t.residuals[0][0], -2, 1e-12);
    EXPECT_NEAR(t.residuals[1][1], -2, 1e-12);
    EXPECT_NEAR(t.standardizedResiduals[0][1], 2 / std::sqrt(18.0), 1e-12);
    EXPECT_NEAR(t.totalPercent[1][0], 30, 1e-12);
    EXPECT_NEAR(t.minimumExpected, 12, 1e-12);
    EXPECT_EQ(t.cellsExpectedBelow5, 0u);
}

TEST(Crosstab, FisherOneSidedFollowsTheObservedDirection)
{
    // First cell 3 of the margins 4/4/4/4: P(X >= 3) = (16 + 1) / 70; R: alternative = "greater".
    EXPECT_NEAR(stats::fisherExactOneSided(3, 1, 1, 3), 17.0 / 70, 1e-14);
    // First cell 1, below its expectation 2: P(X <= 1) = (1 + 16) / 70; R: alternative = "less".
    EXPECT_NEAR(stats::fisherExactOneSided(1, 3, 3, 1), 17.0 / 70, 1e-14);
    const auto t = stats::crosstab(table({1, 2}, {1, 2}, {{3, 1}, {1, 3}}), {true, false});
    ASSERT_TRUE(t.fisherExactOneSidedP.has_value());
    EXPECT_NEAR(*t.fisherExactOneSidedP, 17.0 / 70, 1e-14);
    EXPECT_EQ(t.cellsExpectedBelow5, 4u);
    EXPECT_NEAR(t.minimumExpected, 2, 1e-12);
}

TEST(Crosstab, YatesCorrectionMatchesClosedForm)
{
    // n (|ad - bc| - n/2)^2 / (r1 r2 c1 c2) = 100 * 150^2 / 5040000.
    const auto t = stats::crosstab(table({1, 2}, {1, 2}, {{10, 20}, {30, 40}}));
    ASSERT_TRUE(t.continuityCorrected.has_value());
    EXPECT_NEAR(t.continuityCorrected->statistic, 0.44642857142857145, 1e-14);
    EXPECT_NEAR(t.continuityCorrected->p, 0.5040358664525048, 1e-12);
    EXPECT_FALSE(t.fisherExactP.has_value());  // not requested
    EXPECT_FALSE(t.gamma.has_value());
}

TEST(Crosstab, SingleRowHasNoTests)
{
    const auto t = stats::crosstab(table({1}, {1, 2}, {{3, 5}}), {true, true});
    EXPECT_DOUBLE_EQ(t.n, 8);
    EXPECT_NEAR(t.rowPercent[0][1], 62.5, 1e-12);
    EXPECT_TRUE(std::isnan(t.pearson.statistic));
    EXPECT_TRUE(std::isnan(t.pearson.p));
    EXPECT_TRUE(std::isnan(t.cramersV));
    EXPECT_FALSE(t.phi.has_value());
    EXPECT_FALSE(t.gamma.has_value());
}

TEST(Crosstab, FisherExactMatchesR)
{
    // R: fisher.test(matrix(c(3,1,1,3),2))$p.value
    EXPECT_NEAR(stats::fisherExactTwoSided(3, 1, 1, 3), 0.4857142857142857, 1e-14);
    // fisher.test(matrix(c(1,11,9,3),2))$p.value
    EXPECT_NEAR(stats::fisherExactTwoSided(1, 9, 11, 3), 0.0027594561852200836, 1e-15);
    EXPECT_NEAR(stats::fisherExactTwoSided(2, 7, 8, 2), 0.023014137565221155, 1e-14);
    EXPECT_NEAR(stats::fisherExactTwoSided(10, 20, 30, 40), 0.5044757698516282, 1e-13);
    const auto t = stats::crosstab(table({0, 1}, {0, 1}, {{3, 1}, {1, 3}}), {true, false});
    ASSERT_TRUE(t.fisherExactP.has_value());
    EXPECT_NEAR(*t.fisherExactP, 0.4857142857142857, 1e-14);
}

TEST(Crosstab, GammaAndTauBOfTwoByTwoAreYulesQAndPhi)
{
    const auto t = stats::crosstab(table({1, 2}, {1, 2}, {{10, 20}, {30, 40}}), {false, true});
    ASSERT_TRUE(t.gamma.has_value());
    ASSERT_TRUE(t.tauB.has_value());
    EXPECT_NEAR(t.gamma->value, (400.0 - 600) / (400 + 600), 1e-14);
    EXPECT_NEAR(t.tauB->value, -0.0890870806374748, 1e-14);
    EXPECT_DOUBLE_EQ(t.gamma->t, t.tauB->t);
    EXPECT_GT(t.gamma->ase, 0);
    EXPECT_NEAR(t.gamma->p, std::erfc(std::fabs(t.gamma->t) / std::sqrt(2.0)), 1e-15);
}

TEST(Crosstab, CountsByCodeSkipMissingAndFilteredCases)
{
    Variable row = numericVariable("row"), col = numericVariable("col"), w = numericVariable("w");
    row.missing.values = {9};
    // Case 4 is user-missing on row, case 5 system-missing on col, case 6 has weight 0,
    // case 7 is not selected.
    Dataset ds({row, col, w}, {Column::fromDoubles({1, 1, 2, 2, 9, 1, 2, 2}),
                               Column::fromDoubles({5, 7, 5, 7, 5, kSysmis, 5, 5}),
                               Column::fromDoubles({1, 2, 1.5, 1, 1, 1, 0, 1})});
    const transform::CaseMask mask(std::vector<uint8_t>{1, 1, 1, 1, 1, 1, 1, 0});
    auto tables = *stats::countTables(ds, mask, std::nullopt, 0, 1);
    ASSERT_EQ(tables.size(), 1u);
    EXPECT_EQ(tables[0].rowValues, (std::vector<double>{1, 2}));
    EXPECT_EQ(tables[0].colValues, (std::vector<double>{5, 7}));
    EXPECT_EQ(tables[0].counts, (stats::Matrix{{1, 1}, {2, 1}}));
    tables = *stats::countTables(ds, mask, size_t{2}, 0, 1);
    EXPECT_EQ(tables[0].counts, (stats::Matrix{{1, 2}, {1.5, 1}}));
}

TEST(Crosstab, CountsUncodedColumnsByValue)
{
    // More distinct values than coded storage holds: the row column is stored as doubles.
    const size_t n = 66000;
    NumericColumnBuilder rows, cols;
    std::vector<uint8_t> selected(n, 0);
    for (size_t c = 0; c < n; ++c) {
        rows.append(c < 10 ? static_cast<double>(c % 3 + 1) : static_cast<double>(c) + 0.5);
        cols.append(static_cast<double>(c % 2));
        selected[c] = c < 10;
    }
    Variable row = numericVariable("row");
    row.missing.values = {3};
    Dataset ds({row, numericVariable("col")}, {rows.finish(), cols.finish()});
    ASSERT_EQ(ds.column(0).storage(), Column::Storage::Doubles);
    const auto tables = *stats::countTables(ds, transform::CaseMask(selected), std::nullopt, 0, 1);
    EXPECT_EQ(tables[0].rowValues, (std::vector<double>{1, 2}));
    EXPECT_EQ(tables[0].colValues, (std::vector<double>{0, 1}));
    EXPECT_EQ(tables[0].counts, (stats::Matrix{{2, 2}, {1, 2}}));
}

TEST(Crosstab, RefusesTablesOfContinuousVariables)
{
    NumericColumnBuilder x;
    for (size_t c = 0; c < 70000; ++c) x.append(static_cast<double>(c) / 7);
    const auto column = x.finish();
    Dataset ds({numericVariable("x"), numericVariable("y")}, {column, column});
    const auto tables = stats::countTables(ds, transform::CaseMask::all(70000), std::nullopt, 0, 1);
    ASSERT_FALSE(tables.hasValue());
    EXPECT_EQ(tables.error().code, ErrorCode::Unsupported);
}

TEST(Crosstab, LayersHoldOnlyTheirObservedValues)
{
    Dataset ds({numericVariable("row"), numericVariable("col"), numericVariable("layer")},
               {Column::fromDoubles({1, 2, 1, 3, 3}), Column::fromDoubles({1, 1, 2, 2, 1}),
                Column::fromDoubles({10, 10, 10, 20, 20})});
    const auto tables = *stats::countTables(ds, transform::CaseMask::all(5), std::nullopt, 0, 1, size_t{2});
    ASSERT_EQ(tables.size(), 2u);
    EXPECT_EQ(tables[0].layerValue, 10);
    EXPECT_EQ(tables[0].rowValues, (std::vector<double>{1, 2}));
    EXPECT_EQ(tables[0].counts, (stats::Matrix{{1, 1}, {1, 0}}));
    EXPECT_EQ(tables[1].layerValue, 20);
    EXPECT_EQ(tables[1].rowValues, (std::vector<double>{3}));
    EXPECT_EQ(tables[1].colValues, (std::vector<double>{1, 2}));
}

TEST(Crosstab, CountsAMillionCasesQuickly)
{
    const size_t n = 1000000;
    NumericColumnBuilder rows, cols;
    for (size_t c = 0; c < n; ++c) {
        rows.append(static_cast<double>(c % 6 + 1));
        cols.append(static_cast<double>(c % 7 % 2));
    }
    Dataset ds({numericVariable("row"), numericVariable("col")}, {rows.finish(), cols.finish()});
    const auto start = std::chrono::steady_clock::now();
    const auto tables = *stats::countTables(ds, transform::CaseMask::all(n), std::nullopt, 0, 1);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ASSERT_EQ(tables[0].counts.size(), 6u);
    double total = 0;
    for (const auto& line : tables[0].counts)
        for (double v : line) total += v;
    EXPECT_EQ(total, static_cast<double>(n));
    EXPECT_LT(seconds, 0.1);  // about 3 ms in a debug build, 1 ms optimised
}
