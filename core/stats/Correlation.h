#pragma once
// Pearson and Spearman correlations with the two-sided p of the t test on n - 2 df.
#include "core/data/Dataset.h"
#include "core/transform/CaseSelection.h"

#include <vector>

namespace sl::core::stats {

enum class CorrelationMethod { Pearson, Spearman };

struct Correlation {
    double n = 0;  // cases, or sum of weights
    double r = 0;
    double p = 0;  // from t = r sqrt((n - 2) / (1 - r^2)) on n - 2 df
};

// Weighted Pearson correlation of paired values (weights are frequency weights).
Correlation pearson(const std::vector<double>& x, const std::vector<double>& y, const std::vector<double>& weights);
// Spearman correlation: Pearson correlation of the average ranks (unweighted).
Correlation spearman(const std::vector<double>& x, const std::vector<double>& y);
// Ranks 1..n, tied values sharing the average of their ranks.
std::vector<double> averageRanks(const std::vector<double>& values);

// The correlation of x and y over the selected cases, which must be valid on both.
// Spearman ignores the weights.
Correlation correlate(const data::Dataset& dataset, size_t x, size_t y, const transform::CaseSelection& cases,
                      CorrelationMethod method);

// The matrix of correlations between all pairs of variables, each pair over the selected cases
// valid on both (pairwise deletion). Diagonal cells hold r = 1, p = NaN and the number of cases
// valid on that variable.
std::vector<std::vector<Correlation>> correlationMatrix(const data::Dataset& dataset,
                                                        const std::vector<size_t>& variables,
                                                        const transform::CaseSelection& cases,
                                                        CorrelationMethod method);

}  // namespace sl::core::stats
