// Placeholder: these analyses answer with a clear error until implemented.
#include "core/analysis/Analyses.h"

namespace sl::core::analysis {

Expected<Json> runAnovaOneway(const SpecContext&, const Json&)
{
    return makeError(ErrorCode::Unsupported, "The analysis 'anova_oneway' is not available yet.", "anova_oneway");
}

Expected<Json> runTtestIndependent(const SpecContext&, const Json&)
{
    return makeError(ErrorCode::Unsupported, "The analysis 'ttest_independent' is not available yet.", "ttest_independent");
}

}  // namespace sl::core::analysis
