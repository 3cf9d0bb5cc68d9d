#pragma once
// Native reader of SPSS system files (.sav, bytecode-compressed .sav, and .zsav).
#include "core/common/Expected.h"
#include "core/common/Progress.h"
#include "core/data/Dataset.h"

#include <string>
#include <string_view>

namespace sl::core::io {

// Parses the bytes of a .sav/.zsav file. `fileName` is used in error places ("x.sav, byte 1234").
// `encoding` (an IANA or Windows code-page name such as "windows-1252", "UTF-8", "windows-1251") overrides the
// file's encoding record and code page, for files that declare the wrong one; an unknown name is an error.
Expected<data::DatasetPtr> readSavBytes(std::string_view bytes, const std::string& fileName,
                                        const ProgressSink* progress = nullptr, const CancelToken* cancel = nullptr,
                                        const std::string& encoding = {});

Expected<data::DatasetPtr> readSav(const std::string& path, const ProgressSink* progress = nullptr,
                                   const CancelToken* cancel = nullptr, const std::string& encoding = {});

}  // namespace sl::core::io
