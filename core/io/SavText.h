#pragma once
// Converting the text of a system file (names, labels, string values) from its encoding to UTF-8.
#include <memory>
#include <string>
#include <string_view>

namespace sl::core::io::sav {

// The encoding name for an SPSS character code (record 7/3), e.g. 1252 -> "WINDOWS-1252"; empty if unknown.
std::string encodingOfCharacterCode(int code);

class TextDecoder {
public:
    // `encoding` is an IANA name as found in record 7/20 ("UTF-8", "windows-1252", "GBK", ...).
    explicit TextDecoder(const std::string& encoding);
    ~TextDecoder();
    TextDecoder(const TextDecoder&) = delete;
    TextDecoder& operator=(const TextDecoder&) = delete;

    // False when the encoding is not known (text is then read as windows-1252).
    bool known() const { return m_kind != Kind::Unknown; }

    // Appends the UTF-8 form of `text` to `out`. Bytes that are invalid in the encoding become U+FFFD
    // and set `invalid`.
    void appendUtf8(std::string_view text, std::string& out, bool& invalid) const;
    std::string toUtf8(std::string_view text, bool& invalid) const
    {
        std::string out;
        appendUtf8(text, out, invalid);
        return out;
    }

private:
    enum class Kind { Utf8, Windows1252, Latin1, Iconv, Unknown };
    Kind m_kind = Kind::Unknown;
    void* m_iconv = nullptr;  // iconv_t
};

// Cuts a UTF-8 string to at most `maxBytes` bytes without splitting a character.
std::string_view truncateUtf8(std::string_view text, size_t maxBytes);

}  // namespace sl::core::io::sav
