#pragma once
// A failure as a value: a sentence for the user and the place it refers to.
#include <string>

namespace sl::core {

enum class ErrorCode {
    InvalidInput,   // the file or spec is malformed
    NotFound,       // a file or variable does not exist
    Unsupported,    // a valid request we do not handle
    Numerical,      // singular model, no cases, ...
    Io,             // the operating system refused
    Cancelled,      // the user pressed Cancel
};

struct Error {
    ErrorCode code = ErrorCode::InvalidInput;
    std::string message;  // one sentence, for the user
    std::string where;    // "file.sav, byte 1234", "line 12, column 3", "variable age", or empty

    // "where: message" or just the message.
    std::string describe() const { return where.empty() ? message : where + ": " + message; }
};

inline Error makeError(ErrorCode code, std::string message, std::string where = {})
{
    return Error{code, std::move(message), std::move(where)};
}

}  // namespace sl::core
