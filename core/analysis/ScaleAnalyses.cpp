// correlation and alpha.
#include "core/analysis/Analyses.h"
#include "core/stats/Correlation.h"
#include "core/stats/Reliability.h"

namespace sl::core::analysis {

namespace {

Status requireNumeric(const data::Dataset& dataset, const std::vector<size_t>& variables, const char* what)
{
    for (size_t v : variables) {
        const auto& var = dataset.variable(v);
        if (var.isString())
            return makeError(ErrorCode::Unsupported,
                             std::string(what) + " needs numeric variables; '" + var.name + "' holds text.",
                             "variable " + var.name);
    }
    return Ok{};
}

}  // namespace

Expected<Json> runCorrelation(const SpecContext& context, const Json& spec)
{
    const auto& dataset = context.dataset();
    stats::CorrelationMethod method = stats::CorrelationMethod::Pearson;
    if (spec.contains("method") && !spec["method"].is_null()) {
        const std::string name = spec["method"].is_string() ? spec["method"].get<std::string>() : "";
        if (name == "spearman") method = stats::CorrelationMethod::Spearman;
        else if (name != "pearson")
            return makeError(ErrorCode::InvalidInput, "'method' must be \"pearson\" or \"spearman\".", "method");
    }
    if (method == stats::CorrelationMethod::Spearman && context.weighted())
        return makeError(ErrorCode::Unsupported, "A Spearman correlation cannot use a frequency weight.", "weight");

    if (spec.contains("vars") && !spec["vars"].is_null()) {
        auto vars = context.variables(spec, "vars");
        if (!vars) return vars.error();
        if (vars->size() < 2)
            return makeError(ErrorCode::InvalidInput, "A correlation matrix needs at least two variables.", "vars");
        if (auto ok = requireNumeric(dataset, *vars, "A correlation"); !ok) return ok.error();
        const auto matrix = stats::correlationMatrix(dataset, *vars, context.filtered(), method);
        Json rows = Json::array();
        for (const auto& line : matrix) {
            Json cells = Json::array();
            for (const auto& cell : line)
                cells.push_back(Json{{"r", number(cell.r)}, {"p", number(cell.p)}, {"n", count(cell.n)}});
            rows.push_back(std::move(cells));
        }
        return Json{{"matrix", std::move(rows)}};
    }

    auto x = context.variable(spec, "x");
    if (!x) return x.error();
    auto y = context.variable(spec, "y");
    if (!y) return y.error();
    if (auto ok = requireNumeric(dataset, {*x, *y}, "A correlation"); !ok) return ok.error();
    const auto cases = context.listwise({*x, *y});
    if (cases.size() < 3)
        return makeError(ErrorCode::Numerical, "A correlation needs at least three valid cases.",
                         "variables " + dataset.variable(*x).name + " and " + dataset.variable(*y).name);
    const auto c = stats::correlate(dataset, *x, *y, cases, method);
    return Json{{"n", count(c.n)}, {"r", number(c.r)}, {"p", number(c.p)}};
}

Expected<Json> runAlpha(const SpecContext& context, const Json& spec)
{
    const auto& dataset = context.dataset();
    auto items = context.variables(spec, "items");
    if (!items) return items.error();
    if (items->size() < 2)
        return makeError(ErrorCode::InvalidInput, "Cronbach's alpha needs at least two items.", "items");
    if (auto ok = requireNumeric(dataset, *items, "Cronbach's alpha"); !ok) return ok.error();
    const auto cases = context.listwise(*items);
    if (cases.size() < 2)
        return makeError(ErrorCode::Numerical, "Cronbach's alpha needs at least two cases valid on every item.",
                         "items");
    const auto r = stats::reliability(dataset, *items, cases);
    Json itemList = Json::array();
    for (size_t i = 0; i < items->size(); ++i)
        itemList.push_back(Json{{"item", dataset.variable((*items)[i]).name},
                                {"corrected_item_total_r", number(r.items[i].correctedItemTotalR)},
                                {"alpha_if_deleted", number(r.items[i].alphaIfDeleted)}});
    return Json{{"n", count(r.n)},
                {"alpha", number(r.alpha)},
                {"standardized_alpha", number(r.standardizedAlpha)},
                {"item_total", std::move(itemList)}};
}

}  // namespace sl::core::analysis
