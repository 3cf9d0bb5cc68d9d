#pragma once
// Frequency tables and descriptive statistics of one variable.
#include "core/data/Dataset.h"
#include "core/transform/CaseFilter.h"
#include "core/transform/CaseSelection.h"

#include <optional>
#include <vector>

namespace sl::core::stats {

struct FrequencyTable {
    std::vector<double> values;   // valid values, ascending
    std::vector<double> counts;   // weighted counts
    double nValid = 0;
    double nMissing = 0;          // user-missing and system-missing together
    std::vector<double> missingValues;  // user-missing codes seen, ascending, then NaN for system-missing
    std::vector<double> missingCounts;
};

// Counts the cases selected by `mask` (with an optional frequency weight variable; cases whose
// weight is missing, zero or negative are left out). Coded columns are counted by code.
FrequencyTable frequencies(const data::Dataset& dataset, size_t variable, const transform::CaseMask& mask,
                           std::optional<size_t> weightVariable = std::nullopt);

// Where SPSS and R define the median, quartiles and percentiles differently.
enum class QuantileDefinition {
    WeightedAverage,  // SPSS's default (HAVERAGE), R type 6: position (n + 1) p
    RDefault,         // R's quantile() default, type 7: position (n − 1) p + 1
};

struct DescriptiveStats {
    double n = 0;  // sum of weights
    double mean = 0, sd = 0, min = 0, max = 0, seMean = 0;
    double median = 0, q1 = 0, q3 = 0;  // by the definition asked for; unweighted only (NaN when weighted)
    double variance = 0;
};

// Statistics of the values of `variable` over the selected cases (missing already removed).
DescriptiveStats describe(const data::Dataset& dataset, size_t variable, const transform::CaseSelection& cases,
                          QuantileDefinition quartiles = QuantileDefinition::WeightedAverage);

// Quantile of sorted values by R's type 6 definition (SPSS HAVERAGE).
double quantileType6(const std::vector<double>& sorted, double p);
// Quantile of sorted values by R's type 7 definition (R's default).
double quantileType7(const std::vector<double>& sorted, double p);
// Quantile of sorted values by the definition asked for.
double quantile(const std::vector<double>& sorted, double p, QuantileDefinition definition);

}  // namespace sl::core::stats
