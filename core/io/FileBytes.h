#pragma once
// Reading a whole input file safely, and writing an output file atomically.
#include "core/common/Expected.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sl::core::io {

// Reads a regular file into memory. Refuses directories, FIFOs and devices (which could hang), and a file
// larger than the memory the system has available (checkFitsInMemory).
Expected<std::string> readWholeFile(const std::string& path);

// The memory the system can give without swapping (MemAvailable of /proc/meminfo), or nullopt when unknown.
std::optional<uint64_t> availableMemoryBytes();

// An Error naming `where` when a file of `fileBytes` cannot be held in `availableBytes` of memory.
Status checkFitsInMemory(uint64_t fileBytes, uint64_t availableBytes, const std::string& where);

// Writes through a temporary file in the same folder and renames it over the target,
// so an interrupted save leaves the previous file intact.
Status writeFileAtomically(const std::string& path, std::string_view bytes);

// The lower-case extension of a path without the dot ("sav"), or empty.
std::string extensionOf(const std::string& path);

// The file name without its folder.
std::string fileNameOf(const std::string& path);

}  // namespace sl::core::io
