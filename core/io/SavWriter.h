#pragma once
// Native writer of SPSS system files: .sav (bytecode-compressed) and .zsav (zlib).
#include "core/common/Expected.h"
#include "core/data/Dataset.h"

#include <string>

namespace sl::core::io {

enum class SavCompression { None, Bytecode, Zlib };

struct SavWriteOptions {
    SavCompression compression = SavCompression::Bytecode;
    // Creation date/time stamped in the header; empty = now (SOURCE_DATE_EPOCH is honoured).
    std::string creationDate;  // "dd mmm yy"
    std::string creationTime;  // "hh:mm:ss"
};

// The bytes of a system file holding the dataset.
Expected<std::string> encodeSav(const data::Dataset& dataset, const SavWriteOptions& options = {});

// Writes atomically (temporary file + rename).
Status writeSav(const data::Dataset& dataset, const std::string& path, const SavWriteOptions& options = {});

}  // namespace sl::core::io
