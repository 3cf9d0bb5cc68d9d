#pragma once
// Reader of delimited text (CSV, TSV, semicolon and bar separated), RFC 4180 quoting.
#include "core/common/Expected.h"
#include "core/common/Progress.h"
#include "core/data/Dataset.h"

#include <string>
#include <string_view>

namespace sl::core::io {

struct CsvOptions {
    char delimiter = 0;        // 0 = sniff among ',', ';', '\t', '|'
    bool header = true;        // first row holds variable names
    char decimalPoint = '.';
    const ProgressSink* progress = nullptr;
    const CancelToken* cancel = nullptr;
};

// Parses CSV bytes. Repairs (duplicate names, ragged rows, invalid UTF-8) go into Dataset::warnings.
Expected<data::DatasetPtr> readCsvBytes(std::string_view bytes, const std::string& fileName,
                                        const CsvOptions& options = {});

Expected<data::DatasetPtr> readCsv(const std::string& path, const CsvOptions& options = {});

}  // namespace sl::core::io
