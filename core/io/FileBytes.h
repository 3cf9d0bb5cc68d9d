#pragma once
// Reading a whole input file safely, and writing an output file atomically.
#include "core/common/Expected.h"

#include <string>
#include <string_view>

namespace sl::core::io {

// Reads a regular file into memory. Refuses directories, FIFOs and devices (which could hang).
Expected<std::string> readWholeFile(const std::string& path);

// Writes through a temporary file in the same folder and renames it over the target,
// so an interrupted save leaves the previous file intact.
Status writeFileAtomically(const std::string& path, std::string_view bytes);

// The lower-case extension of a path without the dot ("sav"), or empty.
std::string extensionOf(const std::string& path);

// The file name without its folder.
std::string fileNameOf(const std::string& path);

}  // namespace sl::core::io
