#include "core/stats/LinearRegression.h"

#include "core/stats/Distributions.h"

#include <cmath>
#include <limits>

namespace sl::core::stats {

Expected<LinearRegressionResult> fitLinearRegression(DesignMatrix design)
{
    LinearRegressionResult result;
    result.dropped = design.dropCollinearColumns();
    const Eigen::MatrixXd& x = design.columns();
    const Eigen::VectorXd& y = design.dependent();
    const Eigen::VectorXd& w = design.weights();
    const Eigen::Index p = x.cols();
    const double totalWeight = design.totalWeight();
    const double residualDf = totalWeight - static_cast<double>(p);
    result.n = totalWeight;
    if (!(residualDf > 0))
        return makeError(ErrorCode::Numerical,
                         "There are too few cases for the " + std::to_string(p) +
                             " coefficients of this model (no residual degrees of freedom are left).");

    const Eigen::VectorXd rootW = w.array().sqrt();
    const Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(x.array().colwise() * rootW.array());
    if (qr.rank() < p)
        return makeError(ErrorCode::Numerical, "The predictors are linearly dependent; the model cannot be fitted.");
    const Eigen::VectorXd b = qr.solve((y.array() * rootW.array()).matrix());

    const Eigen::VectorXd residuals = y - x * b;
    const double rss = (w.array() * residuals.array().square()).sum();
    const double yMean = w.dot(y) / totalWeight;
    const double tss = (w.array() * (y.array() - yMean).square()).sum();
    const double sigma2 = rss / residualDf;
    result.sigma = std::sqrt(sigma2);
    result.r2 = 1.0 - rss / tss;
    result.adjustedR2 = 1.0 - (1.0 - result.r2) * (totalWeight - 1.0) / residualDf;
    result.df1 = static_cast<double>(p - 1);
    result.df2 = residualDf;
    result.f = p > 1 ? ((tss - rss) / result.df1) / sigma2 : std::numeric_limits<double>::quiet_NaN();
    result.fP = fisherUpperTail(result.f, result.df1, result.df2);

    // (X'WX)^-1 = P R^-1 R^-T P' from X P = Q R.
    const auto r = qr.matrixR().topLeftCorner(p, p).triangularView<Eigen::Upper>();
    const Eigen::MatrixXd rInverse = r.solve(Eigen::MatrixXd::Identity(p, p));
    const Eigen::MatrixXd unscaled = qr.colsPermutation() * (rInverse * rInverse.transpose()) *
                                     qr.colsPermutation().transpose();

    // Standardized coefficients and collinearity from the centred cross-products of the predictors:
    // VIF_j = C_jj (C^-1)_jj.
    const Eigen::MatrixXd products = design.centeredCrossProducts();
    const Eigen::MatrixXd productsInverse =
        p > 1 ? Eigen::MatrixXd(products.ldlt().solve(Eigen::MatrixXd::Identity(p - 1, p - 1))) : Eigen::MatrixXd();
    const double tCritical = studentQuantile(0.975, residualDf);
    constexpr double kNan = std::numeric_limits<double>::quiet_NaN();
    for (Eigen::Index j = 0; j < p; ++j) {
        LinearTerm term;
        term.name = design.names()[static_cast<size_t>(j)];
        term.b = b(j);
        term.se = std::sqrt(sigma2 * unscaled(j, j));
        term.t = term.b / term.se;
        term.p = studentTwoSidedP(term.t, residualDf);
        term.ciLow = term.b - tCritical * term.se;
        term.ciHigh = term.b + tCritical * term.se;
        if (j == 0) {
            term.beta = term.tolerance = term.vif = kNan;
        } else {
            const double cjj = products(j - 1, j - 1);
            term.beta = term.b * std::sqrt(cjj / tss);
            term.vif = cjj * productsInverse(j - 1, j - 1);
            term.tolerance = 1.0 / term.vif;
        }
        result.terms.push_back(std::move(term));
    }
    return result;
}

}  // namespace sl::core::stats
