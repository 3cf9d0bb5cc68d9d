// Placeholder: these analyses answer with a clear error until implemented.
#include "core/analysis/Analyses.h"

namespace sl::core::analysis {

Expected<Json> runSvyMean(const SpecContext&, const Json&)
{
    return makeError(ErrorCode::Unsupported, "The analysis 'svy_mean' is not available yet.", "svy_mean");
}

Expected<Json> runSvyProportions(const SpecContext&, const Json&)
{
    return makeError(ErrorCode::Unsupported, "The analysis 'svy_proportions' is not available yet.", "svy_proportions");
}

Expected<Json> runSvyCrosstab(const SpecContext&, const Json&)
{
    return makeError(ErrorCode::Unsupported, "The analysis 'svy_crosstab' is not available yet.", "svy_crosstab");
}

Expected<Json> runSvyOls(const SpecContext&, const Json&)
{
    return makeError(ErrorCode::Unsupported, "The analysis 'svy_ols' is not available yet.", "svy_ols");
}

Expected<Json> runSvyLogistic(const SpecContext&, const Json&)
{
    return makeError(ErrorCode::Unsupported, "The analysis 'svy_logistic' is not available yet.", "svy_logistic");
}

}  // namespace sl::core::analysis
