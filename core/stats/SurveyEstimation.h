#pragma once
// Design-based estimates for a domain of a survey design, by Taylor linearisation (R's survey
// package): each estimator's scores are zero outside the domain, and every stratum and PSU of
// the file enters the variance. `cases` are the domain's case numbers in the file; the values
// are given in the same order. Every t and F test uses the design's degrees of freedom.
#include "core/common/Expected.h"
#include "core/stats/SurveyDesign.h"

#include <Eigen/Dense>

#include <vector>

namespace sl::core::stats {

struct SurveyMean {
    double mean = 0, se = 0, ciLow = 0, ciHigh = 0;
    double deff = 0;  // as svymean(deff = TRUE), with its (W - n)/W factor
};

SurveyMean surveyMean(const SurveyDesign& design, const std::vector<size_t>& cases, const std::vector<double>& values);

struct SurveyCategory {
    double value = 0;
    double proportion = 0, se = 0;
    double ciLow = 0, ciHigh = 0;  // logit interval (svyciprop method "logit")
    double total = 0, totalSe = 0;
};

// One category per value observed in the domain, ascending.
std::vector<SurveyCategory> surveyProportions(const SurveyDesign& design, const std::vector<size_t>& cases,
                                              const std::vector<double>& values);

struct SurveyTable {
    std::vector<double> rowValues, colValues;
    Eigen::MatrixXd totals;          // estimated population counts
    Eigen::MatrixXd rowProportions;
    double f = 0, fDf1 = 0, fDf2 = 0, fP = 0;  // second-order Rao-Scott F
    double chi2 = 0, chi2Df = 0, chi2P = 0;    // first-order Rao-Scott chi-square (F times (r-1)(c-1))
};

// A table with an empty cell, or with a single row or column, is an error.
Expected<SurveyTable> surveyCrosstab(const SurveyDesign& design, const std::vector<size_t>& cases,
                                     const std::vector<double>& rows, const std::vector<double>& cols);

enum class SurveyFamily {
    Gaussian,       // svyglm(family = gaussian())
    QuasiBinomial,  // svyglm(family = quasibinomial()); y is 0 or 1
};

struct SurveyModel {
    Eigen::VectorXd b, se, t, p;
    double residualDf = 0;  // design df + 1 - coefficients
};

// Fits the weighted model to full convergence and evaluates the sandwich variance there.
// `x` holds one row per domain case (with the intercept column). Collinear columns and a
// logistic fit that does not converge (separation) are errors.
Expected<SurveyModel> surveyRegression(const SurveyDesign& design, const std::vector<size_t>& cases,
                                       const Eigen::MatrixXd& x, const Eigen::VectorXd& y, SurveyFamily family);

}  // namespace sl::core::stats
