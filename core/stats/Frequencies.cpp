#include "core/stats/Frequencies.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace sl::core::stats {

FrequencyTable frequencies(const data::Dataset& dataset, size_t variable, const transform::CaseMask& mask,
                           std::optional<size_t> weightVariable)
{
    const data::Column& col = dataset.column(variable);
    const data::Variable& var = dataset.variable(variable);
    const data::Column* wcol = weightVariable ? &dataset.column(*weightVariable) : nullptr;
    const data::Variable* wvar = weightVariable ? &dataset.variable(*weightVariable) : nullptr;
    const size_t n = col.size();

    auto weightOf = [&](size_t c) -> double {
        if (!wcol) return 1.0;
        const double w = wcol->number(c);
        if (wvar->missing.isMissing(w) || !(w > 0)) return 0.0;
        return w;
    };

    std::map<double, double> valid;
    std::map<double, double> userMissing;
    double sysmis = 0;
    auto add = [&](double v, double w) {
        if (std::isnan(v)) sysmis += w;
        else if (var.missing.isUserMissing(v)) userMissing[v] += w;
        else valid[v] += w;
    };

    if (col.isCoded()) {
        // Count by code, then attribute each code's count to its value once.
        std::vector<double> byCode(col.levels().size() + 1, 0.0);
        const uint8_t* sel = mask.data();
        if (col.storage() == data::Column::Storage::Codes8) {
            const uint8_t* codes = col.codes8();
            if (!wcol) {
                std::vector<uint64_t> counts(256, 0);
                for (size_t c = 0; c < n; ++c) counts[codes[c]] += sel[c];
                for (size_t k = 0; k < byCode.size(); ++k) byCode[k] = static_cast<double>(counts[k]);
            } else {
                for (size_t c = 0; c < n; ++c)
                    if (sel[c]) byCode[codes[c]] += weightOf(c);
            }
        } else {
            const uint16_t* codes = col.codes16();
            for (size_t c = 0; c < n; ++c)
                if (sel[c]) byCode[codes[c]] += weightOf(c);
        }
        if (byCode[0] > 0) sysmis += byCode[0];
        for (size_t k = 1; k < byCode.size(); ++k)
            if (byCode[k] > 0) add(col.levels()[k - 1], byCode[k]);
    } else if (!col.isString()) {
        for (size_t c = 0; c < n; ++c)
            if (mask.isSelected(c)) {
                const double w = weightOf(c);
                if (w > 0) add(col.number(c), w);
            }
    }

    FrequencyTable t;
    for (const auto& [v, w] : valid) {
        t.values.push_back(v);
        t.counts.push_back(w);
        t.nValid += w;
    }
    for (const auto& [v, w] : userMissing) {
        t.missingValues.push_back(v);
        t.missingCounts.push_back(w);
        t.nMissing += w;
    }
    if (sysmis > 0) {
        t.missingValues.push_back(data::kSysmis);
        t.missingCounts.push_back(sysmis);
        t.nMissing += sysmis;
    }
    return t;
}

double quantileType6(const std::vector<double>& sorted, double p)
{
    const size_t n = sorted.size();
    if (n == 0) return data::kSysmis;
    const double h = (static_cast<double>(n) + 1) * p;  // 1-based position
    if (h <= 1) return sorted.front();
    if (h >= static_cast<double>(n)) return sorted.back();
    const double lo = std::floor(h);
    const size_t i = static_cast<size_t>(lo) - 1;
    return sorted[i] + (h - lo) * (sorted[i + 1] - sorted[i]);
}

double quantileType7(const std::vector<double>& sorted, double p)
{
    const size_t n = sorted.size();
    if (n == 0) return data::kSysmis;
    const double h = (static_cast<double>(n) - 1) * p;  // 0-based position
    const double lo = std::floor(h);
    const size_t i = static_cast<size_t>(lo);
    if (i + 1 >= n) return sorted.back();
    return sorted[i] + (h - lo) * (sorted[i + 1] - sorted[i]);
}

double quantile(const std::vector<double>& sorted, double p, QuantileDefinition definition)
{
    return definition == QuantileDefinition::RDefault ? quantileType7(sorted, p) : quantileType6(sorted, p);
}

DescriptiveStats describe(const data::Dataset& dataset, size_t variable, const transform::CaseSelection& sel,
                          QuantileDefinition quartiles)
{
    const data::Column& col = dataset.column(variable);
    DescriptiveStats d;
    const size_t m = sel.cases.size();
    if (m == 0) {
        d.mean = d.sd = d.min = d.max = d.seMean = d.median = d.q1 = d.q3 = d.variance = data::kSysmis;
        return d;
    }
    double w = 0, mean = 0, m2 = 0;  // West's weighted running mean and sum of squares
    d.min = INFINITY;
    d.max = -INFINITY;
    std::vector<double> values;
    values.reserve(m);
    for (size_t k = 0; k < m; ++k) {
        const double x = col.number(sel.cases[k]);
        const double wk = sel.weights[k];
        w += wk;
        const double delta = x - mean;
        mean += wk / w * delta;
        m2 += wk * delta * (x - mean);
        d.min = std::min(d.min, x);
        d.max = std::max(d.max, x);
        values.push_back(x);
    }
    d.n = w;
    d.mean = mean;
    d.variance = w > 1 ? m2 / (w - 1) : data::kSysmis;
    d.sd = std::sqrt(d.variance);
    d.seMean = d.sd / std::sqrt(w);
    if (sel.weighted) {
        d.median = d.q1 = d.q3 = data::kSysmis;
    } else {
        std::sort(values.begin(), values.end());
        d.median = quantile(values, 0.5, quartiles);
        d.q1 = quantile(values, 0.25, quartiles);
        d.q3 = quantile(values, 0.75, quartiles);
    }
    return d;
}

}  // namespace sl::core::stats
