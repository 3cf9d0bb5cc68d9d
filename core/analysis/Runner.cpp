#include "core/analysis/Runner.h"

#include "core/analysis/Analyses.h"
#include "core/io/DataFile.h"
#include "core/io/FileBytes.h"

namespace sl::core::analysis {

namespace {

struct AnalysisType {
    const char* name;
    AnalysisFunction run;
};

constexpr AnalysisType kAnalysisTypes[] = {
    {"frequencies", runFrequencies},
    {"descriptives", runDescriptives},
    {"crosstab", runCrosstab},
    {"multiple_response", runMultipleResponse},
    {"ols", runOls},
    {"logistic", runLogistic},
    {"anova_oneway", runAnovaOneway},
    {"ttest_independent", runTtestIndependent},
    {"correlation", runCorrelation},
    {"alpha", runAlpha},
    {"svy_mean", runSvyMean},
    {"svy_proportions", runSvyProportions},
    {"svy_crosstab", runSvyCrosstab},
    {"svy_ols", runSvyOls},
    {"svy_logistic", runSvyLogistic},
};

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
            return t.run(*context, spec);
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
