#pragma once
// Writer of Excel workbooks (.xlsx): a "data" sheet (names, then one row per case) and a "variables" sheet
// (name, label, type, measure, format, value labels, missing values).
#include "core/common/Expected.h"
#include "core/data/Dataset.h"

#include <string>

namespace sl::core::io {

// Writes atomically. System-missing values are empty cells; user-missing codes are written as their code;
// date variables become Excel dates.
Status writeXlsx(const data::Dataset& dataset, const std::string& path);

}  // namespace sl::core::io
