#include "core/data/Dataset.h"

#include <cassert>
#include <cctype>
#include <stdexcept>

namespace sl::core::data {

bool sameName(std::string_view a, std::string_view b)
{
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

Dataset::Dataset(std::vector<Variable> variables, std::vector<ColumnPtr> columns)
    : m_variables(std::move(variables)), m_columns(std::move(columns))
{
    if (m_variables.size() != m_columns.size())
        throw std::invalid_argument("Dataset: variables and columns differ in number");
    m_caseCount = m_columns.empty() ? 0 : m_columns.front()->size();
    for (const auto& c : m_columns)
        if (!c || c->size() != m_caseCount) throw std::invalid_argument("Dataset: columns differ in length");
}

std::optional<size_t> Dataset::indexOf(std::string_view name) const
{
    for (size_t i = 0; i < m_variables.size(); ++i)
        if (m_variables[i].name == name) return i;
    for (size_t i = 0; i < m_variables.size(); ++i)
        if (sameName(m_variables[i].name, name)) return i;
    return std::nullopt;
}

bool Dataset::isMissing(size_t v, size_t c) const
{
    const Column& col = *m_columns[v];
    const Variable& var = m_variables[v];
    if (col.isString()) return var.missing.isMissingText(col.text(c));
    return var.missing.isMissing(col.number(c));
}

std::shared_ptr<const Dataset> Dataset::withVariable(Variable variable, ColumnPtr column) const
{
    auto copy = std::make_shared<Dataset>(*this);
    if (auto i = indexOf(variable.name)) {
        copy->m_variables[*i] = std::move(variable);
        copy->m_columns[*i] = std::move(column);
    } else {
        copy->m_variables.push_back(std::move(variable));
        copy->m_columns.push_back(std::move(column));
    }
    if (copy->m_columns.size() == 1) copy->m_caseCount = copy->m_columns.front()->size();
    return copy;
}

std::shared_ptr<const Dataset> Dataset::withMetadata(size_t i, Variable variable) const
{
    auto copy = std::make_shared<Dataset>(*this);
    copy->m_variables[i] = std::move(variable);
    return copy;
}

std::shared_ptr<const Dataset> Dataset::withCases(const std::vector<size_t>& cases) const
{
    std::vector<ColumnPtr> cols;
    cols.reserve(m_columns.size());
    for (const auto& c : m_columns) {
        if (c->isString()) {
            StringColumnBuilder b;
            for (size_t i : cases) b.append(c->text(i));
            cols.push_back(b.finish());
        } else {
            NumericColumnBuilder b;
            b.reserve(cases.size());
            for (size_t i : cases) b.append(c->number(i));
            cols.push_back(b.finish());
        }
    }
    auto copy = std::make_shared<Dataset>(m_variables, std::move(cols));
    copy->multipleResponseSets = multipleResponseSets;
    copy->fileLabel = fileLabel;
    copy->weightVariable = weightVariable;
    copy->warnings = warnings;
    if (m_columns.empty()) copy->m_caseCount = cases.size();
    return copy;
}

size_t Dataset::memoryBytes() const
{
    size_t total = 0;
    for (const auto& c : m_columns) total += c->memoryBytes();
    return total;
}

}  // namespace sl::core::data
