#pragma once
// Opening and saving a data file whatever its format: the one entry point the CLI and GUI use.
#include "core/common/Expected.h"
#include "core/common/Progress.h"
#include "core/data/Dataset.h"
#include "core/io/CsvReader.h"
#include "core/io/CsvWriter.h"
#include "core/io/QualtricsReader.h"
#include "core/io/XlsxReader.h"

#include <string>

namespace sl::core::io {

enum class FileFormat { Sav, Zsav, Csv, Tsv, Stata, Sas, SpssPortable, Xlsx, Unknown };

const char* toString(FileFormat format);  // "sav", "zsav", "csv", ...

// The format from the first bytes (magic numbers), falling back to the extension for text.
FileFormat detectFormat(const std::string& path, std::string_view firstBytes);

// How to read a file. Everything left at its default is detected from the file; the import dialog fills
// in what the user overrides.
struct OpenOptions {
    const ProgressSink* progress = nullptr;
    const CancelToken* cancel = nullptr;
    CsvOptions csv;              // delimiter, decimal point, encoding and header row of a CSV/TSV
    QualtricsOptions qualtrics;  // presets for a Qualtrics export
    XlsxOptions xlsx;            // worksheet and header row of a workbook
    std::string savEncoding;     // character encoding of a .sav overriding its encoding record; empty = the file's
};

Expected<data::DatasetPtr> openDataFile(const std::string& path, const OpenOptions& options = {});

// Saves by the extension of `path` (.sav, .zsav, .csv, .tsv, .xlsx), atomically; a CSV/TSV holds codes or
// value labels as `csvValues` says.
Status saveDataFile(const data::Dataset& dataset, const std::string& path, CsvValues csvValues = CsvValues::Codes);

}  // namespace sl::core::io
