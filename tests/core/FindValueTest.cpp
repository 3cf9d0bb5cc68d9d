#include "core/transform/FindValue.h"

#include <gtest/gtest.h>

using namespace sl::core::data;
using namespace sl::core::transform;

namespace {
ValueMatch numberEquals(double wanted)
{
    return {[wanted](double v) { return v == wanted; }, {}};
}
}  // namespace

TEST(FindValue, CodedColumnFindsNextMatchAndWraps)
{
    const auto column = Column::fromDoubles({2, 1, kSysmis, 2, 1});
    ASSERT_TRUE(column->isCoded());
    EXPECT_EQ(findNextMatch(*column, numberEquals(2), 0), 0u);
    EXPECT_EQ(findNextMatch(*column, numberEquals(2), 1), 3u);
    EXPECT_EQ(findNextMatch(*column, numberEquals(2), 4), 0u);  // wraps
    EXPECT_EQ(findNextMatch(*column, numberEquals(2), 99), 0u);
    EXPECT_FALSE(findNextMatch(*column, numberEquals(7), 0));
}

TEST(FindValue, CodedColumnAsksEachLevelOnce)
{
    std::vector<double> values;
    for (int i = 0; i < 100000; ++i) values.push_back(i % 5 + 1);
    const auto column = Column::fromDoubles(values);
    int asked = 0;
    const ValueMatch match{[&asked](double v) { ++asked; return v == 5; }, {}};
    EXPECT_EQ(findNextMatch(*column, match, 5), 9u);
    EXPECT_EQ(asked, 5);
}

TEST(FindValue, SystemMissingNeverMatches)
{
    const auto column = Column::fromDoubles({kSysmis, kSysmis});
    const ValueMatch anything{[](double) { return true; }, {}};
    EXPECT_FALSE(findNextMatch(*column, anything, 0));
}

TEST(FindValue, FollowsShownOrder)
{
    const auto column = Column::fromDoubles({1, 2, 1, 2});
    const std::vector<size_t> order{3, 1, 2, 0};  // shown rows: 2, 2, 1, 1
    EXPECT_EQ(findNextMatch(*column, numberEquals(1), 0, order), 2u);
    EXPECT_EQ(findNextMatch(*column, numberEquals(2), 2, order), 0u);
}

TEST(FindValue, DoublesColumnFindsValue)
{
    std::vector<double> values;
    for (int i = 0; i < 70000; ++i) values.push_back(i + 0.5);
    const auto column = Column::fromDoubles(values);
    ASSERT_EQ(column->storage(), Column::Storage::Doubles);
    EXPECT_EQ(findNextMatch(*column, numberEquals(12.5), 13), 12u);
}

TEST(FindValue, TextColumnFindsText)
{
    const auto column = Column::fromStrings({"School", "Hospital", "School"});
    const ValueMatch match{{}, [](std::string_view s) { return s == "School"; }};
    EXPECT_EQ(findNextMatch(*column, match, 1), 2u);
    EXPECT_EQ(findNextMatch(*column, match, 3), 0u);
    EXPECT_FALSE(findNextMatch(*column, numberEquals(1), 0));
}
