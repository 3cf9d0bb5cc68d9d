// Saving never loses the previous file: full disk, read-only folder, refused input kinds.
#include "core/io/FileBytes.h"

#include <gtest/gtest.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace sl::core;

namespace {

fs::path scratch(const std::string& name)
{
    fs::path dir = fs::temp_directory_path() / ("sl-filebytes-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::string slurp(const fs::path& p)
{
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST(FileBytes, WritesAndReadsBack)
{
    const auto dir = scratch("roundtrip");
    ASSERT_TRUE(io::writeFileAtomically((dir / "a.csv").string(), "x\n1\n"));
    auto bytes = io::readWholeFile((dir / "a.csv").string());
    ASSERT_TRUE(bytes);
    EXPECT_EQ(*bytes, "x\n1\n");
    fs::remove_all(dir);
}

TEST(FileBytes, FullDiskLeavesThePreviousFileIntact)
{
    const auto dir = scratch("fulldisk");
    const auto target = dir / "survey.csv";
    { std::ofstream(target) << "previous content\n"; }
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        // A 4 KiB file-size limit stands in for a full disk; SIGXFSZ becomes EFBIG.
        std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit{4096, 4096};
        ::setrlimit(RLIMIT_FSIZE, &limit);
        auto status = io::writeFileAtomically(target.string(), std::string(1 << 20, 'x'));
        ::_exit(status.hasValue() ? 0 : 3);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    EXPECT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 3) << "the save should have failed";
    EXPECT_EQ(slurp(target), "previous content\n");
    for (const auto& entry : fs::directory_iterator(dir))
        EXPECT_EQ(entry.path().filename(), "survey.csv") << "a temporary file was left behind";
    fs::remove_all(dir);
}

TEST(FileBytes, ReadOnlyFolderGivesAnErrorNamingTheFile)
{
    if (::geteuid() == 0) GTEST_SKIP() << "root ignores folder permissions";
    const auto dir = scratch("readonly");
    ::chmod(dir.c_str(), 0555);
    auto status = io::writeFileAtomically((dir / "out.sav").string(), "data");
    ::chmod(dir.c_str(), 0755);
    ASSERT_FALSE(status);
    EXPECT_NE(status.error().where.find("out.sav"), std::string::npos);
    fs::remove_all(dir);
}

TEST(FileBytes, RefusesFoldersAndPipesWithoutHanging)
{
    const auto dir = scratch("kinds");
    auto folder = io::readWholeFile(dir.string());
    EXPECT_FALSE(folder);
    const auto fifo = dir / "pipe.csv";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    auto pipe = io::readWholeFile(fifo.string());  // would block forever without O_NONBLOCK
    EXPECT_FALSE(pipe);
    auto missing = io::readWholeFile((dir / "nope.sav").string());
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
    fs::remove_all(dir);
}

TEST(FileBytes, ExtensionAndNameOfAPath)
{
    EXPECT_EQ(io::extensionOf("/a/b/Survey.SAV"), "sav");
    EXPECT_EQ(io::extensionOf("/a.b/noext"), "");
    EXPECT_EQ(io::fileNameOf("/a/b/c.csv"), "c.csv");
}

TEST(FileBytes, FileLargerThanFreeMemoryIsRefusedWithBothSizes)
{
    const uint64_t gb = 1'000'000'000;
    EXPECT_TRUE(io::checkFitsInMemory(2 * gb, 3 * gb, "big.csv"));
    auto refused = io::checkFitsInMemory(2'100'000'000, 1'200'000'000, "big.csv");
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().where, "big.csv");
    EXPECT_NE(refused.error().message.find("2.1 GB"), std::string::npos) << refused.error().message;
    EXPECT_NE(refused.error().message.find("1.2 GB"), std::string::npos) << refused.error().message;
}

TEST(FileBytes, KnowsTheFreeMemory)
{
    const auto available = io::availableMemoryBytes();
    ASSERT_TRUE(available.has_value()) << "/proc/meminfo has no MemAvailable line";
    EXPECT_GT(*available, uint64_t{1} << 20);
}
