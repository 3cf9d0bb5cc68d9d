#pragma once
// Writer of CSV/TSV (UTF-8): a header of variable names, then codes or their value labels; empty cell = missing.
#include "core/common/Expected.h"
#include "core/data/Dataset.h"

#include <string>

namespace sl::core::io {

// What a cell of a labelled variable holds: its code, or its value label where it has one (as SPSS's
// "save value labels where defined instead of data values").
enum class CsvValues { Codes, Labels };

std::string encodeCsv(const data::Dataset& dataset, char delimiter = ',', CsvValues values = CsvValues::Codes);
Status writeCsv(const data::Dataset& dataset, const std::string& path, char delimiter = ',',
                CsvValues values = CsvValues::Codes);

}  // namespace sl::core::io
