#pragma once
// Filter conditions (what the one-click filter bar builds) and the case mask they give.
//
// A system- or user-missing value never satisfies In, NotIn or Between; Missing matches
// both kinds, NotMissing neither. All conditions must hold.
#include "core/common/Expected.h"
#include "core/data/Dataset.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace sl::core::transform {

enum class ConditionOp { In, NotIn, Between, Missing, NotMissing };

struct Condition {
    std::string variable;
    ConditionOp op = ConditionOp::In;
    std::vector<double> values;           // numeric variables
    std::vector<std::string> textValues;  // string variables (In, NotIn, Between)
};

// One byte per case: 1 = selected. Shared, immutable once built.
class CaseMask {
public:
    CaseMask() = default;
    explicit CaseMask(std::vector<uint8_t> selected);
    static CaseMask all(size_t cases);

    size_t size() const { return m_selected.size(); }
    size_t selectedCount() const { return m_count; }
    bool isSelected(size_t c) const { return m_selected[c] != 0; }
    const uint8_t* data() const { return m_selected.data(); }

private:
    std::vector<uint8_t> m_selected;
    size_t m_count = 0;
};

using CaseMaskPtr = std::shared_ptr<const CaseMask>;

const char* toString(ConditionOp op);  // "in", "not_in", ...
std::optional<ConditionOp> conditionOpFromString(std::string_view name);

// Evaluates the conditions; an unknown variable is an error naming it.
Expected<CaseMask> evaluateFilter(const data::Dataset& dataset, const std::vector<Condition>& conditions);

}  // namespace sl::core::transform
