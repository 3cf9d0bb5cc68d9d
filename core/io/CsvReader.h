#pragma once
// Reader of delimited text (CSV, TSV, semicolon and bar separated), RFC 4180 quoting.
#include "core/common/Expected.h"
#include "core/common/Progress.h"
#include "core/data/Dataset.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sl::core::io {

enum class CharacterEncoding { Detect, Utf8, Utf16, Windows1252, Latin1 };

// "UTF-8", "UTF-16", "Windows-1252", "ISO-8859-1 (Latin-1)" or "detect".
const char* toString(CharacterEncoding encoding);

struct CsvOptions {
    char delimiter = 0;  // 0 = sniff among ',', ';', '\t', '|'
    bool header = true;  // first row holds variable names
    char decimalPoint = 0;  // 0 = detect: ',' when the delimiter is ';' and numbers are written with decimal commas, else '.'
    char thousandsSeparator = 0;  // 0 = none
    CharacterEncoding encoding = CharacterEncoding::Detect;
    const ProgressSink* progress = nullptr;
    const CancelToken* cancel = nullptr;
};

// Parses CSV bytes. Repairs (duplicate names, ragged rows, invalid UTF-8, a legacy encoding) go into
// Dataset::warnings.
Expected<data::DatasetPtr> readCsvBytes(std::string_view bytes, const std::string& fileName,
                                        const CsvOptions& options = {});

Expected<data::DatasetPtr> readCsv(const std::string& path, const CsvOptions& options = {});

// The settings a file would be read with and its first rows, for an import dialog. Looks only at the
// start of the bytes, so it is fast on a file of any size.
struct CsvPreview {
    char delimiter;
    char decimalPoint;
    CharacterEncoding encoding;
    bool header;
    std::vector<std::string> names;
    std::vector<std::string> types;              // "numeric" | "string" per column as it would load
    std::vector<std::vector<std::string>> rows;  // the first rows, cells as UTF-8 text
    std::vector<std::string> warnings;
};

Expected<CsvPreview> previewCsvBytes(std::string_view bytes, const CsvOptions& options = {}, size_t rowCount = 20);

}  // namespace sl::core::io
