#include "core/stats/Correlation.h"

#include "core/stats/Distributions.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace sl::core::stats {

namespace {

double pValueOf(double r, double n)
{
    if (std::fabs(r) >= 1) return 0.0;
    const double t = r * std::sqrt((n - 2) / (1 - r * r));
    return studentTwoSidedP(t, n - 2);
}

}  // namespace

Correlation pearson(const std::vector<double>& x, const std::vector<double>& y, const std::vector<double>& weights)
{
    double w = 0, mx = 0, my = 0;
    for (size_t k = 0; k < x.size(); ++k) {
        w += weights[k];
        mx += weights[k] * x[k];
        my += weights[k] * y[k];
    }
    Correlation out;
    out.n = w;
    if (x.empty()) {
        out.r = out.p = std::numeric_limits<double>::quiet_NaN();
        return out;
    }
    mx /= w;
    my /= w;
    double sxx = 0, syy = 0, sxy = 0;
    for (size_t k = 0; k < x.size(); ++k) {
        const double dx = x[k] - mx, dy = y[k] - my;
        sxx += weights[k] * dx * dx;
        syy += weights[k] * dy * dy;
        sxy += weights[k] * dx * dy;
    }
    out.r = sxy / std::sqrt(sxx * syy);
    out.p = pValueOf(out.r, w);
    return out;
}

std::vector<double> averageRanks(const std::vector<double>& values)
{
    std::vector<size_t> order(values.size());
    std::iota(order.begin(), order.end(), size_t{0});
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return values[a] < values[b]; });
    std::vector<double> ranks(values.size());
    for (size_t start = 0; start < order.size();) {
        size_t end = start + 1;
        while (end < order.size() && values[order[end]] == values[order[start]]) ++end;
        const double rank = (static_cast<double>(start + 1) + static_cast<double>(end)) / 2;
        for (size_t k = start; k < end; ++k) ranks[order[k]] = rank;
        start = end;
    }
    return ranks;
}

Correlation spearman(const std::vector<double>& x, const std::vector<double>& y)
{
    return pearson(averageRanks(x), averageRanks(y), std::vector<double>(x.size(), 1.0));
}

namespace {

Correlation correlateWhere(const data::Dataset& dataset, size_t x, size_t y, const transform::CaseSelection& cases,
                           CorrelationMethod method, bool checkMissing)
{
    const data::Column& cx = dataset.column(x);
    const data::Column& cy = dataset.column(y);
    std::vector<double> xs, ys, ws;
    xs.reserve(cases.size());
    ys.reserve(cases.size());
    ws.reserve(cases.size());
    for (size_t k = 0; k < cases.size(); ++k) {
        const size_t c = cases.cases[k];
        if (checkMissing && (dataset.isMissing(x, c) || dataset.isMissing(y, c))) continue;
        xs.push_back(cx.number(c));
        ys.push_back(cy.number(c));
        ws.push_back(cases.weights[k]);
    }
    return method == CorrelationMethod::Spearman ? spearman(xs, ys) : pearson(xs, ys, ws);
}

}  // namespace

Correlation correlate(const data::Dataset& dataset, size_t x, size_t y, const transform::CaseSelection& cases,
                      CorrelationMethod method)
{
    return correlateWhere(dataset, x, y, cases, method, false);
}

std::vector<std::vector<Correlation>> correlationMatrix(const data::Dataset& dataset,
                                                        const std::vector<size_t>& variables,
                                                        const transform::CaseSelection& cases,
                                                        CorrelationMethod method)
{
    const size_t k = variables.size();
    std::vector<std::vector<Correlation>> out(k, std::vector<Correlation>(k));
    for (size_t a = 0; a < k; ++a) {
        Correlation& diagonal = out[a][a];
        diagonal.r = 1;
        diagonal.p = std::numeric_limits<double>::quiet_NaN();
        for (size_t m = 0; m < cases.size(); ++m)
            if (!dataset.isMissing(variables[a], cases.cases[m])) diagonal.n += cases.weights[m];
        for (size_t b = a + 1; b < k; ++b) {
            out[a][b] = correlateWhere(dataset, variables[a], variables[b], cases, method, true);
            out[b][a] = out[a][b];
        }
    }
    return out;
}

}  // namespace sl::core::stats
