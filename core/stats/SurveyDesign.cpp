#include "core/stats/SurveyDesign.h"

#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <utility>

namespace sl::core::stats {

namespace {

// A design code of case c: the number, or the text of a string variable.
using DesignCode = std::pair<double, std::string>;

DesignCode designCode(const data::Dataset& dataset, size_t v, size_t c)
{
    const auto& column = dataset.column(v);
    if (column.isString()) return {0.0, std::string(column.text(c))};
    return {column.number(c), {}};
}

std::string describeCode(const DesignCode& code)
{
    if (!code.second.empty()) return "'" + code.second + "'";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.15g", code.first);
    return buffer;
}

Error missingDesignValue(const data::Dataset& dataset, size_t v, size_t c)
{
    return makeError(ErrorCode::InvalidInput,
                     "Case " + std::to_string(c + 1) + " is missing on a design variable; every case of the file "
                         "needs a weight, stratum, cluster and fpc.",
                     "variable " + dataset.variable(v).name);
}

}  // namespace

Expected<SurveyDesign> SurveyDesign::make(const data::Dataset& dataset, const DesignVariables& variables)
{
    const size_t n = dataset.caseCount();
    if (n == 0) return makeError(ErrorCode::Numerical, "The file has no cases to form a survey design.");
    for (auto v : {variables.weight, variables.strata, variables.cluster, variables.fpc}) {
        if (!v) continue;
        for (size_t c = 0; c < n; ++c)
            if (dataset.isMissing(*v, c)) return missingDesignValue(dataset, *v, c);
    }
    for (auto v : {variables.weight, variables.fpc})
        if (v && dataset.variable(*v).isString())
            return makeError(ErrorCode::InvalidInput, "This design variable must be numeric.",
                             "variable " + dataset.variable(*v).name);

    SurveyDesign design;
    design.m_weights.assign(n, 1.0);
    if (variables.weight) {
        for (size_t c = 0; c < n; ++c) {
            const double w = dataset.column(*variables.weight).number(c);
            if (w < 0)
                return makeError(ErrorCode::InvalidInput,
                                 "Case " + std::to_string(c + 1) + " has a negative sampling weight.",
                                 "variable " + dataset.variable(*variables.weight).name);
            design.m_weights[c] = w;
        }
    }

    std::vector<size_t> stratumOfCase(n, 0);
    std::vector<DesignCode> strataCodes{{0.0, {}}};
    if (variables.strata) {
        std::map<DesignCode, size_t> strata;
        for (size_t c = 0; c < n; ++c) strata.emplace(designCode(dataset, *variables.strata, c), 0);
        strataCodes.clear();
        for (auto& [code, index] : strata) {
            index = strataCodes.size();
            strataCodes.push_back(code);
        }
        for (size_t c = 0; c < n; ++c) stratumOfCase[c] = strata.at(designCode(dataset, *variables.strata, c));
    }
    design.m_psusInStratum.assign(strataCodes.size(), 0);
    for (const auto& code : strataCodes)
        design.m_stratumNames.push_back(variables.strata ? "stratum " + describeCode(code) : std::string("the sample"));

    design.m_psuOfCase.resize(n);
    if (variables.cluster) {
        std::map<std::pair<size_t, DesignCode>, size_t> psus;  // (stratum or 0, cluster code) -> PSU
        std::map<DesignCode, size_t> stratumOfCluster;
        for (size_t c = 0; c < n; ++c) {
            const DesignCode cluster = designCode(dataset, *variables.cluster, c);
            const size_t stratum = stratumOfCase[c];
            if (!variables.nest) {
                auto [it, added] = stratumOfCluster.emplace(cluster, stratum);
                if (!added && it->second != stratum)
                    return makeError(ErrorCode::InvalidInput,
                                     "Cluster " + describeCode(cluster) +
                                         " occurs in more than one stratum; set nest to true if cluster codes "
                                         "are numbered within each stratum.",
                                     "variable " + dataset.variable(*variables.cluster).name);
            }
            auto [it, added] = psus.emplace(std::make_pair(variables.nest ? stratum : 0, cluster), design.m_stratumOfPsu.size());
            if (added) {
                design.m_stratumOfPsu.push_back(stratum);
                ++design.m_psusInStratum[stratum];
            }
            design.m_psuOfCase[c] = it->second;
        }
    } else {
        for (size_t c = 0; c < n; ++c) {
            design.m_psuOfCase[c] = c;
            design.m_stratumOfPsu.push_back(stratumOfCase[c]);
            ++design.m_psusInStratum[stratumOfCase[c]];
        }
    }

    design.m_samplingFraction.assign(strataCodes.size(), 0.0);
    if (variables.fpc) {
        const std::string where = "variable " + dataset.variable(*variables.fpc).name;
        std::vector<double> fpcOfStratum(strataCodes.size(), std::nan(""));
        for (size_t c = 0; c < n; ++c) {
            const double value = dataset.column(*variables.fpc).number(c);
            double& known = fpcOfStratum[stratumOfCase[c]];
            if (std::isnan(known)) known = value;
            if (value != known)
                return makeError(ErrorCode::InvalidInput,
                                 "The fpc differs between cases of the same stratum (case " + std::to_string(c + 1) + ").",
                                 where);
        }
        for (size_t h = 0; h < strataCodes.size(); ++h) {
            const double value = fpcOfStratum[h];
            const double sampled = static_cast<double>(design.m_psusInStratum[h]);
            if (!(value > 0) || (value > 1 && value < sampled))
                return makeError(ErrorCode::InvalidInput,
                                 "The fpc of " + design.stratumName(h) +
                                     " must be a sampling fraction (at most 1) or a population count of PSUs no "
                                     "smaller than the PSUs sampled.",
                                 where);
            design.m_samplingFraction[h] = value <= 1 ? value : sampled / value;
        }
    }

    if (variables.lonelyPsu == LonelyPsu::Fail) {
        for (size_t h = 0; h < strataCodes.size(); ++h)
            if (design.m_psusInStratum[h] == 1)
                return makeError(ErrorCode::InvalidInput,
                                 "There is a single PSU in " + design.stratumName(h) +
                                     ", so its variance cannot be estimated; set lonely_psu to \"adjust\" to let "
                                     "it add its squared PSU total.",
                                 variables.strata ? "variable " + dataset.variable(*variables.strata).name
                                                  : std::string("design"));
    }
    return design;
}

DesignSummary summarizeDesign(const data::Dataset& dataset, const DesignVariables& variables)
{
    DesignSummary summary;
    summary.cases = dataset.caseCount();
    for (size_t c = 0; c < summary.cases; ++c) {
        for (auto v : {variables.weight, variables.strata, variables.cluster, variables.fpc}) {
            if (v && dataset.isMissing(*v, c)) {
                ++summary.casesMissingDesignValues;
                break;
            }
        }
    }

    // A design that fails only for its lonely PSUs is still shown as the design that adjusts them.
    auto design = SurveyDesign::make(dataset, variables);
    bool failedForLonelyPsus = false;
    if (!design && variables.lonelyPsu == LonelyPsu::Fail) {
        DesignVariables adjusted = variables;
        adjusted.lonelyPsu = LonelyPsu::Adjust;
        auto adjustedDesign = SurveyDesign::make(dataset, adjusted);
        if (adjustedDesign) {
            failedForLonelyPsus = true;
            design = std::move(adjustedDesign);
        }
    }
    if (!design) {
        summary.problems.push_back(design.error().describe());
        return summary;
    }
    summary.strata = design->strataCount();
    summary.psus = design->psuCount();
    summary.designDf = design->degreesOfFreedom();
    for (size_t h = 0; h < design->strataCount(); ++h)
        if (design->psuCountInStratum(h) == 1) summary.lonelyStrata.push_back(design->stratumName(h));
    if (failedForLonelyPsus) {
        const size_t lonely = summary.lonelyStrata.size();
        summary.problems.push_back(
            (lonely == 1 ? std::string("One stratum has a single PSU, so its variance cannot be estimated")
                         : std::to_string(lonely) + " strata have a single PSU, so their variances cannot be estimated") +
            "; adjust for lonely PSUs or merge strata.");
    }
    if (*summary.designDf < 1)
        summary.problems.push_back("The design has no degrees of freedom (PSUs minus strata), so no standard "
                                   "error or test can be computed.");
    return summary;
}

Eigen::MatrixXd SurveyDesign::totalCovariance(const std::vector<size_t>& cases, const Eigen::MatrixXd& scores) const
{
    const Eigen::Index k = scores.cols();
    Eigen::MatrixXd psuTotals = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(psuCount()), k);
    for (size_t i = 0; i < cases.size(); ++i)
        psuTotals.row(static_cast<Eigen::Index>(m_psuOfCase[cases[i]])) += scores.row(static_cast<Eigen::Index>(i));

    Eigen::MatrixXd strataMeans = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(strataCount()), k);
    for (size_t p = 0; p < psuCount(); ++p)
        strataMeans.row(static_cast<Eigen::Index>(m_stratumOfPsu[p])) += psuTotals.row(static_cast<Eigen::Index>(p));
    for (size_t h = 0; h < strataCount(); ++h) {
        // A lonely PSU is centred at 0 (it can only be here under LonelyPsu::Adjust).
        if (m_psusInStratum[h] > 1) strataMeans.row(static_cast<Eigen::Index>(h)) /= static_cast<double>(m_psusInStratum[h]);
        else strataMeans.row(static_cast<Eigen::Index>(h)).setZero();
    }

    Eigen::MatrixXd covariance = Eigen::MatrixXd::Zero(k, k);
    for (size_t p = 0; p < psuCount(); ++p) {
        const size_t h = m_stratumOfPsu[p];
        const double nh = static_cast<double>(m_psusInStratum[h]);
        const double scale = (1.0 - m_samplingFraction[h]) * (nh > 1 ? nh / (nh - 1.0) : 1.0);
        const Eigen::RowVectorXd centred =
            psuTotals.row(static_cast<Eigen::Index>(p)) - strataMeans.row(static_cast<Eigen::Index>(h));
        covariance.noalias() += scale * centred.transpose() * centred;
    }
    return covariance;
}

double SurveyDesign::totalVariance(const std::vector<size_t>& cases, const Eigen::VectorXd& scores) const
{
    return totalCovariance(cases, scores)(0, 0);
}

}  // namespace sl::core::stats
