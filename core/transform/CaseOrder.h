#pragma once
// Sort Cases in the Data View: the order in which to show the cases, without moving any data.
#include "core/data/Column.h"

#include <vector>

namespace sl::core::transform {

enum class SortDirection { Ascending, Descending };

// Case indices stably sorted by the column's values (ties keep file order). System-missing
// cases come last in either direction; text sorts byte by byte.
std::vector<size_t> sortedCaseOrder(const data::Column& column, SortDirection direction);

}  // namespace sl::core::transform
