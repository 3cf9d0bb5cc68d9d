#pragma once
// Small in-memory datasets for the survey-design tests.
#include "core/data/Dataset.h"

#include <string>
#include <utility>
#include <vector>

namespace sl::test {

// A dataset of numeric variables, each given as (name, values).
inline core::data::DatasetPtr makeDataset(const std::vector<std::pair<std::string, std::vector<double>>>& columns)
{
    std::vector<core::data::Variable> variables;
    std::vector<core::data::ColumnPtr> data;
    for (const auto& [name, values] : columns) {
        core::data::Variable v;
        v.name = name;
        variables.push_back(v);
        data.push_back(core::data::Column::fromDoubles(values));
    }
    return std::make_shared<const core::data::Dataset>(std::move(variables), std::move(data));
}

}  // namespace sl::test
