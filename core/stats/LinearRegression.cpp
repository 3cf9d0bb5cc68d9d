#include "core/stats/LinearRegression.h"

#include "core/stats/Distributions.h"

#include <cmath>
#include <limits>

namespace sl::core::stats {

Expected<LinearRegressionResult> fitLinearRegression(DesignMatrix design)
{
    LinearRegressionResult result;
    Eigen::VectorXd allMeans;
    Eigen::MatrixXd all = design.centeredCrossProductsWithDependent(allMeans);
    result.dropped = design.dropCollinearColumns(all);
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

    // Normal equations of the centred model: the slopes solve C b = c, where C holds the weighted
    // cross-products of the centred predictors and c those with the centred dependent; the
    // intercept follows from the means. Collinear columns are gone, so C is well conditioned.
    const Eigen::Index q = p - 1;
    const Eigen::MatrixXd products = all.topLeftCorner(q, q);
    const Eigen::VectorXd means = result.dropped.empty() ? Eigen::VectorXd(allMeans.head(q))
                                                         : Eigen::VectorXd(design.columnMeans().tail(q));
    const double yMean = allMeans(allMeans.size() - 1);
    const Eigen::LDLT<Eigen::MatrixXd> ldlt(products);
    if (q > 0 && (ldlt.info() != Eigen::Success || !(ldlt.vectorD().minCoeff() > 0)))
        return makeError(ErrorCode::Numerical, "The predictors are linearly dependent; the model cannot be fitted.");
    const Eigen::MatrixXd productsInverse = ldlt.solve(Eigen::MatrixXd::Identity(q, q));
    Eigen::VectorXd b(p);
    b.tail(q) = ldlt.solve(all.col(q).head(q));
    b(0) = yMean - means.dot(b.tail(q));

    const Eigen::VectorXd residuals = y - x * b;
    const double rss = (w.array() * residuals.array().square()).sum();
    const double tss = all(q, q);
    const double sigma2 = rss / residualDf;
    result.sigma = std::sqrt(sigma2);
    result.r2 = 1.0 - rss / tss;
    result.adjustedR2 = 1.0 - (1.0 - result.r2) * (totalWeight - 1.0) / residualDf;
    result.df1 = static_cast<double>(p - 1);
    result.df2 = residualDf;
    result.f = p > 1 ? ((tss - rss) / result.df1) / sigma2 : std::numeric_limits<double>::quiet_NaN();
    result.fP = fisherUpperTail(result.f, result.df1, result.df2);

    // (X'WX)^-1 from the centred inverse: the slopes block is C^-1, the intercept row is
    // -(C^-1 m)' and its own entry 1/W + m' C^-1 m.
    const Eigen::VectorXd inverseMeans = productsInverse * means;
    Eigen::MatrixXd unscaled(p, p);
    unscaled(0, 0) = 1.0 / totalWeight + means.dot(inverseMeans);
    unscaled.col(0).tail(q) = -inverseMeans;
    unscaled.row(0).tail(q) = -inverseMeans.transpose();
    unscaled.bottomRightCorner(q, q) = productsInverse;

    // Standardized coefficients and collinearity: VIF_j = C_jj (C^-1)_jj.
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
