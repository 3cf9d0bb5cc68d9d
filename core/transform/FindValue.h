#pragma once
// Find in the Data View: the next case whose value matches, in the order the cases are shown.
#include "core/data/Column.h"

#include <functional>
#include <optional>
#include <string_view>
#include <vector>

namespace sl::core::transform {

// Decides whether a shown value matches what the user looks for.
struct ValueMatch {
    std::function<bool(double)> number;          // a numeric value; asked once per level of coded columns
    std::function<bool(std::string_view)> text;  // a value of a string column
};

// Checks positions `start`, start + 1, … to the end, then wraps to 0 and stops before `start`.
// Position p shows case order[p], or case p when `order` is empty. Returns the first matching
// position, or nothing when no case matches. System-missing values never match.
std::optional<size_t> findNextMatch(const data::Column& column, const ValueMatch& match, size_t start,
                                    const std::vector<size_t>& order = {});

}  // namespace sl::core::transform
