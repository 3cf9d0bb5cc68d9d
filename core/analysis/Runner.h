#pragma once
// Runs analyses described as specs: the code path shared by the CLI, the GUI and the tests.
#include "core/analysis/Json.h"
#include "core/common/Expected.h"
#include "core/data/Dataset.h"

#include <string>
#include <vector>

namespace sl::core::analysis {

// The analysis types this build knows, in the order of the spec format.
std::vector<std::string> analysisTypes();

// Runs one analysis; an unknown type, variable or an impossible computation is an Error.
Expected<Json> runAnalysis(const data::Dataset& dataset, const std::string& type, const Json& spec);

// Runs a list of {"id", "type", "spec"} objects; each output holds "result" or "error".
Json runAnalysisList(const data::Dataset& dataset, const Json& analyses);

// Reads a spec file, opens its dataset (relative to the spec's folder) and runs its analyses.
// Fails only when the spec or the dataset cannot be read.
Expected<Json> runSpecFile(const std::string& specPath);

// Parses JSON text; errors give the line and column.
Expected<Json> parseJson(std::string_view text, const std::string& fileName);

}  // namespace sl::core::analysis
