#pragma once
// The `info` JSON of a dataset: every variable with its metadata, and the case count.
#include "core/analysis/Json.h"
#include "core/data/Dataset.h"

#include <string>

namespace sl::core::analysis {

Json variableInfo(const data::Variable& variable);
Json datasetInfo(const data::Dataset& dataset, const std::string& file, const std::string& format);

}  // namespace sl::core::analysis
