// ols and logistic: spec -> design matrix -> fit -> result JSON (analysis-spec.md).
#include "core/analysis/Analyses.h"
#include "core/analysis/ModelSpec.h"
#include "core/stats/DesignMatrix.h"
#include "core/stats/LinearRegression.h"
#include "core/stats/LogisticRegression.h"

#include <cmath>

namespace sl::core::analysis {

namespace {

Expected<stats::DesignMatrix> designFor(const SpecContext& context, const ModelSpec& model)
{
    return stats::DesignMatrix::build(context.dataset(), context.listwise(model.variables), model.dependent,
                                      model.predictors);
}

Json namesJson(const std::vector<std::string>& names)
{
    Json out = Json::array();
    for (const auto& name : names) out.push_back(name);
    return out;
}

// What an OLS fit left empty and why, as sentences in out["notes"].
void explainOls(Json& out, const stats::LinearRegressionResult& fit, const std::string& dependent)
{
    if (fit.terms.size() == 1)
        addNote(out, "The F test is not computed: no predictor is left in the model (the predictors were dropped as "
                     "constant or collinear).");
    if (!std::isfinite(fit.r2))
        addNote(out, "R squared, the tests and the standardized coefficients are not computed: " + dependent +
                         " has the same value for every case used.");
    else if (fit.sigma == 0)
        addNote(out, "The t and F tests are not computed: the predictors fit " + dependent +
                         " exactly (no residual variance).");
}

}  // namespace

Expected<Json> runOls(const SpecContext& context, const Json& spec)
{
    auto model = readModelSpec(context, spec);
    if (!model) return model.error();
    auto design = designFor(context, *model);
    if (!design) return design.error();
    auto fit = stats::fitLinearRegression(std::move(*design));
    if (!fit)
        return makeError(fit.error().code, fit.error().message,
                         "variable " + context.dataset().variable(model->dependent).name);

    Json terms = Json::array();
    for (const auto& t : fit->terms)
        terms.push_back(Json{{"name", t.name},
                             {"b", number(t.b)},
                             {"se", number(t.se)},
                             {"t", number(t.t)},
                             {"p", number(t.p)},
                             {"ci_low", number(t.ciLow)},
                             {"ci_high", number(t.ciHigh)},
                             {"beta", number(t.beta)},
                             {"tolerance", number(t.tolerance)},
                             {"vif", number(t.vif)}});
    Json out{{"n", count(fit->n)},
             {"terms", std::move(terms)},
             {"r2", number(fit->r2)},
             {"adj_r2", number(fit->adjustedR2)},
             {"f", Json{{"statistic", number(fit->f)},
                        {"df1", count(fit->df1)},
                        {"df2", count(fit->df2)},
                        {"p", number(fit->fP)}}},
             {"sigma", number(fit->sigma)},
             {"dropped", namesJson(fit->dropped)}};
    addReferenceMethod(out, *model, context.dataset());
    explainOls(out, *fit, context.dataset().variable(model->dependent).name);
    return out;
}

Expected<Json> runLogistic(const SpecContext& context, const Json& spec)
{
    double cut = 0.5;
    if (spec.contains("cut") && !spec["cut"].is_null()) {
        if (!spec["cut"].is_number() || !(spec["cut"].get<double>() > 0 && spec["cut"].get<double>() < 1))
            return makeError(ErrorCode::InvalidInput, "'cut' must be a probability between 0 and 1.", "cut");
        cut = spec["cut"].get<double>();
    }
    auto model = readModelSpec(context, spec);
    if (!model) return model.error();
    auto design = designFor(context, *model);
    if (!design) return design.error();
    auto fit = stats::fitLogisticRegression(std::move(*design), cut);
    if (!fit)
        return makeError(fit.error().code, fit.error().message,
                         "variable " + context.dataset().variable(model->dependent).name);

    Json terms = Json::array();
    for (const auto& t : fit->terms)
        terms.push_back(Json{{"name", t.name},
                             {"b", number(t.b)},
                             {"se", number(t.se)},
                             {"z", number(t.z)},
                             {"wald", number(t.z * t.z)},  // SPSS's Wald chi-square, 1 df
                             {"p", number(t.p)},
                             {"odds_ratio", number(t.oddsRatio)},
                             {"or_ci_low", number(t.orCiLow)},
                             {"or_ci_high", number(t.orCiHigh)}});
    Json table = Json::array();
    for (const auto& row : fit->classification) table.push_back(Json::array({count(row[0]), count(row[1])}));
    Json out{{"n", count(fit->n)},
             {"terms", std::move(terms)},
             {"minus2ll", number(fit->minus2ll)},
             {"null_minus2ll", number(fit->nullMinus2ll)},
             {"lr_chi2", testJson(fit->lrChi2, fit->lrDf, fit->lrP)},
             {"aic", number(fit->aic)},
             {"cox_snell_r2", number(fit->coxSnellR2)},
             {"nagelkerke_r2", number(fit->nagelkerkeR2)},
             {"hosmer_lemeshow", testJson(fit->hosmerLemeshow, fit->hosmerLemeshowDf, fit->hosmerLemeshowP)},
             {"classification",
              Json{{"cut", number(fit->cut)}, {"table", std::move(table)}, {"percent_correct", number(fit->percentCorrect)}}},
             {"iterations", fit->iterations},
             {"dropped", namesJson(fit->dropped)}};
    if (!fit->separation.empty()) out["separation"] = fit->separation;
    addReferenceMethod(out, *model, context.dataset());
    if (!(fit->hosmerLemeshowDf > 0))
        addNote(out, "The Hosmer-Lemeshow test is not computed: the fitted probabilities form fewer than three "
                     "groups of covariate patterns.");
    return out;
}

}  // namespace sl::core::analysis
