#include "core/analysis/ModelSpec.h"

namespace sl::core::analysis {

namespace {

// {"reference": code | "first" | "last"}; "last" when absent, as SPSS.
Expected<stats::ReferenceLevel> readReference(const Json& entry, const std::string& where)
{
    stats::ReferenceLevel level;
    if (!entry.is_object())
        return makeError(ErrorCode::InvalidInput,
                         "A 'categorical' entry must be an object such as {\"reference\": 1}.", where);
    if (!entry.contains("reference") || entry["reference"].is_null()) return level;
    const Json& reference = entry["reference"];
    if (reference.is_number()) {
        level.kind = stats::ReferenceLevel::Kind::Code;
        level.code = reference.get<double>();
    } else if (reference == "first") {
        level.kind = stats::ReferenceLevel::Kind::First;
    } else if (reference != "last") {
        return makeError(ErrorCode::InvalidInput, "'reference' must be a code, \"first\" or \"last\".", where);
    }
    return level;
}

}  // namespace

Expected<ModelSpec> readModelSpec(const SpecContext& context, const Json& spec)
{
    ModelSpec model;
    auto dependent = context.variable(spec, "dependent");
    if (!dependent) return dependent.error();
    auto predictors = context.variables(spec, "predictors");
    if (!predictors) return predictors.error();
    model.dependent = *dependent;
    model.variables.push_back(*dependent);
    const auto& dataset = context.dataset();
    for (size_t v : *predictors) {
        if (v == *dependent)
            return makeError(ErrorCode::InvalidInput, "The dependent variable cannot also be a predictor.",
                             "variable " + dataset.variable(v).name);
        model.predictors.push_back(stats::Predictor{v, false, {}});
        model.variables.push_back(v);
    }

    const Json categorical = spec.contains("categorical") ? spec["categorical"] : Json();
    if (categorical.is_null()) return model;
    if (!categorical.is_object())
        return makeError(ErrorCode::InvalidInput,
                         "'categorical' must map predictor names to {\"reference\": code}.", "categorical");
    for (auto it = categorical.begin(); it != categorical.end(); ++it) {
        const std::string where = "categorical." + it.key();
        auto reference = readReference(it.value(), where);
        if (!reference) return reference.error();
        bool found = false;
        for (auto& p : model.predictors)
            if (data::sameName(dataset.variable(p.variable).name, it.key())) {
                p.categorical = true;
                p.reference = *reference;
                found = true;
            }
        if (!found)
            return makeError(ErrorCode::InvalidInput,
                             "'" + it.key() + "' is listed as categorical but is not among the predictors.", where);
    }
    return model;
}

void addReferenceMethod(Json& result, const ModelSpec& model, const data::Dataset& dataset)
{
    std::string list;
    for (const auto& p : model.predictors) {
        if (!p.categorical) continue;
        std::string reference;
        switch (p.reference.kind) {
        case stats::ReferenceLevel::Kind::Last: reference = "its last level (SPSS's default)"; break;
        case stats::ReferenceLevel::Kind::First: reference = "its first level (R's default)"; break;
        case stats::ReferenceLevel::Kind::Code:
            reference = "code " + stats::DesignMatrix::codeText(p.reference.code);
            break;
        }
        list += (list.empty() ? "" : "; ") + dataset.variable(p.variable).name + " against " + reference;
    }
    if (!list.empty()) result["method"] = "Dummy coding: " + list + ".";
}

}  // namespace sl::core::analysis
