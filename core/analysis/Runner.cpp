#include "core/analysis/Runner.h"

#include "core/analysis/Analyses.h"
#include "core/io/DataFile.h"
#include "core/io/FileBytes.h"

#include <algorithm>

namespace sl::core::analysis {

namespace {

struct AnalysisType {
    const char* name;
    AnalysisFunction run;
    // One line saying which convention the result follows where SPSS and R differ. An analysis whose
    // convention the spec chooses adds its own sentence as the result's "method" (Conventions.h).
    const char* method;
};

constexpr const char* kDesignBased =
    "Design-based: Taylor linearisation as R's survey package; t and F on the design degrees of freedom "
    "(PSUs minus strata of the whole file); a filter selects a domain, the design stays that of the whole sample.";

constexpr AnalysisType kAnalysisTypes[] = {
    {"frequencies", runFrequencies,
     "Percent of all cases in the filter; valid and cumulative percent of valid cases; user- and system-missing "
     "values pooled as missing (SPSS FREQUENCIES)."},
    {"descriptives", runDescriptives, "Standard deviation with n - 1."},
    {"crosstab", runCrosstab,
     "Pearson and likelihood-ratio chi-square, both uncorrected; the continuity correction (Yates, as R's "
     "chisq.test default) and Fisher's exact test for 2 x 2 tables only; adjusted standardized residuals (SPSS "
     "CROSSTABS)."},
    {"multiple_response", runMultipleResponse,
     "Percent of responses and percent of cases with at least one counted item; a missing item counts as not "
     "counted (SPSS MULT RESPONSE)."},
    {"ols", runOls,
     "Least squares; collinear terms (tolerance below 1e-4, as SPSS) dropped and listed."},
    {"logistic", runLogistic,
     "Maximum likelihood by Newton-Raphson with step halving to full convergence; both Wald z (R) and Wald = "
     "z squared with 1 df (SPSS); event = the larger code."},
    {"anova_oneway", runAnovaOneway, "One-way ANOVA; Welch's F; Tukey-Kramer comparisons."},
    {"ttest_independent", runTtestIndependent, "Student's t (pooled variance) and Welch's t."},
    {"correlation", runCorrelation,
     "Pearson, or Spearman on average ranks; two-sided p from t with n - 2 df; pairwise deletion in a matrix."},
    {"alpha", runAlpha, "Cronbach's alpha on the cases valid on every item; standardized alpha from the mean "
                        "inter-item correlation."},
    {"svy_mean", runSvyMean, kDesignBased},
    {"svy_proportions", runSvyProportions, kDesignBased},
    {"svy_crosstab", runSvyCrosstab, kDesignBased},
    {"svy_ols", runSvyOls, kDesignBased},
    {"svy_logistic", runSvyLogistic, kDesignBased},
};

// Nulls the result format defines: labels of unlabelled codes, the standardized coefficient,
// tolerance and VIF of the intercept, and p on the diagonal of a correlation matrix.
bool isNullByFormat(const std::string& key, const Json& parent, bool inLabels, bool inMatrix)
{
    if (inLabels || key == "label") return true;
    const auto member = [&](const char* name) { return parent.is_object() && parent.contains(name) ? parent[name] : Json(); };
    if ((key == "beta" || key == "tolerance" || key == "vif") && member("name") == "(Intercept)") return true;
    return inMatrix && key == "p" && member("r") == 1.0;
}

// The names of the members left null because they are undefined for the data, in order, once each.
void collectUndefined(const Json& j, const std::string& key, bool inLabels, bool inMatrix,
                      std::vector<std::string>& names)
{
    if (j.is_object()) {
        for (const auto& [k, value] : j.items()) {
            if (value.is_null() && !isNullByFormat(k, j, inLabels, inMatrix) &&
                std::find(names.begin(), names.end(), k) == names.end())
                names.push_back(k);
            collectUndefined(value, k, inLabels || k == "labels", inMatrix || k == "matrix", names);
        }
    } else if (j.is_array()) {
        for (const auto& value : j) {
            if (value.is_null() && !inLabels && std::find(names.begin(), names.end(), key) == names.end())
                names.push_back(key);
            collectUndefined(value, key, inLabels, inMatrix, names);
        }
    }
}

// A sentence naming what could not be computed, for results whose analysis gave no reason of its own,
// so that an empty cell is never left unexplained.
std::string undefinedNote(const Json& result)
{
    std::vector<std::string> names;
    collectUndefined(result, "", false, false, names);
    if (names.empty()) return {};
    std::string list;
    for (size_t i = 0; i < names.size() && i < 8; ++i) list += (i ? ", " : "") + names[i];
    if (names.size() > 8) list += ", ...";
    return "Not computed for these data (left empty): " + list +
           ". A statistic is undefined when a variable does not vary, a group has too few cases, the model cannot "
           "be estimated, or the values are too large to compute with.";
}

}  // namespace

std::vector<std::string> analysisTypes()
{
    std::vector<std::string> out;
    for (const auto& t : kAnalysisTypes) out.emplace_back(t.name);
    return out;
}

Expected<Json> runAnalysis(const data::Dataset& dataset, const std::string& type, const Json& spec)
{
    for (const auto& t : kAnalysisTypes) {
        if (type != t.name) continue;
        if (!spec.is_object()) return makeError(ErrorCode::InvalidInput, "The analysis has no 'spec' object.", type);
        auto context = SpecContext::make(dataset, spec);
        if (!context) return context.error();
        try {
            auto result = t.run(*context, spec);
            if (result && result->is_object()) {
                std::string method = t.method;
                if (result->contains("method") && (*result)["method"].is_string())
                    method += " " + (*result)["method"].get<std::string>();
                if (context->weighted())
                    method += " Frequency weights: a case counts as its weight (SPSS WEIGHT BY), which is not a "
                              "sampling design.";
                (*result)["method"] = method;
                const bool explained = result->contains("notes") && !(*result)["notes"].empty();
                if (const std::string note = undefinedNote(*result); !note.empty() && !explained)
                    addNote(*result, note);
            }
            return result;
        } catch (const std::exception& e) {
            // A malformed member of the right name but the wrong JSON type ends here.
            return makeError(ErrorCode::InvalidInput, std::string("The spec could not be read: ") + e.what(), type);
        }
    }
    return makeError(ErrorCode::Unsupported, "Unknown analysis type '" + type + "'.", "type");
}

Json runAnalysisList(const data::Dataset& dataset, const Json& analyses)
{
    Json out = Json::array();
    if (!analyses.is_array()) return out;
    for (const auto& a : analyses) {
        Json item = Json::object();
        item["id"] = a.value("id", Json(nullptr));
        item["type"] = a.value("type", Json(nullptr));
        const std::string type = a.contains("type") && a["type"].is_string() ? a["type"].get<std::string>() : "";
        auto result = runAnalysis(dataset, type, a.contains("spec") ? a["spec"] : Json());
        if (result)
            item["result"] = std::move(*result);
        else
            item["error"] = result.error().describe();
        out.push_back(std::move(item));
    }
    return out;
}

Expected<Json> parseJson(std::string_view text, const std::string& fileName)
{
    try {
        return Json::parse(text.begin(), text.end());
    } catch (const nlohmann::json::parse_error& e) {
        // Convert the byte offset to line and column.
        size_t line = 1, column = 1;
        for (size_t i = 0; i + 1 < e.byte && i < text.size(); ++i) {
            if (text[i] == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
        return makeError(ErrorCode::InvalidInput, "This is not valid JSON.",
                         fileName + ", line " + std::to_string(line) + ", column " + std::to_string(column));
    } catch (const nlohmann::json::out_of_range&) {  // a number such as 1e999, beyond the range of a double
        return makeError(ErrorCode::InvalidInput, "This JSON holds a number too large to be read.", fileName);
    }
}

Expected<Json> runSpecFile(const std::string& specPath)
{
    auto text = io::readWholeFile(specPath);
    if (!text) return text.error();
    auto spec = parseJson(*text, specPath);
    if (!spec) return spec.error();
    if (!spec->is_object() || !spec->contains("dataset") || !(*spec)["dataset"].is_string())
        return makeError(ErrorCode::InvalidInput, "The spec has no \"dataset\" member naming a data file.",
                         specPath + ", member dataset");
    const std::string datasetName = (*spec)["dataset"].get<std::string>();
    std::string datasetPath = datasetName;
    if (datasetPath.empty() || datasetPath.front() != '/') {
        const auto slash = specPath.find_last_of('/');
        if (slash != std::string::npos) datasetPath = specPath.substr(0, slash + 1) + datasetPath;
    }
    auto dataset = io::openDataFile(datasetPath);
    if (!dataset) return dataset.error();
    if (spec->contains("transforms") && !(*spec)["transforms"].empty())
        return makeError(ErrorCode::Unsupported, "Transforms (compute, recode, select) are not supported yet.",
                         specPath + ", member transforms");

    Json out = Json::object();
    out["dataset"] = datasetName;
    out["analyses"] = runAnalysisList(**dataset, spec->value("analyses", Json::array()));
    out["charts"] = Json::array();
    return out;
}

}  // namespace sl::core::analysis
