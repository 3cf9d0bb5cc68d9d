#include "core/transform/CaseFilter.h"

#include <gtest/gtest.h>

using namespace sl::core;
using namespace sl::core::data;
using namespace sl::core::transform;

namespace {
Dataset sample()
{
    Variable country;
    country.name = "country";
    Variable gender;
    gender.name = "gender";
    gender.missing.values = {99};
    return Dataset({country, gender}, {Column::fromDoubles({1, 1, 2, 2, kSysmis}), Column::fromDoubles({1, 99, 2, kSysmis, 1})});
}
}  // namespace

TEST(CaseFilter, InSelectsListedCodes)
{
    auto ds = sample();
    auto mask = evaluateFilter(ds, {{"country", ConditionOp::In, {1}, {}}});
    ASSERT_TRUE(mask);
    EXPECT_EQ(mask->selectedCount(), 2u);
    EXPECT_TRUE(mask->isSelected(0));
    EXPECT_FALSE(mask->isSelected(4));
}

TEST(CaseFilter, MissingValuesNeverSatisfyNotIn)
{
    auto ds = sample();
    auto mask = evaluateFilter(ds, {{"gender", ConditionOp::NotIn, {2}, {}}});
    ASSERT_TRUE(mask);
    EXPECT_EQ(mask->selectedCount(), 2u);  // cases 0 and 4; 99 is user-missing
    auto missing = evaluateFilter(ds, {{"gender", ConditionOp::Missing, {}, {}}});
    EXPECT_EQ(missing->selectedCount(), 2u);
}

TEST(CaseFilter, UnknownVariableIsAnErrorNamingIt)
{
    auto ds = sample();
    auto mask = evaluateFilter(ds, {{"region", ConditionOp::In, {1}, {}}});
    ASSERT_FALSE(mask);
    EXPECT_EQ(mask.error().where, "variable region");
}
