#include "core/transform/CaseOrder.h"

#include <algorithm>
#include <numeric>

namespace sl::core::transform {

namespace {

// Coded columns sort by counting: one pass to count each code, one to place each case.
std::vector<size_t> orderByCodes(const data::Column& column, SortDirection direction)
{
    const size_t levelCount = column.levels().size();
    // Rank of each code in the output: levels in the chosen direction, system-missing (code 0) last.
    std::vector<size_t> rank(levelCount + 1);
    for (size_t k = 1; k <= levelCount; ++k)
        rank[k] = direction == SortDirection::Ascending ? k - 1 : levelCount - k;
    rank[0] = levelCount;
    std::vector<size_t> start(levelCount + 2, 0);
    for (size_t i = 0; i < column.size(); ++i) ++start[rank[column.code(i)] + 1];
    std::partial_sum(start.begin(), start.end(), start.begin());
    std::vector<size_t> order(column.size());
    for (size_t i = 0; i < column.size(); ++i) order[start[rank[column.code(i)]]++] = i;
    return order;
}

}  // namespace

std::vector<size_t> sortedCaseOrder(const data::Column& column, SortDirection direction)
{
    if (column.isCoded()) return orderByCodes(column, direction);
    std::vector<size_t> order(column.size());
    std::iota(order.begin(), order.end(), size_t{0});
    const bool ascending = direction == SortDirection::Ascending;
    if (column.isString()) {
        std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
            return ascending ? column.text(a) < column.text(b) : column.text(b) < column.text(a);
        });
        return order;
    }
    const double* values = column.doubles();
    const auto present = std::stable_partition(order.begin(), order.end(),
                                               [&](size_t c) { return !std::isnan(values[c]); });
    std::stable_sort(order.begin(), present, [&](size_t a, size_t b) {
        return ascending ? values[a] < values[b] : values[b] < values[a];
    });
    return order;
}

}  // namespace sl::core::transform
