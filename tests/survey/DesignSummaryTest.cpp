// The summary shown while choosing a survey design, and the design's spec JSON.
#include "core/analysis/Runner.h"
#include "core/analysis/SurveyDesignJson.h"
#include "core/stats/SurveyDesign.h"
#include "tests/survey/SurveyTestData.h"

#include <gtest/gtest.h>

#include <cmath>

namespace {

using namespace sl::core;

using sl::test::makeDataset;

stats::DesignVariables stratifiedClusters()
{
    stats::DesignVariables variables;
    variables.strata = 0;
    variables.cluster = 1;
    return variables;
}

TEST(DesignSummary, CountsStrataPsusAndDegreesOfFreedom)
{
    const auto dataset = makeDataset({{"stratum", {1, 1, 2, 2, 2, 2}}, {"psu", {1, 2, 3, 4, 5, 5}}});
    const auto summary = stats::summarizeDesign(*dataset, stratifiedClusters());
    EXPECT_EQ(summary.cases, 6u);
    EXPECT_EQ(summary.casesMissingDesignValues, 0u);
    EXPECT_EQ(summary.strata, 2u);
    EXPECT_EQ(summary.psus, 5u);
    EXPECT_EQ(summary.designDf, 3.0);
    EXPECT_TRUE(summary.lonelyStrata.empty());
    EXPECT_TRUE(summary.problems.empty());
}

TEST(DesignSummary, EveryCaseIsAPsuWithoutClusters)
{
    const auto dataset = makeDataset({{"stratum", {1, 1, 2, 2, 2, 2}}});
    stats::DesignVariables variables;
    variables.strata = 0;
    const auto summary = stats::summarizeDesign(*dataset, variables);
    EXPECT_EQ(summary.psus, 6u);
    EXPECT_EQ(summary.designDf, 4.0);
}

TEST(DesignSummary, LonelyStratumIsAProblemUnlessAdjusted)
{
    const auto dataset = makeDataset({{"stratum", {1, 1, 2, 2, 3, 3}}, {"psu", {1, 2, 3, 4, 5, 5}}});
    auto variables = stratifiedClusters();
    const auto failing = stats::summarizeDesign(*dataset, variables);
    EXPECT_EQ(failing.lonelyStrata, std::vector<std::string>{"stratum 3"});
    ASSERT_EQ(failing.problems.size(), 1u);
    EXPECT_NE(failing.problems[0].find("single PSU"), std::string::npos) << failing.problems[0];
    EXPECT_EQ(failing.strata, 3u);
    EXPECT_EQ(failing.psus, 5u);

    variables.lonelyPsu = stats::LonelyPsu::Adjust;
    const auto adjusted = stats::summarizeDesign(*dataset, variables);
    EXPECT_EQ(adjusted.lonelyStrata, std::vector<std::string>{"stratum 3"});
    EXPECT_TRUE(adjusted.problems.empty());
    EXPECT_EQ(adjusted.designDf, 2.0);
}

TEST(DesignSummary, MissingDesignValuesAreCountedAndStopTheDesign)
{
    const double missing = std::nan("");
    const auto dataset = makeDataset({{"stratum", {1, missing, 2, 2, missing, 2}}, {"psu", {1, 2, 3, 4, 5, missing}}});
    const auto summary = stats::summarizeDesign(*dataset, stratifiedClusters());
    EXPECT_EQ(summary.casesMissingDesignValues, 3u);
    ASSERT_EQ(summary.problems.size(), 1u);
    EXPECT_NE(summary.problems[0].find("stratum"), std::string::npos) << summary.problems[0];
    EXPECT_FALSE(summary.strata.has_value());
    EXPECT_FALSE(summary.designDf.has_value());
}

TEST(DesignSummary, DesignWithoutDegreesOfFreedomIsAProblem)
{
    const auto dataset = makeDataset({{"stratum", {1, 1, 2, 2}}, {"psu", {1, 1, 2, 2}}});
    auto variables = stratifiedClusters();
    variables.lonelyPsu = stats::LonelyPsu::Adjust;
    const auto summary = stats::summarizeDesign(*dataset, variables);
    EXPECT_EQ(summary.designDf, 0.0);
    ASSERT_EQ(summary.problems.size(), 1u);
    EXPECT_NE(summary.problems[0].find("degrees of freedom"), std::string::npos) << summary.problems[0];
}

TEST(DesignSummary, ClustersSharedByStrataAreAProblemUntilNested)
{
    const auto dataset = makeDataset({{"stratum", {1, 1, 2, 2}}, {"psu", {1, 2, 1, 2}}});
    auto variables = stratifiedClusters();
    EXPECT_EQ(stats::summarizeDesign(*dataset, variables).problems.size(), 1u);
    variables.nest = true;
    const auto nested = stats::summarizeDesign(*dataset, variables);
    EXPECT_TRUE(nested.problems.empty());
    EXPECT_EQ(nested.psus, 4u);
}

TEST(DesignJson, NamesTheVariablesAndRunsWithTheSummarisedDegreesOfFreedom)
{
    const auto dataset = makeDataset({{"stratum", {1, 1, 2, 2, 2, 3}},
                                      {"psu", {1, 2, 1, 2, 3, 1}},
                                      {"w", {2, 1, 3, 1, 2, 4}},
                                      {"y", {1, 2, 4, 7, 11, 3}}});
    auto variables = stratifiedClusters();
    variables.weight = 2;
    variables.nest = true;
    variables.lonelyPsu = stats::LonelyPsu::Adjust;
    const auto design = analysis::designJson(*dataset, variables);
    EXPECT_EQ(design.dump(),
              R"({"weight":"w","strata":"stratum","cluster":"psu","fpc":null,"nest":true,"lonely_psu":"adjust"})");

    const analysis::Json spec{{"vars", {"y"}}, {"design", design}};
    const auto result = analysis::runAnalysis(*dataset, "svy_mean", spec);
    ASSERT_TRUE(result.hasValue()) << result.error().describe();
    const auto summary = stats::summarizeDesign(*dataset, variables);
    ASSERT_TRUE(summary.designDf.has_value());
    EXPECT_EQ((*result)["design_df"].get<double>(), *summary.designDf);
    EXPECT_EQ(*summary.designDf, 3.0);
}

}  // namespace
