// Every analysis of ../shared/data/survey_design/expected/*.json (R survey 4.1) run through
// core::analysis::runAnalysis on the .sav file it names, and again on the .csv copy beside it.
#include "core/analysis/Runner.h"
#include "tests/reference/ReferenceCompare.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace {

using sl::test::ReferenceCase;

void checkReference(const ReferenceCase& c, const std::string& datasetPath)
{
    std::string error;
    const auto* dataset = sl::test::referenceDataset(datasetPath, error);
    ASSERT_NE(dataset, nullptr) << error;
    auto result = sl::core::analysis::runAnalysis(*dataset, c.type, c.spec);
    if (c.expected.is_null()) {
        EXPECT_FALSE(result.hasValue()) << c.id << " should be refused with an error";
        return;
    }
    ASSERT_TRUE(result.hasValue()) << c.id << ": " << result.error().describe();
    for (const auto& mismatch : sl::test::compareJson(c.expected, *result)) ADD_FAILURE() << c.id << " " << mismatch;
}

class SurveyReference : public testing::TestWithParam<ReferenceCase> {};

TEST_P(SurveyReference, SavResultMatchesExpected)
{
    checkReference(GetParam(), GetParam().datasetPath);
}

TEST_P(SurveyReference, CsvResultMatchesExpected)
{
    checkReference(GetParam(), std::filesystem::path(GetParam().datasetPath).replace_extension(".csv").string());
}

std::vector<ReferenceCase> surveyCases()
{
    const std::string folder = std::string(SL_SHARED_DATA_DIR) + "/survey_design/expected";
    auto cases = sl::test::loadReferenceCases(folder);
    if (cases.empty()) ADD_FAILURE() << "No reference files found in " << folder;
    return cases;
}

INSTANTIATE_TEST_SUITE_P(SurveyDesign, SurveyReference, testing::ValuesIn(surveyCases()),
                         [](const testing::TestParamInfo<ReferenceCase>& info) { return sl::test::testNameOf(info.param); });

}  // namespace
