#pragma once
// The spec members that choose a convention where SPSS and R disagree (docs/CONVENTIONS.md).
// Each is optional and SPSS's convention is the default, so the GUI, the CLI and a replayed
// session give the same numbers for the same spec. Each reader also gives the sentence of the
// result's method note that names the convention used.
#include "core/analysis/Json.h"
#include "core/common/Expected.h"
#include "core/stats/Frequencies.h"
#include "core/stats/GroupComparison.h"

#include <string>

namespace sl::core::analysis {

// "quartiles": "spss" (weighted average, R type 6; default) | "r" (R type 7).
Expected<stats::QuantileDefinition> readQuartiles(const Json& spec);
std::string quartilesMethod(stats::QuantileDefinition definition);

// "levene_center": "mean" (SPSS; default) | "median" (Brown–Forsythe, R car::leveneTest default).
Expected<stats::LeveneCenter> readLeveneCenter(const Json& spec);
std::string leveneMethod(stats::LeveneCenter center);

}  // namespace sl::core::analysis
