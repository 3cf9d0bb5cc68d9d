#include "core/io/TextEncoding.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

namespace sl::core::io {

namespace {

// Length of the valid UTF-8 sequence starting at s[i], or 0 when it is invalid.
size_t validSequenceLength(const unsigned char* s, size_t i, size_t n)
{
    const unsigned char c = s[i];
    if (c < 0x80) return 1;
    auto continuation = [&](size_t k) { return i + k < n && (s[i + k] & 0xC0) == 0x80; };
    if (c >= 0xC2 && c <= 0xDF) return continuation(1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (!continuation(1) || !continuation(2)) return 0;
        if (c == 0xE0 && s[i + 1] < 0xA0) return 0;   // overlong
        if (c == 0xED && s[i + 1] >= 0xA0) return 0;  // surrogate
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (!continuation(1) || !continuation(2) || !continuation(3)) return 0;
        if (c == 0xF0 && s[i + 1] < 0x90) return 0;   // overlong
        if (c == 0xF4 && s[i + 1] >= 0x90) return 0;  // above U+10FFFF
        return 4;
    }
    return 0;
}

void appendUtf8(std::string& out, uint32_t code)
{
    if (code < 0x80) {
        out.push_back(static_cast<char>(code));
    } else if (code < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (code >> 6)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else if (code < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (code >> 12)));
        out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (code >> 18)));
        out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    }
}

constexpr uint32_t kReplacementCharacter = 0xFFFD;

// Index of the first byte that is not part of a valid sequence, or n.
size_t firstInvalid(const unsigned char* s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        if (i + 32 <= n) {  // ASCII runs, 32 bytes at a time
            uint64_t words[4];
            std::memcpy(words, s + i, 32);
            if (((words[0] | words[1] | words[2] | words[3]) & 0x8080808080808080ULL) == 0) {
                i += 32;
                continue;
            }
        }
        if (i + 8 <= n) {
            uint64_t word;
            std::memcpy(&word, s + i, 8);
            if ((word & 0x8080808080808080ULL) == 0) {
                i += 8;
                continue;
            }
        }
        const size_t len = validSequenceLength(s, i, n);
        if (len == 0) return i;
        i += len;
    }
    return n;
}

}  // namespace

std::string_view withoutUtf8Bom(std::string_view bytes)
{
    if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    return bytes;
}

bool hasUtf16Bom(std::string_view bytes)
{
    return bytes.size() >= 2 && (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF");
}

bool isValidUtf8(std::string_view bytes)
{
    return firstInvalid(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size()) == bytes.size();
}

std::optional<Utf8Repair> repairUtf8(std::string_view bytes)
{
    const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
    const size_t n = bytes.size();
    size_t bad = firstInvalid(s, n);
    if (bad == n) return std::nullopt;

    Utf8Repair repair;
    repair.firstLine = 1;
    size_t lineStart = 0;
    for (size_t i = 0; i < bad; ++i)
        if (s[i] == '\n') {
            ++repair.firstLine;
            lineStart = i + 1;
        }
    repair.firstColumn = 1;
    for (size_t i = lineStart; i < bad; ++i)
        if ((s[i] & 0xC0) != 0x80) ++repair.firstColumn;

    repair.text.reserve(n + 16);
    size_t i = 0;
    while (i < n) {
        const size_t good = firstInvalid(s + i, n - i);
        repair.text.append(bytes.substr(i, good));
        i += good;
        if (i < n) {
            repair.text.append("\xEF\xBF\xBD");
            ++repair.replacements;
            ++i;
        }
    }
    return repair;
}

bool looksLikeWindows1252(std::string_view bytes)
{
    const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
    const size_t n = bytes.size();
    bool invalid = false;
    for (size_t i = 0; i < n; ++i) {
        if (s[i] < 0x80) continue;
        if (validSequenceLength(s, i, n) > 1) return false;
        invalid = true;
    }
    return invalid;
}

std::string windows1252ToUtf8(std::string_view bytes)
{
    // Code points of bytes 0x80..0x9F; the five bytes Windows-1252 leaves undefined map to themselves.
    static constexpr std::array<uint16_t, 32> kHighControls{
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        appendUtf8(out, byte >= 0x80 && byte < 0xA0 ? kHighControls[byte - 0x80] : byte);
    }
    return out;
}

std::string latin1ToUtf8(std::string_view bytes)
{
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (char c : bytes) appendUtf8(out, static_cast<unsigned char>(c));
    return out;
}

bool looksLikeUtf16(std::string_view bytes, bool& bigEndian)
{
    const size_t pairs = std::min<size_t>(bytes.size(), 1024) / 2;
    if (pairs < 2) return false;
    size_t zeroHigh[2] = {0, 0};  // pairs whose first / second byte is zero while the other is not
    for (size_t i = 0; i < pairs; ++i) {
        const char a = bytes[2 * i], b = bytes[2 * i + 1];
        if (a == 0 && b != 0) ++zeroHigh[0];
        if (a != 0 && b == 0) ++zeroHigh[1];
    }
    for (int side = 0; side < 2; ++side)
        if (zeroHigh[side] * 10 >= pairs * 7 && zeroHigh[1 - side] * 10 < pairs) {
            bigEndian = side == 0;
            return true;
        }
    return false;
}

std::string utf16ToUtf8(std::string_view bytes, bool bigEndian, size_t& replacements)
{
    const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
    const size_t units = bytes.size() / 2;
    auto unit = [&](size_t i) -> uint32_t {
        return bigEndian ? (s[2 * i] << 8 | s[2 * i + 1]) : (s[2 * i + 1] << 8 | s[2 * i]);
    };
    std::string out;
    out.reserve(units + units / 4);
    replacements = 0;
    for (size_t i = 0; i < units; ++i) {
        const uint32_t u = unit(i);
        if (u < 0xD800 || u > 0xDFFF) {
            appendUtf8(out, u);
            continue;
        }
        if (u <= 0xDBFF && i + 1 < units) {
            const uint32_t low = unit(i + 1);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                appendUtf8(out, 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
                ++i;
                continue;
            }
        }
        appendUtf8(out, kReplacementCharacter);
        ++replacements;
    }
    if (bytes.size() % 2) {
        appendUtf8(out, kReplacementCharacter);
        ++replacements;
    }
    return out;
}

}  // namespace sl::core::io
