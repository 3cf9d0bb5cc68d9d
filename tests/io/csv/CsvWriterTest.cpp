#include "core/io/CsvReader.h"
#include "core/io/CsvWriter.h"
#include "core/io/FileBytes.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <limits>

using namespace sl::core;
using namespace sl::core::io;

namespace {

data::Variable numericVariable(std::string name)
{
    data::Variable v;
    v.name = std::move(name);
    return v;
}

data::Variable stringVariable(std::string name)
{
    data::Variable v;
    v.name = std::move(name);
    v.type = data::VariableType::String;
    return v;
}

data::Dataset smallDataset()
{
    return data::Dataset(
        {numericVariable("id"), numericVariable("score"), stringVariable("note")},
        {data::Column::fromDoubles({1, 2, 3, 4}),
         data::Column::fromDoubles({0.1, data::kSysmis, -2.5e-7, 123456789.125}),
         data::Column::fromStrings({"plain", "has, comma", "say \"hi\"", "two\nlines"})});
}

void expectSameValues(const data::Dataset& a, const data::Dataset& b)
{
    ASSERT_EQ(a.variableCount(), b.variableCount());
    ASSERT_EQ(a.caseCount(), b.caseCount());
    for (size_t v = 0; v < a.variableCount(); ++v) {
        EXPECT_EQ(a.variable(v).name, b.variable(v).name);
        ASSERT_EQ(a.column(v).isString(), b.column(v).isString()) << a.variable(v).name;
        for (size_t c = 0; c < a.caseCount(); ++c) {
            if (a.column(v).isString()) {
                EXPECT_EQ(a.column(v).text(c), b.column(v).text(c));
                continue;
            }
            const double x = a.column(v).number(c);
            const double y = b.column(v).number(c);
            if (std::isnan(x))
                EXPECT_TRUE(std::isnan(y)) << a.variable(v).name << " case " << c;
            else
                EXPECT_EQ(x, y) << a.variable(v).name << " case " << c;
        }
    }
}

}  // namespace

TEST(CsvWriter, WritesHeaderCodesAndQuotesWhenNeeded)
{
    EXPECT_EQ(encodeCsv(smallDataset()),
              "id,score,note\n"
              "1,0.1,plain\n"
              "2,,\"has, comma\"\n"
              "3,-2.5e-07,\"say \"\"hi\"\"\"\n"
              "4,123456789.125,\"two\nlines\"\n");
}

TEST(CsvWriter, TabDelimiterAndAnySniffableDelimiterIsQuoted)
{
    data::Dataset ds({stringVariable("a")}, {data::Column::fromStrings({"x y", "p\tq", "x;y", "x|y"})});
    EXPECT_EQ(encodeCsv(ds, '\t'), "a\nx y\n\"p\tq\"\n\"x;y\"\n\"x|y\"\n");
}

TEST(CsvWriter, NamesWithDelimitersReadBackTheSame)
{
    data::Dataset ds({numericVariable("a|b"), numericVariable("c;d")},
                     {data::Column::fromDoubles({1}), data::Column::fromDoubles({2})});
    auto reread = readCsvBytes(encodeCsv(ds), "roundtrip.csv");
    ASSERT_TRUE(reread.hasValue());
    expectSameValues(ds, **reread);
}

TEST(CsvWriter, RoundTripGivesTheSameValues)
{
    const data::Dataset original = smallDataset();
    auto reread = readCsvBytes(encodeCsv(original), "roundtrip.csv");
    ASSERT_TRUE(reread.hasValue()) << reread.error().describe();
    expectSameValues(original, **reread);
}

TEST(CsvWriter, RoundTripKeepsEveryDoubleExactly)
{
    std::vector<double> values{1.0 / 3.0, 2.0 / 3.0, 1e-300, 6.02214076e23, -0.0001, 0.7312, 17.000000000000004};
    data::Dataset original({numericVariable("x")}, {data::Column::fromDoubles(values)});
    auto reread = readCsvBytes(encodeCsv(original), "roundtrip.csv");
    ASSERT_TRUE(reread.hasValue());
    expectSameValues(original, **reread);
}

TEST(CsvWriter, SharedFileRoundTripsThroughDisk)
{
    auto original = readCsv(std::string(SL_SHARED_DATA_DIR) + "/socialwork_synth_labels.csv");
    ASSERT_TRUE(original.hasValue());
    const auto path = std::filesystem::temp_directory_path() / "surveylens_csv_writer_test.csv";
    ASSERT_TRUE(writeCsv(**original, path.string()).hasValue());
    auto reread = readCsv(path.string());
    std::filesystem::remove(path);
    ASSERT_TRUE(reread.hasValue()) << reread.error().describe();
    expectSameValues(**original, **reread);
}

TEST(CsvWriter, EmptySingleCellRowsAreNotBlankLines)
{
    data::Dataset ds({numericVariable("x")}, {data::Column::fromDoubles({1, data::kSysmis, 3})});
    EXPECT_EQ(encodeCsv(ds), "x\n1\n\"\"\n3\n");
    auto reread = readCsvBytes(encodeCsv(ds), "roundtrip.csv");
    ASSERT_TRUE(reread.hasValue());
    expectSameValues(ds, **reread);
}

TEST(CsvWriter, UnwritableFolderIsAnError)
{
    EXPECT_FALSE(writeCsv(smallDataset(), "/nonexistent/folder/out.csv").hasValue());
}

TEST(CsvWriter, WritesValueLabelsWhereDefinedWhenAsked)
{
    data::Variable gender = numericVariable("gender");
    gender.valueLabels.set(1, "Woman");
    gender.valueLabels.set(2, "Man, cis");
    gender.valueLabels.set(9, "Refused");
    gender.missing.values = {9};
    data::Variable agency = stringVariable("agency");
    agency.valueLabels.setText("CW", "Child welfare");
    data::Dataset ds({gender, agency},
                     {data::Column::fromDoubles({1, 2, 9, 3, data::kSysmis}),
                      data::Column::fromStrings({"CW", "MH", "CW", "", "CW"})});
    EXPECT_EQ(encodeCsv(ds, ',', CsvValues::Labels),
              "gender,agency\n"
              "Woman,Child welfare\n"
              "\"Man, cis\",MH\n"
              "Refused,Child welfare\n"
              "3,\n"
              ",Child welfare\n");
    EXPECT_EQ(encodeCsv(ds), "gender,agency\n1,CW\n2,MH\n9,CW\n3,\n,CW\n");
}
