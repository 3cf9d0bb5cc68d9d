#include "core/io/SavText.h"

#include "core/io/TextEncoding.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <iconv.h>

namespace sl::core::io::sav {

namespace {

// windows-1252 bytes 0x80..0x9F; 0 marks the five undefined bytes.
constexpr uint16_t kWindows1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

void appendCodePoint(uint32_t c, std::string& out)
{
    if (c < 0x80) {
        out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (c >> 6)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xE0 | (c >> 12)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
}

std::string normalized(const std::string& name)
{
    std::string out;
    for (char c : name)
        if (c != '-' && c != '_' && c != ' ') out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    return out;
}

}  // namespace

std::string encodingOfCharacterCode(int code)
{
    switch (code) {
    case 2: case 3: case 20127: return "US-ASCII";
    case 65001: return "UTF-8";
    case 874: return "CP874";
    case 932: return "CP932";
    case 936: return "GBK";
    case 949: return "CP949";
    case 950: return "BIG5";
    case 20932: return "EUC-JP";
    default: break;
    }
    if (code >= 1250 && code <= 1258) return "WINDOWS-" + std::to_string(code);
    if (code >= 28591 && code <= 28605) return "ISO-8859-" + std::to_string(code - 28590);
    return {};
}

TextDecoder::TextDecoder(const std::string& encoding)
{
    const std::string n = normalized(encoding);
    if (n == "utf8" || n == "usascii" || n == "ascii") {
        m_kind = Kind::Utf8;  // ASCII is a subset; other bytes are reported as invalid
    } else if (n == "windows1252" || n == "cp1252") {
        m_kind = Kind::Windows1252;
    } else if (n == "iso88591" || n == "latin1") {
        m_kind = Kind::Latin1;
    } else {
        iconv_t cd = iconv_open("UTF-8", encoding.c_str());
        if (cd != reinterpret_cast<iconv_t>(-1)) {
            m_iconv = cd;
            m_kind = Kind::Iconv;
        }
    }
}

TextDecoder::~TextDecoder()
{
    if (m_iconv) iconv_close(static_cast<iconv_t>(m_iconv));
}

void TextDecoder::appendUtf8(std::string_view text, std::string& out, bool& invalid) const
{
    // ASCII is the same in every supported encoding.
    if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<uint8_t>(c) < 0x80; })) {
        out.append(text);
        return;
    }
    switch (m_kind) {
    case Kind::Utf8:
        if (isValidUtf8(text)) {
            out.append(text);
        } else {
            out.append(repairUtf8(text)->text);
            invalid = true;
        }
        return;
    case Kind::Latin1:
        for (char c : text) appendCodePoint(static_cast<uint8_t>(c), out);
        return;
    case Kind::Iconv: {
        iconv_t cd = static_cast<iconv_t>(m_iconv);
        iconv(cd, nullptr, nullptr, nullptr, nullptr);
        char* in = const_cast<char*>(text.data());
        size_t inLeft = text.size();
        char buffer[1024];
        while (inLeft > 0) {
            char* outPtr = buffer;
            size_t outLeft = sizeof buffer;
            const size_t r = iconv(cd, &in, &inLeft, &outPtr, &outLeft);
            out.append(buffer, static_cast<size_t>(outPtr - buffer));
            if (r == static_cast<size_t>(-1) && outLeft == sizeof buffer && inLeft > 0) {
                // An invalid or incomplete sequence: replace one byte and go on.
                out.append(kReplacement);
                invalid = true;
                ++in;
                --inLeft;
                iconv(cd, nullptr, nullptr, nullptr, nullptr);
            }
        }
        return;
    }
    case Kind::Windows1252:
    case Kind::Unknown:
        for (char ch : text) {
            const uint8_t c = static_cast<uint8_t>(ch);
            if (c >= 0x80 && c < 0xA0) {
                const uint16_t cp = kWindows1252High[c - 0x80];
                if (cp == 0) {
                    out.append(kReplacement);
                    invalid = true;
                } else {
                    appendCodePoint(cp, out);
                }
            } else {
                appendCodePoint(c, out);
            }
        }
        return;
    }
}

std::string_view truncateUtf8(std::string_view text, size_t maxBytes)
{
    if (text.size() <= maxBytes) return text;
    size_t n = maxBytes;
    while (n > 0 && (static_cast<uint8_t>(text[n]) & 0xC0) == 0x80) --n;
    return text.substr(0, n);
}

}  // namespace sl::core::io::sav
