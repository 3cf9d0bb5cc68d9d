// Excel workbooks: hand-made fixtures for each cell kind, a round trip through the writer, and bad input.
#include "FormatsTestSupport.h"

#include "core/io/DataFile.h"
#include "core/io/XlsxReader.h"
#include "core/io/XlsxWriter.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>

using namespace sl::core;
using Entries = std::vector<std::pair<std::string, std::string>>;

namespace {

double spssSeconds(int y, unsigned m, unsigned d)
{
    using namespace std::chrono;
    return static_cast<double>((sys_days{year{y} / month{m} / day{d}} - sys_days{year{1582} / 10 / 14}).count()) *
           86400.0;
}

const char* kXmlHead = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const char* kSheetOpen =
    "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
const char* kSheetClose = "</sheetData></worksheet>";

// A workbook with a first sheet "notes" and a second sheet "survey" holding `surveyRows`.
Entries workbook(const std::string& surveyRows, bool date1904 = false)
{
    const std::string ns = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                           "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";
    return {
        {"xl/workbook.xml",
         std::string(kXmlHead) + "<workbook " + ns + ">" + (date1904 ? "<workbookPr date1904=\"1\"/>" : "") +
             "<sheets><sheet name=\"notes\" sheetId=\"1\" r:id=\"rId1\"/>"
             "<sheet name=\"survey\" sheetId=\"2\" r:id=\"rId2\"/></sheets></workbook>"},
        {"xl/_rels/workbook.xml.rels",
         std::string(kXmlHead) +
             "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
             "<Relationship Id=\"rId1\" Type=\"worksheet\" Target=\"worksheets/sheet1.xml\"/>"
             "<Relationship Id=\"rId2\" Type=\"worksheet\" Target=\"/xl/worksheets/data.xml\"/>"
             "</Relationships>"},
        {"xl/sharedStrings.xml",
         std::string(kXmlHead) +
             "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
             "<si><t>id</t></si><si><t>answer</t></si>"
             "<si><r><t>Y</t></r><r><rPr><b/></rPr><t>es</t></r><rPh><t>phonetic</t></rPh></si>"
             "<si><t xml:space=\"preserve\">text &amp; more</t></si></sst>"},
        {"xl/styles.xml",
         std::string(kXmlHead) +
             "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
             "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\\-dd\"/>"
             "<numFmt numFmtId=\"165\" formatCode=\"&quot;Day &quot;0.00\"/></numFmts>"
             "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
             "<cellXfs count=\"6\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/>"
             "<xf numFmtId=\"22\"/><xf numFmtId=\"20\"/><xf numFmtId=\"165\"/></cellXfs></styleSheet>"},
        {"xl/worksheets/sheet1.xml",
         std::string(kXmlHead) + kSheetOpen +
             "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>text</t></is></c></row>"
             "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>3</v></c></row>" + kSheetClose},
        {"xl/worksheets/data.xml", std::string(kXmlHead) + kSheetOpen + surveyRows + kSheetClose},
    };
}

const std::string kSurveyRows =
    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"inlineStr\"><is><t>when</t></is></c>"
    "<c r=\"C1\" t=\"s\"><v>1</v></c><c r=\"D1\" t=\"inlineStr\"><is><t>flag</t></is></c>"
    "<c r=\"E1\" t=\"inlineStr\"><is><t>score</t></is></c><c r=\"F1\" t=\"inlineStr\"><is><t>stamp</t></is></c>"
    "<c r=\"G1\" t=\"inlineStr\"><is><t>clock</t></is></c><c r=\"H1\" t=\"inlineStr\"><is><t>days</t></is></c></row>"
    "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\" s=\"1\"><v>43831</v></c><c r=\"C2\" t=\"s\"><v>2</v></c>"
    "<c r=\"D2\" t=\"b\"><v>1</v></c><c r=\"E2\" t=\"e\"><v>#N/A</v></c><c r=\"F2\" s=\"3\"><v>43831.5</v></c>"
    "<c r=\"G2\" s=\"4\"><v>0.75</v></c><c r=\"H2\" s=\"5\"><v>2.5</v></c></row>"
    "<row r=\"3\"><c r=\"A3\"><v>2</v></c><c r=\"B3\" s=\"2\"><v>43832</v></c>"
    "<c r=\"C3\" t=\"inlineStr\"><is><t>No</t></is></c><c r=\"D3\" t=\"b\"><v>0</v></c>"
    "<c r=\"E3\" t=\"str\"><f>1+2.5</f><v>3.5</v></c><c r=\"G3\" s=\"4\"><v>0.5</v></c></row>"
    "<row r=\"5\"><c><v>3</v></c><c s=\"1\"><v>61</v></c><c t=\"s\"><v>3</v></c></row>"
    "<row r=\"6\"><c r=\"A6\"><v>4</v></c><c r=\"B6\" s=\"1\"><v>1</v></c></row>";

Expected<data::DatasetPtr> readEntries(const std::string& test, const Entries& entries, const io::XlsxOptions& options)
{
    const auto path = sl::test::scratchFolder(test) / "book.xlsx";
    sl::test::writeZip(path, entries);
    return io::readXlsx(path.string(), options);
}

io::XlsxOptions sheetNamed(const std::string& name)
{
    io::XlsxOptions options;
    options.sheetName = name;
    return options;
}

}  // namespace

TEST(XlsxReader, ReadsEveryCellKind)
{
    auto result = readEntries("cell-kinds", workbook(kSurveyRows), sheetNamed("survey"));
    ASSERT_TRUE(result) << result.error().describe();
    const data::Dataset& d = **result;
    ASSERT_EQ(d.variableCount(), 8u);
    ASSERT_EQ(d.caseCount(), 4u);
    EXPECT_EQ(d.variable(0).name, "id");
    EXPECT_EQ(d.column(0).number(3), 4);

    EXPECT_TRUE(d.variable(1).format.isDate());
    EXPECT_EQ(d.column(1).number(0), spssSeconds(2020, 1, 1));
    EXPECT_EQ(d.column(1).number(1), spssSeconds(2020, 1, 2));  // custom format yyyy-mm-dd
    EXPECT_EQ(d.column(1).number(2), spssSeconds(1900, 3, 1));
    EXPECT_EQ(d.column(1).number(3), spssSeconds(1900, 1, 1));

    EXPECT_EQ(d.variable(2).name, "answer");
    ASSERT_TRUE(d.variable(2).isString());
    EXPECT_EQ(d.column(2).text(0), "Yes");  // rich text runs joined, phonetic run left out
    EXPECT_EQ(d.column(2).text(1), "No");
    EXPECT_EQ(d.column(2).text(2), "text & more");
    EXPECT_EQ(d.column(2).text(3), "");

    EXPECT_EQ(d.column(3).number(0), 1);  // TRUE
    EXPECT_EQ(d.column(3).number(1), 0);
    EXPECT_TRUE(std::isnan(d.column(3).number(2)));

    EXPECT_TRUE(d.variable(4).isNumeric());
    EXPECT_TRUE(std::isnan(d.column(4).number(0)));  // #N/A
    EXPECT_EQ(d.column(4).number(1), 3.5);           // formula text result "3.5"

    EXPECT_TRUE(d.variable(5).format.isDateTime());
    EXPECT_EQ(d.column(5).number(0), spssSeconds(2020, 1, 1) + 12 * 3600);
    EXPECT_TRUE(d.variable(6).format.isTime());
    EXPECT_EQ(d.column(6).number(0), 18 * 3600);
    EXPECT_EQ(d.column(6).number(1), 12 * 3600);

    EXPECT_FALSE(d.variable(7).format.isDate());  // "Day "0.00: a quoted d is no date
    EXPECT_EQ(d.column(7).number(0), 2.5);
}

TEST(XlsxReader, FirstSheetByDefaultAndByIndex)
{
    auto first = readEntries("default-sheet", workbook(kSurveyRows), {});
    ASSERT_TRUE(first) << first.error().describe();
    EXPECT_EQ((*first)->variable(0).name, "text");
    EXPECT_EQ((*first)->column(0).text(0), "text & more");

    io::XlsxOptions second;
    second.sheetIndex = 1;
    auto survey = readEntries("second-sheet", workbook(kSurveyRows), second);
    ASSERT_TRUE(survey) << survey.error().describe();
    EXPECT_EQ((*survey)->variable(0).name, "id");

    auto missing = readEntries("no-such-sheet", workbook(kSurveyRows), sheetNamed("results"));
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
    EXPECT_NE(missing.error().message.find("survey"), std::string::npos);
}

TEST(XlsxReader, SheetNamesInWorkbookOrder)
{
    const auto path = sl::test::scratchFolder("sheet-names") / "book.xlsx";
    sl::test::writeZip(path, workbook(kSurveyRows));
    auto names = io::xlsxSheetNames(sl::test::readBytes(path), "book.xlsx");
    ASSERT_TRUE(names) << names.error().describe();
    EXPECT_EQ(*names, (std::vector<std::string>{"notes", "survey"}));

    auto notWorkbook = io::xlsxSheetNames("plain text, no zip", "notes.xlsx");
    ASSERT_FALSE(notWorkbook);
    EXPECT_EQ(notWorkbook.error().code, ErrorCode::InvalidInput);
    EXPECT_EQ(notWorkbook.error().where, "notes.xlsx");
}

TEST(XlsxReader, Dates1904System)
{
    const std::string rows = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>when</t></is></c></row>"
                             "<row r=\"2\"><c r=\"A2\" s=\"1\"><v>0</v></c></row>"
                             "<row r=\"3\"><c r=\"A3\" s=\"1\"><v>42369</v></c></row>";
    auto result = readEntries("date1904", workbook(rows, true), sheetNamed("survey"));
    ASSERT_TRUE(result) << result.error().describe();
    EXPECT_EQ((*result)->column(0).number(0), spssSeconds(1904, 1, 1));
    EXPECT_EQ((*result)->column(0).number(1), spssSeconds(2020, 1, 1));
}

TEST(XlsxReader, HeaderOffNamesColumnsByPosition)
{
    io::XlsxOptions options = sheetNamed("survey");
    options.header = false;
    auto result = readEntries("no-header", workbook(kSurveyRows), options);
    ASSERT_TRUE(result) << result.error().describe();
    EXPECT_EQ((*result)->caseCount(), 5u);
    EXPECT_EQ((*result)->variable(0).name, "V1");
    EXPECT_TRUE((*result)->variable(0).isString());  // "id" is text
}

TEST(XlsxWriter, RoundTripKeepsValuesAndDescribesVariables)
{
    auto sav = io::openDataFile(sl::test::kSharedData + "/socialwork_synth.sav");
    ASSERT_TRUE(sav) << sav.error().describe();
    const auto path = sl::test::scratchFolder("xlsx-round-trip") / "out.xlsx";
    auto saved = io::saveDataFile(**sav, path.string());
    ASSERT_TRUE(saved) << saved.error().describe();

    auto back = io::openDataFile(path.string());
    ASSERT_TRUE(back) << back.error().describe();
    EXPECT_EQ((*back)->variableCount(), (*sav)->variableCount());
    for (size_t v = 0; v < (*sav)->variableCount(); ++v) {
        const auto index = (*back)->indexOf((*sav)->variable(v).name);
        ASSERT_TRUE(index);
        for (size_t c = 0; c < (*sav)->caseCount(); ++c) {
            const double expected = (*sav)->column(v).number(c);
            const double actual = (*back)->column(*index).number(c);
            ASSERT_TRUE(std::isnan(expected) ? std::isnan(actual) : actual == expected)
                << (*sav)->variable(v).name << ", case " << c + 1;
        }
    }

    auto variables = io::readXlsx(path.string(), sheetNamed("variables"));
    ASSERT_TRUE(variables) << variables.error().describe();
    const data::Dataset& dictionary = **variables;
    const auto name = dictionary.indexOf("name");
    const auto labels = dictionary.indexOf("value_labels");
    const auto missing = dictionary.indexOf("missing");
    ASSERT_TRUE(name && labels && missing);
    bool foundGender = false;
    for (size_t r = 0; r < dictionary.caseCount(); ++r) {
        if (dictionary.column(*name).text(r) != "gender") continue;
        foundGender = true;
        EXPECT_NE(dictionary.column(*labels).text(r).find("99 = Prefer not to say"), std::string::npos);
        EXPECT_EQ(dictionary.column(*missing).number(r), 99);
    }
    EXPECT_TRUE(foundGender);
}

TEST(XlsxWriter, DatesAndTextSurviveTheRoundTrip)
{
    data::Variable when;
    when.name = "when";
    when.format = {20, 11, 0};
    data::Variable stamp;
    stamp.name = "stamp";
    stamp.format = {22, 20, 0};
    data::Variable city;
    city.name = "city";
    city.type = data::VariableType::String;
    city.stringWidth = 12;
    city.format = {1, 12, 0};
    const double day = spssSeconds(2021, 7, 4);
    data::Dataset dataset({when, stamp, city},
                          {data::Column::fromDoubles({day, data::kSysmis}),
                           data::Column::fromDoubles({day + 3723, day + 86399}),
                           data::Column::fromStrings({"Qu\xC3\xA9" "bec", ""})});
    const auto path = sl::test::scratchFolder("xlsx-dates") / "dates.xlsx";
    ASSERT_TRUE(io::writeXlsx(dataset, path.string()));
    auto back = io::readXlsx(path.string());
    ASSERT_TRUE(back) << back.error().describe();
    EXPECT_TRUE((*back)->variable(0).format.isDate());
    EXPECT_EQ((*back)->column(0).number(0), day);
    EXPECT_TRUE(std::isnan((*back)->column(0).number(1)));
    EXPECT_TRUE((*back)->variable(1).format.isDateTime());
    EXPECT_EQ((*back)->column(1).number(0), day + 3723);
    EXPECT_EQ((*back)->column(1).number(1), day + 86399);
    EXPECT_EQ((*back)->column(2).text(0), "Qu\xC3\xA9" "bec");
}

TEST(XlsxReader, TruncatedWorkbookIsAnError)
{
    const std::string bytes = sl::test::readBytes(sl::test::kSharedData + "/socialwork_synth.xlsx");
    const auto path = sl::test::scratchFolder("xlsx-truncated") / "cut.xlsx";
    sl::test::writeBytes(path, std::string_view(bytes).substr(0, bytes.size() / 2));
    auto d = io::openDataFile(path.string());
    ASSERT_FALSE(d);
    EXPECT_EQ(d.error().code, ErrorCode::InvalidInput);
    EXPECT_EQ(d.error().where, "cut.xlsx");
}

TEST(XlsxReader, OldExcelFileAsksToSaveAsXlsx)
{
    std::string bytes("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
    bytes.resize(4096, '\0');
    const auto path = sl::test::scratchFolder("xls") / "old.xls";
    sl::test::writeBytes(path, bytes);
    auto d = io::openDataFile(path.string());
    ASSERT_FALSE(d);
    EXPECT_EQ(d.error().code, ErrorCode::Unsupported);
    EXPECT_NE(d.error().message.find(".xlsx"), std::string::npos);
}

TEST(XlsxReader, EntityExpansionIsRefused)
{
    std::string bomb = std::string(kXmlHead) + "<!DOCTYPE lolz [<!ENTITY lol \"lol\">";
    for (int i = 1; i <= 9; ++i) {
        bomb += "<!ENTITY lol" + std::to_string(i) + " \"";
        for (int k = 0; k < 10; ++k) bomb += "&lol" + (i > 1 ? std::to_string(i - 1) : std::string()) + ";";
        bomb += "\">";
    }
    bomb += "]>" + std::string(kSheetOpen) +
            "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol9;</t></is></c></row>" + kSheetClose;
    Entries entries = workbook("");
    entries.back().second = bomb;
    auto d = readEntries("xml-bomb", entries, sheetNamed("survey"));
    ASSERT_FALSE(d);
    EXPECT_EQ(d.error().code, ErrorCode::InvalidInput);
    EXPECT_NE(d.error().message.find("DTD"), std::string::npos);
}

TEST(XlsxReader, ZipBombIsRefusedBeforeUnpacking)
{
    Entries entries = workbook("");
    entries.back().second = std::string(kXmlHead) + kSheetOpen + std::string(64 << 20, ' ') + kSheetClose;
    auto d = readEntries("zip-bomb", entries, sheetNamed("survey"));
    ASSERT_FALSE(d);
    EXPECT_EQ(d.error().code, ErrorCode::InvalidInput);
    EXPECT_NE(d.error().where.find("data.xml"), std::string::npos);
}

TEST(XlsxReader, MalformedSheetXmlGivesTheLine)
{
    Entries entries = workbook("<row r=\"1\">\n<c r=\"A1\"><v>1</v></c>\n</rows>");
    auto d = readEntries("bad-xml", entries, sheetNamed("survey"));
    ASSERT_FALSE(d);
    EXPECT_EQ(d.error().code, ErrorCode::InvalidInput);
    EXPECT_NE(d.error().where.find("line 4"), std::string::npos) << d.error().where;
}

TEST(XlsxReader, RepeatedCellInARowKeepsTheLastValue)
{
    const std::string rows = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>x</t></is></c></row>"
                             "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"A2\"><v>2</v></c></row>"
                             "<row r=\"3\"><c r=\"A3\"><v>3</v></c></row>"
                             "<row r=\"4\"><c r=\"A4\"><v>4</v></c><c r=\"A4\"><v>5</v></c></row>";
    auto result = readEntries("repeated-cell", workbook(rows), sheetNamed("survey"));
    ASSERT_TRUE(result) << result.error().describe();
    ASSERT_EQ((*result)->caseCount(), 3u);
    EXPECT_EQ((*result)->column(0).number(0), 2);
    EXPECT_EQ((*result)->column(0).number(1), 3);
    EXPECT_EQ((*result)->column(0).number(2), 5);
}

TEST(XlsxReader, EmptySheetIsAnError)
{
    auto result = readEntries("empty-sheet", workbook("<row r=\"1\"/>"), sheetNamed("survey"));
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, ErrorCode::InvalidInput);
    EXPECT_NE(result.error().message.find("empty"), std::string::npos);
}

TEST(XlsxReader, SheetTooLargeToHoldIsRefused)
{
    // A value in the last column (XFD) of 40,000 rows: 655 million cells once the empty ones are counted.
    std::string rows;
    for (int r = 1; r <= 40000; ++r) rows += "<row><c r=\"XFD" + std::to_string(r) + "\"><v>1</v></c></row>";
    auto result = readEntries("too-many-cells", workbook(rows), sheetNamed("survey"));
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, ErrorCode::InvalidInput);
    EXPECT_NE(result.error().message.find("cells"), std::string::npos);
}

TEST(XlsxReader, OtherZipArchivesAreExplained)
{
    const auto folder = sl::test::scratchFolder("other-zips");
    sl::test::writeZip(folder / "sheet.xlsx", {{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
                                               {"content.xml", "<office:document-content/>"}});
    auto ods = io::openDataFile((folder / "sheet.xlsx").string());
    ASSERT_FALSE(ods);
    EXPECT_EQ(ods.error().code, ErrorCode::Unsupported);
    EXPECT_NE(ods.error().message.find(".ods"), std::string::npos);

    sl::test::writeZip(folder / "photos.xlsx", {{"photo.txt", "not a workbook"}});
    auto other = io::openDataFile((folder / "photos.xlsx").string());
    ASSERT_FALSE(other);
    EXPECT_EQ(other.error().code, ErrorCode::InvalidInput);
}
