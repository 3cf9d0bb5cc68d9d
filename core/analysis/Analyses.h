#pragma once
// One function per analysis type of the spec format: spec in, result JSON out.
#include "core/analysis/SpecContext.h"

namespace sl::core::analysis {

using AnalysisFunction = Expected<Json> (*)(const SpecContext& context, const Json& spec);

// DescriptiveAnalyses.cpp
Expected<Json> runFrequencies(const SpecContext& context, const Json& spec);
Expected<Json> runDescriptives(const SpecContext& context, const Json& spec);

// CrosstabAnalyses.cpp
Expected<Json> runCrosstab(const SpecContext& context, const Json& spec);
Expected<Json> runMultipleResponse(const SpecContext& context, const Json& spec);

// ModelAnalyses.cpp
Expected<Json> runOls(const SpecContext& context, const Json& spec);
Expected<Json> runLogistic(const SpecContext& context, const Json& spec);

// GroupAnalyses.cpp
Expected<Json> runAnovaOneway(const SpecContext& context, const Json& spec);
Expected<Json> runTtestIndependent(const SpecContext& context, const Json& spec);

// ScaleAnalyses.cpp
Expected<Json> runCorrelation(const SpecContext& context, const Json& spec);
Expected<Json> runAlpha(const SpecContext& context, const Json& spec);

// SurveyAnalyses.cpp (design-based; the spec holds "design")
Expected<Json> runSvyMean(const SpecContext& context, const Json& spec);
Expected<Json> runSvyProportions(const SpecContext& context, const Json& spec);
Expected<Json> runSvyCrosstab(const SpecContext& context, const Json& spec);
Expected<Json> runSvyOls(const SpecContext& context, const Json& spec);
Expected<Json> runSvyLogistic(const SpecContext& context, const Json& spec);

}  // namespace sl::core::analysis
