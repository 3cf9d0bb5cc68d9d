// Placeholder: these analyses answer with a clear error until implemented.
#include "core/analysis/Analyses.h"

namespace sl::core::analysis {

Expected<Json> runCrosstab(const SpecContext&, const Json&)
{
    return makeError(ErrorCode::Unsupported, "The analysis 'crosstab' is not available yet.", "crosstab");
}

Expected<Json> runMultipleResponse(const SpecContext&, const Json&)
{
    return makeError(ErrorCode::Unsupported, "The analysis 'multiple_response' is not available yet.", "multiple_response");
}

}  // namespace sl::core::analysis
