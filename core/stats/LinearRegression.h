#pragma once
// Ordinary least squares with frequency weights, as SPSS REGRESSION and R's lm report it.
#include "core/common/Expected.h"
#include "core/stats/DesignMatrix.h"

#include <string>
#include <vector>

namespace sl::core::stats {

/// One coefficient. beta, tolerance and vif are NaN for the intercept.
struct LinearTerm {
    std::string name;
    double b = 0, se = 0, t = 0, p = 0, ciLow = 0, ciHigh = 0;
    double beta = 0;       // b · sd(column) / sd(dependent), weighted SDs
    double tolerance = 0;  // 1 − R² of the column on the other kept columns
    double vif = 0;        // 1 / tolerance
};

struct LinearRegressionResult {
    double n = 0;  // sum of weights
    std::vector<LinearTerm> terms;
    double r2 = 0, adjustedR2 = 0;
    double f = 0, df1 = 0, df2 = 0, fP = 0;
    double sigma = 0;                   // residual standard error
    std::vector<std::string> dropped;   // collinear columns left out, in design order
};

/// Fits y = Xb from the weighted cross-products of the centred columns (one pass over the cases,
/// then a pivoted LDLT solve) after collinear columns are dropped
/// (DesignMatrix::dropCollinearColumns), which keeps that system well conditioned. Weights are frequency
/// weights: residual df = sum of weights − number of coefficients, R² from weighted sums of
/// squares around the weighted mean; CIs are 95% t intervals. Matches R's lm(weights = w) and
/// SPSS REGRESSION with WEIGHT BY.
Expected<LinearRegressionResult> fitLinearRegression(DesignMatrix design);

}  // namespace sl::core::stats
