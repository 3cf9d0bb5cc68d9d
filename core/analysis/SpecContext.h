#pragma once
// What every analysis needs from its spec: the dataset, the cases the filter keeps,
// the frequency weight, and listwise selection of usable cases.
#include "core/analysis/Json.h"
#include "core/common/Expected.h"
#include "core/data/Dataset.h"
#include "core/transform/CaseFilter.h"
#include "core/transform/CaseSelection.h"

#include <string>
#include <vector>

namespace sl::core::analysis {

using transform::CaseSelection;

class SpecContext {
public:
    // Reads `filter` and `weight` from the spec. Errors name the variable.
    static Expected<SpecContext> make(const data::Dataset& dataset, const Json& spec);

    const data::Dataset& dataset() const { return *m_dataset; }
    const transform::CaseMask& filterMask() const { return m_mask; }
    bool weighted() const { return m_weight.has_value(); }

    // The index of the variable named by spec[member] (a string). Errors say which member and name.
    Expected<size_t> variable(const Json& spec, const char* member) const;
    // The indexes of the variables named by spec[member] (a list of strings).
    Expected<std::vector<size_t>> variables(const Json& spec, const char* member) const;
    Expected<size_t> variableNamed(const std::string& name) const;

    // Cases kept by the filter with a usable weight (missing, zero or negative weights dropped).
    CaseSelection filtered() const;
    // Those cases that are valid (neither system- nor user-missing) on every listed variable.
    CaseSelection listwise(const std::vector<size_t>& vars) const;

    // The frequency weight variable, if any.
    std::optional<size_t> weightVariable() const { return m_weight; }

    // Value of variable v for case c, NaN when system- or user-missing.
    double validValue(size_t v, size_t c) const;

private:
    const data::Dataset* m_dataset = nullptr;
    transform::CaseMask m_mask;
    std::optional<size_t> m_weight;
};

// Parses a spec's "filter" member into conditions.
Expected<std::vector<transform::Condition>> parseFilter(const Json& filter);

}  // namespace sl::core::analysis
