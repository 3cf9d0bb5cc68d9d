// A reader run in a child process: its dataset, errors and progress come back; its crash or a cancel does
// not take the caller down.
#include "core/io/ReadStatReader.h"
#include "core/io/SeparateProcessRead.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <thread>
#include <unistd.h>

namespace sl::core {
namespace {

data::DatasetPtr smallDataset()
{
    data::Variable score;
    score.name = "score";
    score.label = "Score on the scale";
    score.measure = data::MeasureLevel::Ordinal;
    score.valueLabels.set(1, "Low");
    score.valueLabels.set(2, "High");
    score.missing.values = {9};
    data::NumericColumnBuilder scores;
    for (double v : {1.0, 2.0, 9.0, std::nan(""), 2.0}) scores.append(v);

    data::Variable town;
    town.name = "town";
    town.type = data::VariableType::String;
    town.stringWidth = 12;
    town.format = {1, 12, 0};
    data::StringColumnBuilder towns;
    for (const char* s : {"Montréal", "Halifax", "", "Regina", "Moncton"}) towns.append(s);

    auto dataset = std::make_shared<data::Dataset>(std::vector<data::Variable>{score, town},
                                                   std::vector<data::ColumnPtr>{scores.finish(), towns.finish()});
    dataset->fileLabel = "Practice survey, wave 2";
    dataset->warnings = {"Variable town was renamed.", "Two labels were dropped."};
    return dataset;
}

TEST(SeparateProcessRead, ReturnsTheChildsDatasetWithItsWarningsAndLabel)
{
    const auto expected = smallDataset();
    auto result = io::readInSeparateProcess([](const ProgressSink*) { return Expected<data::DatasetPtr>(smallDataset()); },
                                            "small.dta", "The reader");
    ASSERT_TRUE(result) << result.error().describe();
    const data::Dataset& got = **result;
    ASSERT_EQ(got.caseCount(), 5u);
    ASSERT_EQ(got.variableCount(), 2u);
    EXPECT_EQ(got.variable(0).label, "Score on the scale");
    EXPECT_EQ(got.variable(0).measure, data::MeasureLevel::Ordinal);
    EXPECT_EQ(got.variable(0).valueLabels, expected->variable(0).valueLabels);
    EXPECT_EQ(got.variable(0).missing, expected->variable(0).missing);
    for (size_t c = 0; c < 5; ++c) {
        const double a = expected->column(0).number(c), b = got.column(0).number(c);
        EXPECT_TRUE((std::isnan(a) && std::isnan(b)) || a == b) << "case " << c;
        EXPECT_EQ(got.column(1).text(c), expected->column(1).text(c)) << "case " << c;
    }
    EXPECT_EQ(got.fileLabel, expected->fileLabel);
    EXPECT_EQ(got.warnings, expected->warnings);
}

TEST(SeparateProcessRead, PassesTheChildsErrorThrough)
{
    auto result = io::readInSeparateProcess(
        [](const ProgressSink*) -> Expected<data::DatasetPtr> {
            return makeError(ErrorCode::NotFound, "Variable 7 has no name.", "survey.dta, byte 312");
        },
        "survey.dta", "The reader");
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, ErrorCode::NotFound);
    EXPECT_EQ(result.error().message, "Variable 7 has no name.");
    EXPECT_EQ(result.error().where, "survey.dta, byte 312");
}

TEST(SeparateProcessRead, ACrashInTheReaderIsAnErrorNamingIt)
{
    auto result = io::readInSeparateProcess(
        [](const ProgressSink*) -> Expected<data::DatasetPtr> {
            std::raise(SIGSEGV);
            return smallDataset();
        },
        "damaged.dta", "ReadStat, the library that reads Stata files,");
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().where, "damaged.dta");
    EXPECT_NE(result.error().message.find("ReadStat, the library that reads Stata files, failed on this file"),
              std::string::npos)
        << result.error().message;
    // A plain build reports signal 11; under AddressSanitizer its own handler ends the child instead.
    EXPECT_NE(result.error().message.find("failed on this file (it stopped"), std::string::npos)
        << result.error().message;
}

TEST(SeparateProcessRead, CancelEndsAReaderThatNeverFinishes)
{
    CancelToken cancel;
    std::thread canceller([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        cancel.cancel();
    });
    const auto start = std::chrono::steady_clock::now();
    auto result = io::readInSeparateProcess(
        [](const ProgressSink*) -> Expected<data::DatasetPtr> {
            for (;;) ::pause();
        },
        "endless.sas7bdat", "The reader", nullptr, &cancel);
    canceller.join();
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, ErrorCode::Cancelled);
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

TEST(SeparateProcessRead, ForwardsProgress)
{
    std::vector<double> seen;
    const ProgressSink progress([&](double fraction) { seen.push_back(fraction); });
    auto result = io::readInSeparateProcess(
        [](const ProgressSink* childProgress) -> Expected<data::DatasetPtr> {
            if (childProgress) {
                childProgress->report(0.25);
                childProgress->report(0.75);
            }
            return smallDataset();
        },
        "small.por", "The reader", &progress);
    ASSERT_TRUE(result);
    EXPECT_EQ(seen, (std::vector<double>{0.25, 0.75}));
}

TEST(SeparateProcessRead, StataFileThatBreaksReadStatLeavesTheCallerRunning)
{
    // ReadStat reads past a buffer on this file (tests/fuzz/readstat-findings/README.md); whatever it does
    // in the child, the caller gets a result or an error and goes on.
    const std::filesystem::path file =
        std::filesystem::path(SL_SOURCE_DIR) / "tests/fuzz/readstat-findings/dta114-unterminated-label-set-name.dta";
    ASSERT_TRUE(std::filesystem::exists(file));
    auto result = io::readWithReadStat(file.string(), io::FileFormat::Stata);
    if (!result) {
        EXPECT_FALSE(result.error().message.empty());
    }
}

}  // namespace
}  // namespace sl::core
