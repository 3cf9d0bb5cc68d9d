// Conventions a spec chooses where SPSS and R disagree (docs/CONVENTIONS.md), and the notes that say
// in words which statistic could not be computed and why.
#include "ModelsTestData.h"

#include "core/analysis/Runner.h"
#include "core/stats/Frequencies.h"
#include "core/stats/GroupComparison.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace sl::core;
using analysis::Json;

namespace {

const std::vector<double> kValues{3, 5, 4, 6, 8, 7, 9, 2, 4, 5, 12, 10, 11, 9};
const std::vector<double> kGroups{1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3};
const std::vector<double> kOnes(14, 1.0);

// The notes of a result joined into one string ("" without notes).
std::string notesOf(const Json& result)
{
    std::string all;
    if (result.contains("notes"))
        for (const auto& note : result["notes"]) all += note.get<std::string>() + "\n";
    return all;
}

bool mentions(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST(Quartiles, RDefaultIsType7)
{
    const std::vector<double> v{1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    // R: quantile(1:10, c(.25, .5, .75)) = 3.25, 5.5, 7.75
    EXPECT_DOUBLE_EQ(stats::quantileType7(v, 0.25), 3.25);
    EXPECT_DOUBLE_EQ(stats::quantileType7(v, 0.5), 5.5);
    EXPECT_DOUBLE_EQ(stats::quantileType7(v, 0.75), 7.75);
    EXPECT_DOUBLE_EQ(stats::quantileType7(v, 0), 1);
    EXPECT_DOUBLE_EQ(stats::quantileType7(v, 1), 10);
    EXPECT_DOUBLE_EQ(stats::quantileType7({4}, 0.25), 4);
    // SPSS (type 6) on the same values: 2.75, 5.5, 8.25.
    EXPECT_DOUBLE_EQ(stats::quantile(v, 0.25, stats::QuantileDefinition::WeightedAverage), 2.75);
    EXPECT_DOUBLE_EQ(stats::quantile(v, 0.75, stats::QuantileDefinition::WeightedAverage), 8.25);
    EXPECT_DOUBLE_EQ(stats::quantile(v, 0.75, stats::QuantileDefinition::RDefault), 7.75);
}

TEST(Quartiles, DescriptivesFollowTheSpec)
{
    const auto data = sl::test::datasetOf({{"x", {10, 1, 9, 2, 8, 3, 7, 4, 6, 5}}});
    auto spss = analysis::runAnalysis(data, "descriptives", Json{{"var", "x"}});
    auto r = analysis::runAnalysis(data, "descriptives", Json{{"var", "x"}, {"quartiles", "r"}});
    ASSERT_TRUE(spss.hasValue() && r.hasValue());
    EXPECT_DOUBLE_EQ((*spss)["q1"].get<double>(), 2.75);
    EXPECT_DOUBLE_EQ((*r)["q1"].get<double>(), 3.25);
    EXPECT_DOUBLE_EQ((*r)["q3"].get<double>(), 7.75);
    EXPECT_TRUE(mentions((*spss)["method"].get<std::string>(), "R type 6"));
    EXPECT_TRUE(mentions((*r)["method"].get<std::string>(), "type 7"));
}

TEST(LeveneCenter, MedianCentreMatchesCarLeveneTest)
{
    // car::leveneTest(y, g, center = median): F = 2.9056603773584913, p = 0.097017410571078433.
    auto median = stats::onewayAnova(kValues, kGroups, kOnes, stats::LeveneCenter::Median);
    ASSERT_TRUE(median.hasValue());
    EXPECT_NEAR(median->levene.f, 2.9056603773584913, 1e-12);
    EXPECT_NEAR(median->levene.p, 0.097017410571078433, 1e-10);
    // The same as the ANOVA of the distances from the group medians 4.5, 6 and 10.5, worked by hand.
    const std::vector<double> distances{1.5, 0.5, 0.5, 1.5, 2, 1, 3, 4, 2, 1, 1.5, 0.5, 0.5, 1.5};
    EXPECT_NEAR(median->levene.f, stats::onewayAnova(distances, kGroups, kOnes)->anova.f, 1e-12);
    // The mean centre (SPSS) differs: car::leveneTest(center = mean) gives 2.96154.
    auto mean = stats::onewayAnova(kValues, kGroups, kOnes);
    EXPECT_NEAR(mean->levene.f, 2.96154, 1e-5);

    // t-test of groups 1 and 2: car gives F = 3.336170212765956.
    auto t = stats::independentTTest(kValues, kGroups, kOnes, 1, 2, stats::LeveneCenter::Median);
    ASSERT_TRUE(t.hasValue());
    EXPECT_NEAR(t->levene.f, 3.336170212765956, 1e-12);
    EXPECT_NEAR(t->levene.p, 0.10519668398049105, 1e-10);
}

TEST(LeveneCenter, WeightedMedianIsTheMedianOfRepeatedCases)
{
    // Integer frequency weights: car::leveneTest on the repeated cases gives F = 2.7916666666666643 on 2 and 18 df.
    const std::vector<double> weights{1, 2, 1, 3, 1, 1, 2, 1, 1, 1, 2, 1, 1, 3};
    auto weighted = stats::onewayAnova(kValues, kGroups, weights, stats::LeveneCenter::Median);
    ASSERT_TRUE(weighted.hasValue());
    EXPECT_NEAR(weighted->levene.f, 2.7916666666666643, 1e-12);
    EXPECT_EQ(weighted->levene.df2, 18);
    EXPECT_NEAR(weighted->levene.p, 0.087903433850627863, 1e-10);
}

TEST(Conventions, InvalidValueNamesTheMemberAndTheAllowedValues)
{
    const auto data = sl::test::datasetOf({{"y", kValues}, {"g", kGroups}});
    auto anova = analysis::runAnalysis(data, "anova_oneway",
                                       Json{{"dependent", "y"}, {"factor", "g"}, {"levene_center", "trimmed"}});
    ASSERT_FALSE(anova.hasValue());
    EXPECT_EQ(anova.error().where, "levene_center");
    EXPECT_TRUE(mentions(anova.error().message, "\"mean\" or \"median\"")) << anova.error().message;
    auto desc = analysis::runAnalysis(data, "descriptives", Json{{"var", "y"}, {"quartiles", 7}});
    ASSERT_FALSE(desc.hasValue());
    EXPECT_EQ(desc.error().where, "quartiles");
    EXPECT_TRUE(mentions(desc.error().message, "\"spss\" or \"r\"")) << desc.error().message;
}

TEST(Conventions, MethodNoteNamesTheConventionUsed)
{
    const auto data = sl::test::datasetOf({{"y", kValues}, {"g", kGroups}});
    const Json ttest{{"dependent", "y"}, {"group", "g"}, {"values", {1, 2}}};
    auto spss = analysis::runAnalysis(data, "ttest_independent", ttest);
    Json medianSpec = ttest;
    medianSpec["levene_center"] = "median";
    auto r = analysis::runAnalysis(data, "ttest_independent", medianSpec);
    ASSERT_TRUE(spss.hasValue() && r.hasValue());
    EXPECT_TRUE(mentions((*spss)["method"].get<std::string>(), "centred on the group means (SPSS)"));
    EXPECT_TRUE(mentions((*r)["method"].get<std::string>(), "Brown-Forsythe"));
    EXPECT_NEAR((*r)["levene"]["f"].get<double>(), 3.336170212765956, 1e-12);

    const auto models =
        sl::test::datasetOf({{"y", {1, 3, 2, 5, 4, 6, 8, 7, 9, 12}}, {"c", {1, 2, 3, 1, 2, 3, 1, 2, 3, 1}}});
    auto first = analysis::runAnalysis(models, "ols",
                                       Json{{"dependent", "y"}, {"predictors", {"c"}},
                                            {"categorical", {{"c", {{"reference", "first"}}}}}});
    ASSERT_TRUE(first.hasValue());
    EXPECT_TRUE(mentions((*first)["method"].get<std::string>(), "c against its first level (R's default)"));
    EXPECT_EQ((*first)["terms"][1]["name"], "c=2");
    auto last = analysis::runAnalysis(models, "ols",
                                      Json{{"dependent", "y"},
                                           {"predictors", {"c"}},
                                           {"categorical", {{"c", Json::object()}}}});
    ASSERT_TRUE(last.hasValue());
    EXPECT_TRUE(mentions((*last)["method"].get<std::string>(), "c against its last level (SPSS's default)"));
    EXPECT_EQ((*last)["terms"][1]["name"], "c=1");
}

TEST(UndefinedStatistics, ConstantVariableIsNamed)
{
    const auto data = sl::test::datasetOf({{"x", {1, 2, 3, 4, 5}}, {"k", {7, 7, 7, 7, 7}}});
    auto r = analysis::runAnalysis(data, "correlation", Json{{"x", "x"}, {"y", "k"}});
    ASSERT_TRUE(r.hasValue());
    EXPECT_TRUE((*r)["r"].is_null());
    EXPECT_TRUE(mentions(notesOf(*r), "r is not computed: x or k has the same value for every case used."))
        << notesOf(*r);
}

TEST(UndefinedStatistics, SingleCaseGroupAndConstantGroupsAreNamed)
{
    const auto data = sl::test::datasetOf({{"y", {4, 4, 4, 6, 6, 6, 9}}, {"g", {1, 1, 1, 2, 2, 2, 3}}});
    auto anova = analysis::runAnalysis(data, "anova_oneway", Json{{"dependent", "y"}, {"factor", "g"}});
    ASSERT_TRUE(anova.hasValue());
    const std::string notes = notesOf(*anova);
    EXPECT_TRUE(mentions(notes, "The standard deviation of g code 3 is not computed: it has a single case."))
        << notes;
    EXPECT_TRUE(mentions(notes, "The F test and Tukey's comparisons are not computed: y does not vary within any "
                                "group of g"))
        << notes;
    EXPECT_TRUE(mentions(notes, "Welch's test is not computed: it needs at least two cases in every group of g."))
        << notes;
    EXPECT_TRUE(mentions(notes, "Levene's test is not computed")) << notes;
    EXPECT_FALSE(mentions(notes, "Not computed for these data")) << notes;
}

TEST(UndefinedStatistics, SingleValueCrosstabAndSingleCaseDescriptivesAreNamed)
{
    const auto data = sl::test::datasetOf({{"a", {1, 1, 1, 1}}, {"b", {1, 2, 1, 2}}, {"f", {1, 2, 2, 2}}});
    auto table = analysis::runAnalysis(data, "crosstab", Json{{"row", "a"}, {"col", "b"}});
    ASSERT_TRUE(table.hasValue());
    EXPECT_TRUE(mentions(notesOf(*table), "a has a single value among the cases used")) << notesOf(*table);

    const Json onlyFirst{{"var", "f"}, {"op", "in"}, {"values", {1}}};
    auto one = analysis::runAnalysis(data, "descriptives", Json{{"var", "b"}, {"filter", {onlyFirst}}});
    ASSERT_TRUE(one.hasValue());
    EXPECT_TRUE((*one)["sd"].is_null());
    EXPECT_TRUE(mentions(notesOf(*one), "b has a single valid case")) << notesOf(*one);
}
