#pragma once
// Shared pieces of the file-format tests: a scratch folder, fixture files and dataset comparison.
#include "core/data/Dataset.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sl::test {

inline const std::string kSharedData = SL_SHARED_DATA_DIR;

// A fresh folder under the build tree for the files a test writes.
std::filesystem::path scratchFolder(const std::string& testName);

void writeBytes(const std::filesystem::path& path, std::string_view bytes);
std::string readBytes(const std::filesystem::path& path);

// A zip archive holding the given (name, content) entries, deflated.
void writeZip(const std::filesystem::path& path, const std::vector<std::pair<std::string, std::string>>& entries);

// Every variable of `expected` exists in `actual` with the same type and identical values case by case;
// with `metadata`, also the same variable label, value labels and missing values.
void expectSameData(const core::data::Dataset& expected, const core::data::Dataset& actual, bool metadata);

}  // namespace sl::test
