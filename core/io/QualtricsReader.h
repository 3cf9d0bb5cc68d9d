#pragma once
// Reader of Qualtrics survey exports (CSV or TSV): the current three-header-row layout (names, question
// text, {"ImportId":...}) and the legacy two-header-row layout (V1..V10 metadata, question text).
#include "core/common/Expected.h"
#include "core/data/Dataset.h"
#include "core/io/CsvReader.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sl::core::io {

// The header rows of an export, one entry per column.
struct QualtricsHeader {
    bool legacy = false;                 // two header rows (pre-2017 exporter)
    std::vector<std::string> names;      // row 1: the column names
    std::vector<std::string> questions;  // row 2: question text, HTML removed
    std::vector<std::string> importIds;  // row 3: the ImportId of each column (empty for legacy exports)
};

// The header when the text is a Qualtrics export, else nullopt. Accepts UTF-8 (with or without BOM)
// and UTF-16 with BOM, comma or tab separated.
std::optional<QualtricsHeader> qualtricsHeaderOf(std::string_view bytes);

// Reads an export: row 1 gives the names, row 2 the variable labels; the data rows are typed as in a CSV
// file. Dates (StartDate, EndDate, RecordedDate, "YYYY-MM-DD hh:mm:ss") become SPSS date-times, Finished
// TRUE/FALSE becomes 1/0, Status gets its value labels, and a -99 "seen but unanswered" code in a question
// column is declared user-missing.
// Import presets a user can untick in the import dialog. All off here, so a conversion keeps every row and
// column; the GUI's import dialog starts with them ticked.
struct QualtricsOptions {
    bool dropPreviewAndTestResponses = false;  // keep only Status = "IP Address" (0) responses
    bool dropUnfinishedResponses = false;      // keep only Finished = TRUE (1) responses
    bool dropIdentifyingColumns = false;       // IP address, names, e-mail, location, external reference
    std::string choiceTextPath;  // the "choice text" export of the same survey: its texts become value labels
};

Expected<data::DatasetPtr> readQualtricsBytes(std::string_view bytes, const std::string& fileName,
                                              const CsvOptions& options = {}, const QualtricsOptions& qualtrics = {});

}  // namespace sl::core::io
