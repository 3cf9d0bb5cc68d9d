#pragma once
// A complex-survey sampling design over every case of a file: weights, strata and one stage of
// clusters (PSUs), with an optional finite population correction. It gives the Taylor-linearised
// variance of totals of per-case scores, as R's survey package (svyrecvar, one stage).
#include "core/common/Expected.h"
#include "core/data/Dataset.h"

#include <Eigen/Dense>

#include <optional>
#include <string>
#include <vector>

namespace sl::core::stats {

enum class LonelyPsu {
    Fail,    // a stratum with a single PSU is an error
    Adjust,  // its PSU total is taken about 0 (R: options(survey.lonely.psu = "adjust"))
};

// The design variables, as indexes into the dataset; none means "not used".
struct DesignVariables {
    std::optional<size_t> weight;   // sampling weight; 1 for every case when absent
    std::optional<size_t> strata;
    std::optional<size_t> cluster;  // PSU; each case is a PSU when absent
    std::optional<size_t> fpc;      // population PSUs of the stratum, or the sampling fraction when <= 1
    bool nest = false;              // cluster codes repeat across strata
    LonelyPsu lonelyPsu = LonelyPsu::Fail;
};

class SurveyDesign {
public:
    // Reads the design of every case. A case missing on a design variable, a negative weight,
    // an fpc that varies within a stratum or is below the PSUs sampled, clusters shared by strata
    // without nest, and a lonely PSU under LonelyPsu::Fail are errors naming the variable.
    static Expected<SurveyDesign> make(const data::Dataset& dataset, const DesignVariables& variables);

    size_t caseCount() const { return m_weights.size(); }
    double weight(size_t c) const { return m_weights[c]; }
    size_t psuCount() const { return m_stratumOfPsu.size(); }
    size_t strataCount() const { return m_psusInStratum.size(); }
    size_t psuCountInStratum(size_t h) const { return m_psusInStratum[h]; }
    // The code of stratum h as the user knows it ("3", "'North'"), or "the sample" without strata.
    const std::string& stratumName(size_t h) const { return m_stratumNames[h]; }
    // PSUs minus strata of the whole file: the df of every t and F test.
    double degreesOfFreedom() const { return static_cast<double>(psuCount()) - static_cast<double>(strataCount()); }

    // Covariance matrix of the estimated totals of score columns that are zero except on the
    // listed cases (one row of `scores` per listed case): sum over strata of (1 - f_h) n_h/(n_h - 1)
    // times the sum of squares and products of the PSU totals about their stratum mean, over
    // every PSU of the file.
    Eigen::MatrixXd totalCovariance(const std::vector<size_t>& cases, const Eigen::MatrixXd& scores) const;
    double totalVariance(const std::vector<size_t>& cases, const Eigen::VectorXd& scores) const;

private:
    std::vector<double> m_weights;
    std::vector<size_t> m_psuOfCase;
    std::vector<size_t> m_stratumOfPsu;
    std::vector<size_t> m_psusInStratum;
    std::vector<double> m_samplingFraction;  // per stratum, 0 without fpc
    std::vector<std::string> m_stratumNames;
};

// What a choice of design variables gives, for choosing them: the size of the design, the strata
// holding a single PSU, and the problems that keep it from being used.
struct DesignSummary {
    size_t cases = 0;
    size_t casesMissingDesignValues = 0;
    std::optional<size_t> strata;     // absent when the design cannot be formed
    std::optional<size_t> psus;
    std::optional<double> designDf;
    std::vector<std::string> lonelyStrata;  // the names of strata with a single PSU
    std::vector<std::string> problems;      // sentences; empty when the design can be used
};

DesignSummary summarizeDesign(const data::Dataset& dataset, const DesignVariables& variables);

}  // namespace sl::core::stats
