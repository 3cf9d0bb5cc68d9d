#pragma once
// The spec's "design" object for a chosen survey design, so that a design picked in a dialog
// runs through the same specs as the command line.
#include "core/analysis/Json.h"
#include "core/data/Dataset.h"
#include "core/stats/SurveyDesign.h"

namespace sl::core::analysis {

// {"weight", "strata", "cluster", "fpc" (variable names or null), "nest", "lonely_psu"}
Json designJson(const data::Dataset& dataset, const stats::DesignVariables& variables);

}  // namespace sl::core::analysis
