#pragma once
// An immutable survey dataset: variables (metadata) and their columns.
// Edits produce a new Dataset that shares the unchanged columns.
#include "core/data/Column.h"
#include "core/data/Variable.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sl::core::data {

// An SPSS multiple-response set ($name): a group of variables answered as one question.
struct MultipleResponseSet {
    std::string name;   // without the leading '$'
    std::string label;
    bool dichotomy = true;       // MDGROUP (true) or MCGROUP (false)
    std::string countedValue;    // for dichotomy sets, as text ("1")
    bool labelsFromCountedValues = false;  // SPSS CATEGORYLABELS=COUNTEDVALUES
    std::vector<std::string> variables;
};

class Dataset {
public:
    Dataset() = default;
    Dataset(std::vector<Variable> variables, std::vector<ColumnPtr> columns);

    size_t caseCount() const { return m_caseCount; }
    size_t variableCount() const { return m_variables.size(); }
    const Variable& variable(size_t i) const { return m_variables[i]; }
    const std::vector<Variable>& variables() const { return m_variables; }
    const Column& column(size_t i) const { return *m_columns[i]; }
    const ColumnPtr& columnPtr(size_t i) const { return m_columns[i]; }

    // Index of a variable by name; names compare case-insensitively, as in SPSS.
    std::optional<size_t> indexOf(std::string_view name) const;

    // True when case c of variable v is system- or user-missing.
    bool isMissing(size_t v, size_t c) const;

    std::vector<MultipleResponseSet> multipleResponseSets;
    std::string fileLabel;
    std::string weightVariable;          // SPSS WEIGHT BY stored in the file, or empty
    std::vector<std::string> warnings;   // repairs made while reading

    // A copy with one variable appended, or replaced when the name exists.
    std::shared_ptr<const Dataset> withVariable(Variable variable, ColumnPtr column) const;
    // A copy with only the given cases, in the given order.
    std::shared_ptr<const Dataset> withCases(const std::vector<size_t>& cases) const;
    // A copy with new metadata for variable i (same column).
    std::shared_ptr<const Dataset> withMetadata(size_t i, Variable variable) const;

    // Bytes held by all columns.
    size_t memoryBytes() const;

private:
    std::vector<Variable> m_variables;
    std::vector<ColumnPtr> m_columns;
    size_t m_caseCount = 0;
};

using DatasetPtr = std::shared_ptr<const Dataset>;

// Case-insensitive ASCII comparison of variable names.
bool sameName(std::string_view a, std::string_view b);

}  // namespace sl::core::data
