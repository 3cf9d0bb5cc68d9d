#include "core/transform/CellEdit.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace sl::core;
using namespace sl::core::data;
using namespace sl::core::transform;

namespace {

// Three variables: a coded numeric "q1", a numeric "income" with many values, a string "town" of width 6.
DatasetPtr makeDataset()
{
    std::vector<Variable> variables(3);
    variables[0].name = "q1";
    variables[1].name = "income";
    variables[2].name = "town";
    variables[2].type = VariableType::String;
    variables[2].stringWidth = 6;
    std::vector<double> incomes;
    for (int i = 0; i < 70000; ++i) incomes.push_back(1000.5 + i);
    std::vector<double> codes(70000, 1.0);
    codes[1] = 2;
    codes[2] = kSysmis;
    std::vector<std::string> towns(70000, "Lyon");
    auto dataset = std::make_shared<Dataset>(
        std::move(variables),
        std::vector<ColumnPtr>{Column::fromDoubles(codes), Column::fromDoubles(incomes), Column::fromStrings(towns)});
    dataset->weightVariable = "income";
    dataset->fileLabel = "Workforce survey";
    return dataset;
}

}  // namespace

TEST(CellEdit, ChangesOneCaseAndSharesTheOtherColumns)
{
    const auto before = makeDataset();
    const auto after = withCellValue(*before, 0, 1, 3.0);
    ASSERT_TRUE(after) << after.error().describe();
    const Dataset& edited = **after;
    EXPECT_EQ(edited.column(0).number(1), 3.0);
    EXPECT_EQ(edited.column(0).number(0), 1.0);
    EXPECT_TRUE(std::isnan(edited.column(0).number(2)));
    EXPECT_EQ(before->column(0).number(1), 2.0);  // the old version is untouched
    EXPECT_EQ(edited.columnPtr(1), before->columnPtr(1));
    EXPECT_EQ(edited.columnPtr(2), before->columnPtr(2));
    EXPECT_NE(edited.columnPtr(0), before->columnPtr(0));
    EXPECT_EQ(edited.weightVariable, "income");
    EXPECT_EQ(edited.fileLabel, "Workforce survey");
    EXPECT_EQ(edited.variableCount(), 3u);
}

TEST(CellEdit, CodedColumnStaysCodedAndGainsALevel)
{
    const auto before = makeDataset();
    ASSERT_TRUE(before->column(0).isCoded());
    const auto after = withCellValue(*before, 0, 5, 7.5);
    ASSERT_TRUE(after);
    const Column& column = (*after)->column(0);
    EXPECT_TRUE(column.isCoded());
    EXPECT_EQ(column.levels(), (std::vector<double>{1.0, 2.0, 7.5}));
    EXPECT_EQ(column.number(5), 7.5);
}

TEST(CellEdit, EmptyNumberIsSystemMissing)
{
    const auto before = makeDataset();
    const auto after = withCellValue(*before, 1, 10, kSysmis);
    ASSERT_TRUE(after);
    EXPECT_TRUE(std::isnan((*after)->column(1).number(10)));
    EXPECT_EQ((*after)->column(1).number(11), 1011.5);
}

TEST(CellEdit, StringCellTakesTextUpToTheWidth)
{
    const auto before = makeDataset();
    const auto after = withCellValue(*before, 2, 69999, std::string("Nantes"));
    ASSERT_TRUE(after);
    EXPECT_EQ((*after)->column(2).text(69999), "Nantes");
    EXPECT_EQ((*after)->column(2).text(69998), "Lyon");

    const auto tooLong = withCellValue(*before, 2, 0, std::string("Marseille"));
    ASSERT_FALSE(tooLong);
    EXPECT_NE(tooLong.error().message.find("at most 6 bytes"), std::string::npos) << tooLong.error().message;
    EXPECT_EQ(tooLong.error().where, "variable town");
}

TEST(CellEdit, RefusesWrongTypesInfinityAndPlacesOutOfRange)
{
    const auto dataset = makeDataset();
    EXPECT_FALSE(withCellValue(*dataset, 0, 0, std::string("two")));
    EXPECT_FALSE(withCellValue(*dataset, 2, 0, 2.0));
    EXPECT_FALSE(withCellValue(*dataset, 1, 0, INFINITY));
    EXPECT_EQ(withCellValue(*dataset, 3, 0, 1.0).error().code, ErrorCode::NotFound);
    EXPECT_EQ(withCellValue(*dataset, 0, 70000, 1.0).error().code, ErrorCode::NotFound);
}

TEST(CellEdit, ReadsTheValueACellHolds)
{
    const auto dataset = makeDataset();
    EXPECT_EQ(std::get<double>(cellValue(*dataset, 0, 1)), 2.0);
    EXPECT_TRUE(std::isnan(std::get<double>(cellValue(*dataset, 0, 2))));
    EXPECT_EQ(std::get<std::string>(cellValue(*dataset, 2, 0)), "Lyon");
}

TEST(CellEdit, NumbersBecomeTextWithTheirDecimalsAndBack)
{
    std::vector<Variable> variables(1);
    variables[0].name = "score";
    variables[0].format = {5, 8, 1};
    variables[0].valueLabels.set(1, "Low");
    variables[0].missing.values = {99};
    const auto dataset = std::make_shared<Dataset>(
        std::move(variables), std::vector<ColumnPtr>{Column::fromDoubles({1, 2.25, kSysmis, 99})});

    const auto text = withVariableType(*dataset, 0, VariableType::String, 4);
    ASSERT_TRUE(text) << text.error().describe();
    const Dataset& asText = *text->dataset;
    EXPECT_TRUE(asText.variable(0).isString());
    EXPECT_EQ(asText.variable(0).stringWidth, 4);
    EXPECT_EQ(asText.column(0).text(0), "1.0");
    EXPECT_EQ(asText.column(0).text(1), "2.3");  // halves round away from zero, as in SPSS
    EXPECT_EQ(asText.column(0).text(2), "");
    EXPECT_EQ(asText.column(0).text(3), "99.0");
    EXPECT_EQ(*asText.variable(0).valueLabels.findText("1.0"), "Low");
    EXPECT_EQ(asText.variable(0).missing.textValues, std::vector<std::string>{"99.0"});
    EXPECT_EQ(asText.variable(0).measure, MeasureLevel::Nominal);

    const auto back = withVariableType(asText, 0, VariableType::Numeric);
    ASSERT_TRUE(back);
    const Dataset& numbers = *back->dataset;
    EXPECT_EQ(numbers.column(0).number(1), 2.3);
    EXPECT_TRUE(std::isnan(numbers.column(0).number(2)));
    EXPECT_EQ(numbers.variable(0).format.decimals, 2);
    EXPECT_EQ(*numbers.variable(0).valueLabels.find(1), "Low");
    EXPECT_EQ(numbers.variable(0).missing.values, std::vector<double>{99});
    EXPECT_EQ(back->unreadable, 0u);
}

TEST(CellEdit, TextThatIsNotANumberBecomesSystemMissingAndIsCounted)
{
    const auto dataset = makeDataset();
    const auto numbers = withVariableType(*dataset, 2, VariableType::Numeric);
    ASSERT_TRUE(numbers);
    EXPECT_EQ(numbers->unreadable, 70000u);
    EXPECT_TRUE(std::isnan(numbers->dataset->column(2).number(0)));
    EXPECT_EQ(numbers->dataset->variable(2).format.spssName(), "F8.0");
    EXPECT_FALSE(withVariableType(*dataset, 0, VariableType::String, 0));
}
