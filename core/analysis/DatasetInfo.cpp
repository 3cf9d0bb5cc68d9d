#include "core/analysis/DatasetInfo.h"

namespace sl::core::analysis {

Json variableInfo(const data::Variable& v)
{
    const char* type = v.isString() ? "string" : v.format.isDateTime() ? "datetime" : v.format.isDate() ? "date" : "numeric";
    Json labels = Json::array();
    for (const auto& [value, label] : v.valueLabels.numeric()) labels.push_back(Json{{"value", value}, {"label", label}});
    for (const auto& [value, label] : v.valueLabels.text()) labels.push_back(Json{{"value", value}, {"label", label}});
    Json missingValues = Json::array();
    for (double m : v.missing.values) missingValues.push_back(m);
    for (const auto& m : v.missing.textValues) missingValues.push_back(m);
    Json range = v.missing.range ? Json::array({v.missing.range->first, v.missing.range->second}) : Json(nullptr);
    Json info{{"name", v.name},
              {"label", v.label},
              {"type", type},
              {"measure", data::toString(v.measure)},
              {"width", v.isString() ? v.stringWidth : v.format.width},
              {"decimals", v.format.decimals},
              {"format", v.format.spssName()},
              {"value_labels", labels},
              {"missing", Json{{"values", missingValues}, {"range", range}}}};
    if (!v.timeZone.empty()) info["time_zone"] = v.timeZone;
    return info;
}

Json datasetInfo(const data::Dataset& dataset, const std::string& file, const std::string& format)
{
    Json vars = Json::array();
    for (const auto& v : dataset.variables()) vars.push_back(variableInfo(v));
    Json sets = Json::array();
    for (const auto& s : dataset.multipleResponseSets)
        sets.push_back(Json{{"name", s.name},
                            {"label", s.label},
                            {"kind", s.dichotomy ? "dichotomy" : "category"},
                            {"counted_value", s.dichotomy ? Json(s.countedValue) : Json(nullptr)},
                            {"variables", s.variables}});
    return Json{{"file", file},
                {"format", format},
                {"cases", dataset.caseCount()},
                {"file_label", dataset.fileLabel},
                {"weight", dataset.weightVariable.empty() ? Json(nullptr) : Json(dataset.weightVariable)},
                {"variables", vars},
                {"multiple_response_sets", sets},
                {"warnings", dataset.warnings}};
}

}  // namespace sl::core::analysis
