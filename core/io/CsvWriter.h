#pragma once
// Writer of CSV/TSV: a header of variable names, codes (not labels), empty cell = missing.
#include "core/common/Expected.h"
#include "core/data/Dataset.h"

#include <string>

namespace sl::core::io {

std::string encodeCsv(const data::Dataset& dataset, char delimiter = ',');
Status writeCsv(const data::Dataset& dataset, const std::string& path, char delimiter = ',');

}  // namespace sl::core::io
