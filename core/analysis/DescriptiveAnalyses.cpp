// frequencies and descriptives.
#include "core/analysis/Analyses.h"
#include "core/analysis/Conventions.h"
#include "core/stats/Frequencies.h"

#include <cmath>

namespace sl::core::analysis {

Expected<Json> runFrequencies(const SpecContext& context, const Json& spec)
{
    auto var = context.variable(spec, "var");
    if (!var) return var.error();
    const auto& dataset = context.dataset();
    const auto& variable = dataset.variable(*var);
    if (variable.isString())
        return makeError(ErrorCode::Unsupported, "Frequencies of string variables are not supported yet.",
                         "variable " + variable.name);
    const auto table = stats::frequencies(dataset, *var, context.filterMask(), context.weightVariable());

    const double total = table.nValid + table.nMissing;
    Json labels = Json::array(), percent = Json::array(), validPercent = Json::array(), cumulative = Json::array(),
         counts = Json::array();
    double running = 0;
    for (size_t k = 0; k < table.values.size(); ++k) {
        const std::string* label = variable.labelOf(table.values[k]);
        labels.push_back(label ? Json(*label) : Json(nullptr));
        counts.push_back(count(table.counts[k]));
        percent.push_back(number(table.counts[k] / total * 100));
        validPercent.push_back(number(table.counts[k] / table.nValid * 100));
        running += table.counts[k];
        cumulative.push_back(number(running / table.nValid * 100));
    }
    Json missing = Json::array();
    for (size_t k = 0; k < table.missingValues.size(); ++k) {
        const double v = table.missingValues[k];
        const std::string* label = std::isnan(v) ? nullptr : variable.labelOf(v);
        missing.push_back(Json{{"value", std::isnan(v) ? Json("system") : Json(v)},
                               {"label", label ? Json(*label) : Json(nullptr)},
                               {"count", count(table.missingCounts[k])},
                               {"percent", number(table.missingCounts[k] / total * 100)}});
    }
    return Json{{"values", numberArray(table.values)},
                {"labels", labels},
                {"counts", counts},
                {"percent", percent},
                {"valid_percent", validPercent},
                {"cumulative_percent", cumulative},
                {"n_valid", count(table.nValid)},
                {"n_missing", count(table.nMissing)},
                {"missing", missing}};
}

Expected<Json> runDescriptives(const SpecContext& context, const Json& spec)
{
    auto var = context.variable(spec, "var");
    if (!var) return var.error();
    auto quartiles = readQuartiles(spec);
    if (!quartiles) return quartiles.error();
    const auto& variable = context.dataset().variable(*var);
    if (variable.isString())
        return makeError(ErrorCode::InvalidInput, "Descriptives need a numeric variable.", "variable " + variable.name);
    const auto selection = context.listwise({*var});
    if (selection.cases.empty())
        return makeError(ErrorCode::Numerical,
                         "No case is left to describe: the filter, the weights and the missing values exclude "
                         "every case.",
                         "variable " + variable.name);
    const auto d = stats::describe(context.dataset(), *var, selection, *quartiles);
    Json out{{"n", count(d.n)},       {"mean", number(d.mean)}, {"sd", number(d.sd)},
             {"min", number(d.min)},  {"max", number(d.max)}};
    if (!selection.weighted) {
        out["median"] = number(d.median);
        out["q1"] = number(d.q1);
        out["q3"] = number(d.q3);
    }
    out["se_mean"] = number(d.seMean);
    out["variance"] = number(d.variance);
    if (!selection.weighted) out["method"] = quartilesMethod(*quartiles);
    if (!(d.n > 1))
        addNote(out, "The standard deviation, variance and standard error of the mean are not computed: they need "
                     "more than one case, and " + variable.name +
                         (selection.weighted ? " has a sum of weights of 1 or less." : " has a single valid case."));
    else if (!std::isfinite(d.mean) || !std::isfinite(d.variance))
        addNote(out, "The mean or the variance of " + variable.name +
                         " is not computed: its values are too large to be summed in double precision.");
    return out;
}

}  // namespace sl::core::analysis
