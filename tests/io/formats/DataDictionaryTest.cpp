// Applying a data dictionary to data without metadata.
#include "core/io/CsvReader.h"
#include "core/io/DataDictionary.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace sl::core;

namespace {

data::DatasetPtr csv(std::string_view text)
{
    auto dataset = io::readCsvBytes(text, "data.csv");
    EXPECT_TRUE(dataset) << dataset.error().describe();
    return dataset ? *dataset : nullptr;
}

}  // namespace

TEST(DataDictionary, SetsLabelsAndMissingCodes)
{
    auto data = csv("q1,q2,age\n1,9,30\n2,1,41\n9,7,\n");
    ASSERT_TRUE(data);
    const std::string dictionary = "variable,variable_label,value,value_label,user_missing\n"
                                   "q1,Satisfied with supervision,1,Yes,0\n"
                                   "q1,Satisfied with supervision,2,No,0\n"
                                   "q1,Satisfied with supervision,9,No answer,1\n"
                                   "q2,Hours,6,Refused,1\n"
                                   "q2,Hours,7,Don't know,1\n"
                                   "q2,Hours,8,Skipped,1\n"
                                   "q2,Hours,9,Not asked,1\n"
                                   "age,Age in years,,,\n"
                                   "income,Household income,,,\n";
    auto result = io::applyDataDictionary(*data, dictionary, "dictionary.csv");
    ASSERT_TRUE(result) << result.error().describe();
    const data::Dataset& d = **result;
    EXPECT_EQ(d.variable(0).label, "Satisfied with supervision");
    ASSERT_NE(d.variable(0).labelOf(9), nullptr);
    EXPECT_EQ(*d.variable(0).labelOf(9), "No answer");
    EXPECT_EQ(d.variable(0).missing.values, std::vector<double>{9});
    EXPECT_TRUE(d.isMissing(0, 2));
    EXPECT_FALSE(d.isMissing(0, 0));
    // Four missing codes do not fit SPSS's three: they become the range 6 thru 9.
    ASSERT_TRUE(d.variable(1).missing.range);
    EXPECT_EQ(*d.variable(1).missing.range, std::make_pair(6.0, 9.0));
    EXPECT_TRUE(d.isMissing(1, 2));
    EXPECT_EQ(d.variable(2).label, "Age in years");
    EXPECT_TRUE(d.variable(2).valueLabels.empty());
    ASSERT_EQ(d.warnings.size(), 2u);
    EXPECT_NE(d.warnings[0].find("q2"), std::string::npos);
    EXPECT_NE(d.warnings[1].find("income"), std::string::npos);
}

TEST(DataDictionary, TextLabelsBecomeCodes)
{
    auto data = csv("country,setting\nCanada,School\nUnited States,\n2,Other place\n");
    ASSERT_TRUE(data);
    const std::string dictionary = "variable,variable_label,value,value_label,user_missing\n"
                                   "country,Country,1,Canada,0\n"
                                   "country,Country,2,United States,0\n"
                                   "setting,Setting,1,School,0\n";
    auto result = io::applyDataDictionary(*data, dictionary, "dictionary.csv");
    ASSERT_TRUE(result) << result.error().describe();
    const data::Dataset& d = **result;
    ASSERT_TRUE(d.variable(0).isNumeric());
    EXPECT_EQ(d.column(0).number(0), 1);
    EXPECT_EQ(d.column(0).number(1), 2);
    EXPECT_EQ(d.column(0).number(2), 2);
    EXPECT_EQ(d.variable(0).measure, data::MeasureLevel::Nominal);
    // "Other place" has no code: the variable stays text, with its labels kept as text labels.
    ASSERT_TRUE(d.variable(1).isString());
    EXPECT_EQ(d.column(1).text(2), "Other place");
    ASSERT_NE(d.variable(1).valueLabels.findText("1"), nullptr);
    ASSERT_EQ(d.warnings.size(), 1u);
    EXPECT_NE(d.warnings[0].find("Other place"), std::string::npos);
}

TEST(DataDictionary, WithoutTheRequiredColumnsIsAnError)
{
    auto data = csv("a\n1\n");
    ASSERT_TRUE(data);
    auto result = io::applyDataDictionary(*data, "name,label\na,Something\n", "notes.csv");
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, ErrorCode::InvalidInput);
    EXPECT_EQ(result.error().where, "notes.csv, line 1");
}
