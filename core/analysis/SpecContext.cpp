#include "core/analysis/SpecContext.h"

#include <numeric>

namespace sl::core::analysis {

Expected<std::vector<transform::Condition>> parseFilter(const Json& filter)
{
    std::vector<transform::Condition> out;
    if (filter.is_null()) return out;
    if (!filter.is_array()) return makeError(ErrorCode::InvalidInput, "'filter' must be a list of conditions.", "filter");
    for (size_t i = 0; i < filter.size(); ++i) {
        const Json& c = filter[i];
        const std::string where = "filter[" + std::to_string(i) + "]";
        if (!c.is_object() || !c.contains("var") || !c["var"].is_string() || !c.contains("op") || !c["op"].is_string())
            return makeError(ErrorCode::InvalidInput, "A filter condition needs 'var' and 'op'.", where);
        auto op = transform::conditionOpFromString(c["op"].get<std::string>());
        if (!op)
            return makeError(ErrorCode::InvalidInput,
                             "Unknown filter operator '" + c["op"].get<std::string>() +
                                 "' (use in, not_in, between, missing or not_missing).",
                             where);
        transform::Condition cond;
        cond.variable = c["var"].get<std::string>();
        cond.op = *op;
        if (c.contains("values") && c["values"].is_array()) {
            for (const auto& v : c["values"]) {
                if (v.is_number()) cond.values.push_back(v.get<double>());
                else if (v.is_string()) cond.textValues.push_back(v.get<std::string>());
                else return makeError(ErrorCode::InvalidInput, "Filter values must be numbers or strings.", where);
            }
        }
        out.push_back(std::move(cond));
    }
    return out;
}

Expected<SpecContext> SpecContext::make(const data::Dataset& dataset, const Json& spec)
{
    SpecContext ctx;
    ctx.m_dataset = &dataset;
    auto conditions = parseFilter(spec.contains("filter") ? spec["filter"] : Json());
    if (!conditions) return conditions.error();
    auto mask = transform::evaluateFilter(dataset, *conditions);
    if (!mask) return mask.error();
    ctx.m_mask = std::move(*mask);
    if (spec.contains("weight") && !spec["weight"].is_null()) {
        if (!spec["weight"].is_string())
            return makeError(ErrorCode::InvalidInput, "'weight' must be a variable name or null.", "weight");
        auto w = ctx.variableNamed(spec["weight"].get<std::string>());
        if (!w) return w.error();
        if (dataset.variable(*w).isString())
            return makeError(ErrorCode::InvalidInput, "A weight variable must be numeric.",
                             "variable " + dataset.variable(*w).name);
        ctx.m_weight = *w;
    }
    return ctx;
}

Expected<size_t> SpecContext::variableNamed(const std::string& name) const
{
    auto i = m_dataset->indexOf(name);
    if (!i) return makeError(ErrorCode::NotFound, "There is no variable named '" + name + "'.", "variable " + name);
    return *i;
}

Expected<size_t> SpecContext::variable(const Json& spec, const char* member) const
{
    if (!spec.contains(member) || !spec[member].is_string())
        return makeError(ErrorCode::InvalidInput, std::string("The spec needs '") + member + "': a variable name.",
                         member);
    return variableNamed(spec[member].get<std::string>());
}

Expected<std::vector<size_t>> SpecContext::variables(const Json& spec, const char* member) const
{
    if (!spec.contains(member) || !spec[member].is_array() || spec[member].empty())
        return makeError(ErrorCode::InvalidInput,
                         std::string("The spec needs '") + member + "': a list of variable names.", member);
    std::vector<size_t> out;
    for (const auto& name : spec[member]) {
        if (!name.is_string())
            return makeError(ErrorCode::InvalidInput, std::string("'") + member + "' must hold variable names.", member);
        auto i = variableNamed(name.get<std::string>());
        if (!i) return i.error();
        out.push_back(*i);
    }
    return out;
}

double SpecContext::validValue(size_t v, size_t c) const
{
    const auto& col = m_dataset->column(v);
    const double x = col.number(c);
    return m_dataset->variable(v).missing.isUserMissing(x) ? data::kSysmis : x;
}

CaseSelection SpecContext::filtered() const
{
    CaseSelection sel;
    sel.weighted = m_weight.has_value();
    const size_t n = m_dataset->caseCount();
    sel.cases.reserve(m_mask.selectedCount());
    sel.weights.reserve(m_mask.selectedCount());
    for (size_t c = 0; c < n; ++c) {
        if (!m_mask.isSelected(c)) continue;
        double w = 1.0;
        if (m_weight) {
            w = validValue(*m_weight, c);
            if (!(w > 0)) continue;  // missing, zero or negative
        }
        sel.cases.push_back(c);
        sel.weights.push_back(w);
    }
    return sel;
}

CaseSelection SpecContext::listwise(const std::vector<size_t>& vars) const
{
    CaseSelection all = filtered();
    // Variable by variable, so that a coded column decides each case by one table lookup.
    std::vector<uint8_t> missing(all.cases.size(), 0);
    for (size_t v : vars) {
        const auto& column = m_dataset->column(v);
        const auto& spec = m_dataset->variable(v).missing;
        auto markCodes = [&](const auto* codes) {
            std::vector<uint8_t> missingCode(column.levels().size() + 1, 1);
            for (size_t k = 0; k < column.levels().size(); ++k)
                missingCode[k + 1] = spec.isMissing(column.levels()[k]) ? 1 : 0;
            for (size_t k = 0; k < all.cases.size(); ++k) missing[k] |= missingCode[codes[all.cases[k]]];
        };
        if (column.storage() == data::Column::Storage::Codes8) {
            markCodes(column.codes8());
        } else if (column.storage() == data::Column::Storage::Codes16) {
            markCodes(column.codes16());
        } else if (column.storage() == data::Column::Storage::Doubles) {
            const double* values = column.doubles();
            for (size_t k = 0; k < all.cases.size(); ++k)
                missing[k] |= spec.isMissing(values[all.cases[k]]) ? 1 : 0;
        } else {
            for (size_t k = 0; k < all.cases.size(); ++k)
                missing[k] |= m_dataset->isMissing(v, all.cases[k]) ? 1 : 0;
        }
    }
    CaseSelection sel;
    sel.weighted = all.weighted;
    sel.cases.reserve(all.cases.size());
    sel.weights.reserve(all.cases.size());
    for (size_t k = 0; k < all.cases.size(); ++k) {
        if (missing[k]) continue;
        sel.cases.push_back(all.cases[k]);
        sel.weights.push_back(all.weights[k]);
    }
    return sel;
}

}  // namespace sl::core::analysis
