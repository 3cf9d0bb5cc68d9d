#pragma once
// Reader of Stata (.dta, versions 104-119), SAS (.sas7bdat) and SPSS portable (.por) files through ReadStat.
#include "core/common/Expected.h"
#include "core/common/Progress.h"
#include "core/data/Dataset.h"
#include "core/io/DataFile.h"

#include <string>

namespace sl::core::io {

// Reads `path` as `format` (Stata, Sas or SpssPortable). Variable and value labels are kept; Stata and SAS
// extended missing values (.a-.z) become user-missing codes (99, 98, ... or 999, 998, ... above the valid
// values) keeping their labels; Stata/SAS dates become SPSS dates (seconds since 14 October 1582).
Expected<data::DatasetPtr> readWithReadStat(const std::string& path, FileFormat format,
                                            const ProgressSink* progress = nullptr,
                                            const CancelToken* cancel = nullptr);

}  // namespace sl::core::io
