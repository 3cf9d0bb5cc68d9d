#pragma once
// Native reader of SPSS system files (.sav, bytecode-compressed .sav, and .zsav).
#include "core/common/Expected.h"
#include "core/common/Progress.h"
#include "core/data/Dataset.h"

#include <string>
#include <string_view>

namespace sl::core::io {

// Parses the bytes of a .sav/.zsav file. `fileName` is used in error places ("x.sav, byte 1234").
Expected<data::DatasetPtr> readSavBytes(std::string_view bytes, const std::string& fileName,
                                        const ProgressSink* progress = nullptr, const CancelToken* cancel = nullptr);

Expected<data::DatasetPtr> readSav(const std::string& path, const ProgressSink* progress = nullptr,
                                   const CancelToken* cancel = nullptr);

}  // namespace sl::core::io
