// Placeholder: these analyses answer with a clear error until implemented.
#include "core/analysis/Analyses.h"

namespace sl::core::analysis {

Expected<Json> runCorrelation(const SpecContext&, const Json&)
{
    return makeError(ErrorCode::Unsupported, "The analysis 'correlation' is not available yet.", "correlation");
}

Expected<Json> runAlpha(const SpecContext&, const Json&)
{
    return makeError(ErrorCode::Unsupported, "The analysis 'alpha' is not available yet.", "alpha");
}

}  // namespace sl::core::analysis
