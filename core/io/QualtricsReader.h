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
    std::vector<std::string> timeZones;  // row 3: the time zone of a date column ("America/Denver"), else empty
};

// The header when the text is a Qualtrics export, else nullopt. Accepts UTF-8 (with or without BOM)
// and UTF-16 with BOM, comma or tab separated.
std::optional<QualtricsHeader> qualtricsHeaderOf(std::string_view bytes);

// Import presets a user can untick in the import dialog. All off here, so a conversion keeps every row and
// column; the GUI's import dialog starts with them ticked. What was dropped is told in the dataset's warnings.
struct QualtricsOptions {
    bool dropPreviewAndTestResponses = false;  // drop Status survey preview, test and spam (1, 2, 8, 9, 17)
    bool dropUnfinishedResponses = false;      // drop Finished = FALSE (0) responses
    bool dropIdentifyingColumns = false;       // IP address, names, e-mail, location, external reference
    std::string choiceTextPath;  // the "choice text" export of the same survey: its texts become value labels
};

// Reads an export: row 1 gives the names, row 2 the variable labels; the data rows are typed as in a CSV
// file. Dates (StartDate, EndDate, RecordedDate, "YYYY-MM-DD hh:mm:ss") become SPSS date-times, in UTC with
// Variable::timeZone set when row 3 names their time zone. Finished TRUE/FALSE becomes 1/0, Status gets its
// value labels, and a -99 "seen but unanswered" code in a question column is declared user-missing. The
// questions are described as in QualtricsQuestions.h: comma-joined answers split, multiple-response sets,
// "other, please specify" texts, loop-and-merge iterations.
Expected<data::DatasetPtr> readQualtricsBytes(std::string_view bytes, const std::string& fileName,
                                              const CsvOptions& options = {}, const QualtricsOptions& qualtrics = {});

// The other export of the same survey beside `path` (its "choice text" export beside the "numeric values"
// one, or the reverse): the one Qualtrics export in the same folder with the same header rows. nullopt when
// there is none, or more than one.
std::optional<std::string> findPartnerExport(const std::string& path);

}  // namespace sl::core::io
