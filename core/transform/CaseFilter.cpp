#include "core/transform/CaseFilter.h"

#include <algorithm>

namespace sl::core::transform {

CaseMask::CaseMask(std::vector<uint8_t> selected) : m_selected(std::move(selected))
{
    m_count = static_cast<size_t>(std::count_if(m_selected.begin(), m_selected.end(), [](uint8_t b) { return b != 0; }));
}

CaseMask CaseMask::all(size_t cases) { return CaseMask(std::vector<uint8_t>(cases, 1)); }

const char* toString(ConditionOp op)
{
    switch (op) {
    case ConditionOp::In: return "in";
    case ConditionOp::NotIn: return "not_in";
    case ConditionOp::Between: return "between";
    case ConditionOp::Missing: return "missing";
    case ConditionOp::NotMissing: return "not_missing";
    }
    return "in";
}

std::optional<ConditionOp> conditionOpFromString(std::string_view name)
{
    for (auto op : {ConditionOp::In, ConditionOp::NotIn, ConditionOp::Between, ConditionOp::Missing,
                    ConditionOp::NotMissing})
        if (name == toString(op)) return op;
    return std::nullopt;
}

namespace {

// For coded columns a condition is decided once per level, then per case by code.
void applyNumeric(const data::Column& col, const data::Variable& var, const Condition& cond, std::vector<uint8_t>& mask)
{
    auto test = [&](double v) -> bool {
        const bool missing = var.missing.isMissing(v);
        switch (cond.op) {
        case ConditionOp::Missing: return missing;
        case ConditionOp::NotMissing: return !missing;
        case ConditionOp::In:
            return !missing && std::find(cond.values.begin(), cond.values.end(), v) != cond.values.end();
        case ConditionOp::NotIn:
            return !missing && std::find(cond.values.begin(), cond.values.end(), v) == cond.values.end();
        case ConditionOp::Between:
            return !missing && cond.values.size() == 2 && v >= cond.values[0] && v <= cond.values[1];
        }
        return false;
    };
    const size_t n = col.size();
    if (col.isCoded()) {
        std::vector<uint8_t> pass(col.levels().size() + 1);
        pass[0] = test(data::kSysmis);
        for (size_t k = 0; k < col.levels().size(); ++k) pass[k + 1] = test(col.levels()[k]);
        if (col.storage() == data::Column::Storage::Codes8) {
            const uint8_t* codes = col.codes8();
            for (size_t c = 0; c < n; ++c) mask[c] &= pass[codes[c]];
        } else {
            const uint16_t* codes = col.codes16();
            for (size_t c = 0; c < n; ++c) mask[c] &= pass[codes[c]];
        }
        return;
    }
    for (size_t c = 0; c < n; ++c)
        if (mask[c]) mask[c] = test(col.number(c));
}

void applyText(const data::Column& col, const data::Variable& var, const Condition& cond, std::vector<uint8_t>& mask)
{
    for (size_t c = 0; c < col.size(); ++c) {
        if (!mask[c]) continue;
        std::string_view s = col.text(c);
        while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
        const bool missing = var.missing.isMissingText(s);
        bool keep = false;
        switch (cond.op) {
        case ConditionOp::Missing: keep = missing; break;
        case ConditionOp::NotMissing: keep = !missing; break;
        case ConditionOp::In:
        case ConditionOp::NotIn: {
            const bool found = std::find(cond.textValues.begin(), cond.textValues.end(), s) != cond.textValues.end();
            keep = !missing && (cond.op == ConditionOp::In ? found : !found);
            break;
        }
        case ConditionOp::Between:
            keep = !missing && cond.textValues.size() == 2 && s >= cond.textValues[0] && s <= cond.textValues[1];
            break;
        }
        mask[c] = keep;
    }
}

}  // namespace

Expected<CaseMask> evaluateFilter(const data::Dataset& dataset, const std::vector<Condition>& conditions)
{
    std::vector<uint8_t> mask(dataset.caseCount(), 1);
    for (const auto& cond : conditions) {
        auto index = dataset.indexOf(cond.variable);
        if (!index)
            return makeError(ErrorCode::NotFound, "The filter names a variable that does not exist.",
                             "variable " + cond.variable);
        if (cond.op == ConditionOp::Between && cond.values.size() != 2 && cond.textValues.size() != 2)
            return makeError(ErrorCode::InvalidInput, "A 'between' condition needs exactly two values.",
                             "variable " + cond.variable);
        const auto& col = dataset.column(*index);
        const auto& var = dataset.variable(*index);
        if (col.isString())
            applyText(col, var, cond, mask);
        else
            applyNumeric(col, var, cond, mask);
    }
    return CaseMask(std::move(mask));
}

}  // namespace sl::core::transform
