// The survey design and its estimators on small hand-checked samples.
#include "core/analysis/Runner.h"
#include "core/stats/SurveyDesign.h"
#include "tests/survey/SurveyTestData.h"
#include "core/stats/SurveyEstimation.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

namespace {

using namespace sl::core;

using sl::test::makeDataset;

std::vector<size_t> allCases(size_t n)
{
    std::vector<size_t> cases(n);
    std::iota(cases.begin(), cases.end(), size_t{0});
    return cases;
}

const std::vector<double> kValues{1, 2, 4, 7, 11, 3};

double sampleSd(const std::vector<double>& y)
{
    const double n = static_cast<double>(y.size());
    const double mean = std::accumulate(y.begin(), y.end(), 0.0) / n;
    double squares = 0;
    for (double v : y) squares += (v - mean) * (v - mean);
    return std::sqrt(squares / (n - 1));
}

TEST(SurveyDesign, SimpleRandomSampleGivesTheOrdinaryStandardError)
{
    const auto dataset = makeDataset({{"y", kValues}});
    auto design = stats::SurveyDesign::make(*dataset, {});
    ASSERT_TRUE(design.hasValue()) << design.error().describe();
    EXPECT_EQ(design->degreesOfFreedom(), 5.0);
    const auto mean = stats::surveyMean(*design, allCases(6), kValues);
    EXPECT_NEAR(mean.mean, 28.0 / 6.0, 1e-12);
    EXPECT_NEAR(mean.se, sampleSd(kValues) / std::sqrt(6.0), 1e-12);
}

TEST(SurveyDesign, PopulationCountAndSamplingFractionGiveTheSameCorrection)
{
    const auto counts = makeDataset({{"y", kValues}, {"fpc", std::vector<double>(6, 24.0)}});
    const auto fractions = makeDataset({{"y", kValues}, {"fpc", std::vector<double>(6, 0.25)}});
    stats::DesignVariables variables;
    variables.fpc = 1;
    auto byCount = stats::SurveyDesign::make(*counts, variables);
    auto byFraction = stats::SurveyDesign::make(*fractions, variables);
    ASSERT_TRUE(byCount.hasValue() && byFraction.hasValue());
    const double expected = sampleSd(kValues) / std::sqrt(6.0) * std::sqrt(1 - 0.25);
    EXPECT_NEAR(stats::surveyMean(*byCount, allCases(6), kValues).se, expected, 1e-12);
    EXPECT_NEAR(stats::surveyMean(*byFraction, allCases(6), kValues).se, expected, 1e-12);
}

TEST(SurveyDesign, VarianceOfTotalsCentresPsuTotalsWithinStrata)
{
    // Stratum 1: PSUs with totals 1 and 3; stratum 2: PSUs with totals 2, 4 and 9 (two cases in PSU 9).
    const auto dataset = makeDataset({{"stratum", {1, 1, 2, 2, 2, 2}}, {"psu", {1, 2, 3, 4, 5, 5}}});
    stats::DesignVariables variables;
    variables.strata = 0;
    variables.cluster = 1;
    auto design = stats::SurveyDesign::make(*dataset, variables);
    ASSERT_TRUE(design.hasValue()) << design.error().describe();
    EXPECT_EQ(design->psuCount(), 5u);
    EXPECT_EQ(design->degreesOfFreedom(), 3.0);
    Eigen::VectorXd scores(6);
    scores << 1, 3, 2, 4, 5, 4;
    // 2/1 * ((1-2)^2 + (3-2)^2) + 3/2 * ((2-5)^2 + (4-5)^2 + (9-5)^2)
    EXPECT_NEAR(design->totalVariance(allCases(6), scores), 43.0, 1e-12);
}

TEST(SurveyDesign, LonelyPsuIsAnErrorUnlessAdjusted)
{
    const auto dataset = makeDataset({{"stratum", {1, 1, 2}}, {"psu", {1, 2, 3}}});
    stats::DesignVariables variables;
    variables.strata = 0;
    variables.cluster = 1;
    auto failing = stats::SurveyDesign::make(*dataset, variables);
    ASSERT_FALSE(failing.hasValue());
    EXPECT_NE(failing.error().message.find("single PSU"), std::string::npos);

    variables.lonelyPsu = stats::LonelyPsu::Adjust;
    auto adjusted = stats::SurveyDesign::make(*dataset, variables);
    ASSERT_TRUE(adjusted.hasValue());
    Eigen::VectorXd scores(3);
    scores << 1, 3, 5;
    // 2/1 * ((1-2)^2 + (3-2)^2) + 5^2: the lonely PSU's total is taken about 0.
    EXPECT_NEAR(adjusted->totalVariance(allCases(3), scores), 29.0, 1e-12);
}

TEST(SurveyDesign, SingleClusterWithoutStrataIsAnError)
{
    const auto dataset = makeDataset({{"psu", {4, 4, 4}}});
    stats::DesignVariables variables;
    variables.cluster = 0;
    auto design = stats::SurveyDesign::make(*dataset, variables);
    ASSERT_FALSE(design.hasValue());
    EXPECT_EQ(design.error().where, "design");
}

TEST(SurveyDesign, ClustersSharedByStrataNeedNest)
{
    const auto dataset = makeDataset({{"stratum", {1, 1, 2, 2}}, {"psu", {1, 2, 1, 2}}});
    stats::DesignVariables variables;
    variables.strata = 0;
    variables.cluster = 1;
    EXPECT_FALSE(stats::SurveyDesign::make(*dataset, variables).hasValue());
    variables.nest = true;
    auto nested = stats::SurveyDesign::make(*dataset, variables);
    ASSERT_TRUE(nested.hasValue());
    EXPECT_EQ(nested->psuCount(), 4u);
    EXPECT_EQ(nested->degreesOfFreedom(), 2.0);
}

TEST(SurveyDesign, MissingDesignValueIsAnErrorNamingTheVariable)
{
    const auto dataset = makeDataset({{"y", {1, 2, 3}}, {"w", {1, data::kSysmis, 2}}});
    stats::DesignVariables variables;
    variables.weight = 1;
    auto design = stats::SurveyDesign::make(*dataset, variables);
    ASSERT_FALSE(design.hasValue());
    EXPECT_EQ(design.error().where, "variable w");
}

TEST(SurveyAnalyses, DomainKeepsTheDesignOfTheWholeFile)
{
    const auto dataset = makeDataset({{"y", kValues}, {"group", {1, 1, 1, 2, 2, 2}}, {"w", {1, 2, 1, 2, 1, 2}}});
    const auto spec = analysis::Json::parse(R"({"vars": ["y"],
        "design": {"weight": "w", "strata": null, "cluster": null, "fpc": null, "nest": false},
        "filter": [{"var": "group", "op": "in", "values": [1]}]})");
    auto result = analysis::runAnalysis(*dataset, "svy_mean", spec);
    ASSERT_TRUE(result.hasValue()) << result.error().describe();
    EXPECT_EQ((*result)["n"], 3);
    EXPECT_EQ((*result)["design_df"], 5);
    // Domain mean (1 + 4 + 4) / 4; scores w (y - mean) / W inside the domain, 0 outside, about their mean.
    const double mean = 9.0 / 4.0;
    const std::vector<double> scores{(1 - mean) / 4, 2 * (2 - mean) / 4, (4 - mean) / 4, 0, 0, 0};
    const double average = std::accumulate(scores.begin(), scores.end(), 0.0) / 6;
    double squares = 0;
    for (double z : scores) squares += (z - average) * (z - average);
    EXPECT_NEAR((*result)["estimates"][0]["mean"].get<double>(), mean, 1e-12);
    EXPECT_NEAR((*result)["estimates"][0]["se"].get<double>(), std::sqrt(6.0 / 5.0 * squares), 1e-12);
}

TEST(SurveyAnalyses, TableWithAnEmptyCellIsRefused)
{
    const auto dataset = makeDataset({{"a", {1, 1, 2, 2, 1}}, {"b", {1, 2, 1, 1, 1}}});
    const auto spec = analysis::Json::parse(R"({"row": "a", "col": "b",
        "design": {"weight": null, "strata": null, "cluster": null, "fpc": null, "nest": false}, "filter": []})");
    auto result = analysis::runAnalysis(*dataset, "svy_crosstab", spec);
    ASSERT_FALSE(result.hasValue());
    EXPECT_NE(result.error().message.find("empty cell"), std::string::npos);
}

}  // namespace

namespace {

TEST(SurveyAnalyses, PerfectlyPredictedOutcomeIsAnErrorNotAHang)
{
    const auto dataset = makeDataset({{"y", {0, 0, 0, 1, 1, 1}}, {"x", {1, 2, 3, 4, 5, 6}}});
    const auto spec = analysis::Json::parse(R"({"dependent": "y", "predictors": ["x"], "categorical": {},
        "design": {"weight": null, "strata": null, "cluster": null, "fpc": null, "nest": false}, "filter": []})");
    auto result = analysis::runAnalysis(*dataset, "svy_logistic", spec);
    ASSERT_FALSE(result.hasValue());
    EXPECT_NE(result.error().message.find("separation"), std::string::npos);
}

TEST(SurveyAnalyses, CollinearPredictorsAreAnError)
{
    const auto dataset = makeDataset({{"y", kValues}, {"x", {1, 2, 3, 4, 5, 6}}, {"z", {2, 4, 6, 8, 10, 12}}});
    const auto spec = analysis::Json::parse(R"({"dependent": "y", "predictors": ["x", "z"], "categorical": {},
        "design": {"weight": null, "strata": null, "cluster": null, "fpc": null, "nest": false}, "filter": []})");
    auto result = analysis::runAnalysis(*dataset, "svy_ols", spec);
    ASSERT_FALSE(result.hasValue());
    EXPECT_NE(result.error().message.find("collinear"), std::string::npos);
}

}  // namespace
