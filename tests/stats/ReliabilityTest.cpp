#include "core/stats/MultipleResponse.h"
#include "core/stats/Reliability.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace sl::core;
using namespace sl::core::data;

namespace {

Dataset numericDataset(const std::vector<std::vector<double>>& columns)
{
    std::vector<Variable> vars;
    std::vector<ColumnPtr> cols;
    for (size_t i = 0; i < columns.size(); ++i) {
        Variable v;
        v.name = "v" + std::to_string(i + 1);
        vars.push_back(v);
        cols.push_back(Column::fromDoubles(columns[i]));
    }
    return Dataset(std::move(vars), std::move(cols));
}

transform::CaseSelection allCases(size_t n)
{
    transform::CaseSelection s;
    for (size_t c = 0; c < n; ++c) s.cases.push_back(c);
    s.weights.assign(n, 1.0);
    return s;
}

}  // namespace

TEST(Reliability, IdenticalItemsHaveAlphaOne)
{
    const auto ds = numericDataset({{1, 2, 4, 5}, {1, 2, 4, 5}, {1, 2, 4, 5}});
    const auto r = stats::reliability(ds, {0, 1, 2}, allCases(4));
    EXPECT_NEAR(r.alpha, 1, 1e-14);
    EXPECT_NEAR(r.standardizedAlpha, 1, 1e-14);
    EXPECT_NEAR(r.items[0].correctedItemTotalR, 1, 1e-14);
    EXPECT_NEAR(r.items[2].alphaIfDeleted, 1, 1e-14);
}

TEST(Reliability, TwoItemsMatchHandComputation)
{
    // Variances 1 and 1, covariance 0.5: alpha = 2 (1 - 2 / 3) = 2/3, r = 0.5.
    const auto ds = numericDataset({{1, 2, 3}, {1, 3, 2}});
    const auto r = stats::reliability(ds, {0, 1}, allCases(3));
    EXPECT_DOUBLE_EQ(r.n, 3);
    EXPECT_NEAR(r.alpha, 2.0 / 3, 1e-14);
    EXPECT_NEAR(r.standardizedAlpha, 2.0 / 3, 1e-14);
    EXPECT_NEAR(r.items[0].correctedItemTotalR, 0.5, 1e-14);
    EXPECT_TRUE(std::isnan(r.items[0].alphaIfDeleted));  // a single item has no alpha
}

TEST(MultipleResponse, CountsCasesWithACountedItem)
{
    // Items v1, v2; group v3. Case 3 has no counted item; case 4's item is missing.
    const auto ds = numericDataset({{1, 1, 0, 0, kSysmis}, {0, 1, 1, 0, 1}, {1, 2, 2, 1, 1}});
    const auto t = stats::multipleResponse(ds, {0, 1}, 1, allCases(5), size_t{2});
    EXPECT_DOUBLE_EQ(t.nCases, 4);
    EXPECT_EQ(t.counts, (std::vector<double>{2, 3}));
    EXPECT_NEAR(t.percentOfResponses[0], 40, 1e-12);
    EXPECT_NEAR(t.percentOfCases[1], 75, 1e-12);
    EXPECT_EQ(t.groupValues, (std::vector<double>{1, 2}));
    EXPECT_EQ(t.groupCases, (std::vector<double>{2, 2}));
    EXPECT_EQ(t.groupCounts, (std::vector<std::vector<double>>{{1, 1}, {1, 2}}));
    EXPECT_NEAR(t.groupPercentOfCases[1][1], 100, 1e-12);
}
