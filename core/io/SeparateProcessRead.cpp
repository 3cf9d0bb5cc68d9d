#include "core/io/SeparateProcessRead.h"

#include "core/io/SavReader.h"
#include "core/io/SavWriter.h"

#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

namespace sl::core::io {

namespace {

// The child's messages: a tag byte, an 8-byte payload length, the payload.
enum Tag : char {
    kProgress = 'P',  // a double in [0, 1]
    kWarning = 'W',   // one warning of the dataset
    kLabel = 'L',     // the file label
    kDataset = 'D',   // the dataset as an SPSS system file
    kError = 'E',     // an int32 error code, a uint32 length and the place, then the message
};
constexpr size_t kHeaderSize = 1 + sizeof(uint64_t);

class ChildChannel {
public:
    explicit ChildChannel(int fd) : m_fd(fd) {}

    void send(char tag, std::string_view payload) const
    {
        char header[kHeaderSize];
        header[0] = tag;
        const uint64_t size = payload.size();
        std::memcpy(header + 1, &size, sizeof size);
        writeAll(std::string_view(header, sizeof header));
        writeAll(payload);
    }

    void sendError(const Error& error) const
    {
        std::string payload(sizeof(int32_t) + sizeof(uint32_t), '\0');
        const auto code = static_cast<int32_t>(error.code);
        const auto whereSize = static_cast<uint32_t>(error.where.size());
        std::memcpy(payload.data(), &code, sizeof code);
        std::memcpy(payload.data() + sizeof code, &whereSize, sizeof whereSize);
        send(kError, payload + error.where + error.message);
    }

private:
    void writeAll(std::string_view bytes) const
    {
        while (!bytes.empty()) {
            const ssize_t n = ::write(m_fd, bytes.data(), bytes.size());
            if (n < 0) {
                if (errno == EINTR) continue;
                _exit(3);  // the parent has gone
            }
            bytes.remove_prefix(static_cast<size_t>(n));
        }
    }

    int m_fd;
};

[[noreturn]] void runChild(int fd, const std::function<Expected<data::DatasetPtr>(const ProgressSink*)>& read,
                           bool wantsProgress)
{
    const ChildChannel channel(fd);
    const ProgressSink progress([&](double fraction) {
        channel.send(kProgress, std::string_view(reinterpret_cast<const char*>(&fraction), sizeof fraction));
    });
    auto dataset = read(wantsProgress ? &progress : nullptr);
    if (!dataset) {
        channel.sendError(dataset.error());
        _exit(0);
    }
    auto encoded = encodeSav(**dataset);
    if (!encoded) {
        channel.sendError(encoded.error());
        _exit(0);
    }
    for (const auto& warning : (*dataset)->warnings) channel.send(kWarning, warning);
    channel.send(kLabel, (*dataset)->fileLabel);
    channel.send(kDataset, *encoded);
    _exit(0);
}

Error decodeError(std::string_view payload)
{
    int32_t code = 0;
    uint32_t whereSize = 0;
    if (payload.size() < sizeof code + sizeof whereSize) return makeError(ErrorCode::InvalidInput, "The reader failed.");
    std::memcpy(&code, payload.data(), sizeof code);
    std::memcpy(&whereSize, payload.data() + sizeof code, sizeof whereSize);
    payload.remove_prefix(sizeof code + sizeof whereSize);
    whereSize = std::min<uint32_t>(whereSize, static_cast<uint32_t>(payload.size()));
    return Error{static_cast<ErrorCode>(code), std::string(payload.substr(whereSize)),
                 std::string(payload.substr(0, whereSize))};
}

int waitForChild(pid_t pid)
{
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return status;
}

std::string describeEnd(int status)
{
    if (WIFSIGNALED(status)) {
        const int signal = WTERMSIG(status);
        const char* name = strsignal(signal);
        return "it stopped on signal " + std::to_string(signal) + (name ? std::string(" (") + name + ")" : "");
    }
    return "it stopped with exit code " + std::to_string(WEXITSTATUS(status)) + " before giving a result";
}

}  // namespace

Expected<data::DatasetPtr> readInSeparateProcess(
    const std::function<Expected<data::DatasetPtr>(const ProgressSink* progress)>& read, const std::string& fileName,
    const std::string& readerName, const ProgressSink* progress, const CancelToken* cancel)
{
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        return makeError(ErrorCode::Io, std::string("Cannot start reading the file: ") + std::strerror(errno) + ".",
                         fileName);
    const pid_t pid = ::fork();
    if (pid < 0) {
        const int error = errno;
        ::close(fds[0]);
        ::close(fds[1]);
        return makeError(ErrorCode::Io, std::string("Cannot start reading the file: ") + std::strerror(error) + ".",
                         fileName);
    }
    if (pid == 0) {
        ::close(fds[0]);
        runChild(fds[1], read, progress != nullptr);
    }
    ::close(fds[1]);

    std::string buffer;
    size_t consumed = 0;
    std::vector<std::string> warnings;
    std::string fileLabel;
    std::string savBytes;
    bool gotDataset = false;
    std::optional<Error> childError;
    char chunk[1 << 16];
    pollfd watch{fds[0], POLLIN, 0};
    for (;;) {
        if (cancel && cancel->isCancelled()) {
            ::kill(pid, SIGKILL);
            waitForChild(pid);
            ::close(fds[0]);
            return makeError(ErrorCode::Cancelled, "Reading was cancelled.", fileName);
        }
        const int ready = ::poll(&watch, 1, 100);
        if (ready == 0 || (ready < 0 && errno == EINTR)) continue;
        if (ready < 0) break;
        const ssize_t n = ::read(fds[0], chunk, sizeof chunk);
        if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
        if (n <= 0) break;
        buffer.append(chunk, static_cast<size_t>(n));
        while (buffer.size() - consumed >= kHeaderSize) {
            uint64_t size = 0;
            std::memcpy(&size, buffer.data() + consumed + 1, sizeof size);
            if (buffer.size() - consumed - kHeaderSize < size) {
                buffer.reserve(consumed + kHeaderSize + size);
                break;
            }
            const char tag = buffer[consumed];
            const std::string_view payload(buffer.data() + consumed + kHeaderSize, size);
            switch (tag) {
            case kProgress:
                if (progress && size == sizeof(double)) {
                    double fraction = 0;
                    std::memcpy(&fraction, payload.data(), sizeof fraction);
                    progress->report(fraction);
                }
                break;
            case kWarning: warnings.emplace_back(payload); break;
            case kLabel: fileLabel.assign(payload); break;
            case kDataset:
                savBytes.assign(payload);
                gotDataset = true;
                break;
            case kError: childError = decodeError(payload); break;
            default: break;
            }
            consumed += kHeaderSize + size;
        }
        if (consumed > (1u << 20) || consumed == buffer.size()) {
            buffer.erase(0, consumed);
            consumed = 0;
        }
    }
    ::close(fds[0]);
    const int status = waitForChild(pid);

    if (childError) return *childError;
    if (!gotDataset)
        return makeError(ErrorCode::InvalidInput,
                         readerName + " failed on this file (" + describeEnd(status) +
                             "): the file is damaged or uses a feature that cannot be read.",
                         fileName);
    auto decoded = readSavBytes(savBytes, fileName);
    if (!decoded) return decoded.error();
    auto dataset = std::make_shared<data::Dataset>(**decoded);
    dataset->warnings = std::move(warnings);
    dataset->fileLabel = std::move(fileLabel);
    return data::DatasetPtr(std::move(dataset));
}

}  // namespace sl::core::io
