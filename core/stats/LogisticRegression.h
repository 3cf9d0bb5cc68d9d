#pragma once
// Binary logistic regression with frequency weights, fitted to full convergence.
#include "core/common/Expected.h"
#include "core/stats/DesignMatrix.h"

#include <array>
#include <string>
#include <vector>

namespace sl::core::stats {

struct LogisticTerm {
    std::string name;
    double b = 0, se = 0, z = 0, p = 0;
    double oddsRatio = 0, orCiLow = 0, orCiHigh = 0;  // exp(b) and its Wald 95% interval
};

struct LogisticRegressionResult {
    double n = 0;               // sum of weights
    double eventCode = 0;       // the larger of the dependent's two codes
    double nonEventCode = 0;
    std::vector<LogisticTerm> terms;
    double minus2ll = 0, nullMinus2ll = 0;
    double lrChi2 = 0, lrDf = 0, lrP = 0;
    double aic = 0, coxSnellR2 = 0, nagelkerkeR2 = 0;
    double hosmerLemeshow = 0, hosmerLemeshowDf = 0, hosmerLemeshowP = 0;
    double cut = 0.5;
    std::array<std::array<double, 2>, 2> classification{};  // [observed][predicted], weighted
    double percentCorrect = 0;
    int iterations = 0;
    std::string separation;             // a sentence when (quasi-)complete separation was found
    std::vector<std::string> dropped;   // collinear columns left out, in design order
};

/// Fits P(event) = 1 / (1 + exp(−Xb)) by Newton-Raphson (IRLS) with step halving until the
/// relative change of −2LL is below 1e-12. The dependent must have exactly two codes among the
/// cases; the larger one is the event. Standard errors come from the inverse information matrix
/// at the final estimate; Wald z tests and intervals. Weights are frequency weights (−2LL sums
/// w·log L; Cox–Snell uses the sum of weights as N). Hosmer–Lemeshow groups whole covariate
/// patterns into deciles of risk by cumulative weight (FURTHER-DEFINITIONS.md); the
/// classification table predicts an event when the fitted probability is ≥ `cut`.
/// Collinear columns are dropped first, as for OLS. Complete separation is an error; quasi-complete
/// separation gives a result whose `separation` says so.
Expected<LogisticRegressionResult> fitLogisticRegression(DesignMatrix design, double cut = 0.5);

}  // namespace sl::core::stats
