// Qualtrics exports: legacy two-header CSV, UTF-16 TSV and seen-but-unanswered codes written in the test; the
// numeric and choice-text exports of one survey and a loop-and-merge export in tests/io/formats/data/qualtrics.
#include "FormatsTestSupport.h"

#include "core/io/DataFile.h"
#include "core/io/QualtricsDates.h"
#include "core/io/QualtricsReader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>

using namespace sl::core;

namespace {

const std::string kFixtures = std::string(SL_SOURCE_DIR) + "/tests/io/formats/data/qualtrics/";
const std::string kNumeric = kFixtures + "survey_numeric.csv";
const std::string kChoiceText = kFixtures + "survey_choice_text.csv";

data::DatasetPtr openFixture(const std::string& path, const io::QualtricsOptions& qualtrics = {})
{
    io::OpenOptions options;
    options.qualtrics = qualtrics;
    auto result = io::openDataFile(path, options);
    EXPECT_TRUE(result) << result.error().describe();
    return result ? *result : nullptr;
}

const data::Variable& variableOf(const data::Dataset& d, const std::string& name)
{
    const auto index = d.indexOf(name);
    EXPECT_TRUE(index) << name;
    return d.variable(index.value_or(0));
}

const data::Column& columnOf(const data::Dataset& d, const std::string& name)
{
    const auto index = d.indexOf(name);
    EXPECT_TRUE(index) << name;
    return d.column(index.value_or(0));
}

bool hasWarning(const data::Dataset& d, const std::string& text)
{
    for (const auto& warning : d.warnings)
        if (warning.find(text) != std::string::npos) return true;
    return false;
}

// SPSS seconds (since 14 October 1582) of a UTC date and time.
double spssSeconds(int y, unsigned m, unsigned d, int hours, int minutes)
{
    using namespace std::chrono;
    const auto days = (sys_days{year{y} / month{m} / day{d}} - sys_days{year{1582} / 10 / 14}).count();
    return static_cast<double>(days) * 86400 + hours * 3600 + minutes * 60;
}

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

TEST(QualtricsReader, DefaultOptionsKeepEveryResponseAndColumn)
{
    const auto d = openFixture(kNumeric);
    ASSERT_TRUE(d);
    EXPECT_EQ(d->caseCount(), 6u);
    EXPECT_EQ(d->variableCount(), 33u);  // 30 columns, and Q4 split into Q4_1, Q4_2, Q4_3
    EXPECT_TRUE(d->indexOf("IPAddress"));
    EXPECT_FALSE(hasWarning(*d, "Dropped"));
}

TEST(QualtricsReader, PresetsDropPreviewsUnfinishedResponsesAndIdentifyingColumns)
{
    io::QualtricsOptions presets;
    presets.dropPreviewAndTestResponses = true;
    presets.dropUnfinishedResponses = true;
    presets.dropIdentifyingColumns = true;
    const auto d = openFixture(kNumeric, presets);
    ASSERT_TRUE(d);
    ASSERT_EQ(d->caseCount(), 3u);
    const auto& ids = columnOf(*d, "ResponseId");
    EXPECT_EQ(ids.text(0), "R_1");
    EXPECT_EQ(ids.text(1), "R_2");
    EXPECT_EQ(ids.text(2), "R_6");
    for (const char* name : {"IPAddress", "RecipientLastName", "RecipientFirstName", "RecipientEmail",
                             "ExternalReference", "LocationLatitude", "LocationLongitude"})
        EXPECT_FALSE(d->indexOf(name)) << name;
    EXPECT_TRUE(d->indexOf("DistributionChannel"));
    EXPECT_EQ(columnOf(*d, "Q5_TEXT").number(2), 62);  // the rows of every column move together
    EXPECT_TRUE(hasWarning(*d, "Dropped 2 preview, test or spam responses (Status)."));
    EXPECT_TRUE(hasWarning(*d, "Dropped 1 unfinished responses (Finished)."));
    EXPECT_TRUE(hasWarning(*d, "Dropped 7 identifying columns: IPAddress, RecipientLastName"));

    // The same presets work on the choice-text export, whose Status and Finished are words.
    const auto text = openFixture(kChoiceText, presets);
    ASSERT_TRUE(text);
    EXPECT_EQ(text->caseCount(), 3u);
    EXPECT_TRUE(variableOf(*text, "Status").isNumeric());
    EXPECT_EQ(columnOf(*text, "ResponseId").text(2), "R_6");
}

TEST(QualtricsReader, PresetsWorkOnTheLegacyLayout)
{
    io::QualtricsOptions presets;
    presets.dropPreviewAndTestResponses = true;
    presets.dropUnfinishedResponses = true;
    presets.dropIdentifyingColumns = true;
    auto result = io::readQualtricsBytes(kLegacy, "legacy.csv", {}, presets);
    ASSERT_TRUE(result) << result.error().describe();
    const data::Dataset& d = **result;
    EXPECT_EQ(d.caseCount(), 2u);  // R_3 did not finish
    EXPECT_EQ(d.column(*d.indexOf("V1")).text(1), "R_2");
    // Name, external reference, e-mail and IP address go; Status stays.
    for (const char* name : {"V3", "V4", "V5", "V6"}) EXPECT_FALSE(d.indexOf(name)) << name;
    EXPECT_TRUE(d.indexOf("V7"));
    EXPECT_TRUE(hasWarning(d, "Dropped 4 identifying columns: V3, V4, V5, V6."));
}

TEST(QualtricsReader, DatesAreStoredInUtcWithTheirTimeZone)
{
    const auto d = openFixture(kNumeric);
    ASSERT_TRUE(d);
    const auto& start = variableOf(*d, "StartDate");
    EXPECT_TRUE(start.format.isDateTime());
    EXPECT_EQ(start.timeZone, "America/Denver");
    // 10:00 in Denver in January is UTC-7; 09:30 in July is UTC-6 (daylight saving time).
    EXPECT_EQ(columnOf(*d, "StartDate").number(0), spssSeconds(2021, 1, 15, 17, 0));
    EXPECT_EQ(columnOf(*d, "StartDate").number(1), spssSeconds(2021, 7, 1, 15, 30));
    EXPECT_EQ(columnOf(*d, "EndDate").number(0) - columnOf(*d, "StartDate").number(0), 720);

    // Without a time zone in row 3, dates stay as written and no zone is claimed.
    const auto loop = openFixture(kFixtures + "loop_merge.csv");
    ASSERT_TRUE(loop);
    EXPECT_EQ(variableOf(*loop, "StartDate").timeZone, "");
    EXPECT_EQ(columnOf(*loop, "StartDate").number(0), spssSeconds(2022, 3, 1, 10, 0));
}

TEST(QualtricsReader, UnknownTimeZoneKeepsDatesAsWritten)
{
    std::string text = sl::test::readBytes(kNumeric);
    for (size_t at = text.find("America/Denver"); at != std::string::npos; at = text.find("America/Denver"))
        text.replace(at, 14, "Mars/Olympus_Mons");
    auto d = openText("unknown-zone", "export.csv", text);
    ASSERT_TRUE(d) << d.error().describe();
    EXPECT_EQ(variableOf(**d, "StartDate").timeZone, "");
    EXPECT_EQ(columnOf(**d, "StartDate").number(0), spssSeconds(2021, 1, 15, 10, 0));
    EXPECT_TRUE(hasWarning(**d, "Mars/Olympus_Mons"));
}

TEST(QualtricsReader, ChoiceTextExportAloneLoadsAsText)
{
    const auto d = openFixture(kChoiceText);
    ASSERT_TRUE(d);
    EXPECT_EQ(d->caseCount(), 6u);
    EXPECT_TRUE(variableOf(*d, "Q1").isString());
    EXPECT_EQ(columnOf(*d, "Q1").text(0), "Satisfied");
    EXPECT_EQ(columnOf(*d, "Q4").text(0), "Phone,Video");
    EXPECT_TRUE(variableOf(*d, "Q5_TEXT").isNumeric());
    EXPECT_EQ(columnOf(*d, "Finished").number(4), 0);
}

TEST(QualtricsReader, ChoiceTextExportGivesValueLabels)
{
    io::QualtricsOptions options;
    options.choiceTextPath = kChoiceText;
    const auto d = openFixture(kNumeric, options);
    ASSERT_TRUE(d);
    const auto& q1 = variableOf(*d, "Q1");
    ASSERT_EQ(q1.valueLabels.numeric().size(), 4u);
    EXPECT_EQ(*q1.labelOf(1), "Dissatisfied");
    EXPECT_EQ(*q1.labelOf(2), "Neutral");
    EXPECT_EQ(*q1.labelOf(4), "Satisfied");
    EXPECT_EQ(*q1.labelOf(-99), "Seen but unanswered");
    EXPECT_EQ(*variableOf(*d, "Q3_3").labelOf(5), "Strongly agree");
    EXPECT_EQ(*variableOf(*d, "Q2_2").labelOf(1), "Text messaging");
    EXPECT_EQ(*variableOf(*d, "Q6").labelOf(3), "Other");
    // Comma-joined "1,3" paired with "Phone,Video": each split column says its choice.
    EXPECT_EQ(variableOf(*d, "Q4_1").label, "Which channels has your agency approved? - Phone");
    EXPECT_EQ(variableOf(*d, "Q4_3").label, "Which channels has your agency approved? - Video");
    EXPECT_TRUE(variableOf(*d, "Q4").valueLabels.empty());
    EXPECT_TRUE(variableOf(*d, "Q5_TEXT").valueLabels.empty());  // the same numbers in both exports
    EXPECT_EQ(columnOf(*d, "Q1").number(0), 4);                     // the data stay the codes
}

TEST(QualtricsReader, ChoiceTextResponsesArePairedByResponseId)
{
    // The choice-text export lists the responses in the opposite order.
    const std::string text = sl::test::readBytes(kChoiceText);
    std::vector<std::string> lines;
    for (size_t begin = 0, end; begin < text.size(); begin = end + 2) {
        end = text.find("\r\n", begin);
        lines.push_back(text.substr(begin, end - begin));
    }
    ASSERT_EQ(lines.size(), 9u);
    std::reverse(lines.begin() + 3, lines.end());
    std::string reversed;
    for (const auto& line : lines) reversed += line + "\r\n";
    const auto folder = sl::test::scratchFolder("reversed");
    sl::test::writeBytes(folder / "text.csv", reversed);
    io::QualtricsOptions options;
    options.choiceTextPath = (folder / "text.csv").string();
    const auto d = openFixture(kNumeric, options);
    ASSERT_TRUE(d);
    EXPECT_EQ(*variableOf(*d, "Q1").labelOf(4), "Satisfied");
    EXPECT_EQ(*variableOf(*d, "Q3_1").labelOf(1), "Strongly disagree");
    EXPECT_FALSE(hasWarning(*d, "choice-text"));
}

TEST(QualtricsReader, ChoiceTextThatContradictsItselfGivesNoLabels)
{
    // Code 3 of Q3_3 reads "Neither agree nor disagree" for R_2; make it read "Neutral" for R_3.
    std::string text = sl::test::readBytes(kChoiceText);
    const std::string r3 = "Neither agree nor disagree,Neither agree nor disagree,Neither agree nor disagree,,29";
    const size_t at = text.find(r3);
    ASSERT_NE(at, std::string::npos);
    text.replace(at + r3.size() - 30, 26, "Neutral");
    const auto folder = sl::test::scratchFolder("conflict");
    sl::test::writeBytes(folder / "text.csv", text);
    io::QualtricsOptions options;
    options.choiceTextPath = (folder / "text.csv").string();
    const auto d = openFixture(kNumeric, options);
    ASSERT_TRUE(d);
    EXPECT_TRUE(variableOf(*d, "Q1").labelOf(4));
    EXPECT_TRUE(variableOf(*d, "Q3_3").valueLabels.empty());
    EXPECT_TRUE(hasWarning(*d, "for Q3_3:"));
}

TEST(QualtricsReader, MissingChoiceTextFileIsAnError)
{
    io::QualtricsOptions options;
    options.choiceTextPath = kFixtures + "no-such-export.csv";
    io::OpenOptions open;
    open.qualtrics = options;
    auto d = io::openDataFile(kNumeric, open);
    ASSERT_FALSE(d);
    EXPECT_NE(d.error().describe().find("no-such-export.csv"), std::string::npos);
}

TEST(QualtricsReader, PartnerExportIsFoundBesideTheFile)
{
    EXPECT_EQ(io::findPartnerExport(kNumeric), kChoiceText);
    EXPECT_EQ(io::findPartnerExport(kChoiceText), kNumeric);
    EXPECT_FALSE(io::findPartnerExport(kFixtures + "loop_merge.csv"));

    // Two candidates: the user chooses.
    const auto folder = sl::test::scratchFolder("partners");
    for (const char* name : {"a.csv", "b.csv", "c.csv"})
        sl::test::writeBytes(folder / name, sl::test::readBytes(kNumeric));
    EXPECT_FALSE(io::findPartnerExport((folder / "a.csv").string()));
}

TEST(QualtricsReader, MultipleAnswerQuestionsBecomeSetsButLikertBatteriesDoNot)
{
    const auto d = openFixture(kNumeric);
    ASSERT_TRUE(d);
    const auto& sets = d->multipleResponseSets;
    ASSERT_EQ(sets.size(), 2u);
    EXPECT_EQ(sets[0].name, "Q2");  // 1 or empty per choice
    EXPECT_EQ(sets[0].label, "Which of these do you use with clients?");
    EXPECT_TRUE(sets[0].dichotomy);
    EXPECT_EQ(sets[0].countedValue, "1");
    EXPECT_EQ(sets[0].variables, (std::vector<std::string>{"Q2_1", "Q2_2", "Q2_3", "Q2_4"}));
    EXPECT_EQ(sets[1].name, "Q4");  // split from "1,3" cells
    EXPECT_EQ(sets[1].variables, (std::vector<std::string>{"Q4_1", "Q4_2", "Q4_3"}));
    EXPECT_EQ(sets[1].label, "Which channels has your agency approved?");
}

TEST(QualtricsReader, CommaJoinedAnswersAreSplitIntoZeroOneColumns)
{
    const auto d = openFixture(kNumeric);
    ASSERT_TRUE(d);
    // Q4 cells: "1,3", "2", "", "3", "", "1,2,3"; the original column stays, the split ones follow it.
    const auto q4 = d->indexOf("Q4");
    ASSERT_TRUE(q4);
    EXPECT_TRUE(d->variable(*q4).isString());
    EXPECT_EQ(d->variable(*q4 + 1).name, "Q4_1");
    EXPECT_EQ(d->variable(*q4 + 1).label, "Which channels has your agency approved? - 1");
    const std::vector<double> one = {1, 0, data::kSysmis, 0, data::kSysmis, 1};
    const std::vector<double> three = {1, 0, data::kSysmis, 1, data::kSysmis, 1};
    for (size_t r = 0; r < one.size(); ++r) {
        SCOPED_TRACE(r);
        const double a = columnOf(*d, "Q4_1").number(r);
        const double c = columnOf(*d, "Q4_3").number(r);
        EXPECT_TRUE(std::isnan(one[r]) ? std::isnan(a) : a == one[r]);
        EXPECT_TRUE(std::isnan(three[r]) ? std::isnan(c) : c == three[r]);
    }
    EXPECT_TRUE(hasWarning(*d, "split into 0/1 columns: Q4 (Q4_1, Q4_2, Q4_3)."));
}

TEST(QualtricsReader, OtherTextIsTiedToItsChoiceAndTypedByContent)
{
    const auto d = openFixture(kNumeric);
    ASSERT_TRUE(d);
    EXPECT_EQ(variableOf(*d, "Q2_4_TEXT").label,
              "Which of these do you use with clients? - Other (please specify) - Text (text for Q2_4)");
    EXPECT_EQ(variableOf(*d, "Q6_3_TEXT").label, "What is your role? - Other - Text (text for Q6 = 3)");
    EXPECT_TRUE(variableOf(*d, "Q2_4_TEXT").isString());
    // A text-entry question asking for a number is numeric, and not tied to anything.
    EXPECT_TRUE(variableOf(*d, "Q5_TEXT").isNumeric());
    EXPECT_EQ(variableOf(*d, "Q5_TEXT").label, "How old are you?");
    EXPECT_EQ(columnOf(*d, "Q5_TEXT").number(1), 51);
}

TEST(QualtricsReader, LoopAndMergeIterationsAreNamed)
{
    const auto d = openFixture(kFixtures + "loop_merge.csv");
    ASSERT_TRUE(d);
    EXPECT_EQ(variableOf(*d, "1_Q1").label, "How often do you see this client? (loop 1)");
    EXPECT_EQ(variableOf(*d, "2_Q1").label, "How often do you see this client? (loop 2)");
    EXPECT_EQ(variableOf(*d, "1_Q2_2_TEXT").label,
              "Which services does this client use? - Other (please specify) - Text (text for 1_Q2_2) (loop 1)");
    const auto& sets = d->multipleResponseSets;
    ASSERT_EQ(sets.size(), 2u);
    EXPECT_EQ(sets[0].name, "Q2_loop1");
    EXPECT_EQ(sets[0].label, "Which services does this client use? (loop 1)");
    EXPECT_EQ(sets[0].variables, (std::vector<std::string>{"1_Q2_1", "1_Q2_2"}));
    EXPECT_EQ(sets[1].name, "Q2_loop2");
    EXPECT_EQ(sets[1].variables, (std::vector<std::string>{"2_Q2_1", "2_Q2_2"}));
}

TEST(QualtricsReader, MultipleAnswerMatrixRowsBecomeSets)
{
    // Q7: a matrix whose statements (rows 1, 2) each take several choices (1, 2); Q8_1 was exported unsplit.
    const std::string text =
        "ResponseId,Q7_1_1,Q7_1_2,Q7_2_1,Q7_2_2,Q8_1\n"
        "Response ID,Help by - Housing - Phone,Help by - Housing - Visit,Help by - Money - Phone,"
        "Help by - Money - Visit,Reached by - Day\n"
        "{\"ImportId\":\"_recordId\"},{\"ImportId\":\"QID7_1_1\"},{\"ImportId\":\"QID7_1_2\"},"
        "{\"ImportId\":\"QID7_2_1\"},{\"ImportId\":\"QID7_2_2\"},{\"ImportId\":\"QID8_1\"}\n"
        "R_1,1,,1,1,\"1,3\"\n"
        "R_2,,1,,,2\n";
    auto result = openText("matrix", "matrix.csv", text);
    ASSERT_TRUE(result) << result.error().describe();
    const auto& sets = (*result)->multipleResponseSets;
    ASSERT_EQ(sets.size(), 3u);
    EXPECT_EQ(sets[0].name, "Q7_1");
    EXPECT_EQ(sets[0].label, "Help by - Housing");
    EXPECT_EQ(sets[0].variables, (std::vector<std::string>{"Q7_1_1", "Q7_1_2"}));
    EXPECT_EQ(sets[1].name, "Q7_2");
    EXPECT_EQ(sets[2].name, "Q8_1");
    EXPECT_EQ(sets[2].label, "Reached by - Day");
    EXPECT_EQ(sets[2].variables, (std::vector<std::string>{"Q8_1_1", "Q8_1_2", "Q8_1_3"}));
}

TEST(TimeZoneRules, LocalTimesBecomeUtcAcrossDaylightSavingChanges)
{
    const auto denver = io::TimeZoneRules::load("America/Denver");
    ASSERT_TRUE(denver);
    EXPECT_EQ(denver->utcOfLocal(spssSeconds(2021, 1, 15, 10, 0)), spssSeconds(2021, 1, 15, 17, 0));
    EXPECT_EQ(denver->utcOfLocal(spssSeconds(2021, 7, 1, 10, 0)), spssSeconds(2021, 7, 1, 16, 0));
    // 01:30 on 7 November 2021 happened twice: the first (daylight time) is taken.
    EXPECT_EQ(denver->utcOfLocal(spssSeconds(2021, 11, 7, 1, 30)), spssSeconds(2021, 11, 7, 7, 30));
    // 02:30 on 14 March 2021 never happened: the offset before the change is taken.
    EXPECT_EQ(denver->utcOfLocal(spssSeconds(2021, 3, 14, 2, 30)), spssSeconds(2021, 3, 14, 9, 30));
    // After the zone file's table ends, its POSIX rule applies.
    EXPECT_EQ(denver->utcOfLocal(spssSeconds(2045, 7, 1, 10, 0)), spssSeconds(2045, 7, 1, 16, 0));
    EXPECT_EQ(denver->utcOfLocal(spssSeconds(2045, 12, 1, 10, 0)), spssSeconds(2045, 12, 1, 17, 0));

    const auto sydney = io::TimeZoneRules::load("Australia/Sydney");
    ASSERT_TRUE(sydney);
    EXPECT_EQ(sydney->utcOfLocal(spssSeconds(2045, 1, 15, 12, 0)), spssSeconds(2045, 1, 15, 1, 0));
    EXPECT_EQ(sydney->utcOfLocal(spssSeconds(2045, 7, 15, 12, 0)), spssSeconds(2045, 7, 15, 2, 0));
    EXPECT_EQ(sydney->utcOfLocal(spssSeconds(2020, 1, 15, 12, 0)), spssSeconds(2020, 1, 15, 1, 0));

    const auto utc = io::TimeZoneRules::load("UTC");
    ASSERT_TRUE(utc);
    EXPECT_EQ(utc->utcOfLocal(spssSeconds(2030, 6, 1, 12, 0)), spssSeconds(2030, 6, 1, 12, 0));

    EXPECT_FALSE(io::TimeZoneRules::load("Mars/Olympus_Mons"));
    EXPECT_FALSE(io::TimeZoneRules::load("../../etc/passwd"));
}
