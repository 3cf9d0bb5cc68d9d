#include "core/analysis/Runner.h"
#include "tests/stats/ModelsTestData.h"

#include <gtest/gtest.h>

using sl::core::analysis::Json;
using sl::core::analysis::runAnalysis;
using sl::test::datasetOf;

namespace {

const sl::core::data::Dataset& data()
{
    static const auto dataset = datasetOf({{"y", {1, 3, 2, 5, 4, 6, 8, 7, 9, 4}},
                                           {"x", {1, 2, 2, 4, 3, 6, 7, 7, 9, 3}},
                                           {"g", {1, 1, 2, 2, 3, 3, 1, 2, 3, 1}},
                                           {"b", {0, 0, 1, 1, 0, 1, 1, 0, 1, 0}},
                                           {"three", {0, 1, 2, 1, 0, 1, 2, 0, 1, 0}}});
    return dataset;
}

}  // namespace

TEST(ModelAnalyses, OlsResultHasTheMembersOfTheSpec)
{
    auto r = runAnalysis(data(), "ols",
                         Json::parse(R"({"dependent": "y", "predictors": ["x", "g"],
                                         "categorical": {"g": {"reference": "first"}}})"));
    ASSERT_TRUE(r.hasValue()) << r.error().describe();
    EXPECT_EQ((*r)["n"], 10);
    ASSERT_EQ((*r)["terms"].size(), 4u);
    EXPECT_EQ((*r)["terms"][0]["name"], "(Intercept)");
    EXPECT_TRUE((*r)["terms"][0]["vif"].is_null());
    EXPECT_EQ((*r)["terms"][2]["name"], "g=2");
    EXPECT_EQ((*r)["terms"][3]["name"], "g=3");
    for (const char* member : {"b", "se", "t", "p", "ci_low", "ci_high", "beta", "tolerance", "vif"})
        EXPECT_TRUE((*r)["terms"][1].contains(member)) << member;
    EXPECT_EQ((*r)["f"]["df1"], 3);
    EXPECT_EQ((*r)["f"]["df2"], 6);
    EXPECT_EQ((*r)["dropped"], Json::array());
}

TEST(ModelAnalyses, SpecMistakesAreSentences)
{
    auto notListed = runAnalysis(data(), "ols",
                                 Json::parse(R"({"dependent": "y", "predictors": ["x"], "categorical": {"g": {}}})"));
    ASSERT_FALSE(notListed.hasValue());
    EXPECT_NE(notListed.error().message.find("not among the predictors"), std::string::npos);
    auto notBinary = runAnalysis(data(), "logistic", Json::parse(R"({"dependent": "three", "predictors": ["x"]})"));
    ASSERT_FALSE(notBinary.hasValue());
    EXPECT_NE(notBinary.error().message.find("more than two values"), std::string::npos);
    auto badCut = runAnalysis(data(), "logistic", Json::parse(R"({"dependent": "b", "predictors": ["x"], "cut": 2})"));
    EXPECT_FALSE(badCut.hasValue());
    auto noGroup = runAnalysis(data(), "ttest_independent",
                               Json::parse(R"({"dependent": "y", "group": "g", "values": [1, 4]})"));
    ASSERT_FALSE(noGroup.hasValue());
    EXPECT_NE(noGroup.error().message.find("code 4"), std::string::npos);
}

TEST(ModelAnalyses, LogisticAndGroupResultsHaveTheMembersOfTheSpec)
{
    auto logit = runAnalysis(data(), "logistic", Json::parse(R"({"dependent": "b", "predictors": ["x"], "cut": 0.4})"));
    ASSERT_TRUE(logit.hasValue()) << logit.error().describe();
    for (const char* member : {"n", "terms", "minus2ll", "null_minus2ll", "lr_chi2", "aic", "cox_snell_r2",
                               "nagelkerke_r2", "hosmer_lemeshow", "classification", "dropped"})
        EXPECT_TRUE(logit->contains(member)) << member;
    EXPECT_EQ((*logit)["classification"]["cut"], 0.4);
    EXPECT_EQ((*logit)["terms"][1]["name"], "x");

    auto anova = runAnalysis(data(), "anova_oneway", Json::parse(R"({"dependent": "y", "factor": "g"})"));
    ASSERT_TRUE(anova.hasValue()) << anova.error().describe();
    EXPECT_EQ((*anova)["groups"].size(), 3u);
    EXPECT_EQ((*anova)["tukey"].size(), 3u);
    EXPECT_TRUE((*anova)["levene"].contains("f"));
    EXPECT_TRUE((*anova)["f"].contains("statistic"));

    auto t = runAnalysis(data(), "ttest_independent", Json::parse(R"({"dependent": "y", "group": "b", "values": [1, 0]})"));
    ASSERT_TRUE(t.hasValue()) << t.error().describe();
    EXPECT_EQ((*t)["groups"][0]["value"], 1);
    EXPECT_DOUBLE_EQ((*t)["mean_difference"].get<double>(),
                     (*t)["groups"][0]["mean"].get<double>() - (*t)["groups"][1]["mean"].get<double>());
}
