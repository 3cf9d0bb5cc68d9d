#pragma once
// Multiple-response (multi-select) tables: how many cases chose each item, overall and by group.
#include "core/data/Dataset.h"
#include "core/transform/CaseSelection.h"

#include <optional>
#include <vector>

namespace sl::core::stats {

struct MultipleResponseTable {
    double nCases = 0;  // cases (sum of weights) with at least one counted item
    std::vector<double> counts;              // per item
    std::vector<double> percentOfResponses;  // count / sum of all item counts x 100
    std::vector<double> percentOfCases;      // count / nCases x 100
    // With a grouping variable: its values among the cases with a counted item, ascending.
    std::vector<double> groupValues;
    std::vector<double> groupCases;                        // cases with a counted item, per group
    std::vector<std::vector<double>> groupCounts;          // [item][group]
    std::vector<std::vector<double>> groupPercentOfCases;  // [item][group]
};

// Counts, over the selected cases, the items equal to `countedValue` (a missing item is not
// counted). With `group`, the selected cases must be valid on it.
MultipleResponseTable multipleResponse(const data::Dataset& dataset, const std::vector<size_t>& items,
                                       double countedValue, const transform::CaseSelection& cases,
                                       std::optional<size_t> group = std::nullopt);

}  // namespace sl::core::stats
