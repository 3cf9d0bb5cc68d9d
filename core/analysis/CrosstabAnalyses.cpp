// crosstab and multiple_response.
#include "core/analysis/Analyses.h"
#include "core/stats/Crosstab.h"
#include "core/stats/DesignMatrix.h"
#include "core/stats/MultipleResponse.h"

#include <cstdio>

namespace sl::core::analysis {

namespace {

Json matrixJson(const stats::Matrix& m, Json (*cell)(double))
{
    Json out = Json::array();
    for (const auto& row : m) {
        Json line = Json::array();
        for (double v : row) line.push_back(cell(v));
        out.push_back(std::move(line));
    }
    return out;
}

Json statisticJson(const stats::TestStatistic& t) { return testJson(t.statistic, t.df, t.p); }

Json ordinalJson(const stats::OrdinalAssociation& a)
{
    return Json{{"value", number(a.value)}, {"ase", number(a.ase)}, {"t", number(a.t)}, {"p", number(a.p)}};
}

Json crosstabJson(const stats::Crosstab& t)
{
    Json out{{"n", count(t.n)},
             {"row_values", numberArray(t.rowValues)},
             {"col_values", numberArray(t.colValues)},
             {"counts", matrixJson(t.counts, count)},
             {"row_percent", matrixJson(t.rowPercent, number)},
             {"col_percent", matrixJson(t.colPercent, number)},
             {"total_percent", matrixJson(t.totalPercent, number)},
             {"expected_counts", matrixJson(t.expected, number)},
             {"residuals", matrixJson(t.residuals, number)},
             {"std_residuals", matrixJson(t.standardizedResiduals, number)},
             {"adj_std_residuals", matrixJson(t.adjustedResiduals, number)},
             {"pearson_chi2", statisticJson(t.pearson)},
             {"likelihood_ratio", statisticJson(t.likelihoodRatio)},
             {"cramers_v", number(t.cramersV)}};
    if (t.phi) out["phi"] = number(*t.phi);
    if (t.continuityCorrected) out["continuity_corrected"] = statisticJson(*t.continuityCorrected);
    if (t.fisherExactP) out["fisher_exact_p"] = number(*t.fisherExactP);
    if (t.fisherExactOneSidedP) out["fisher_exact_p_one_sided"] = number(*t.fisherExactOneSidedP);
    out["linear_by_linear"] = statisticJson(t.linearByLinear);
    out["contingency_coefficient"] = number(t.contingencyCoefficient);
    out["expected_below_5_percent"] = number(t.expectedBelow5Percent);
    Json warnings = Json::array();
    if (t.expectedBelow5Percent > 20) {
        char minimum[32];
        std::snprintf(minimum, sizeof minimum, "%.2f", t.minimumExpected);
        char percent[32];
        std::snprintf(percent, sizeof percent, "%.1f", t.expectedBelow5Percent);
        warnings.push_back(std::to_string(t.cellsExpectedBelow5) + " cells (" + percent +
                           "%) have an expected count less than 5; the minimum expected count is " + minimum +
                           ". The chi-square test may not be valid.");
    }
    out["warnings"] = std::move(warnings);
    if (t.gamma) out["gamma"] = ordinalJson(*t.gamma);
    if (t.tauB) out["tau_b"] = ordinalJson(*t.tauB);
    return out;
}

// Why a table's tests are empty: a single row or column among the cases used. `where` names the layer.
void explainCrosstab(Json& result, const stats::Crosstab& t, const std::string& row, const std::string& col,
                     const std::string& where)
{
    if (t.rowValues.size() > 1 && t.colValues.size() > 1) return;
    const std::string single = t.rowValues.size() < 2 ? row : col;
    addNote(result, where + "The chi-square tests and measures of association are not computed: " + single +
                        " has a single value among the cases used, and they need at least two rows and two columns.");
}

Status requireNumeric(const data::Dataset& dataset, size_t variable, const char* what)
{
    const auto& var = dataset.variable(variable);
    if (var.isString())
        return makeError(ErrorCode::Unsupported, std::string(what) + " needs a numeric variable; '" + var.name +
                                                     "' holds text.",
                         "variable " + var.name);
    return Ok{};
}

}  // namespace

Expected<Json> runCrosstab(const SpecContext& context, const Json& spec)
{
    const auto& dataset = context.dataset();
    auto row = context.variable(spec, "row");
    if (!row) return row.error();
    auto col = context.variable(spec, "col");
    if (!col) return col.error();
    std::optional<size_t> layer;
    if (spec.contains("layer") && !spec["layer"].is_null()) {
        auto l = context.variable(spec, "layer");
        if (!l) return l.error();
        layer = *l;
    }
    for (size_t v : {*row, *col})
        if (auto ok = requireNumeric(dataset, v, "A crosstab"); !ok) return ok.error();
    if (layer)
        if (auto ok = requireNumeric(dataset, *layer, "A crosstab layer"); !ok) return ok.error();

    const auto counted = stats::countTables(dataset, context.filterMask(), context.weightVariable(), *row, *col, layer);
    if (!counted) return counted.error();
    const auto& tables = *counted;
    if (tables.empty() || tables.front().rowValues.empty())
        return makeError(ErrorCode::Numerical,
                         "No case is left to cross-tabulate: the filter, the weights and the missing values exclude "
                         "every case.",
                         "variables " + dataset.variable(*row).name + " and " + dataset.variable(*col).name);
    stats::CrosstabOptions options;
    options.exactTest = !context.weighted();
    options.ordinal = dataset.variable(*row).measure == data::MeasureLevel::Ordinal &&
                      dataset.variable(*col).measure == data::MeasureLevel::Ordinal;
    const std::string rowName = dataset.variable(*row).name, colName = dataset.variable(*col).name;
    if (!layer) {
        const auto t = stats::crosstab(tables.front(), options);
        Json out = crosstabJson(t);
        explainCrosstab(out, t, rowName, colName, "");
        return out;
    }

    Json out{{"layers", Json::array()}};
    for (const auto& table : tables) {
        const auto t = stats::crosstab(table, options);
        Json entry{{"value", number(table.layerValue)}};
        entry.update(crosstabJson(t));
        out["layers"].push_back(std::move(entry));
        explainCrosstab(out, t, rowName, colName,
                        "Layer " + dataset.variable(*layer).name + " = " +
                            stats::DesignMatrix::codeText(table.layerValue) + ": ");
    }
    return out;
}

Expected<Json> runMultipleResponse(const SpecContext& context, const Json& spec)
{
    const auto& dataset = context.dataset();
    auto items = context.variables(spec, "items");
    if (!items) return items.error();
    for (size_t v : *items)
        if (auto ok = requireNumeric(dataset, v, "A multiple-response item"); !ok) return ok.error();
    double countedValue = 1;
    if (spec.contains("counted_value") && !spec["counted_value"].is_null()) {
        if (!spec["counted_value"].is_number())
            return makeError(ErrorCode::InvalidInput, "'counted_value' must be a number.", "counted_value");
        countedValue = spec["counted_value"].get<double>();
    }
    std::optional<size_t> by;
    if (spec.contains("by") && !spec["by"].is_null()) {
        auto b = context.variable(spec, "by");
        if (!b) return b.error();
        if (auto ok = requireNumeric(dataset, *b, "A multiple-response grouping"); !ok) return ok.error();
        by = *b;
    }
    const auto cases = by ? context.listwise({*by}) : context.filtered();
    const auto t = stats::multipleResponse(dataset, *items, countedValue, cases, by);
    if (!(t.nCases > 0))
        return makeError(ErrorCode::Numerical, "No case has a counted item.", "items");

    Json itemList = Json::array();
    for (size_t i = 0; i < items->size(); ++i)
        itemList.push_back(Json{{"item", dataset.variable((*items)[i]).name},
                                {"count", count(t.counts[i])},
                                {"percent_of_responses", number(t.percentOfResponses[i])},
                                {"percent_of_cases", number(t.percentOfCases[i])}});
    Json out{{"n_cases", count(t.nCases)}, {"items", std::move(itemList)}};
    if (by) {
        out["by_values"] = numberArray(t.groupValues);
        out["counts"] = matrixJson(t.groupCounts, count);
        out["percent_of_cases"] = matrixJson(t.groupPercentOfCases, number);
        out["n_cases_by_group"] = Json::array();
        for (double n : t.groupCases) out["n_cases_by_group"].push_back(count(n));
    }
    return out;
}

}  // namespace sl::core::analysis
