#pragma once
// The cases one analysis uses, with their frequency weights (1 when unweighted).
#include <cstddef>
#include <numeric>
#include <vector>

namespace sl::core::transform {

struct CaseSelection {
    std::vector<size_t> cases;
    std::vector<double> weights;
    bool weighted = false;

    size_t size() const { return cases.size(); }
    double totalWeight() const { return std::accumulate(weights.begin(), weights.end(), 0.0); }
};

}  // namespace sl::core::transform
