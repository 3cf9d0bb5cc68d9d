#include "core/analysis/SurveyDesignJson.h"

namespace sl::core::analysis {

Json designJson(const data::Dataset& dataset, const stats::DesignVariables& variables)
{
    const auto name = [&](const std::optional<size_t>& v) { return v ? Json(dataset.variable(*v).name) : Json(nullptr); };
    return Json{{"weight", name(variables.weight)},
                {"strata", name(variables.strata)},
                {"cluster", name(variables.cluster)},
                {"fpc", name(variables.fpc)},
                {"nest", variables.nest},
                {"lonely_psu", variables.lonelyPsu == stats::LonelyPsu::Adjust ? "adjust" : "fail"}};
}

}  // namespace sl::core::analysis
