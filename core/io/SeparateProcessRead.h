#pragma once
// Running a reader we cannot vouch for in a child process, so that a crash inside it (a memory fault in a
// third-party library on a damaged file) becomes an Error instead of taking the application down.
#include "core/common/Expected.h"
#include "core/common/Progress.h"
#include "core/data/Dataset.h"

#include <functional>
#include <string>

namespace sl::core::io {

// Runs `read` in a forked child process and hands its dataset back through a pipe (encoded as an SPSS
// system file, so values and metadata arrive as they left, together with the warnings and file label).
// The child reports progress through the same pipe. Cancelling kills the child. When the child dies
// (a signal, an abort, an exit without a result), the Error names `fileName` and says that `readerName`
// failed on the file.
Expected<data::DatasetPtr> readInSeparateProcess(
    const std::function<Expected<data::DatasetPtr>(const ProgressSink* progress)>& read, const std::string& fileName,
    const std::string& readerName, const ProgressSink* progress = nullptr, const CancelToken* cancel = nullptr);

}  // namespace sl::core::io
