#include "core/data/Column.h"
#include "core/data/Dataset.h"

#include <gtest/gtest.h>

using namespace sl::core::data;

TEST(Column, SmallIntegerCodesUseOneBytePerCase)
{
    auto col = Column::fromDoubles({3, 1, kSysmis, 2, 1, 99});
    ASSERT_EQ(col->storage(), Column::Storage::Codes8);
    EXPECT_EQ(col->levels(), (std::vector<double>{1, 2, 3, 99}));
    EXPECT_EQ(col->code(0), 3u);
    EXPECT_EQ(col->code(2), 0u);
    EXPECT_DOUBLE_EQ(col->number(5), 99);
    EXPECT_TRUE(std::isnan(col->number(2)));
}

TEST(Column, NonIntegerAndNegativeLevelsAreSorted)
{
    auto col = Column::fromDoubles({2.5, -1, 0.25, 2.5, -0.0, 0});
    ASSERT_TRUE(col->isCoded());
    EXPECT_EQ(col->levels(), (std::vector<double>{-1, 0, 0.25, 2.5}));
    EXPECT_DOUBLE_EQ(col->number(0), 2.5);
    EXPECT_EQ(col->code(4), col->code(5));
}

TEST(Column, ManyDistinctValuesUseTwoBytesThenDoubles)
{
    std::vector<double> v;
    for (int i = 0; i < 1000; ++i) v.push_back(i * 0.5);
    auto col16 = Column::fromDoubles(v);
    EXPECT_EQ(col16->storage(), Column::Storage::Codes16);
    EXPECT_DOUBLE_EQ(col16->number(999), 499.5);
    std::vector<double> w;
    for (int i = 0; i < 70000; ++i) w.push_back(i * 0.25);
    auto colD = Column::fromDoubles(w);
    EXPECT_EQ(colD->storage(), Column::Storage::Doubles);
    EXPECT_DOUBLE_EQ(colD->number(69999), 69999 * 0.25);
}

TEST(Column, StringsKeepTheirBytes)
{
    auto col = Column::fromStrings({"a", "", "ünï"});
    EXPECT_EQ(col->text(0), "a");
    EXPECT_EQ(col->text(1), "");
    EXPECT_EQ(col->text(2), "ünï");
    EXPECT_TRUE(std::isnan(col->number(0)));
}

TEST(Dataset, FindsVariablesCaseInsensitivelyAndSharesColumns)
{
    Variable a;
    a.name = "Age";
    auto col = Column::fromDoubles({1, 2, 3});
    Dataset ds({a}, {col});
    EXPECT_EQ(ds.indexOf("age"), 0u);
    EXPECT_FALSE(ds.indexOf("sex").has_value());
    Variable b;
    b.name = "sex";
    auto next = ds.withVariable(b, Column::fromDoubles({1, 1, 2}));
    EXPECT_EQ(next->variableCount(), 2u);
    EXPECT_EQ(ds.variableCount(), 1u);
    EXPECT_EQ(next->columnPtr(0).get(), col.get());
    auto sub = next->withCases({2, 0});
    EXPECT_DOUBLE_EQ(sub->column(0).number(0), 3);
    EXPECT_DOUBLE_EQ(sub->column(1).number(0), 2);
}

TEST(MissingSpec, DiscreteCodesAndRange)
{
    MissingSpec m;
    m.values = {99};
    m.range = std::make_pair(-9.0, -1.0);
    EXPECT_TRUE(m.isMissing(99));
    EXPECT_TRUE(m.isMissing(-5));
    EXPECT_TRUE(m.isMissing(kSysmis));
    EXPECT_FALSE(m.isMissing(0));
}

TEST(Column, BuilderSwitchesFromByteCodesToDoublesMidway)
{
    NumericColumnBuilder b;
    b.reserve(4);
    b.append(3);
    b.appendMissing();
    b.append(254);
    b.append(255);  // not a one-byte code any more
    b.append(2.5);
    auto col = b.finish();
    ASSERT_TRUE(col->isCoded());
    EXPECT_EQ(col->levels(), (std::vector<double>{2.5, 3, 254, 255}));
    EXPECT_DOUBLE_EQ(col->number(0), 3);
    EXPECT_TRUE(std::isnan(col->number(1)));
    EXPECT_DOUBLE_EQ(col->number(3), 255);
    EXPECT_EQ(b.size(), 0u);  // the builder is empty and reusable after finish()
    b.append(1);
    EXPECT_EQ(b.finish()->size(), 1u);
}

TEST(Column, ByteCodesKeepZeroAndMissing)
{
    auto col = Column::fromDoubles({0, kSysmis, 0, 7});
    ASSERT_EQ(col->storage(), Column::Storage::Codes8);
    EXPECT_EQ(col->levels(), (std::vector<double>{0, 7}));
    EXPECT_EQ(col->code(1), 0u);
    EXPECT_DOUBLE_EQ(col->number(2), 0);
}
