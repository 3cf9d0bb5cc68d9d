#include "core/transform/CaseOrder.h"

#include <gtest/gtest.h>

using namespace sl::core::data;
using namespace sl::core::transform;

TEST(CaseOrder, CodedColumnSortsStablyWithMissingLast)
{
    const auto column = Column::fromDoubles({3, kSysmis, 1, 3, 2, 1});
    ASSERT_TRUE(column->isCoded());
    EXPECT_EQ(sortedCaseOrder(*column, SortDirection::Ascending), (std::vector<size_t>{2, 5, 4, 0, 3, 1}));
    EXPECT_EQ(sortedCaseOrder(*column, SortDirection::Descending), (std::vector<size_t>{0, 3, 4, 2, 5, 1}));
}

TEST(CaseOrder, DoublesColumnSortsStablyWithMissingLast)
{
    // More distinct values than coded storage holds.
    std::vector<double> values;
    for (int i = 0; i < 70000; ++i) values.push_back(70000.5 - i);
    values[10] = kSysmis;
    values[20] = values[30];
    const auto column = Column::fromDoubles(values);
    ASSERT_EQ(column->storage(), Column::Storage::Doubles);

    const auto ascending = sortedCaseOrder(*column, SortDirection::Ascending);
    ASSERT_EQ(ascending.size(), values.size());
    EXPECT_EQ(ascending.front(), 69999u);
    EXPECT_EQ(ascending.back(), 10u);
    const auto tie = std::find(ascending.begin(), ascending.end(), 20u);
    ASSERT_NE(tie, ascending.end());
    EXPECT_EQ(*(tie + 1), 30u);  // equal values keep file order
    for (size_t k = 1; k + 1 < ascending.size(); ++k) EXPECT_LE(values[ascending[k - 1]], values[ascending[k]]);

    const auto descending = sortedCaseOrder(*column, SortDirection::Descending);
    EXPECT_EQ(descending.front(), 0u);
    EXPECT_EQ(descending.back(), 10u);
}

TEST(CaseOrder, TextColumnSortsByBytes)
{
    const auto column = Column::fromStrings({"School", "Hospital", "Child welfare", "Hospital"});
    EXPECT_EQ(sortedCaseOrder(*column, SortDirection::Ascending), (std::vector<size_t>{2, 1, 3, 0}));
    EXPECT_EQ(sortedCaseOrder(*column, SortDirection::Descending), (std::vector<size_t>{0, 1, 3, 2}));
}
