#pragma once
// Applying a data dictionary to data read from a file without metadata (CSV, Excel, Qualtrics).
#include "core/common/Expected.h"
#include "core/data/Dataset.h"

#include <string>
#include <string_view>

namespace sl::core::io {

// The dictionary is delimited text with the columns variable, variable_label, value, value_label and
// user_missing (1 for a declared missing code), one row per labelled value; a variable without value labels
// has one row with an empty value. Variable labels, value labels and user-missing codes are set; a text
// column whose cells are value labels (or numbers) becomes the numeric codes. Dictionary rows naming
// variables the data lack give warnings in the returned dataset.
Expected<data::DatasetPtr> applyDataDictionary(const data::Dataset& dataset, std::string_view dictionaryBytes,
                                               const std::string& dictionaryName);

Expected<data::DatasetPtr> applyDataDictionaryFile(const data::Dataset& dataset, const std::string& path);

}  // namespace sl::core::io
