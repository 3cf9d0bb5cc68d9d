#include "core/stats/Reliability.h"

#include <Eigen/Dense>

#include <cmath>
#include <limits>

namespace sl::core::stats {

namespace {

// Raw alpha from the covariance matrix of k items.
double alphaOf(const Eigen::MatrixXd& cov)
{
    const double k = static_cast<double>(cov.rows());
    if (k < 2) return std::numeric_limits<double>::quiet_NaN();
    return k / (k - 1) * (1 - cov.diagonal().sum() / cov.sum());
}

Eigen::MatrixXd without(const Eigen::MatrixXd& m, Eigen::Index drop)
{
    const Eigen::Index k = m.rows();
    Eigen::MatrixXd out(k - 1, k - 1);
    for (Eigen::Index i = 0, a = 0; i < k; ++i) {
        if (i == drop) continue;
        for (Eigen::Index j = 0, b = 0; j < k; ++j) {
            if (j == drop) continue;
            out(a, b++) = m(i, j);
        }
        ++a;
    }
    return out;
}

}  // namespace

Reliability reliability(const data::Dataset& dataset, const std::vector<size_t>& items,
                        const transform::CaseSelection& cases)
{
    const Eigen::Index k = static_cast<Eigen::Index>(items.size());
    const Eigen::Index m = static_cast<Eigen::Index>(cases.size());
    Eigen::MatrixXd x(m, k);
    for (Eigen::Index j = 0; j < k; ++j) {
        const data::Column& col = dataset.column(items[static_cast<size_t>(j)]);
        for (Eigen::Index c = 0; c < m; ++c) x(c, j) = col.number(cases.cases[static_cast<size_t>(c)]);
    }
    const Eigen::VectorXd w = Eigen::Map<const Eigen::VectorXd>(cases.weights.data(), m);
    Reliability out;
    out.n = w.sum();
    const Eigen::RowVectorXd means = (w.transpose() * x) / out.n;
    const Eigen::MatrixXd centred = x.rowwise() - means;
    const Eigen::MatrixXd cov = centred.transpose() * w.asDiagonal() * centred / (out.n - 1);

    out.alpha = alphaOf(cov);
    const Eigen::VectorXd sd = cov.diagonal().cwiseSqrt();
    const Eigen::MatrixXd corr = cov.array() / (sd * sd.transpose()).array();
    const double kd = static_cast<double>(k);
    const double rbar = (corr.sum() - kd) / (kd * (kd - 1));
    out.standardizedAlpha = kd * rbar / (1 + (kd - 1) * rbar);

    const double totalVariance = cov.sum();
    for (Eigen::Index i = 0; i < k; ++i) {
        const double withRest = cov.row(i).sum() - cov(i, i);  // cov(item, sum of the others)
        const double restVariance = totalVariance - 2 * cov.row(i).sum() + cov(i, i);
        ItemTotalStatistics item;
        item.correctedItemTotalR = withRest / std::sqrt(cov(i, i) * restVariance);
        item.alphaIfDeleted = alphaOf(without(cov, i));
        out.items.push_back(item);
    }
    return out;
}

}  // namespace sl::core::stats
