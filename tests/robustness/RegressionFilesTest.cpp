// Every input that once crashed, hung or leaked in a reader (found by ./fuzz) is kept under
// tests/data/regressions/<target>/ and read again here by the reader of its fuzz target: it must give a value
// or an Error, in bounded time and memory.
#include "IsolatedRun.h"

#include "core/analysis/Runner.h"
#include "core/io/CsvReader.h"
#include "core/io/DataFile.h"
#include "core/io/FileBytes.h"
#include "core/io/QualtricsReader.h"
#include "core/io/ReadStatReader.h"
#include "core/io/SavReader.h"
#include "core/io/XlsxReader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>

using namespace sl::core;
namespace fs = std::filesystem;

namespace {

const fs::path kRegressions = fs::path(SL_SOURCE_DIR) / "tests" / "data" / "regressions";

template <typename T>
std::string errorOf(const Expected<T>& result)
{
    return result ? std::string() : result.error().describe();
}

std::string readStat(const fs::path& file, io::FileFormat format) { return errorOf(io::readWithReadStat(file.string(), format)); }

// The reader each fuzz target exercises, by the name of its folder.
using Reader = std::string (*)(const fs::path& file, const std::string& bytes);
const std::map<std::string, Reader>& readers()
{
    static const std::map<std::string, Reader> table = {
        {"sav", [](const fs::path&, const std::string& b) { return errorOf(io::readSavBytes(b, "regression.sav")); }},
        {"csv", [](const fs::path&, const std::string& b) { return errorOf(io::readCsvBytes(b, "regression.csv")); }},
        {"xlsx", [](const fs::path&, const std::string& b) { return errorOf(io::readXlsxBytes(b, "regression.xlsx")); }},
        {"qualtrics",
         [](const fs::path&, const std::string& b) { return errorOf(io::readQualtricsBytes(b, "regression.csv")); }},
        {"dta", [](const fs::path& f, const std::string&) { return readStat(f, io::FileFormat::Stata); }},
        {"por", [](const fs::path& f, const std::string&) { return readStat(f, io::FileFormat::SpssPortable); }},
        {"sas7bdat", [](const fs::path& f, const std::string&) { return readStat(f, io::FileFormat::Sas); }},
        {"spec",
         [](const fs::path&, const std::string& b) {
             auto dataset = io::readCsvBytes("a,b,c,w\n1,2,3.5,1\n2,1,4.5,2\n1,1,,0.5\n2,2,7,1\n1,2,1,3\n2,1,2,1\n",
                                             "fixed.csv");
             auto json = analysis::parseJson(b, "regression.json");
             if (!json) return json.error().describe();
             if (dataset && json->is_object() && json->contains("analyses"))
                 (void)analysis::runAnalysisList(**dataset, (*json)["analyses"]);
             return std::string();
         }},
    };
    return table;
}

std::vector<fs::path> regressionFiles()
{
    std::vector<fs::path> files;
    if (!fs::is_directory(kRegressions)) return files;
    for (const auto& entry : fs::recursive_directory_iterator(kRegressions))
        if (entry.is_regular_file()) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

class RegressionFile : public testing::TestWithParam<fs::path> {};

std::string testName(const testing::TestParamInfo<fs::path>& info)
{
    std::string name = info.param.parent_path().filename().string() + "_" + info.param.filename().string();
    for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    return name;
}

}  // namespace

TEST(RegressionFiles, EveryFolderIsAFuzzTarget)
{
    ASSERT_TRUE(fs::is_directory(kRegressions)) << kRegressions;
    for (const auto& entry : fs::directory_iterator(kRegressions))
        EXPECT_TRUE(entry.is_directory() && readers().count(entry.path().filename().string()))
            << entry.path() << " is not the folder of a fuzz target (" << "sav, csv, xlsx, ...)";
}

TEST_P(RegressionFile, ReaderOfItsTargetReturns)
{
    const fs::path file = GetParam();
    auto bytes = io::readWholeFile(file.string());
    ASSERT_TRUE(bytes) << bytes.error().describe();
    const auto reader = readers().find(file.parent_path().filename().string());
    ASSERT_NE(reader, readers().end()) << file;
    const auto outcome = sl::test::runIsolated([&] { return reader->second(file, *bytes); }, 30);
    EXPECT_TRUE(outcome.returned()) << file << ": " << outcome.describe();
    EXPECT_LT(outcome.peakGrowthKb, 500 * 1024) << file << ": " << outcome.describe();
}

TEST_P(RegressionFile, OpenDataFileReturns)
{
    const std::string path = GetParam().string();
    const auto outcome = sl::test::runIsolated([&] { return errorOf(io::openDataFile(path)); }, 30);
    EXPECT_TRUE(outcome.returned()) << path << ": " << outcome.describe();
}

TEST(RegressionFiles, ExtendedMissingBesideHugeValuesIsSystemMissing)
{
    // Valid values near 1e253 leave no room for user-missing codes above them (the code once overflowed).
    auto dataset = io::readWithReadStat((kRegressions / "dta" / "huge-value-with-extended-missing.dta").string(),
                                        io::FileFormat::Stata);
    ASSERT_TRUE(dataset) << dataset.error().describe();
    const data::Dataset& d = **dataset;
    ASSERT_EQ(d.caseCount(), 2u);
    EXPECT_EQ(d.column(0).number(0), 1e253);
    EXPECT_TRUE(std::isnan(d.column(0).number(1)));
    ASSERT_EQ(d.warnings.size(), 1u);
    EXPECT_NE(d.warnings[0].find("system-missing"), std::string::npos) << d.warnings[0];
}

INSTANTIATE_TEST_SUITE_P(Fuzzed, RegressionFile, testing::ValuesIn(regressionFiles()), testName);
