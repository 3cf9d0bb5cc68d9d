#pragma once
// Changing the values of a dataset: one cell, or a variable's type. The dataset stays immutable:
// an edit builds a new version that shares every column except the edited one.
#include "core/common/Expected.h"
#include "core/data/Dataset.h"

#include <cstddef>
#include <string>
#include <variant>

namespace sl::core::transform {

// The new value of a cell: a number for a numeric variable (NaN for system-missing), text for a
// string variable.
using CellValue = std::variant<double, std::string>;

// A copy of `dataset` where case `caseIndex` of variable `variable` holds `value`. Refuses a value
// of the wrong type, text longer than the variable's width, infinite numbers and indexes out of range.
// A coded column stays coded, gaining a level when the value is new.
Expected<data::DatasetPtr> withCellValue(const data::Dataset& dataset, size_t variable, size_t caseIndex,
                                         const CellValue& value);

// A variable changed to the other type, as SPSS's ALTER TYPE does, and what was lost on the way.
struct TypeChange {
    data::DatasetPtr dataset;
    size_t unreadable = 0;  // texts that were not numbers and became system-missing
};

// A copy of `dataset` where variable `variable` holds text, or numbers. Numbers become text with the
// variable's decimals (system-missing becomes empty) in a string of `stringWidth` bytes, widened when a
// value needs more; text becomes numbers (empty and other text become system-missing) in F8 with two
// decimals when a value has a fraction, none otherwise. Value labels and missing values follow where
// they can (text has no ranges); a scale variable becomes nominal text.
Expected<TypeChange> withVariableType(const data::Dataset& dataset, size_t variable, data::VariableType type,
                                      int stringWidth = 8);

// The value a cell holds now, in the form withCellValue takes.
CellValue cellValue(const data::Dataset& dataset, size_t variable, size_t caseIndex);

}  // namespace sl::core::transform
