#include "core/stats/Frequencies.h"

#include <gtest/gtest.h>

using namespace sl::core;
using namespace sl::core::data;

TEST(Frequencies, PoolsUserAndSystemMissing)
{
    Variable g;
    g.name = "g";
    g.missing.values = {99};
    Dataset ds({g}, {Column::fromDoubles({1, 2, 2, 99, kSysmis, 1, 2})});
    auto t = stats::frequencies(ds, 0, transform::CaseMask::all(7));
    EXPECT_EQ(t.values, (std::vector<double>{1, 2}));
    EXPECT_EQ(t.counts, (std::vector<double>{2, 3}));
    EXPECT_DOUBLE_EQ(t.nValid, 5);
    EXPECT_DOUBLE_EQ(t.nMissing, 2);
}

TEST(Frequencies, QuantileType6MatchesR)
{
    // R: quantile(c(1,2,3,4,10), c(.25,.5,.75), type = 6) -> 1.5 3 7
    std::vector<double> v{1, 2, 3, 4, 10};
    EXPECT_DOUBLE_EQ(stats::quantileType6(v, 0.25), 1.5);
    EXPECT_DOUBLE_EQ(stats::quantileType6(v, 0.5), 3);
    EXPECT_DOUBLE_EQ(stats::quantileType6(v, 0.75), 7);
}
