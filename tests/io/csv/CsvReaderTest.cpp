#include "core/io/CsvReader.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

using namespace sl::core;
using namespace sl::core::io;

namespace {

data::DatasetPtr readOk(std::string_view bytes, const CsvOptions& options = {})
{
    auto result = readCsvBytes(bytes, "test.csv", options);
    EXPECT_TRUE(result.hasValue()) << (result ? "" : result.error().describe());
    return result ? *result : std::make_shared<data::Dataset>();
}

Error readError(std::string_view bytes)
{
    auto result = readCsvBytes(bytes, "test.csv");
    EXPECT_FALSE(result.hasValue());
    return result ? Error{} : result.error();
}

std::vector<std::string> namesOf(const data::Dataset& ds)
{
    std::vector<std::string> names;
    for (const auto& v : ds.variables()) names.push_back(v.name);
    return names;
}

bool anyWarningContains(const data::Dataset& ds, std::string_view text)
{
    for (const auto& w : ds.warnings)
        if (w.find(text) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST(CsvReader, ReadsNumbersAndNames)
{
    auto ds = readOk("id,score,group\n1,2.5,3\n2,-0.25,1\n3,1e3,2\n");
    ASSERT_EQ(ds->caseCount(), 3u);
    EXPECT_EQ(namesOf(*ds), (std::vector<std::string>{"id", "score", "group"}));
    EXPECT_TRUE(ds->variable(1).isNumeric());
    EXPECT_DOUBLE_EQ(ds->column(1).number(0), 2.5);
    EXPECT_DOUBLE_EQ(ds->column(1).number(1), -0.25);
    EXPECT_DOUBLE_EQ(ds->column(1).number(2), 1000.0);
    EXPECT_DOUBLE_EQ(ds->column(2).number(2), 2.0);
    EXPECT_TRUE(ds->warnings.empty());
}

TEST(CsvReader, EmptyCellIsSystemMissing)
{
    auto ds = readOk("a,b\n1,\n,2\n");
    EXPECT_TRUE(std::isnan(ds->column(1).number(0)));
    EXPECT_TRUE(std::isnan(ds->column(0).number(1)));
    EXPECT_DOUBLE_EQ(ds->column(1).number(1), 2.0);
}

TEST(CsvReader, NaAndDotAreMissingInNumericColumnsOnly)
{
    auto ds = readOk("x,y\n1,NA\nNA,b\n.,c\n");
    EXPECT_TRUE(ds->variable(0).isNumeric());
    EXPECT_TRUE(std::isnan(ds->column(0).number(1)));
    EXPECT_TRUE(std::isnan(ds->column(0).number(2)));
    ASSERT_TRUE(ds->variable(1).isString());
    EXPECT_EQ(ds->column(1).text(0), "NA");
}

TEST(CsvReader, NumbersMayHaveSurroundingSpacesAndPlusSign)
{
    auto ds = readOk("x\n  12 \n+3.5\n");
    ASSERT_TRUE(ds->variable(0).isNumeric());
    EXPECT_DOUBLE_EQ(ds->column(0).number(0), 12.0);
    EXPECT_DOUBLE_EQ(ds->column(0).number(1), 3.5);
}

TEST(CsvReader, WordsLikeInfinityAreText)
{
    auto ds = readOk("x\n1\ninf\n");
    EXPECT_TRUE(ds->variable(0).isString());
}

TEST(CsvReader, LeadingZeroIdsStayStrings)
{
    auto ds = readOk("zip,n\n01234,1\n98765,2\n");
    ASSERT_TRUE(ds->variable(0).isString());
    EXPECT_EQ(ds->column(0).text(0), "01234");
    EXPECT_EQ(ds->column(0).text(1), "98765");
    EXPECT_TRUE(ds->variable(1).isNumeric());
}

TEST(CsvReader, MixedLeadingZeroAndPlainDigitsIsString)
{
    auto ds = readOk("code\n7\n007\n");
    ASSERT_TRUE(ds->variable(0).isString());
    EXPECT_EQ(ds->column(0).text(0), "7");
    EXPECT_EQ(ds->column(0).text(1), "007");
}

TEST(CsvReader, IdentifiersTooLongForADoubleStayStrings)
{
    auto ds = readOk("id,n\n12345678901234567890,1\n2,2\n");
    ASSERT_TRUE(ds->variable(0).isString());
    EXPECT_EQ(ds->column(0).text(0), "12345678901234567890");
    EXPECT_TRUE(readOk("x\n123456789012345\n")->variable(0).isNumeric());
}

TEST(CsvReader, ZeroAndDecimalsBelowOneAreNumbers)
{
    auto ds = readOk("x\n0\n0.5\n-0.75\n");
    ASSERT_TRUE(ds->variable(0).isNumeric());
    EXPECT_DOUBLE_EQ(ds->column(0).number(1), 0.5);
}

TEST(CsvReader, ColumnTurnsStringWhenTextAppearsLate)
{
    std::string text = "n,s\n";
    for (int i = 0; i < 1000; ++i) text += std::to_string(i) + "," + std::to_string(i) + "\n";
    text += "1000,abc\n";
    auto ds = readOk(text);
    ASSERT_EQ(ds->caseCount(), 1001u);
    EXPECT_TRUE(ds->variable(0).isNumeric());
    ASSERT_TRUE(ds->variable(1).isString());
    EXPECT_EQ(ds->column(1).text(999), "999");
    EXPECT_EQ(ds->column(1).text(1000), "abc");
    EXPECT_EQ(ds->variable(1).stringWidth, 3);
}

TEST(CsvReader, QuotedCellsFollowRfc4180)
{
    auto ds = readOk("name,note\n\"Smith, Jo\",\"said \"\"hi\"\"\"\n\"multi\nline\",x\n");
    ASSERT_EQ(ds->caseCount(), 2u);
    EXPECT_EQ(ds->column(0).text(0), "Smith, Jo");
    EXPECT_EQ(ds->column(1).text(0), "said \"hi\"");
    EXPECT_EQ(ds->column(0).text(1), "multi\nline");
    EXPECT_EQ(ds->column(1).text(1), "x");
}

TEST(CsvReader, QuotedNumbersAreNumbers)
{
    auto ds = readOk("\"a\",\"b\"\n\"1\",\"2.5\"\n");
    ASSERT_TRUE(ds->variable(1).isNumeric());
    EXPECT_DOUBLE_EQ(ds->column(1).number(0), 2.5);
}

TEST(CsvReader, LineNumbersCountLinesInsideQuotes)
{
    auto ds = readOk("a,b\n\"x\ny\",1\n2\n");
    EXPECT_TRUE(anyWarningContains(*ds, "line 4")) << (ds->warnings.empty() ? "" : ds->warnings[0]);
}

TEST(CsvReader, AcceptsCrLfAndCrLineEnds)
{
    for (std::string_view text : {"a,b\r\n1,2\r\n3,4\r\n", "a,b\r1,2\r3,4\r", "a,b\n1,2\n3,4"}) {
        auto ds = readOk(text);
        ASSERT_EQ(ds->caseCount(), 2u) << text;
        EXPECT_DOUBLE_EQ(ds->column(1).number(1), 4.0);
        EXPECT_EQ(ds->variable(1).name, "b");
    }
}

TEST(CsvReader, SkipsBlankLines)
{
    auto ds = readOk("a,b\n1,2\n\n3,4\n\n\n");
    EXPECT_EQ(ds->caseCount(), 2u);
}

TEST(CsvReader, TrailingDelimiterGivesEmptyLastCell)
{
    auto ds = readOk("a,b\n1,");
    ASSERT_EQ(ds->caseCount(), 1u);
    EXPECT_TRUE(std::isnan(ds->column(1).number(0)));
    EXPECT_TRUE(ds->warnings.empty());
}

TEST(CsvReader, SniffsDelimiter)
{
    EXPECT_EQ(readOk("a;b;c\n1,5;2;3\n4;5;6\n")->variableCount(), 3u);
    EXPECT_EQ(readOk("a\tb\n1\t2\n")->variableCount(), 2u);
    EXPECT_EQ(readOk("a|b|c|d\n1|2|3|4\n")->variableCount(), 4u);
    auto ds = readOk("a;b\n\"x,y,z\";2\n\"p,q\";3\n");
    ASSERT_EQ(ds->variableCount(), 2u);
    EXPECT_EQ(ds->column(0).text(0), "x,y,z");
}

TEST(CsvReader, SniffingIgnoresDelimitersInsideQuotedHeader)
{
    auto ds = readOk("\"a;1\",\"b;2\",\"c;3\"\n1,2,3\n");
    ASSERT_EQ(ds->variableCount(), 3u);
    EXPECT_EQ(ds->variable(0).name, "a;1");
}

TEST(CsvReader, ExplicitDelimiterAndDecimalComma)
{
    CsvOptions options;
    options.delimiter = ';';
    options.decimalPoint = ',';
    auto ds = readOk("x;y\n1,5;2\n-0,25;3\n", options);
    ASSERT_TRUE(ds->variable(0).isNumeric());
    EXPECT_DOUBLE_EQ(ds->column(0).number(0), 1.5);
    EXPECT_DOUBLE_EQ(ds->column(0).number(1), -0.25);
}

TEST(CsvReader, ReadsUtf8WithAndWithoutBom)
{
    for (std::string_view text : {"\xEF\xBB\xBFname,city\n1,Montr\xC3\xA9" "al\n", "name,city\n1,Montr\xC3\xA9" "al\n"}) {
        auto ds = readOk(text);
        EXPECT_EQ(ds->variable(0).name, "name");
        EXPECT_EQ(ds->column(1).text(0), "Montr\xC3\xA9" "al");
        EXPECT_TRUE(ds->warnings.empty());
    }
}

TEST(CsvReader, InvalidUtf8IsReplacedWithOneWarning)
{
    auto ds = readOk("id,city\n1,Montr\xE9" "al\n2,Qu\xE9" "bec\n3,Gen\xC3\xA8ve\n");
    ASSERT_EQ(ds->caseCount(), 3u);
    EXPECT_EQ(ds->column(1).text(0), "Montr\xEF\xBF\xBD" "al");
    EXPECT_EQ(ds->column(1).text(2), "Gen\xC3\xA8ve");
    ASSERT_EQ(ds->warnings.size(), 1u);
    EXPECT_NE(ds->warnings[0].find("line 2, column 8"), std::string::npos) << ds->warnings[0];
    EXPECT_NE(ds->warnings[0].find("2 invalid"), std::string::npos) << ds->warnings[0];
}

TEST(CsvReader, LegacySingleByteFileIsReadAsWindows1252)
{
    auto ds = readOk("id,city,note\n1,Montr\xE9" "al,\x93quoted\x94 \x80" "5\n");
    EXPECT_EQ(ds->column(1).text(0), "Montr\xC3\xA9" "al");
    EXPECT_EQ(ds->column(2).text(0), "\xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x82\xAC" "5");
    EXPECT_EQ(ds->warnings, (std::vector<std::string>{"Read as Windows-1252: the file is not UTF-8."}));
}

TEST(CsvReader, EmptyFileIsAnError)
{
    EXPECT_EQ(readError("").message, "The file is empty.");
    EXPECT_EQ(readError("\xEF\xBB\xBF").message, "The file is empty.");
    EXPECT_EQ(readError("\n\r\n  \n").message, "The file is empty.");
}

TEST(CsvReader, BinaryDataIsAnErrorNamingTheLine)
{
    Error error = readError(std::string("a,b\n1,2\n3\0\x01\x02,4\n", 15));
    EXPECT_EQ(error.code, ErrorCode::InvalidInput);
    EXPECT_EQ(error.where, "test.csv, line 3");
    EXPECT_NE(error.message.find("NUL"), std::string::npos);
}

TEST(CsvReader, EmptyHeaderNamesGetVnAndAWarning)
{
    auto ds = readOk("a,,c,\n1,2,3,4\n");
    EXPECT_EQ(namesOf(*ds), (std::vector<std::string>{"a", "V2", "c", "V4"}));
    ASSERT_EQ(ds->warnings.size(), 1u);
    EXPECT_NE(ds->warnings[0].find("V2, V4"), std::string::npos);
}

TEST(CsvReader, DuplicateNamesGetSuffixesAndAWarning)
{
    auto ds = readOk("x,X,x,x_2\n1,2,3,4\n");
    EXPECT_EQ(namesOf(*ds), (std::vector<std::string>{"x", "X_2", "x_3", "x_2_2"}));
    ASSERT_EQ(ds->warnings.size(), 1u);
    EXPECT_NE(ds->warnings[0].find("3 duplicate"), std::string::npos) << ds->warnings[0];
}

TEST(CsvReader, WithoutHeaderNamesAreVn)
{
    CsvOptions options;
    options.header = false;
    auto ds = readOk("1,2\n3,4\n", options);
    EXPECT_EQ(namesOf(*ds), (std::vector<std::string>{"V1", "V2"}));
    EXPECT_EQ(ds->caseCount(), 2u);
    EXPECT_DOUBLE_EQ(ds->column(0).number(0), 1.0);
}

TEST(CsvReader, ShortRowsArePaddedWithOneWarning)
{
    auto ds = readOk("a,b,c\n1,2,3\n4\n5,6\nx,y,z\n");
    ASSERT_EQ(ds->caseCount(), 4u);
    EXPECT_EQ(ds->column(0).text(1), "4");
    EXPECT_EQ(ds->column(1).text(1), "");
    EXPECT_EQ(ds->column(2).text(2), "");
    EXPECT_EQ(ds->column(2).text(3), "z");
    ASSERT_EQ(ds->warnings.size(), 1u);
    EXPECT_NE(ds->warnings[0].find("2 line(s) had fewer than 3"), std::string::npos) << ds->warnings[0];
    EXPECT_NE(ds->warnings[0].find("line 3"), std::string::npos) << ds->warnings[0];
}

TEST(CsvReader, LongRowsLoseExtraCellsWithOneWarning)
{
    auto ds = readOk("a,b\n1,2\n3,4,5\n6,7,8,9\n");
    ASSERT_EQ(ds->caseCount(), 3u);
    EXPECT_EQ(ds->variableCount(), 2u);
    EXPECT_DOUBLE_EQ(ds->column(1).number(2), 7.0);
    ASSERT_EQ(ds->warnings.size(), 1u);
    EXPECT_NE(ds->warnings[0].find("2 line(s) had more than 2"), std::string::npos) << ds->warnings[0];
    EXPECT_NE(ds->warnings[0].find("line 3"), std::string::npos) << ds->warnings[0];
}

TEST(CsvReader, UnclosedQuoteRunsToTheEndWithAWarning)
{
    auto ds = readOk("a,b\n1,\"open\n2,3\n");
    ASSERT_EQ(ds->caseCount(), 1u);
    EXPECT_EQ(ds->column(1).text(0), "open\n2,3\n");
    ASSERT_EQ(ds->warnings.size(), 1u);
    EXPECT_NE(ds->warnings[0].find("line 2"), std::string::npos);
}

TEST(CsvReader, TextAfterClosingQuoteIsKeptAsWritten)
{
    auto ds = readOk("a,b\n\"x\"y,1\n");
    EXPECT_EQ(ds->column(0).text(0), "\"x\"y");
    ASSERT_EQ(ds->warnings.size(), 1u);
    EXPECT_NE(ds->warnings[0].find("line 2"), std::string::npos);
}

TEST(CsvReader, HugeCellIsRead)
{
    const std::string big(100000, 'q');
    auto ds = readOk("id,text\n1,\"" + big + "\"\n2,short\n");
    ASSERT_EQ(ds->caseCount(), 2u);
    EXPECT_EQ(ds->column(1).text(0), big);
    EXPECT_EQ(ds->column(1).text(1), "short");
}

TEST(CsvReader, TenThousandColumnsAreRead)
{
    std::string header, row1, row2;
    for (int j = 0; j < 10000; ++j) {
        const char* sep = j ? "," : "";
        header += sep + std::string("c") + std::to_string(j);
        row1 += sep + std::to_string(j);
        row2 += sep + std::to_string(j * 2);
    }
    auto ds = readOk(header + "\n" + row1 + "\n" + row2 + "\n");
    ASSERT_EQ(ds->variableCount(), 10000u);
    ASSERT_EQ(ds->caseCount(), 2u);
    EXPECT_EQ(ds->variable(9999).name, "c9999");
    EXPECT_DOUBLE_EQ(ds->column(9999).number(1), 19998.0);
}

TEST(CsvReader, HeaderOnlyGivesNoCases)
{
    auto ds = readOk("a,b\n");
    EXPECT_EQ(ds->variableCount(), 2u);
    EXPECT_EQ(ds->caseCount(), 0u);
}

TEST(CsvReader, MeasureLevelFromTheCodes)
{
    auto ds = readOk("code,amount,year,text\n1,1.5,2000,a\n2,20,2001,b\n99,3,2002,c\n");
    EXPECT_EQ(ds->variable(0).measure, data::MeasureLevel::Nominal);
    EXPECT_EQ(ds->variable(1).measure, data::MeasureLevel::Scale);
    EXPECT_EQ(ds->variable(2).measure, data::MeasureLevel::Scale);  // not small codes
    EXPECT_EQ(ds->variable(3).measure, data::MeasureLevel::Nominal);

    std::string many = "x\n";
    for (int i = 1; i <= 11; ++i) many += std::to_string(i) + "\n";
    EXPECT_EQ(readOk(many)->variable(0).measure, data::MeasureLevel::Scale);
}

TEST(CsvReader, DisplayFormatFromTheData)
{
    auto ds = readOk("a,b,c\n1,0.7312,12345\n22,1.5,-7\n");
    EXPECT_EQ(ds->variable(0).format.spssName(), "F2.0");
    EXPECT_EQ(ds->variable(1).format.spssName(), "F6.4");
    EXPECT_EQ(ds->variable(2).format.spssName(), "F5.0");
    auto text = readOk("s\nabc\nlonger text\n");
    EXPECT_EQ(text->variable(0).format.spssName(), "A11");
    EXPECT_EQ(text->variable(0).stringWidth, 11);
}

TEST(CsvReader, DecimalsAreCappedAtSixteen)
{
    auto ds = readOk("x\n0.12345678901234567890\n");
    EXPECT_EQ(ds->variable(0).format.decimals, 16);
}

TEST(CsvReader, ReportsProgressAndHonoursCancel)
{
    std::string text = "a,b\n";
    for (int i = 0; i < 200000; ++i) text += std::to_string(i) + ",x\n";
    std::vector<double> fractions;
    ProgressSink sink([&](double f) { fractions.push_back(f); });
    CsvOptions options;
    options.progress = &sink;
    auto ds = readOk(text, options);
    EXPECT_EQ(ds->caseCount(), 200000u);
    ASSERT_GE(fractions.size(), 50u);
    EXPECT_TRUE(std::is_sorted(fractions.begin(), fractions.end()));
    EXPECT_DOUBLE_EQ(fractions.back(), 1.0);

    CancelToken cancel;
    cancel.cancel();
    options.cancel = &cancel;
    auto cancelled = readCsvBytes(text, "test.csv", options);
    ASSERT_FALSE(cancelled.hasValue());
    EXPECT_EQ(cancelled.error().code, ErrorCode::Cancelled);
}

TEST(CsvReader, MissingFileIsNotFound)
{
    auto result = readCsv("/nonexistent/folder/data.csv");
    ASSERT_FALSE(result.hasValue());
    EXPECT_EQ(result.error().code, ErrorCode::NotFound);
}
