#include "core/transform/FindValue.h"

#include <algorithm>

namespace sl::core::transform {

namespace {

template <class CaseMatches>
std::optional<size_t> scanFrom(size_t positions, size_t start, const std::vector<size_t>& order,
                               CaseMatches caseMatches)
{
    for (size_t k = 0; k < positions; ++k) {
        const size_t p = start + k < positions ? start + k : start + k - positions;
        if (caseMatches(order.empty() ? p : order[p])) return p;
    }
    return std::nullopt;
}

}  // namespace

std::optional<size_t> findNextMatch(const data::Column& column, const ValueMatch& match, size_t start,
                                    const std::vector<size_t>& order)
{
    const size_t positions = order.empty() ? column.size() : order.size();
    if (start >= positions) start = 0;
    using Storage = data::Column::Storage;
    switch (column.storage()) {
    case Storage::Codes8:
    case Storage::Codes16: {
        if (!match.number) return std::nullopt;
        const auto& levels = column.levels();
        std::vector<char> codeMatches(levels.size() + 1, 0);  // code 0 is system-missing
        for (size_t k = 0; k < levels.size(); ++k) codeMatches[k + 1] = match.number(levels[k]) ? 1 : 0;
        if (std::find(codeMatches.begin(), codeMatches.end(), 1) == codeMatches.end()) return std::nullopt;
        if (column.storage() == Storage::Codes8) {
            const uint8_t* codes = column.codes8();
            return scanFrom(positions, start, order, [&](size_t c) { return codeMatches[codes[c]] != 0; });
        }
        const uint16_t* codes = column.codes16();
        return scanFrom(positions, start, order, [&](size_t c) { return codeMatches[codes[c]] != 0; });
    }
    case Storage::Doubles: {
        if (!match.number) return std::nullopt;
        const double* values = column.doubles();
        return scanFrom(positions, start, order,
                        [&](size_t c) { return !std::isnan(values[c]) && match.number(values[c]); });
    }
    case Storage::Strings:
        if (!match.text) return std::nullopt;
        return scanFrom(positions, start, order, [&](size_t c) { return match.text(column.text(c)); });
    }
    return std::nullopt;
}

}  // namespace sl::core::transform
