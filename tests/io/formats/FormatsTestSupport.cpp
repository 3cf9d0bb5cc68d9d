#include "FormatsTestSupport.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <cmath>
#include <fstream>
#include <sstream>

namespace sl::test {

std::filesystem::path scratchFolder(const std::string& testName)
{
    const auto folder = std::filesystem::path(SL_BINARY_DIR) / "formats-test-files" / testName;
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder);
    return folder;
}

void writeBytes(const std::filesystem::path& path, std::string_view bytes)
{
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    ASSERT_TRUE(out.good()) << path;
}

std::string readBytes(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void writeZip(const std::filesystem::path& path, const std::vector<std::pair<std::string, std::string>>& entries)
{
    zipFile zip = zipOpen64(path.string().c_str(), APPEND_STATUS_CREATE);
    ASSERT_NE(zip, nullptr);
    for (const auto& [name, content] : entries) {
        zip_fileinfo info{};
        ASSERT_EQ(zipOpenNewFileInZip64(zip, name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED,
                                        Z_BEST_COMPRESSION, 1),
                  ZIP_OK);
        ASSERT_EQ(zipWriteInFileInZip(zip, content.data(), static_cast<unsigned>(content.size())), ZIP_OK);
        ASSERT_EQ(zipCloseFileInZip(zip), ZIP_OK);
    }
    ASSERT_EQ(zipClose(zip, nullptr), ZIP_OK);
}

void expectSameData(const core::data::Dataset& expected, const core::data::Dataset& actual, bool metadata)
{
    ASSERT_EQ(actual.caseCount(), expected.caseCount());
    for (size_t v = 0; v < expected.variableCount(); ++v) {
        const auto& variable = expected.variable(v);
        const auto index = actual.indexOf(variable.name);
        ASSERT_TRUE(index.has_value()) << "missing variable " << variable.name;
        const auto& other = actual.variable(*index);
        ASSERT_EQ(other.type, variable.type) << variable.name;
        const auto& a = expected.column(v);
        const auto& b = actual.column(*index);
        for (size_t c = 0; c < expected.caseCount(); ++c) {
            if (variable.isString()) {
                ASSERT_EQ(b.text(c), a.text(c)) << variable.name << ", case " << c + 1;
            } else if (std::isnan(a.number(c))) {
                ASSERT_TRUE(std::isnan(b.number(c))) << variable.name << ", case " << c + 1 << ": " << b.number(c);
            } else {
                ASSERT_EQ(b.number(c), a.number(c)) << variable.name << ", case " << c + 1;
            }
            ASSERT_EQ(actual.isMissing(*index, c), expected.isMissing(v, c)) << variable.name << ", case " << c + 1;
        }
        if (!metadata) continue;
        EXPECT_EQ(other.label, variable.label) << variable.name;
        EXPECT_EQ(other.valueLabels, variable.valueLabels) << variable.name;
        EXPECT_EQ(other.missing, variable.missing) << variable.name;
    }
}

}  // namespace sl::test
