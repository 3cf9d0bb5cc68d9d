#pragma once
// Columnar storage of one variable's values.
//
// Numeric columns with at most 65,535 distinct values are stored as dictionary codes
// (1 byte per case up to 255 distinct values, 2 bytes up to 65,535) over a sorted list of
// levels, so a categorical variable is counted by code without hashing doubles per case.
// Other numeric columns are doubles. System-missing is NaN (code 0 in coded storage).
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sl::core::data {

inline constexpr double kSysmis = std::numeric_limits<double>::quiet_NaN();

class Column {
public:
    enum class Storage { Codes8, Codes16, Doubles, Strings };

    Storage storage() const { return m_storage; }
    size_t size() const { return m_size; }
    bool isString() const { return m_storage == Storage::Strings; }
    bool isCoded() const { return m_storage == Storage::Codes8 || m_storage == Storage::Codes16; }

    // The value of case i; NaN for system-missing (and for string columns).
    double number(size_t i) const
    {
        switch (m_storage) {
        case Storage::Codes8: return m_levelsWithNan[m_codes8[i]];
        case Storage::Codes16: return m_levelsWithNan[m_codes16[i]];
        case Storage::Doubles: return m_doubles[i];
        case Storage::Strings: return std::numeric_limits<double>::quiet_NaN();
        }
        return std::numeric_limits<double>::quiet_NaN();
    }
    // The text of case i (string columns only; empty otherwise).
    std::string_view text(size_t i) const
    {
        if (m_storage != Storage::Strings) return {};
        return std::string_view(m_chars).substr(m_offsets[i], m_offsets[i + 1] - m_offsets[i]);
    }

    // Coded storage: code 0 is system-missing, code k is levels()[k - 1].
    uint32_t code(size_t i) const
    {
        return m_storage == Storage::Codes8 ? m_codes8[i] : m_codes16[i];
    }
    const std::vector<double>& levels() const { return m_levels; }  // sorted ascending
    const uint8_t* codes8() const { return m_codes8.data(); }
    const uint16_t* codes16() const { return m_codes16.data(); }
    const double* doubles() const { return m_doubles.data(); }

    // Bytes held by the column's buffers.
    size_t memoryBytes() const;

    // All numeric values as doubles (NaN for system-missing), for whole-column algorithms.
    std::vector<double> toDoubles() const;

    static std::shared_ptr<const Column> fromDoubles(std::vector<double> values);
    static std::shared_ptr<const Column> fromStrings(const std::vector<std::string>& values);

private:
    friend class NumericColumnBuilder;
    friend class StringColumnBuilder;

    Storage m_storage = Storage::Doubles;
    size_t m_size = 0;
    std::vector<uint8_t> m_codes8;
    std::vector<uint16_t> m_codes16;
    std::vector<double> m_doubles;
    std::vector<double> m_levels;
    std::vector<double> m_levelsWithNan;  // NaN, then m_levels: indexed by code
    std::string m_chars;
    std::vector<uint64_t> m_offsets;  // size + 1 entries
};

using ColumnPtr = std::shared_ptr<const Column>;

// Collects numeric values case by case and picks the storage at finish().
// Survey codes (whole numbers 0..254) are held as one byte each while they last, so a typical
// categorical column never needs 8 bytes per case, even while it is being built.
class NumericColumnBuilder {
public:
    void reserve(size_t n)
    {
        if (m_wide) m_values.reserve(n);
        else if (n > m_bytes.size()) m_bytes.resize(n);
    }
    // The common case (a small code while the column is still one byte per case) stays inline.
    [[gnu::always_inline]] void append(double v)
    {
        if (!m_wide && m_count < m_bytes.size() && v >= 0 && v < kMissingByte) {
            const int k = static_cast<int>(v);
            if (k == v) {
                m_bytes[m_count++] = static_cast<uint8_t>(k);
                return;
            }
        }
        appendSlow(v);
    }
    void appendMissing() { append(std::numeric_limits<double>::quiet_NaN()); }
    size_t size() const { return m_wide ? m_values.size() : m_count; }
    ColumnPtr finish();

private:
    static constexpr uint8_t kMissingByte = 255;
    void appendSlow(double v);
    void widen();                 // moves the bytes to m_values, for values that are not small codes
    ColumnPtr finishFromBytes();  // all values were small codes or missing
    ColumnPtr finishFromValues();

    bool m_wide = false;
    size_t m_count = 0;             // bytes used; m_bytes is kept at its full size so append() only stores
    std::vector<uint8_t> m_bytes;
    std::vector<double> m_values;
};

class StringColumnBuilder {
public:
    StringColumnBuilder() { m_offsets.push_back(0); }
    void reserve(size_t cases, size_t bytes)
    {
        m_offsets.reserve(cases + 1);
        m_chars.reserve(bytes);
    }
    void append(std::string_view s)
    {
        m_chars.append(s);
        m_offsets.push_back(m_chars.size());
    }
    size_t size() const { return m_offsets.size() - 1; }
    ColumnPtr finish();

private:
    std::string m_chars;
    std::vector<uint64_t> m_offsets;
};

}  // namespace sl::core::data
