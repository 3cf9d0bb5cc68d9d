#include "core/stats/SurveyEstimation.h"

#include "core/stats/Distributions.h"

#include <algorithm>
#include <cmath>

namespace sl::core::stats {

namespace {

Eigen::Index idx(size_t i) { return static_cast<Eigen::Index>(i); }

double domainWeight(const SurveyDesign& design, const std::vector<size_t>& cases)
{
    double total = 0;
    for (size_t c : cases) total += design.weight(c);
    return total;
}

// The sorted distinct values and, per case, the index of its value.
std::vector<double> distinctValues(const std::vector<double>& values, std::vector<size_t>& indexOfCase)
{
    std::vector<double> distinct = values;
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    indexOfCase.resize(values.size());
    for (size_t k = 0; k < values.size(); ++k)
        indexOfCase[k] = static_cast<size_t>(std::lower_bound(distinct.begin(), distinct.end(), values[k]) - distinct.begin());
    return distinct;
}

// Scores of the domain means of indicator columns, w (I - p) / W, one row per domain case.
Eigen::MatrixXd indicatorMeanScores(const SurveyDesign& design, const std::vector<size_t>& cases,
                                    const std::vector<size_t>& columnOfCase, const Eigen::VectorXd& proportions,
                                    double totalWeight)
{
    Eigen::MatrixXd scores(idx(cases.size()), proportions.size());
    for (size_t k = 0; k < cases.size(); ++k) {
        const double w = design.weight(cases[k]) / totalWeight;
        scores.row(idx(k)) = -w * proportions.transpose();
        scores(idx(k), idx(columnOfCase[k])) += w;
    }
    return scores;
}

Error separationError()
{
    return makeError(ErrorCode::Numerical,
                     "The logistic model does not converge; an outcome may be perfectly predicted (separation).");
}

}  // namespace

SurveyMean surveyMean(const SurveyDesign& design, const std::vector<size_t>& cases, const std::vector<double>& values)
{
    SurveyMean out;
    const double totalWeight = domainWeight(design, cases);
    double sum = 0;
    for (size_t k = 0; k < cases.size(); ++k) sum += design.weight(cases[k]) * values[k];
    out.mean = sum / totalWeight;

    Eigen::VectorXd scores(idx(cases.size()));
    double squares = 0;
    for (size_t k = 0; k < cases.size(); ++k) {
        const double w = design.weight(cases[k]);
        scores(idx(k)) = w * (values[k] - out.mean) / totalWeight;
        squares += w * (values[k] - out.mean) * (values[k] - out.mean);
    }
    const double variance = design.totalVariance(cases, scores);
    out.se = std::sqrt(variance);
    const double halfWidth = studentQuantile(0.975, design.degreesOfFreedom()) * out.se;
    out.ciLow = out.mean - halfWidth;
    out.ciHigh = out.mean + halfWidth;

    const double n = static_cast<double>(cases.size());
    const double populationVariance = squares / totalWeight * n / (n - 1.0);
    out.deff = variance / (populationVariance / n * (totalWeight - n) / totalWeight);
    return out;
}

std::vector<SurveyCategory> surveyProportions(const SurveyDesign& design, const std::vector<size_t>& cases,
                                              const std::vector<double>& values)
{
    std::vector<size_t> categoryOfCase;
    const std::vector<double> categories = distinctValues(values, categoryOfCase);
    const double totalWeight = domainWeight(design, cases);
    const Eigen::Index k = idx(categories.size());

    Eigen::VectorXd totals = Eigen::VectorXd::Zero(k);
    for (size_t i = 0; i < cases.size(); ++i) totals(idx(categoryOfCase[i])) += design.weight(cases[i]);
    const Eigen::VectorXd proportions = totals / totalWeight;

    const Eigen::MatrixXd meanVariance =
        design.totalCovariance(cases, indicatorMeanScores(design, cases, categoryOfCase, proportions, totalWeight));
    Eigen::MatrixXd totalScores = Eigen::MatrixXd::Zero(idx(cases.size()), k);
    for (size_t i = 0; i < cases.size(); ++i) totalScores(idx(i), idx(categoryOfCase[i])) = design.weight(cases[i]);
    const Eigen::MatrixXd totalVariance = design.totalCovariance(cases, totalScores);

    const double t = studentQuantile(0.975, design.degreesOfFreedom());
    std::vector<SurveyCategory> out;
    for (Eigen::Index j = 0; j < k; ++j) {
        SurveyCategory category;
        category.value = categories[static_cast<size_t>(j)];
        const double p = proportions(j);
        category.proportion = p;
        category.se = std::sqrt(meanVariance(j, j));
        const double logit = std::log(p / (1.0 - p));
        const double logitHalfWidth = t * category.se / (p * (1.0 - p));
        category.ciLow = 1.0 / (1.0 + std::exp(-(logit - logitHalfWidth)));
        category.ciHigh = 1.0 / (1.0 + std::exp(-(logit + logitHalfWidth)));
        category.total = totals(j);
        category.totalSe = std::sqrt(totalVariance(j, j));
        out.push_back(category);
    }
    return out;
}

Expected<SurveyTable> surveyCrosstab(const SurveyDesign& design, const std::vector<size_t>& cases,
                                     const std::vector<double>& rows, const std::vector<double>& cols)
{
    SurveyTable out;
    std::vector<size_t> rowOfCase, colOfCase;
    out.rowValues = distinctValues(rows, rowOfCase);
    out.colValues = distinctValues(cols, colOfCase);
    const size_t r = out.rowValues.size(), c = out.colValues.size();
    if (r < 2 || c < 2)
        return makeError(ErrorCode::Numerical, "A design-based test of a table needs at least two rows and two columns.");

    // Cells in row-major order.
    const size_t cells = r * c;
    std::vector<size_t> cellOfCase(cases.size());
    out.totals = Eigen::MatrixXd::Zero(idx(r), idx(c));
    for (size_t k = 0; k < cases.size(); ++k) {
        cellOfCase[k] = rowOfCase[k] * c + colOfCase[k];
        out.totals(idx(rowOfCase[k]), idx(colOfCase[k])) += design.weight(cases[k]);
    }
    for (size_t k = 0; k < cells; ++k)
        if (out.totals(idx(k / c), idx(k % c)) <= 0)
            return makeError(ErrorCode::Numerical, "The table has an empty cell, so the Rao-Scott test is not defined.");
    const double totalWeight = out.totals.sum();
    out.rowProportions = out.totals.array().colwise() / out.totals.rowwise().sum().array();

    Eigen::VectorXd p(idx(cells));
    for (size_t k = 0; k < cells; ++k) p(idx(k)) = out.totals(idx(k / c), idx(k % c)) / totalWeight;
    const Eigen::MatrixXd v = design.totalCovariance(cases, indicatorMeanScores(design, cases, cellOfCase, p, totalWeight));

    // Pearson X2 of the estimated proportions scaled to the domain's cases.
    const double n = static_cast<double>(cases.size());
    const Eigen::VectorXd rowMargin = out.totals.rowwise().sum() / totalWeight;
    const Eigen::VectorXd colMargin = out.totals.colwise().sum().transpose() / totalWeight;
    double x2 = 0;
    for (size_t k = 0; k < cells; ++k) {
        const double expected = rowMargin(idx(k / c)) * colMargin(idx(k % c));
        x2 += (p(idx(k)) - expected) * (p(idx(k)) - expected) / expected;
    }
    x2 *= n;

    // C: the interaction contrasts made orthogonal to the intercept and main effects.
    const size_t mainColumns = 1 + (r - 1) + (c - 1), interactions = (r - 1) * (c - 1);
    Eigen::MatrixXd main = Eigen::MatrixXd::Zero(idx(cells), idx(mainColumns));
    Eigen::MatrixXd interaction = Eigen::MatrixXd::Zero(idx(cells), idx(interactions));
    for (size_t i = 0; i < r; ++i)
        for (size_t j = 0; j < c; ++j) {
            const Eigen::Index cell = idx(i * c + j);
            main(cell, 0) = 1;
            if (i > 0) main(cell, idx(i)) = 1;
            if (j > 0) main(cell, idx(r - 1 + j)) = 1;
            if (i > 0 && j > 0) interaction(cell, idx((i - 1) * (c - 1) + (j - 1))) = 1;
        }
    const Eigen::MatrixXd contrasts = interaction - main * main.colPivHouseholderQr().solve(interaction);

    const Eigen::VectorXd inverseP = p.cwiseInverse();
    const Eigen::MatrixXd scaled = inverseP.asDiagonal() * contrasts;  // D^-1 C
    const Eigen::MatrixXd denominator = contrasts.transpose() * scaled / n;
    const Eigen::MatrixXd numerator = scaled.transpose() * v * scaled;
    const Eigen::MatrixXd delta = denominator.ldlt().solve(numerator);
    const double trace = delta.trace();
    const double traceOfSquare = (delta * delta).trace();

    out.f = x2 / trace;
    out.fDf1 = trace * trace / traceOfSquare;
    out.fDf2 = out.fDf1 * design.degreesOfFreedom();
    out.fP = fisherUpperTail(out.f, out.fDf1, out.fDf2);
    out.chi2Df = static_cast<double>(interactions);
    out.chi2 = out.f * out.chi2Df;
    out.chi2P = chiSquaredUpperTail(out.chi2, out.chi2Df);
    return out;
}

Expected<SurveyModel> surveyRegression(const SurveyDesign& design, const std::vector<size_t>& cases,
                                       const Eigen::MatrixXd& x, const Eigen::VectorXd& y, SurveyFamily family)
{
    const Eigen::Index m = x.rows(), k = x.cols();
    Eigen::VectorXd w(m);
    for (Eigen::Index i = 0; i < m; ++i) w(i) = design.weight(cases[static_cast<size_t>(i)]);
    if (m <= k) return makeError(ErrorCode::Numerical, "The model has more coefficients than cases.");

    // Newton-Raphson (IRLS) to full convergence; one step for least squares.
    Eigen::VectorXd b = Eigen::VectorXd::Zero(k);
    Eigen::VectorXd mu, working;
    // Fitted means and working weights (w, or w mu (1 - mu) for the logistic link) at b.
    const auto evaluate = [&] {
        mu = x * b;
        working = w;
        if (family == SurveyFamily::QuasiBinomial) {
            mu = mu.unaryExpr([](double eta) { return 1.0 / (1.0 + std::exp(-eta)); });
            working = w.array() * mu.array() * (1.0 - mu.array());
        }
    };
    bool converged = false;
    for (int iteration = 0; iteration < 100 && !converged; ++iteration) {
        evaluate();
        const Eigen::MatrixXd information = x.transpose() * working.asDiagonal() * x;
        const Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(information);
        // Singular at the start: collinear predictors; later: the fitted probabilities ran to 0 or 1.
        if (qr.rank() < k)
            return iteration == 0 ? makeError(ErrorCode::Numerical,
                                              "The predictors are collinear, so the model cannot be estimated.")
                                  : separationError();
        const Eigen::VectorXd step = qr.solve(x.transpose() * (w.array() * (y - mu).array()).matrix());
        b += step;
        converged = family == SurveyFamily::Gaussian ||
                    (step.array().abs() <= 1e-10 * (b.array().abs() + 1e-10)).all();
    }
    if (!converged) return separationError();

    // The bread and the scores at the final estimate.
    evaluate();
    const Eigen::MatrixXd bread = (x.transpose() * working.asDiagonal() * x).inverse();
    Eigen::MatrixXd scores(m, k);
    for (Eigen::Index i = 0; i < m; ++i) scores.row(i) = w(i) * (y(i) - mu(i)) * x.row(i) * bread;
    const Eigen::MatrixXd covariance = design.totalCovariance(cases, scores);

    SurveyModel out;
    out.b = b;
    out.residualDf = design.degreesOfFreedom() + 1.0 - static_cast<double>(k);
    out.se = covariance.diagonal().cwiseSqrt();
    out.t = b.cwiseQuotient(out.se);
    out.p = out.t.unaryExpr([&](double t) { return studentTwoSidedP(t, out.residualDf); });
    return out;
}

}  // namespace sl::core::stats
