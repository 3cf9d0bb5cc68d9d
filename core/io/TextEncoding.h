#pragma once
// Character encodings of text files: byte-order marks, UTF-8 validation and repair, conversion to UTF-8.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace sl::core::io {

// The text without a leading UTF-8 byte-order mark (EF BB BF).
std::string_view withoutUtf8Bom(std::string_view bytes);

// True when the bytes start with a UTF-16 byte-order mark (FF FE or FE FF).
bool hasUtf16Bom(std::string_view bytes);

// True when the bytes are well-formed UTF-8 (no overlong forms, surrogates or code points above U+10FFFF).
bool isValidUtf8(std::string_view bytes);

// The text with every invalid UTF-8 sequence replaced by U+FFFD, and where the first one was.
struct Utf8Repair {
    std::string text;
    size_t replacements = 0;
    size_t firstLine = 0;    // 1-based
    size_t firstColumn = 0;  // 1-based, in characters
};

// nullopt when the bytes are already valid UTF-8.
std::optional<Utf8Repair> repairUtf8(std::string_view bytes);

// True when the bytes are not UTF-8 and hold no multi-byte UTF-8 sequence at all: a legacy
// single-byte file, as Excel on Windows saves "CSV (Comma delimited)".
bool looksLikeWindows1252(std::string_view bytes);

// Windows-1252 (Western European) text converted to UTF-8.
std::string windows1252ToUtf8(std::string_view bytes);

// ISO-8859-1 (Latin-1) text converted to UTF-8: every byte is the code point of the same number.
std::string latin1ToUtf8(std::string_view bytes);

// True when the bytes look like UTF-16 without a byte-order mark: most characters of the first
// kilobyte are ASCII with a zero high byte. `bigEndian` tells which byte is the zero one.
bool looksLikeUtf16(std::string_view bytes, bool& bigEndian);

// UTF-16 text (without its byte-order mark) converted to UTF-8; unpaired surrogates and a trailing odd
// byte become U+FFFD, counted in `replacements`.
std::string utf16ToUtf8(std::string_view bytes, bool bigEndian, size_t& replacements);

}  // namespace sl::core::io
