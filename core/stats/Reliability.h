#pragma once
// Internal consistency of a scale: Cronbach's alpha and item-total statistics.
#include "core/data/Dataset.h"
#include "core/transform/CaseSelection.h"

#include <vector>

namespace sl::core::stats {

struct ItemTotalStatistics {
    double correctedItemTotalR = 0;  // correlation of the item with the sum of the other items
    double alphaIfDeleted = 0;       // raw alpha of the other items (NaN with fewer than two left)
};

struct Reliability {
    double n = 0;  // cases, or sum of weights
    double alpha = 0;
    double standardizedAlpha = 0;  // k rbar / (1 + (k - 1) rbar), rbar the mean inter-item correlation
    std::vector<ItemTotalStatistics> items;
};

// Alpha of the items over the selected cases, which must be valid on every item.
// Variances and covariances use the frequency weights (denominator: sum of weights - 1).
Reliability reliability(const data::Dataset& dataset, const std::vector<size_t>& items,
                        const transform::CaseSelection& cases);

}  // namespace sl::core::stats
