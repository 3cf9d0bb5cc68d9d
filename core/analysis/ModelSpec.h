#pragma once
// The model part of an ols, logistic, svy_ols or svy_logistic spec: the dependent variable and
// the predictors, with categorical ones dummy-coded against their reference level.
#include "core/analysis/SpecContext.h"
#include "core/stats/DesignMatrix.h"

#include <vector>

namespace sl::core::analysis {

struct ModelSpec {
    size_t dependent = 0;
    std::vector<stats::Predictor> predictors;
    std::vector<size_t> variables;  // dependent and predictors, for listwise deletion
};

// Reads "dependent", "predictors" and "categorical" ({"reference": code | "first" | "last"},
// "last" when absent, as SPSS).
Expected<ModelSpec> readModelSpec(const SpecContext& context, const Json& spec);

// Sets result["method"] to the sentence naming the reference level of each categorical predictor,
// e.g. "Dummy coding: region against its last level (SPSS's default)."; nothing without any.
void addReferenceMethod(Json& result, const ModelSpec& model, const data::Dataset& dataset);

}  // namespace sl::core::analysis
