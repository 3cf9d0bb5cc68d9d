#include "core/io/FileBytes.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace sl::core::io {

std::string fileNameOf(const std::string& path)
{
    auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string extensionOf(const std::string& path)
{
    const std::string name = fileNameOf(path);
    auto dot = name.find_last_of('.');
    if (dot == std::string::npos || dot == 0) return {};
    std::string ext = name.substr(dot + 1);
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

Expected<std::string> readWholeFile(const std::string& path)
{
    const std::string where = fileNameOf(path);
    // O_NONBLOCK: opening a FIFO must not wait for a writer.
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return makeError(errno == ENOENT ? ErrorCode::NotFound : ErrorCode::Io,
                         std::string("Cannot open the file: ") + std::strerror(errno) + ".", path);
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return makeError(ErrorCode::InvalidInput, "This is not a regular file (a folder, pipe or device).", path);
    }
    if (const auto available = availableMemoryBytes()) {
        if (auto fits = checkFitsInMemory(static_cast<uint64_t>(st.st_size), *available, path); !fits) {
            ::close(fd);
            return fits.error();
        }
    }
    std::string bytes;
    bytes.resize(static_cast<size_t>(st.st_size));
    size_t done = 0;
    while (done < bytes.size()) {
        ssize_t got = ::read(fd, bytes.data() + done, bytes.size() - done);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) {
            const int err = errno;
            ::close(fd);
            return makeError(ErrorCode::Io, std::string("Reading failed: ") + std::strerror(err) + ".", path);
        }
        if (got == 0) break;  // file shrank while reading
        done += static_cast<size_t>(got);
    }
    bytes.resize(done);
    ::close(fd);
    return bytes;
}

std::optional<uint64_t> availableMemoryBytes()
{
    std::ifstream meminfo("/proc/meminfo");
    std::string key;
    uint64_t kilobytes = 0;
    std::string unit;
    while (meminfo >> key >> kilobytes >> unit)
        if (key == "MemAvailable:") return kilobytes * 1024;
    return std::nullopt;
}

Status checkFitsInMemory(uint64_t fileBytes, uint64_t availableBytes, const std::string& where)
{
    if (fileBytes <= availableBytes) return Ok{};
    auto gigabytes = [](uint64_t bytes) {
        char text[32];
        std::snprintf(text, sizeof text, "%.1f GB", static_cast<double>(bytes) / 1e9);
        return std::string(text);
    };
    return makeError(ErrorCode::Io,
                     "The file is " + gigabytes(fileBytes) + " but only " + gigabytes(availableBytes) +
                         " of memory is free: close other programs, or open it on a computer with more memory.",
                     where);
}

Status writeFileAtomically(const std::string& path, std::string_view bytes)
{
    const std::string temp = path + ".part-" + std::to_string(::getpid());
    int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return makeError(ErrorCode::Io, std::string("Cannot create the file: ") + std::strerror(errno) + ".", path);
    size_t done = 0;
    while (done < bytes.size()) {
        ssize_t put = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (put < 0 && errno == EINTR) continue;
        if (put <= 0) {
            const int err = errno;
            ::close(fd);
            ::unlink(temp.c_str());
            return makeError(ErrorCode::Io, std::string("Writing failed: ") + std::strerror(err) + ".", path);
        }
        done += static_cast<size_t>(put);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        ::unlink(temp.c_str());
        return makeError(ErrorCode::Io, "Writing failed: the data could not be flushed to disk.", path);
    }
    if (::rename(temp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(temp.c_str());
        return makeError(ErrorCode::Io, std::string("Cannot replace the file: ") + std::strerror(err) + ".", path);
    }
    return Ok{};
}

}  // namespace sl::core::io
