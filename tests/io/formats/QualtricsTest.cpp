// Qualtrics exports written in the test: legacy two-header CSV, UTF-16 TSV, seen-but-unanswered codes.
#include "FormatsTestSupport.h"

#include "core/io/DataFile.h"
#include "core/io/QualtricsReader.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace sl::core;

namespace {

Expected<data::DatasetPtr> openText(const std::string& test, const std::string& fileName, std::string_view bytes)
{
    const auto path = sl::test::scratchFolder(test) / fileName;
    sl::test::writeBytes(path, bytes);
    return io::openDataFile(path.string());
}

// UTF-16LE with byte-order mark, for ASCII text.
std::string utf16le(std::string_view ascii)
{
    std::string out("\xFF\xFE", 2);
    for (char c : ascii) {
        out.push_back(c);
        out.push_back('\0');
    }
    return out;
}

const std::string kLegacy =
    "\xEF\xBB\xBFV1,V2,V3,V4,V5,V6,V7,V8,V9,V10,Q1,Q2_1,Q3\r\n"
    "ResponseID,ResponseSet,Name,ExternalDataReference,EmailAddress,IPAddress,Status,StartDate,EndDate,Finished,"
    "\"<p><b>How satisfied</b> are you&nbsp;with supervision?</p>\",Which apply? - Email,Age\r\n"
    "R_1,Default Response Set,Anonymous,,,10.0.0.1,0,2016-03-01 10:00:00,2016-03-01 10:05:00,1,4,1,33\r\n"
    "R_2,Default Response Set,Anonymous,,,10.0.0.2,0,2016-03-02 11:00:00,2016-03-02 11:09:30,1,-99,,-99\r\n"
    "R_3,Default Response Set,Anonymous,,,10.0.0.3,0,2016-03-03 12:00:00,2016-03-03 12:01:00,0,2,1,41\r\n";

}  // namespace

TEST(QualtricsReader, LegacyTwoHeaderLayout)
{
    const auto header = io::qualtricsHeaderOf(kLegacy);
    ASSERT_TRUE(header);
    EXPECT_TRUE(header->legacy);

    auto result = openText("legacy", "legacy.csv", kLegacy);
    ASSERT_TRUE(result) << result.error().describe();
    const data::Dataset& d = **result;
    ASSERT_EQ(d.variableCount(), 13u);
    ASSERT_EQ(d.caseCount(), 3u);
    const auto q1 = d.indexOf("Q1");
    ASSERT_TRUE(q1);
    EXPECT_EQ(d.variable(*q1).label, "How satisfied are you with supervision?");
    EXPECT_EQ(d.variable(*d.indexOf("Q2_1")).label, "Which apply? - Email");
    EXPECT_EQ(d.variable(*d.indexOf("V1")).label, "ResponseID");
    EXPECT_EQ(d.column(*d.indexOf("V1")).text(2), "R_3");

    const auto start = d.indexOf("V8");
    ASSERT_TRUE(start);
    EXPECT_TRUE(d.variable(*start).format.isDateTime());
    const auto end = d.indexOf("V9");
    EXPECT_EQ(d.column(*end).number(1) - d.column(*start).number(1), 9 * 60 + 30);
    ASSERT_NE(d.variable(*d.indexOf("V7")).labelOf(0), nullptr);  // Status
    EXPECT_EQ(d.column(*d.indexOf("V10")).number(2), 0);           // Finished
}

TEST(QualtricsReader, SeenButUnansweredCodeIsUserMissing)
{
    auto result = openText("minus99", "legacy.csv", kLegacy);
    ASSERT_TRUE(result) << result.error().describe();
    const data::Dataset& d = **result;
    for (const char* name : {"Q1", "Q3"}) {
        const auto v = d.indexOf(name);
        ASSERT_TRUE(v);
        EXPECT_EQ(d.variable(*v).missing.values, std::vector<double>{-99}) << name;
        EXPECT_EQ(d.column(*v).number(1), -99) << name;
        EXPECT_TRUE(d.isMissing(*v, 1)) << name;
        EXPECT_FALSE(d.isMissing(*v, 0)) << name;
    }
    // Q2_1 never holds -99: nothing is declared.
    EXPECT_TRUE(d.variable(*d.indexOf("Q2_1")).missing.empty());
    ASSERT_FALSE(d.warnings.empty());
    EXPECT_NE(d.warnings.back().find("Q1, Q3"), std::string::npos);
}

TEST(QualtricsReader, Utf16TabSeparatedThreeHeaderLayout)
{
    const std::string text =
        "StartDate\tEndDate\tStatus\tProgress\tFinished\tResponseId\tQ1\tQ2_TEXT\t\r\n"
        "Start Date\tEnd Date\tResponse Type\tProgress\tFinished\tResponse ID\t\"Rate your week:\nall things "
        "considered\"\tAge\t\r\n"
        "{\"ImportId\":\"startDate\",\"timeZone\":\"America/Denver\"}\t{\"ImportId\":\"endDate\"}\t"
        "{\"ImportId\":\"status\"}\t{\"ImportId\":\"progress\"}\t{\"ImportId\":\"finished\"}\t"
        "{\"ImportId\":\"_recordId\"}\t{\"ImportId\":\"QID1\"}\t{\"ImportId\":\"QID2_TEXT\"}\t\r\n"
        "2020-05-01 09:00:00\t2020-05-01 09:10:00\t0\t100\tTRUE\tR_a\t5\t25\t\r\n"
        "2020-05-02 14:30:00\t2020-05-02 14:31:00\t0\t40\tFALSE\tR_b\t\t61\t\r\n";
    const std::string bytes = utf16le(text);
    const auto header = io::qualtricsHeaderOf(bytes);
    ASSERT_TRUE(header);
    EXPECT_FALSE(header->legacy);
    EXPECT_EQ(header->importIds[6], "QID1");

    auto result = openText("tsv", "export.tsv", bytes);
    ASSERT_TRUE(result) << result.error().describe();
    const data::Dataset& d = **result;
    EXPECT_EQ(d.variableCount(), 8u);  // the trailing empty column is dropped
    ASSERT_EQ(d.caseCount(), 2u);
    const auto q1 = d.indexOf("Q1");
    ASSERT_TRUE(q1);
    EXPECT_EQ(d.variable(*q1).label, "Rate your week: all things considered");
    EXPECT_TRUE(std::isnan(d.column(*q1).number(1)));
    const auto finished = d.indexOf("Finished");
    ASSERT_TRUE(finished);
    EXPECT_TRUE(d.variable(*finished).isNumeric());
    EXPECT_EQ(d.column(*finished).number(0), 1);
    EXPECT_EQ(d.column(*finished).number(1), 0);
    EXPECT_EQ(d.variable(*d.indexOf("Progress")).measure, data::MeasureLevel::Scale);
    EXPECT_EQ(d.column(*d.indexOf("Q2_TEXT")).number(1), 61);
    for (const auto& warning : d.warnings) EXPECT_EQ(warning.find("no name"), std::string::npos) << warning;
}

TEST(QualtricsReader, PlainCsvIsNotTakenForAnExport)
{
    EXPECT_FALSE(io::qualtricsHeaderOf("id,score\n1,2\n3,4\n"));
    EXPECT_FALSE(io::qualtricsHeaderOf(sl::test::readBytes(sl::test::kSharedData + "/socialwork_synth.csv")));
    auto notExport = io::readQualtricsBytes("id,score\n1,2\n3,4\n", "plain.csv");
    ASSERT_FALSE(notExport);
    EXPECT_EQ(notExport.error().code, ErrorCode::InvalidInput);
}
