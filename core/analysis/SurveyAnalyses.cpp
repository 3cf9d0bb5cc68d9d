// Design-based analyses: the spec's "design" describes the sample of the whole file and the
// filter with listwise deletion selects the domain the estimate is for.
#include "core/analysis/Analyses.h"
#include "core/analysis/ModelSpec.h"
#include "core/stats/DesignMatrix.h"
#include "core/stats/Distributions.h"
#include "core/stats/SurveyDesign.h"
#include "core/stats/SurveyEstimation.h"

#include <cmath>
#include <optional>
#include <set>
#include <string>
#include <utility>

namespace sl::core::analysis {

namespace {

using stats::SurveyDesign;

Expected<std::optional<size_t>> optionalDesignVariable(const SpecContext& context, const Json& design, const char* member)
{
    if (!design.contains(member) || design[member].is_null()) return std::optional<size_t>();
    if (!design[member].is_string())
        return makeError(ErrorCode::InvalidInput, std::string("'design.") + member + "' must be a variable name or null.",
                         std::string("design.") + member);
    auto v = context.variableNamed(design[member].get<std::string>());
    if (!v) return v.error();
    return std::optional<size_t>(*v);
}

Expected<SurveyDesign> readDesign(const SpecContext& context, const Json& spec)
{
    if (spec.contains("weight") && !spec["weight"].is_null())
        return makeError(ErrorCode::InvalidInput,
                         "A design-based analysis takes its weight from 'design', not from 'weight'.", "weight");
    if (!spec.contains("design") || !spec["design"].is_object())
        return makeError(ErrorCode::InvalidInput, "The spec needs 'design': the weight, strata, cluster and fpc.",
                         "design");
    const Json& design = spec["design"];
    stats::DesignVariables variables;
    const std::pair<const char*, std::optional<size_t>*> members[] = {{"weight", &variables.weight},
                                                                      {"strata", &variables.strata},
                                                                      {"cluster", &variables.cluster},
                                                                      {"fpc", &variables.fpc}};
    for (const auto& [member, target] : members) {
        auto v = optionalDesignVariable(context, design, member);
        if (!v) return v.error();
        *target = *v;
    }
    if (design.contains("nest") && !design["nest"].is_null()) {
        if (!design["nest"].is_boolean())
            return makeError(ErrorCode::InvalidInput, "'design.nest' must be true or false.", "design.nest");
        variables.nest = design["nest"].get<bool>();
    }
    if (design.contains("lonely_psu") && !design["lonely_psu"].is_null()) {
        const Json& lonely = design["lonely_psu"];
        if (lonely == "adjust") variables.lonelyPsu = stats::LonelyPsu::Adjust;
        else if (lonely != "fail")
            return makeError(ErrorCode::InvalidInput, "'design.lonely_psu' must be \"fail\" or \"adjust\".",
                             "design.lonely_psu");
    }
    return SurveyDesign::make(context.dataset(), variables);
}

Status requireNumeric(const SpecContext& context, const std::vector<size_t>& vars)
{
    for (size_t v : vars)
        if (context.dataset().variable(v).isString())
            return makeError(ErrorCode::InvalidInput, "A design-based analysis needs numeric variables.",
                             "variable " + context.dataset().variable(v).name);
    return Ok{};
}

// The domain's cases: kept by the filter and valid on every variable; none is an error.
Expected<std::vector<size_t>> domainCases(const SpecContext& context, const std::vector<size_t>& vars)
{
    auto numeric = requireNumeric(context, vars);
    if (!numeric) return numeric.error();
    std::vector<size_t> cases = context.listwise(vars).cases;
    if (cases.empty()) return makeError(ErrorCode::Numerical, "No cases are left after the filter and missing values.");
    return cases;
}

std::vector<double> valuesOf(const SpecContext& context, size_t v, const std::vector<size_t>& cases)
{
    std::vector<double> out;
    out.reserve(cases.size());
    for (size_t c : cases) out.push_back(context.validValue(v, c));
    return out;
}

Json matrixJson(const Eigen::MatrixXd& m)
{
    Json rows = Json::array();
    for (Eigen::Index i = 0; i < m.rows(); ++i) {
        Json row = Json::array();
        for (Eigen::Index j = 0; j < m.cols(); ++j) row.push_back(number(m(i, j)));
        rows.push_back(std::move(row));
    }
    return rows;
}

Expected<Json> runSvyRegression(const SpecContext& context, const Json& spec, stats::SurveyFamily family)
{
    auto design = readDesign(context, spec);
    if (!design) return design.error();
    auto model = readModelSpec(context, spec);
    if (!model) return model.error();
    const CaseSelection selection = context.listwise(model->variables);
    auto matrix = stats::DesignMatrix::build(context.dataset(), selection, model->dependent, model->predictors);
    if (!matrix) return matrix.error();

    Eigen::VectorXd y = matrix->dependent();
    if (family == stats::SurveyFamily::QuasiBinomial) {
        const std::set<double> codes(y.begin(), y.end());
        if (codes.size() != 2)
            return makeError(ErrorCode::InvalidInput,
                             "A logistic model needs a dependent variable with exactly two codes among the cases analysed.",
                             "variable " + context.dataset().variable(model->dependent).name);
        y = (y.array() == *codes.rbegin()).cast<double>();
    }
    auto fit = stats::surveyRegression(*design, selection.cases, matrix->columns(), y, family);
    if (!fit) return fit.error();

    const double t975 = stats::studentQuantile(0.975, fit->residualDf);
    Json terms = Json::array();
    for (size_t j = 0; j < matrix->names().size(); ++j) {
        const auto i = static_cast<Eigen::Index>(j);
        Json term{{"name", matrix->names()[j]},
                  {"b", number(fit->b(i))},
                  {"se", number(fit->se(i))},
                  {"t", number(fit->t(i))},
                  {"p", number(fit->p(i))}};
        if (family == stats::SurveyFamily::QuasiBinomial) {
            term["odds_ratio"] = number(std::exp(fit->b(i)));
            term["or_ci_low"] = number(std::exp(fit->b(i) - t975 * fit->se(i)));
            term["or_ci_high"] = number(std::exp(fit->b(i) + t975 * fit->se(i)));
        }
        terms.push_back(std::move(term));
    }
    Json out{{"n", count(static_cast<double>(selection.size()))},
             {"terms", std::move(terms)},
             {"residual_df", count(fit->residualDf)}};
    addReferenceMethod(out, *model, context.dataset());
    return out;
}

}  // namespace

Expected<Json> runSvyMean(const SpecContext& context, const Json& spec)
{
    auto design = readDesign(context, spec);
    if (!design) return design.error();
    auto vars = context.variables(spec, "vars");
    if (!vars) return vars.error();
    auto cases = domainCases(context, *vars);
    if (!cases) return cases.error();

    Json estimates = Json::array();
    for (size_t v : *vars) {
        const auto mean = stats::surveyMean(*design, *cases, valuesOf(context, v, *cases));
        estimates.push_back(Json{{"var", context.dataset().variable(v).name},
                                 {"mean", number(mean.mean)},
                                 {"se", number(mean.se)},
                                 {"ci_low", number(mean.ciLow)},
                                 {"ci_high", number(mean.ciHigh)},
                                 {"deff", number(mean.deff)}});
    }
    return Json{{"n", count(static_cast<double>(cases->size()))},
                {"design_df", count(design->degreesOfFreedom())},
                {"estimates", std::move(estimates)}};
}

Expected<Json> runSvyProportions(const SpecContext& context, const Json& spec)
{
    auto design = readDesign(context, spec);
    if (!design) return design.error();
    auto var = context.variable(spec, "var");
    if (!var) return var.error();
    auto cases = domainCases(context, {*var});
    if (!cases) return cases.error();

    Json categories = Json::array();
    for (const auto& category : stats::surveyProportions(*design, *cases, valuesOf(context, *var, *cases)))
        categories.push_back(Json{{"value", number(category.value)},
                                  {"proportion", number(category.proportion)},
                                  {"se", number(category.se)},
                                  {"ci_low", number(category.ciLow)},
                                  {"ci_high", number(category.ciHigh)},
                                  {"total", number(category.total)},
                                  {"total_se", number(category.totalSe)}});
    return Json{{"n", count(static_cast<double>(cases->size()))},
                {"design_df", count(design->degreesOfFreedom())},
                {"categories", std::move(categories)}};
}

Expected<Json> runSvyCrosstab(const SpecContext& context, const Json& spec)
{
    auto design = readDesign(context, spec);
    if (!design) return design.error();
    auto row = context.variable(spec, "row");
    if (!row) return row.error();
    auto col = context.variable(spec, "col");
    if (!col) return col.error();
    auto cases = domainCases(context, {*row, *col});
    if (!cases) return cases.error();

    auto table = stats::surveyCrosstab(*design, *cases, valuesOf(context, *row, *cases), valuesOf(context, *col, *cases));
    if (!table) return table.error();
    return Json{{"n", count(static_cast<double>(cases->size()))},
                {"row_values", numberArray(table->rowValues)},
                {"col_values", numberArray(table->colValues)},
                {"totals", matrixJson(table->totals)},
                {"row_proportions", matrixJson(table->rowProportions)},
                {"rao_scott_f", Json{{"statistic", number(table->f)},
                                     {"df1", number(table->fDf1)},
                                     {"df2", number(table->fDf2)},
                                     {"p", number(table->fP)}}},
                {"rao_scott_chi2", testJson(table->chi2, table->chi2Df, table->chi2P)}};
}

Expected<Json> runSvyOls(const SpecContext& context, const Json& spec)
{
    return runSvyRegression(context, spec, stats::SurveyFamily::Gaussian);
}

Expected<Json> runSvyLogistic(const SpecContext& context, const Json& spec)
{
    return runSvyRegression(context, spec, stats::SurveyFamily::QuasiBinomial);
}

}  // namespace sl::core::analysis
