#pragma once
// Reader of Excel workbooks (.xlsx, Office Open XML): one worksheet becomes a dataset.
#include "core/common/Expected.h"
#include "core/common/Progress.h"
#include "core/data/Dataset.h"

#include <string>
#include <string_view>
#include <vector>

namespace sl::core::io {

struct XlsxOptions {
    std::string sheetName;  // the worksheet to read; empty = the one at sheetIndex
    int sheetIndex = 0;     // 0 = the first worksheet
    bool header = true;     // the first non-empty row holds variable names
    const ProgressSink* progress = nullptr;
    const CancelToken* cancel = nullptr;
};

// The names of the worksheets of an .xlsx file, in workbook order (the import dialog offers them).
Expected<std::vector<std::string>> xlsxSheetNames(std::string_view bytes, const std::string& fileName);

// Parses the bytes of an .xlsx file. Numbers, text (shared and inline), booleans (1/0) and dates (by the
// cell's number format, 1900 and 1904 date systems; read as SPSS dates) are kept; empty and error cells are
// system-missing. A column with any text that is not a number becomes a string variable.
// An .xls (97-2003) or password-protected workbook gives an Error asking to save it as .xlsx.
Expected<data::DatasetPtr> readXlsxBytes(std::string_view bytes, const std::string& fileName,
                                         const XlsxOptions& options = {});

Expected<data::DatasetPtr> readXlsx(const std::string& path, const XlsxOptions& options = {});

}  // namespace sl::core::io
