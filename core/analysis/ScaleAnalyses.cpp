// correlation and alpha.
#include "core/analysis/Analyses.h"
#include "core/stats/Correlation.h"
#include "core/stats/Frequencies.h"
#include "core/stats/Reliability.h"

#include <cmath>

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

// "a with b, a with c" for the pairs of a correlation matrix (a < b) where `select` holds.
template <typename Select>
std::string pairsWhere(const std::vector<std::vector<stats::Correlation>>& matrix,
                       const std::vector<std::string>& names, Select select)
{
    std::string list;
    for (size_t a = 0; a < matrix.size(); ++a)
        for (size_t b = a + 1; b < matrix.size(); ++b)
            if (select(matrix[a][b])) list += (list.empty() ? "" : ", ") + names[a] + " with " + names[b];
    return list;
}

bool rUndefined(const stats::Correlation& c) { return !std::isfinite(c.r); }
bool pUndefined(const stats::Correlation& c) { return std::isfinite(c.r) && !std::isfinite(c.p); }

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
        Json out{{"matrix", std::move(rows)}};
        std::vector<std::string> names;
        for (size_t v : *vars) names.push_back(dataset.variable(v).name);
        if (const auto pairs = pairsWhere(matrix, names, rUndefined); !pairs.empty())
            addNote(out, "r is not computed for " + pairs +
                             ": among the cases valid on both, one of the two variables does not vary (or fewer than "
                             "two such cases remain).");
        if (const auto pairs = pairsWhere(matrix, names, pUndefined); !pairs.empty())
            addNote(out, "p is not computed for " + pairs + ": it needs at least three cases valid on both.");
        return out;
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
    Json out{{"n", count(c.n)}, {"r", number(c.r)}, {"p", number(c.p)}};
    if (rUndefined(c))
        addNote(out, "r is not computed: " + dataset.variable(*x).name + " or " + dataset.variable(*y).name +
                         " has the same value for every case used.");
    return out;
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
    Json out{{"n", count(r.n)},
             {"alpha", number(r.alpha)},
             {"standardized_alpha", number(r.standardizedAlpha)},
             {"item_total", std::move(itemList)}};
    std::vector<std::string> constant;
    for (size_t v : *items)
        if (!(stats::describe(dataset, v, cases).variance > 0)) constant.push_back(dataset.variable(v).name);
    if (!constant.empty()) {
        std::string list;
        for (const auto& name : constant) list += (list.empty() ? "" : ", ") + name;
        addNote(out, "The standardized alpha and the item-total correlations are not computed: " + list +
                         (constant.size() == 1 ? " has" : " have") + " the same value for every case used.");
    }
    if (!std::isfinite(r.alpha))
        addNote(out, "Cronbach's alpha is not computed: the sum of the items has the same value for every case used.");
    if (items->size() == 2)
        addNote(out, "Alpha if an item is deleted is not computed: a single item is left, and alpha needs two.");
    return out;
}

}  // namespace sl::core::analysis
