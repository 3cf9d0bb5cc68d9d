// CSV files as they come from the field: other encodings, decimal commas, thousands separators,
// quoted numbers, missing-value markers, and the preview an import dialog shows before loading.
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

CsvPreview previewOk(std::string_view bytes, const CsvOptions& options = {}, size_t rowCount = 20)
{
    auto result = previewCsvBytes(bytes, options, rowCount);
    EXPECT_TRUE(result.hasValue()) << (result ? "" : result.error().describe());
    return result ? *result : CsvPreview{};
}

// The text as UTF-16 bytes (code units of the Basic Multilingual Plane only), with a byte-order mark
// when asked.
std::string utf16(std::u16string_view text, bool bigEndian, bool bom = true)
{
    std::string bytes;
    if (bom) bytes = bigEndian ? "\xFE\xFF" : "\xFF\xFE";
    for (const char16_t unit : text) {
        const char high = static_cast<char>(unit >> 8), low = static_cast<char>(unit & 0xFF);
        bytes.push_back(bigEndian ? high : low);
        bytes.push_back(bigEndian ? low : high);
    }
    return bytes;
}

}  // namespace

TEST(CsvEncoding, Utf16WithEitherByteOrderMarkIsRead)
{
    for (const bool bigEndian : {false, true}) {
        auto ds = readOk(utf16(u"id;city;score\r\n1;Montr\u00e9al;2,5\r\n2;\u4e0a\u6d77;3\r\n", bigEndian));
        ASSERT_EQ(ds->variableCount(), 3u);
        ASSERT_EQ(ds->caseCount(), 2u);
        EXPECT_EQ(ds->variable(1).name, "city");
        EXPECT_EQ(ds->column(1).text(0), "Montr\xC3\xA9" "al");
        EXPECT_EQ(ds->column(1).text(1), "\xE4\xB8\x8A\xE6\xB5\xB7");
        EXPECT_DOUBLE_EQ(ds->column(2).number(0), 2.5);
        EXPECT_TRUE(ds->warnings.empty());
    }
}

TEST(CsvEncoding, Utf16WithoutByteOrderMarkIsDetected)
{
    auto ds = readOk(utf16(u"name,age\nZo\u00eb,41\n", false, false));
    ASSERT_EQ(ds->caseCount(), 1u);
    EXPECT_EQ(ds->column(0).text(0), "Zo\xC3\xAB");
    EXPECT_DOUBLE_EQ(ds->column(1).number(0), 41.0);
}

TEST(CsvEncoding, Utf16SurrogatePairsAndUnpairedHalves)
{
    // U+1F600 as a surrogate pair, then a lone high surrogate.
    std::string bytes = utf16(u"a\n\xD83D\xDE00 x\xD800y\n", false);
    auto ds = readOk(bytes);
    EXPECT_EQ(ds->column(0).text(0), "\xF0\x9F\x98\x80 x\xEF\xBF\xBDy");
    ASSERT_EQ(ds->warnings.size(), 1u);
    EXPECT_NE(ds->warnings[0].find("not valid UTF-16; 1 invalid"), std::string::npos) << ds->warnings[0];
}

TEST(CsvEncoding, ExplicitLatin1ChangesWhatTheHighControlBytesMean)
{
    const std::string bytes = "id,price\n1,\x80" "5\n";
    auto detected = readOk(bytes);
    EXPECT_EQ(detected->column(1).text(0), "\xE2\x82\xAC" "5");  // Windows-1252: euro sign
    EXPECT_EQ(detected->warnings, (std::vector<std::string>{"Read as Windows-1252: the file is not UTF-8."}));

    CsvOptions latin1;
    latin1.encoding = CharacterEncoding::Latin1;
    auto overridden = readOk(bytes, latin1);
    EXPECT_EQ(overridden->column(1).text(0), "\xC2\x80" "5");  // Latin-1: the C1 control U+0080
    EXPECT_TRUE(overridden->warnings.empty());
}

TEST(CsvEncoding, ExplicitWindows1252ReadsUtf8BytesAsSingleCharacters)
{
    CsvOptions options;
    options.encoding = CharacterEncoding::Windows1252;
    auto ds = readOk("city\nQu\xC3\xA9" "bec\n", options);
    EXPECT_EQ(ds->column(0).text(0), "Qu\xC3\x83\xC2\xA9" "bec");
    EXPECT_TRUE(ds->warnings.empty());
}

TEST(CsvEncoding, ExplicitUtf8RepairsALegacyFileInsteadOfConvertingIt)
{
    CsvOptions options;
    options.encoding = CharacterEncoding::Utf8;
    auto ds = readOk("city\nQu\xE9" "bec\n", options);
    EXPECT_EQ(ds->column(0).text(0), "Qu\xEF\xBF\xBD" "bec");
    ASSERT_EQ(ds->warnings.size(), 1u);
    EXPECT_NE(ds->warnings[0].find("not valid UTF-8"), std::string::npos) << ds->warnings[0];
}

TEST(CsvEncoding, Utf8WithOneStrayLatin1ByteIsRepairedNotConverted)
{
    auto ds = readOk("id,city\n1,Gen\xC3\xA8ve\n2,Montr\xE9" "al\n");
    EXPECT_EQ(ds->column(1).text(0), "Gen\xC3\xA8ve");
    EXPECT_EQ(ds->column(1).text(1), "Montr\xEF\xBF\xBD" "al");
    ASSERT_EQ(ds->warnings.size(), 1u);
    EXPECT_NE(ds->warnings[0].find("line 3, column 8"), std::string::npos) << ds->warnings[0];
}

TEST(CsvEncoding, DisplayNames)
{
    EXPECT_STREQ(toString(CharacterEncoding::Utf8), "UTF-8");
    EXPECT_STREQ(toString(CharacterEncoding::Utf16), "UTF-16");
    EXPECT_STREQ(toString(CharacterEncoding::Windows1252), "Windows-1252");
    EXPECT_STREQ(toString(CharacterEncoding::Latin1), "ISO-8859-1 (Latin-1)");
    EXPECT_STREQ(toString(CharacterEncoding::Detect), "detect");
}

TEST(CsvNumbers, SemicolonFileWithDecimalCommasIsDetected)
{
    auto ds = readOk("id;score;weight\n1;2,5;0,75\n2;-0,125;1\n3;4;1,5\n");
    ASSERT_EQ(ds->variableCount(), 3u);
    ASSERT_TRUE(ds->variable(1).isNumeric());
    EXPECT_DOUBLE_EQ(ds->column(1).number(0), 2.5);
    EXPECT_DOUBLE_EQ(ds->column(1).number(1), -0.125);
    EXPECT_EQ(ds->variable(1).format.decimals, 3);
    EXPECT_DOUBLE_EQ(ds->column(2).number(2), 1.5);
    EXPECT_TRUE(ds->warnings.empty());
}

TEST(CsvNumbers, SemicolonFileWithDecimalPointsKeepsThePoint)
{
    auto ds = readOk("id;score\n1;2.5\n2;3.25\n");
    ASSERT_TRUE(ds->variable(1).isNumeric());
    EXPECT_DOUBLE_EQ(ds->column(1).number(1), 3.25);
}

TEST(CsvNumbers, ExplicitDecimalPointOverridesTheDetectedComma)
{
    CsvOptions options;
    options.decimalPoint = '.';
    auto ds = readOk("id;score\n1;2,5\n2;3,25\n", options);
    EXPECT_FALSE(ds->variable(1).isNumeric());
    EXPECT_EQ(ds->column(1).text(0), "2,5");
}

TEST(CsvNumbers, QuotedNumbersAreNumbers)
{
    auto ds = readOk("a,b\n\"1.5\",\"7\"\n\" 2 \",\"8\"\n");
    ASSERT_TRUE(ds->variable(0).isNumeric());
    ASSERT_TRUE(ds->variable(1).isNumeric());
    EXPECT_DOUBLE_EQ(ds->column(0).number(0), 1.5);
    EXPECT_DOUBLE_EQ(ds->column(0).number(1), 2.0);
    EXPECT_DOUBLE_EQ(ds->column(1).number(1), 8.0);
}

TEST(CsvNumbers, ThousandsSeparatorsAreReadOnlyWhenAsked)
{
    const std::string bytes = "income,n\n\"1,234,567.5\",1\n\"980\",2\n\"12,000\",3\n";
    auto plain = readOk(bytes);
    EXPECT_FALSE(plain->variable(0).isNumeric());

    CsvOptions options;
    options.thousandsSeparator = ',';
    auto ds = readOk(bytes, options);
    ASSERT_TRUE(ds->variable(0).isNumeric());
    EXPECT_DOUBLE_EQ(ds->column(0).number(0), 1234567.5);
    EXPECT_DOUBLE_EQ(ds->column(0).number(1), 980.0);
    EXPECT_DOUBLE_EQ(ds->column(0).number(2), 12000.0);
}

TEST(CsvNumbers, MisplacedThousandsSeparatorMakesText)
{
    CsvOptions options;
    options.thousandsSeparator = ',';
    auto ds = readOk("code\n\"12,34\"\n5\n", options);
    EXPECT_FALSE(ds->variable(0).isNumeric());
    EXPECT_EQ(ds->column(0).text(0), "12,34");
}

TEST(CsvNumbers, EuropeanThousandsPointsWithDecimalCommas)
{
    CsvOptions options;
    options.thousandsSeparator = '.';
    auto ds = readOk("income;n\n1.234.567,89;1\n45.000;2\n12,5;3\n", options);
    ASSERT_TRUE(ds->variable(0).isNumeric());
    EXPECT_DOUBLE_EQ(ds->column(0).number(0), 1234567.89);
    EXPECT_DOUBLE_EQ(ds->column(0).number(1), 45000.0);
    EXPECT_DOUBLE_EQ(ds->column(0).number(2), 12.5);
}

TEST(CsvNumbers, MissingMarkersAndBlanksAreSystemMissing)
{
    auto ds = readOk("a,b\n1,x\nNA,y\nN/A,z\n.,w\n,v\n \t,u\n");
    ASSERT_TRUE(ds->variable(0).isNumeric());
    ASSERT_EQ(ds->caseCount(), 6u);
    EXPECT_DOUBLE_EQ(ds->column(0).number(0), 1.0);
    for (size_t i = 1; i < 6; ++i) EXPECT_TRUE(std::isnan(ds->column(0).number(i))) << i;
}

TEST(CsvNumbers, ColumnThatTurnsToTextLateKeepsEveryCellAsWritten)
{
    auto ds = readOk("id,code\n1,007.50\n2,\n3\n4,\"12\"\"\"\n5,NA\n6,x\n");
    ASSERT_FALSE(ds->variable(1).isNumeric());
    const std::vector<std::string> expected{"007.50", "", "", "12\"", "NA", "x"};
    for (size_t i = 0; i < expected.size(); ++i) EXPECT_EQ(ds->column(1).text(i), expected[i]) << i;
    EXPECT_EQ(ds->variable(1).stringWidth, 6);
}

TEST(CsvPreview, ShowsDetectedSettingsAndTheFirstRows)
{
    const CsvPreview preview = previewOk("id;name;score\n1;\"Ana\";2,5\n2;Ben;3\n3;Cy;NA\n", {}, 2);
    EXPECT_EQ(preview.delimiter, ';');
    EXPECT_EQ(preview.decimalPoint, ',');
    EXPECT_EQ(preview.encoding, CharacterEncoding::Utf8);
    EXPECT_TRUE(preview.header);
    EXPECT_EQ(preview.names, (std::vector<std::string>{"id", "name", "score"}));
    EXPECT_EQ(preview.types, (std::vector<std::string>{"numeric", "string", "numeric"}));
    ASSERT_EQ(preview.rows.size(), 2u);
    EXPECT_EQ(preview.rows[0], (std::vector<std::string>{"1", "Ana", "2,5"}));
    EXPECT_EQ(preview.rows[1], (std::vector<std::string>{"2", "Ben", "3"}));
    EXPECT_TRUE(preview.warnings.empty());
}

TEST(CsvPreview, FollowsTheOptionsGiven)
{
    CsvOptions options;
    options.delimiter = ',';
    options.header = false;
    options.encoding = CharacterEncoding::Latin1;
    const CsvPreview preview = previewOk("1,caf\xE9\n2,x\n", options);
    EXPECT_EQ(preview.delimiter, ',');
    EXPECT_EQ(preview.decimalPoint, '.');
    EXPECT_EQ(preview.encoding, CharacterEncoding::Latin1);
    EXPECT_FALSE(preview.header);
    EXPECT_EQ(preview.names, (std::vector<std::string>{"V1", "V2"}));
    ASSERT_EQ(preview.rows.size(), 2u);
    EXPECT_EQ(preview.rows[0][1], "caf\xC3\xA9");
}

TEST(CsvPreview, NamesALegacyEncodingAndWarns)
{
    const CsvPreview preview = previewOk("name\nJos\xE9\n");
    EXPECT_EQ(preview.encoding, CharacterEncoding::Windows1252);
    EXPECT_EQ(preview.rows.at(0).at(0), "Jos\xC3\xA9");
    EXPECT_EQ(preview.warnings, (std::vector<std::string>{"Read as Windows-1252: the file is not UTF-8."}));
}

TEST(CsvPreview, ReadsUtf16)
{
    const CsvPreview preview = previewOk(utf16(u"a\tb\n\u00e9\t1\n", true));
    EXPECT_EQ(preview.encoding, CharacterEncoding::Utf16);
    EXPECT_EQ(preview.delimiter, '\t');
    EXPECT_EQ(preview.rows.at(0), (std::vector<std::string>{"\xC3\xA9", "1"}));
}

TEST(CsvPreview, ShortRowsArePaddedToTheColumns)
{
    const CsvPreview preview = previewOk("a,b,c\n1\n2,3,4,5\n");
    ASSERT_EQ(preview.rows.size(), 2u);
    EXPECT_EQ(preview.rows[0], (std::vector<std::string>{"1", "", ""}));
    EXPECT_EQ(preview.rows[1], (std::vector<std::string>{"2", "3", "4"}));
    EXPECT_EQ(preview.warnings.size(), 2u);
}

TEST(CsvPreview, LooksOnlyAtTheStartOfALargeFile)
{
    // 8 MB of rows, then bytes that would make the whole file unreadable.
    std::string bytes = "id,note\n";
    while (bytes.size() < (8u << 20)) bytes += "12345,\"a quoted note\nover two lines\"\n";
    bytes += std::string("9,\0\0\0", 5);
    const CsvPreview preview = previewOk(bytes, {}, 3);
    ASSERT_EQ(preview.rows.size(), 3u);
    EXPECT_EQ(preview.rows[2], (std::vector<std::string>{"12345", "a quoted note\nover two lines"}));
    EXPECT_EQ(preview.types, (std::vector<std::string>{"numeric", "string"}));
    EXPECT_TRUE(preview.warnings.empty());
    EXPECT_FALSE(readCsvBytes(bytes, "big.csv").hasValue());
}

TEST(CsvPreview, EmptyFileIsAnError)
{
    auto preview = previewCsvBytes("\xEF\xBB\xBF\n");
    ASSERT_FALSE(preview.hasValue());
    EXPECT_EQ(preview.error().message, "The file is empty.");
}
