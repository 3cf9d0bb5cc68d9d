#pragma once
// Opening and saving a data file whatever its format: the one entry point the CLI and GUI use.
#include "core/common/Expected.h"
#include "core/common/Progress.h"
#include "core/data/Dataset.h"

#include <string>

namespace sl::core::io {

enum class FileFormat { Sav, Zsav, Csv, Tsv, Stata, Sas, SpssPortable, Xlsx, Unknown };

const char* toString(FileFormat format);  // "sav", "zsav", "csv", ...

// The format from the first bytes (magic numbers), falling back to the extension for text.
FileFormat detectFormat(const std::string& path, std::string_view firstBytes);

struct OpenOptions {
    const ProgressSink* progress = nullptr;
    const CancelToken* cancel = nullptr;
};

Expected<data::DatasetPtr> openDataFile(const std::string& path, const OpenOptions& options = {});

// Saves by the extension of `path` (.sav, .zsav, .csv, .tsv, .xlsx), atomically.
Status saveDataFile(const data::Dataset& dataset, const std::string& path);

}  // namespace sl::core::io
