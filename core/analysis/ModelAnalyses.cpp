// Placeholder: these analyses answer with a clear error until implemented.
#include "core/analysis/Analyses.h"

namespace sl::core::analysis {

Expected<Json> runOls(const SpecContext&, const Json&)
{
    return makeError(ErrorCode::Unsupported, "The analysis 'ols' is not available yet.", "ols");
}

Expected<Json> runLogistic(const SpecContext&, const Json&)
{
    return makeError(ErrorCode::Unsupported, "The analysis 'logistic' is not available yet.", "logistic");
}

}  // namespace sl::core::analysis
