#include "core/stats/LogisticRegression.h"

#include "core/stats/Distributions.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sl::core::stats {

namespace {

constexpr int kMaxIterations = 100;
constexpr int kMaxHalvings = 40;
constexpr double kConvergence = 1e-12;  // relative change of −2LL
constexpr double kBoundary = 1e-10;     // a fitted probability this close to 0 or 1 counts as perfect

// One pass over the cases at coefficients b: the fitted probabilities and −2LL, and the
// information matrix X' diag(w p (1 − p)) X and score X' w (y − p) there, block by block so that
// each block of the design is read from memory once. Each case's linear predictor is summed in
// the same order by the same scalar code, so cases with identical predictor values get
// bit-identical probabilities (Hosmer–Lemeshow keeps such cases together). log(1 + e^eta) is
// formed without overflow from one exp and one log per case.
double evaluate(const Eigen::MatrixXd& x, const Eigen::VectorXd& b, const Eigen::VectorXd& y, const Eigen::VectorXd& w,
                Eigen::VectorXd& probability, Eigen::MatrixXd& information, Eigen::VectorXd& score)
{
    const Eigen::Index n = x.rows();
    const Eigen::Index p = x.cols();
    const double* data = x.data();
    information.setZero(p, p);
    score.setZero(p);
    constexpr Eigen::Index kBlock = 4096;
    Eigen::MatrixXd block(std::min(kBlock, n), p);
    Eigen::ArrayXd rootWeights(block.rows()), residuals(block.rows());
    double sum = 0;
    for (Eigen::Index start = 0; start < n; start += kBlock) {
        const Eigen::Index len = std::min(kBlock, n - start);
        for (Eigen::Index r = 0; r < len; ++r) {
            const Eigen::Index i = start + r;
            double e = 0;
            for (Eigen::Index j = 0; j < p; ++j) e += data[j * n + i] * b(j);
            const double tail = std::exp(-std::fabs(e));
            const double softplus = std::max(e, 0.0) + std::log(1.0 + tail);  // log(1 + exp(e))
            sum += w(i) * (y(i) * e - softplus);
            const double pr = e >= 0 ? 1.0 / (1.0 + tail) : tail / (1.0 + tail);
            probability(i) = pr;
            rootWeights(r) = std::sqrt(w(i) * pr * (1.0 - pr));
            residuals(r) = w(i) * (y(i) - pr);
        }
        const auto rows = x.middleRows(start, len);
        block.topRows(len) = rows.array().colwise() * rootWeights.head(len);
        information.selfadjointView<Eigen::Lower>().rankUpdate(block.topRows(len).transpose());
        score.noalias() += rows.transpose() * residuals.head(len).matrix();
    }
    for (Eigen::Index j = 0; j < p; ++j)
        for (Eigen::Index k = j + 1; k < p; ++k) information(j, k) = information(k, j);
    return -2.0 * sum;
}

struct HosmerLemeshow {
    double statistic = 0, df = 0, p = 0;
};

// Deciles of risk (FURTHER-DEFINITIONS.md): cases with the same fitted probability form one
// block; blocks sorted by probability go to decile floor(10 · weight before the block / W) + 1.
// Equivalently a case's decile is 1 + #{k : p > T_k} with the thresholds
// T_k = min{v : 10 · W(p ≤ v) ≥ k · W}, k = 1..9. The thresholds are found without sorting all
// cases: probabilities go to equal-width buckets (monotone in the value), and only the buckets
// in which a threshold falls are sorted.
HosmerLemeshow hosmerLemeshow(const Eigen::VectorXd& probability, const Eigen::VectorXd& y, const Eigen::VectorXd& w,
                              double totalWeight)
{
    const Eigen::Index n = probability.size();
    const double low = probability.minCoeff();
    const double high = probability.maxCoeff();
    const size_t bucketCount = std::max<size_t>(1, static_cast<size_t>(n) / 16);
    const double scale = high > low ? static_cast<double>(bucketCount) / (high - low) : 0.0;
    auto bucketOf = [&](double v) { return std::min(bucketCount - 1, static_cast<size_t>((v - low) * scale)); };

    std::vector<double> bucketWeight(bucketCount, 0.0);
    for (Eigen::Index i = 0; i < n; ++i) bucketWeight[bucketOf(probability(i))] += w(i);

    // The buckets holding thresholds, with the weight before each and the thresholds it holds.
    struct Crossing {
        size_t bucket;
        double before;
        int firstK, lastK;
        std::vector<std::pair<double, double>> cases;  // probability, weight
    };
    std::vector<Crossing> crossings;
    std::vector<int> crossingOf(bucketCount, -1);
    double before = 0;
    int k = 1;
    for (size_t b = 0; b < bucketCount && k <= 9; ++b) {
        const double after = before + bucketWeight[b];
        if (10.0 * after >= k * totalWeight) {
            Crossing c{b, before, k, k, {}};
            while (k <= 9 && 10.0 * after >= k * totalWeight) c.lastK = k++;
            crossingOf[b] = static_cast<int>(crossings.size());
            crossings.push_back(std::move(c));
        }
        before = after;
    }
    for (Eigen::Index i = 0; i < n; ++i)
        if (const int c = crossingOf[bucketOf(probability(i))]; c >= 0)
            crossings[static_cast<size_t>(c)].cases.emplace_back(probability(i), w(i));

    std::array<double, 9> thresholds{};
    for (auto& c : crossings) {
        std::sort(c.cases.begin(), c.cases.end());
        double running = c.before;
        int next = c.firstK;
        for (const auto& [value, weight] : c.cases) {
            running += weight;
            while (next <= c.lastK && 10.0 * running >= next * totalWeight) thresholds[static_cast<size_t>(next++ - 1)] = value;
        }
        // Rounding of non-integer weights may leave a threshold at the bucket's largest value.
        for (; next <= c.lastK; ++next) thresholds[static_cast<size_t>(next - 1)] = c.cases.back().first;
    }

    struct Group {
        double weight = 0, observed = 0, expected = 0;
    };
    std::array<Group, 10> deciles{};
    for (Eigen::Index i = 0; i < n; ++i) {
        const double pr = probability(i);
        auto& g = deciles[static_cast<size_t>(std::lower_bound(thresholds.begin(), thresholds.end(), pr) -
                                              thresholds.begin())];
        g.weight += w(i);
        g.observed += w(i) * y(i);
        g.expected += w(i) * pr;
    }
    HosmerLemeshow out;
    int groups = 0;
    for (const auto& g : deciles) {
        if (g.weight == 0) continue;
        ++groups;
        out.statistic += (g.observed - g.expected) * (g.observed - g.expected) /
                         (g.expected * (1.0 - g.expected / g.weight));
    }
    out.df = groups - 2.0;
    out.p = chiSquaredUpperTail(out.statistic, out.df);
    return out;
}

}  // namespace

Expected<LogisticRegressionResult> fitLogisticRegression(DesignMatrix design, double cut)
{
    LogisticRegressionResult result;
    result.cut = cut;

    // The dependent must take exactly two values; the larger is the event.
    const Eigen::VectorXd& raw = design.dependent();
    if (raw.size() == 0) return makeError(ErrorCode::Numerical, "No cases are left for the model.");
    const double low = raw.minCoeff();
    const double high = raw.maxCoeff();
    if (low == high)
        return makeError(ErrorCode::InvalidInput,
                         "The dependent variable has only one value (" + DesignMatrix::codeText(low) +
                             ") among the cases used; a logistic regression needs two.");
    if (!(raw.array() == low || raw.array() == high).all())
        return makeError(ErrorCode::InvalidInput,
                         "The dependent variable has more than two values among the cases used; a binary logistic "
                         "regression needs exactly two (recode it first).");
    result.eventCode = high;
    result.nonEventCode = low;
    const Eigen::VectorXd y = (raw.array() == high).cast<double>();

    result.dropped = design.dropCollinearColumns();
    const Eigen::MatrixXd& x = design.columns();
    const Eigen::VectorXd& w = design.weights();
    const Eigen::Index n = x.rows();
    const Eigen::Index p = x.cols();
    const double totalWeight = design.totalWeight();
    result.n = totalWeight;

    const double events = w.dot(y);
    const double rate = events / totalWeight;
    result.nullMinus2ll = -2.0 * (events * std::log(rate) + (totalWeight - events) * std::log1p(-rate));

    // Newton-Raphson from the intercept-only fit; a step that raises −2LL is halved.
    Eigen::VectorXd b = Eigen::VectorXd::Zero(p);
    b(0) = std::log(rate / (1.0 - rate));
    Eigen::VectorXd probability(n), trialProbability(n), score(p), trialScore(p);
    Eigen::MatrixXd info(p, p), trialInfo(p, p);
    double deviance = evaluate(x, b, y, w, probability, info, score);
    bool converged = false;
    for (int iteration = 1; iteration <= kMaxIterations && !converged; ++iteration) {
        result.iterations = iteration;
        const Eigen::LDLT<Eigen::MatrixXd> ldlt(info);
        if (ldlt.info() != Eigen::Success || !ldlt.isPositive()) break;
        const Eigen::VectorXd step = ldlt.solve(score);
        double scale = 1.0;
        bool improved = false;
        for (int halving = 0; halving <= kMaxHalvings; ++halving, scale *= 0.5) {
            const Eigen::VectorXd trial = b + scale * step;
            const double trialDeviance = evaluate(x, trial, y, w, trialProbability, trialInfo, trialScore);
            // A change within the convergence tolerance counts as no change: near the optimum,
            // rounding in the sum over cases can make −2LL rise by a few ulps.
            if (trialDeviance <= deviance * (1.0 + kConvergence)) {
                converged = std::fabs(deviance - trialDeviance) <= kConvergence * trialDeviance;
                b = trial;
                probability.swap(trialProbability);
                info.swap(trialInfo);
                score.swap(trialScore);
                deviance = trialDeviance;
                improved = true;
                break;
            }
        }
        // No step lowers −2LL any more: the estimate is as good as double precision allows.
        if (!improved) converged = true;
        if (deviance <= 1e-10 * totalWeight)
            return makeError(ErrorCode::Numerical,
                             "The predictors separate the two outcome groups completely (complete separation), so the "
                             "estimates do not exist; remove or combine the predictors that predict the outcome "
                             "perfectly.");
    }

    const bool boundary = ((probability.array() < kBoundary) || (probability.array() > 1.0 - kBoundary)).any();
    if (boundary)
        result.separation =
            "Some cases are predicted perfectly (quasi-complete separation): at least one estimate is "
            "infinite in truth, and its coefficient and standard error are not meaningful.";
    else if (!converged)
        return makeError(ErrorCode::Numerical, "The model did not converge in " + std::to_string(kMaxIterations) +
                                                   " iterations.");

    // The information matrix of the last evaluation is the one at the final estimate.
    const Eigen::LDLT<Eigen::MatrixXd> ldlt(info);
    if (ldlt.info() != Eigen::Success || !ldlt.isPositive())
        return makeError(ErrorCode::Numerical, "The information matrix is singular; the model cannot be estimated.");
    const Eigen::MatrixXd covariance = ldlt.solve(Eigen::MatrixXd::Identity(p, p));

    const double z975 = normalQuantile(0.975);
    for (Eigen::Index j = 0; j < p; ++j) {
        LogisticTerm term;
        term.name = design.names()[static_cast<size_t>(j)];
        term.b = b(j);
        term.se = std::sqrt(covariance(j, j));
        term.z = term.b / term.se;
        term.p = normalTwoSidedP(term.z);
        term.oddsRatio = std::exp(term.b);
        term.orCiLow = std::exp(term.b - z975 * term.se);
        term.orCiHigh = std::exp(term.b + z975 * term.se);
        result.terms.push_back(std::move(term));
    }

    result.minus2ll = deviance;
    result.lrChi2 = result.nullMinus2ll - deviance;
    result.lrDf = static_cast<double>(p - 1);
    result.lrP = p > 1 ? chiSquaredUpperTail(result.lrChi2, result.lrDf) : std::numeric_limits<double>::quiet_NaN();
    result.aic = deviance + 2.0 * static_cast<double>(p);
    result.coxSnellR2 = -std::expm1(-result.lrChi2 / totalWeight);
    result.nagelkerkeR2 = result.coxSnellR2 / -std::expm1(-result.nullMinus2ll / totalWeight);

    const auto hl = hosmerLemeshow(probability, y, w, totalWeight);
    result.hosmerLemeshow = hl.statistic;
    result.hosmerLemeshowDf = hl.df;
    result.hosmerLemeshowP = hl.p;

    double correct = 0;
    for (Eigen::Index i = 0; i < n; ++i) {
        const int observed = y(i) > 0 ? 1 : 0;
        const int predicted = probability(i) >= cut ? 1 : 0;
        result.classification[observed][predicted] += w(i);
        if (observed == predicted) correct += w(i);
    }
    result.percentCorrect = 100.0 * correct / totalWeight;
    return result;
}

}  // namespace sl::core::stats
