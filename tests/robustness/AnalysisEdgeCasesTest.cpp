// Degenerate and extreme data through every analysis: each run gives a result without NaN or infinity, or
// an Error with a sentence; never a crash, an exception or a hang; and a statistic left null (undefined for
// such data) comes with a member explaining why (see the end of the file).
#include "IsolatedRun.h"

#include "core/analysis/Runner.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

using namespace sl::core;
using analysis::Json;

namespace {

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();

// Members a result may hold to explain why some number is null.
bool hasExplanation(const Json& result)
{
    for (const char* key : {"note", "notes", "warning", "warnings", "separation", "explanation", "message"})
        if (result.is_object() && result.contains(key) && !result[key].is_null() && !result[key].empty()) return true;
    return false;
}

// Nulls the spec format defines: labels of unlabelled codes, the standardized coefficient, tolerance and
// VIF of the intercept, and p on the diagonal of a correlation matrix.
bool isNullBySpec(const std::string& path, const std::string& key, const Json& parent)
{
    if (key == "label" || path.find(".labels[") != std::string::npos) return true;
    const auto member = [&](const char* name) { return parent.is_object() && parent.contains(name) ? parent[name] : Json(); };
    if ((key == "beta" || key == "tolerance" || key == "vif") && member("name") == "(Intercept)") return true;
    return key == "p" && member("r") == 1.0 && path.find(".matrix[") != std::string::npos;
}

// The paths of non-finite numbers (always wrong) and of nulls the spec does not define.
void collectBadNumbers(const Json& j, const std::string& path, std::vector<std::string>& nonFinite,
                       std::vector<std::string>& nulls)
{
    if (j.is_number_float() && !std::isfinite(j.get<double>())) nonFinite.push_back(path);
    if (j.is_object()) {
        for (const auto& [key, value] : j.items()) {
            const std::string at = path + "." + key;
            if (value.is_null() && !isNullBySpec(at, key, j)) nulls.push_back(at);
            collectBadNumbers(value, at, nonFinite, nulls);
        }
    }
    if (j.is_array()) {
        for (size_t i = 0; i < j.size(); ++i) {
            const std::string at = path + "[" + std::to_string(i) + "]";
            if (j[i].is_null() && !isNullBySpec(at, "", j)) nulls.push_back(at);
            collectBadNumbers(j[i], at, nonFinite, nulls);
        }
    }
}

// Runs the analysis; "" when the outcome is acceptable, else what is wrong. With `explainedNulls`, a null
// statistic must come with an explanation member.
std::string checkRun(const data::Dataset& dataset, const std::string& type, const Json& spec, bool explainedNulls)
{
    auto result = analysis::runAnalysis(dataset, type, spec);
    if (!result) {
        const std::string& message = result.error().message;
        if (message.size() < 10 || message.back() != '.') return "the Error is not a sentence: " + message;
        return "";
    }
    std::vector<std::string> nonFinite, nulls;
    collectBadNumbers(*result, "result", nonFinite, nulls);
    if (!nonFinite.empty()) return "non-finite number at " + nonFinite.front();
    if (explainedNulls && !nulls.empty() && !hasExplanation(*result))
        return std::to_string(nulls.size()) + " null(s) without an explanation, first at " + nulls.front() + ": " +
               result->dump().substr(0, 300);
    return "";
}

void expectSafe(const data::Dataset& dataset, const std::string& type, const Json& spec, bool explainedNulls)
{
    const auto outcome = sl::test::runIsolated([&] { return checkRun(dataset, type, spec, explainedNulls); }, 60,
                                               2048);
    EXPECT_EQ(outcome.end, sl::test::IsolatedOutcome::End::Value)
        << type << " " << spec.dump() << ": " << outcome.describe();
}

data::Variable numeric(const std::string& name, data::MeasureLevel measure = data::MeasureLevel::Scale)
{
    data::Variable v;
    v.name = name;
    v.measure = measure;
    return v;
}

// A dataset of numeric columns given by name.
data::DatasetPtr makeDataset(const std::vector<std::pair<std::string, std::vector<double>>>& columns)
{
    std::vector<data::Variable> variables;
    std::vector<data::ColumnPtr> data;
    for (const auto& [name, values] : columns) {
        variables.push_back(numeric(name, name == "g" ? data::MeasureLevel::Nominal : data::MeasureLevel::Scale));
        data.push_back(data::Column::fromDoubles(values));
    }
    return std::make_shared<const data::Dataset>(std::move(variables), std::move(data));
}

// Every plain analysis on outcome `y`, predictor `x`, two-group `g` (codes 1, 2), 0/1 items `b`, `c`.
void expectEveryAnalysisSafe(const data::Dataset& d, const Json& extra, bool explainedNulls)
{
    const auto check = [&](const std::string& type, Json spec) {
        for (const auto& [key, value] : extra.items()) spec[key] = value;
        expectSafe(d, type, spec, explainedNulls);
    };
    check("frequencies", {{"var", "g"}});
    check("descriptives", {{"var", "y"}});
    check("crosstab", {{"row", "g"}, {"col", "b"}});
    check("ols", {{"dependent", "y"}, {"predictors", {"x"}}});
    check("logistic", {{"dependent", "b"}, {"predictors", {"x"}}});
    check("anova_oneway", {{"dependent", "y"}, {"factor", "g"}});
    check("ttest_independent", {{"dependent", "y"}, {"group", "g"}, {"values", {1, 2}}});
    check("correlation", {{"x", "x"}, {"y", "y"}, {"method", "pearson"}});
    check("correlation", {{"x", "x"}, {"y", "y"}, {"method", "spearman"}});
    check("correlation", {{"vars", {"x", "y", "b"}}, {"method", "pearson"}});
    check("alpha", {{"items", {"x", "y", "b"}}});
    check("multiple_response", {{"items", {"b", "c"}}, {"counted_value", 1}});
}

// The scenarios; each runs every analysis that fits it.

void constantColumns(bool explainedNulls)
{
    const auto d = makeDataset({{"y", {5, 5, 5, 5, 5, 5}}, {"x", {2, 2, 2, 2, 2, 2}}, {"g", {1, 1, 1, 2, 2, 2}},
                                {"b", {1, 1, 1, 1, 1, 1}}, {"c", {0, 0, 0, 0, 0, 0}}});
    expectEveryAnalysisSafe(*d, Json::object(), explainedNulls);
}

void allMissingColumns(bool explainedNulls)
{
    const std::vector<double> none(6, kNan);
    const auto d = makeDataset({{"y", none}, {"x", none}, {"g", none}, {"b", none}, {"c", none}});
    expectEveryAnalysisSafe(*d, Json::object(), explainedNulls);
}

void oneCase(bool explainedNulls)
{
    const auto d = makeDataset({{"y", {3}}, {"x", {1}}, {"g", {1}}, {"b", {1}}, {"c", {0}}});
    expectEveryAnalysisSafe(*d, Json::object(), explainedNulls);
}

void filterSelectingNoCase(bool explainedNulls)
{
    const auto d = makeDataset({{"y", {1, 2, 3, 4, 5, 6}}, {"x", {2, 1, 4, 3, 6, 5}}, {"g", {1, 2, 1, 2, 1, 2}},
                                {"b", {0, 1, 0, 1, 1, 0}}, {"c", {1, 0, 0, 1, 1, 1}}});
    const Json filter = Json::array({{{"var", "g"}, {"op", "in"}, {"values", {7}}}});
    expectEveryAnalysisSafe(*d, {{"filter", filter}}, explainedNulls);
}

void tenThousandCategories(bool explainedNulls)
{
    std::vector<double> row, col;
    for (int i = 0; i < 20'000; ++i) {
        row.push_back(i % 10'000);
        col.push_back(i % 3);
    }
    const auto d = makeDataset({{"g", row}, {"b", col}});
    expectSafe(*d, "crosstab", {{"row", "g"}, {"col", "b"}}, explainedNulls);
    expectSafe(*d, "frequencies", {{"var", "g"}}, explainedNulls);
}

void extremeValues(bool explainedNulls)
{
    const double tiny = std::numeric_limits<double>::denorm_min();
    const auto d = makeDataset({{"y", {1e300, -1e300, 1e300, 2e300, -2e300, 1e300}},
                                {"x", {tiny, 2 * tiny, -tiny, 3 * tiny, tiny, 0}}, {"g", {1, 2, 1, 2, 1, 2}},
                                {"b", {0, 1, 0, 1, 1, 0}}, {"c", {1, 0, 0, 1, 1, 1}}});
    expectEveryAnalysisSafe(*d, Json::object(), explainedNulls);
}

void perfectlySeparatedLogistic(bool explainedNulls)
{
    const auto d = makeDataset({{"x", {1, 2, 3, 4, 5, 6, 7, 8}}, {"g", {1, 1, 1, 1, 2, 2, 2, 2}},
                                {"b", {0, 0, 0, 0, 1, 1, 1, 1}}});
    expectSafe(*d, "logistic", {{"dependent", "b"}, {"predictors", {"x"}}}, explainedNulls);
    expectSafe(*d, "logistic", {{"dependent", "b"}, {"predictors", {"g"}}, {"categorical", {{"g", Json::object()}}}},
               explainedNulls);
    expectSafe(*d, "crosstab", {{"row", "g"}, {"col", "b"}}, explainedNulls);
}

void weightsOfZeroAndOneBillion(bool explainedNulls)
{
    const auto d = makeDataset({{"y", {1, 2, 3, 4, 5, 6}}, {"x", {2, 1, 4, 3, 6, 5}}, {"g", {1, 2, 1, 2, 1, 2}},
                                {"b", {0, 1, 0, 1, 1, 0}}, {"c", {1, 0, 0, 1, 1, 1}}, {"w", {0, 1e9, 0, 1e9, 1e9, 0}}});
    expectEveryAnalysisSafe(*d, {{"weight", "w"}}, explainedNulls);
    const auto zero = makeDataset({{"y", {1, 2, 3}}, {"x", {2, 1, 4}}, {"g", {1, 2, 1}}, {"b", {0, 1, 0}},
                                   {"c", {1, 0, 0}}, {"w", {0, 0, 0}}});
    expectEveryAnalysisSafe(*zero, {{"weight", "w"}}, explainedNulls);
}

}  // namespace

TEST(AnalysisEdgeCases, ConstantColumns) { constantColumns(false); }
TEST(AnalysisEdgeCases, AllMissingColumns) { allMissingColumns(false); }
TEST(AnalysisEdgeCases, OneCase) { oneCase(false); }
TEST(AnalysisEdgeCases, FilterSelectingNoCase) { filterSelectingNoCase(false); }
TEST(AnalysisEdgeCases, CrosstabOfTenThousandCategories) { tenThousandCategories(false); }
TEST(AnalysisEdgeCases, ExtremeValues) { extremeValues(false); }
TEST(AnalysisEdgeCases, PerfectlySeparatedLogistic) { perfectlySeparatedLogistic(false); }
TEST(AnalysisEdgeCases, WeightsOfZeroAndOneBillion) { weightsOfZeroAndOneBillion(false); }

// Statistics that are undefined for such data (an SD of one case, a chi-square of a one-column table, r of a
// constant variable, F with no within-group variance, a variance overflowing for values near 1e300, Levene's
// test with a constant spread, ...) are left null, and the result must then say so in words (as SPSS prints a
// footnote in their place): a non-empty "notes" (or similar) member.
TEST(AnalysisEdgeCases, UndefinedStatisticsAreExplained)
{
    constantColumns(true);
    allMissingColumns(true);
    oneCase(true);
    filterSelectingNoCase(true);
    tenThousandCategories(true);
    extremeValues(true);
    perfectlySeparatedLogistic(true);
    weightsOfZeroAndOneBillion(true);
}
