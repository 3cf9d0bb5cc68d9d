#pragma once
// Small datasets for the model and group-comparison tests, built in memory.
#include "core/data/Dataset.h"
#include "core/transform/CaseSelection.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace sl::test {

using Columns = std::vector<std::pair<std::string, std::vector<double>>>;

inline core::data::Dataset datasetOf(const Columns& columns)
{
    std::vector<core::data::Variable> variables;
    std::vector<core::data::ColumnPtr> data;
    for (const auto& [name, values] : columns) {
        core::data::Variable v;
        v.name = name;
        variables.push_back(v);
        data.push_back(core::data::Column::fromDoubles(values));
    }
    return core::data::Dataset(std::move(variables), std::move(data));
}

// Every case of the dataset, with the given weights (1 each when empty).
inline core::transform::CaseSelection allCases(size_t n, std::vector<double> weights = {})
{
    core::transform::CaseSelection s;
    s.weighted = !weights.empty();
    for (size_t i = 0; i < n; ++i) s.cases.push_back(i);
    s.weights = weights.empty() ? std::vector<double>(n, 1.0) : std::move(weights);
    return s;
}

// A reproducible uniform (0, 1) sequence (64-bit LCG, Knuth's MMIX constants).
class Uniform {
public:
    explicit Uniform(uint64_t seed) : m_state(seed) {}
    double operator()()
    {
        m_state = m_state * 6364136223846793005ULL + 1442695040888963407ULL;
        return (static_cast<double>(m_state >> 11) + 0.5) / 9007199254740992.0;
    }

private:
    uint64_t m_state;
};

}  // namespace sl::test
