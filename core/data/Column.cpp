#include "core/data/Column.h"

#include <algorithm>
#include <bit>
#include <cstring>

namespace sl::core::data {

namespace {

constexpr size_t kMaxCodes = 65535;

// Open-addressing set of double bit patterns, for finding distinct values.
class DoubleIndex {
public:
    explicit DoubleIndex(size_t capacityPow2) : m_keys(capacityPow2), m_used(capacityPow2, 0), m_mask(capacityPow2 - 1) {}

    // Returns the slot of the key, inserting it when absent; -1 when the table is full.
    int64_t insert(uint64_t key, bool& inserted)
    {
        size_t h = hash(key) & m_mask;
        for (size_t probe = 0; probe <= m_mask; ++probe) {
            if (!m_used[h]) {
                m_used[h] = 1;
                m_keys[h] = key;
                ++m_count;
                inserted = true;
                return static_cast<int64_t>(h);
            }
            if (m_keys[h] == key) {
                inserted = false;
                return static_cast<int64_t>(h);
            }
            h = (h + 1) & m_mask;
        }
        return -1;
    }
    int64_t find(uint64_t key) const
    {
        size_t h = hash(key) & m_mask;
        while (m_used[h]) {
            if (m_keys[h] == key) return static_cast<int64_t>(h);
            h = (h + 1) & m_mask;
        }
        return -1;
    }
    size_t count() const { return m_count; }

private:
    static size_t hash(uint64_t k)
    {
        k ^= k >> 33;
        k *= 0xff51afd7ed558ccdULL;
        k ^= k >> 33;
        return static_cast<size_t>(k);
    }
    std::vector<uint64_t> m_keys;
    std::vector<uint8_t> m_used;
    size_t m_mask;
    size_t m_count = 0;
};

inline bool isSmallCode(double v) { return v >= 0 && v < 256 && v == static_cast<double>(static_cast<int>(v)); }

}  // namespace

size_t Column::memoryBytes() const
{
    return m_codes8.capacity() + m_codes16.capacity() * 2 + m_doubles.capacity() * 8 +
           (m_levels.capacity() + m_levelsWithNan.capacity()) * 8 + m_chars.capacity() + m_offsets.capacity() * 8;
}

std::vector<double> Column::toDoubles() const
{
    std::vector<double> out(m_size);
    for (size_t i = 0; i < m_size; ++i) out[i] = number(i);
    return out;
}

ColumnPtr Column::fromDoubles(std::vector<double> values)
{
    NumericColumnBuilder b;
    b.reserve(values.size());
    for (double v : values) b.append(v);
    return b.finish();
}

ColumnPtr Column::fromStrings(const std::vector<std::string>& values)
{
    StringColumnBuilder b;
    for (const auto& v : values) b.append(v);
    return b.finish();
}

void NumericColumnBuilder::appendSlow(double v)
{
    if (!m_wide) {
        const bool code = v >= 0 && v < kMissingByte && static_cast<int>(v) == v;
        if (code || std::isnan(v)) {
            if (m_count == m_bytes.size()) m_bytes.resize(std::max<size_t>(64, 2 * m_bytes.size()));
            m_bytes[m_count++] = code ? static_cast<uint8_t>(v) : kMissingByte;
            return;
        }
        widen();
    }
    m_values.push_back(v);
}

void NumericColumnBuilder::widen()
{
    m_values.reserve(std::max(m_bytes.size(), m_count + 1));
    for (size_t i = 0; i < m_count; ++i)
        m_values.push_back(m_bytes[i] == kMissingByte ? kSysmis : static_cast<double>(m_bytes[i]));
    m_bytes = {};
    m_count = 0;
    m_wide = true;
}

ColumnPtr NumericColumnBuilder::finish()
{
    ColumnPtr col = m_wide ? finishFromValues() : finishFromBytes();
    m_wide = false;
    m_count = 0;
    m_bytes = {};
    m_values = {};
    return col;
}

ColumnPtr NumericColumnBuilder::finishFromBytes()
{
    // The bytes become the codes in place: one histogram pass, one table-lookup pass.
    auto col = std::make_shared<Column>();
    const size_t n = m_count;
    m_bytes.resize(n);
    col->m_size = n;
    // Only presence matters: plain stores, with no read-modify-write chain through a counter.
    uint8_t seen[256] = {};
    for (uint8_t b : m_bytes) seen[b] = 1;
    uint8_t codeOf[256] = {};
    std::vector<double> levels;
    for (int k = 0; k < kMissingByte; ++k)
        if (seen[k]) {
            levels.push_back(k);
            codeOf[k] = static_cast<uint8_t>(levels.size());
        }
    codeOf[kMissingByte] = 0;
    for (uint8_t& b : m_bytes) b = codeOf[b];
    // Give back memory only when the reservation overshot by more than an eighth: a shrink copies the column.
    if (m_bytes.capacity() - n > n / 8) m_bytes.shrink_to_fit();
    col->m_storage = Column::Storage::Codes8;
    col->m_codes8 = std::move(m_bytes);
    col->m_levelsWithNan.reserve(levels.size() + 1);
    col->m_levelsWithNan.push_back(kSysmis);
    col->m_levelsWithNan.insert(col->m_levelsWithNan.end(), levels.begin(), levels.end());
    col->m_levels = std::move(levels);
    return col;
}

ColumnPtr NumericColumnBuilder::finishFromValues()
{
    auto col = std::make_shared<Column>();
    const size_t n = m_values.size();
    col->m_size = n;

    // Pass 1: distinct values. Small non-negative integers (the usual survey codes) use a table.
    bool small[256] = {};
    // Hash tables sized for the values at hand: a short column must not pay for 65,535 codes.
    const size_t tableSize = std::bit_ceil(std::min<size_t>(2 * n + 2, size_t{1} << 17));
    DoubleIndex others(tableSize);
    bool tooMany = false;
    for (size_t i = 0; i < n; ++i) {
        double v = m_values[i];
        if (isSmallCode(v)) {
            small[static_cast<int>(v)] = true;
            continue;
        }
        if (std::isnan(v)) continue;
        if (v == 0) v = 0.0;  // -0 and 0 are one value
        bool inserted = false;
        others.insert(std::bit_cast<uint64_t>(v), inserted);
        if (inserted && others.count() > kMaxCodes) {
            tooMany = true;
            break;
        }
    }
    size_t distinct = others.count();
    for (bool s : small) distinct += s;

    if (tooMany || distinct > kMaxCodes) {
        col->m_storage = Column::Storage::Doubles;
        col->m_doubles = std::move(m_values);
        for (double& v : col->m_doubles)
            if (std::isnan(v)) v = kSysmis;  // one NaN pattern
        return col;
    }

    // Sorted levels and the code of each.
    std::vector<double> levels;
    levels.reserve(distinct);
    for (int k = 0; k < 256; ++k)
        if (small[k]) levels.push_back(k);
    {
        std::vector<double> rest;
        rest.reserve(others.count());
        // Re-scan is cheaper than storing keys twice: collect from the values.
        DoubleIndex seen(tableSize);
        for (double v : m_values) {
            if (isSmallCode(v) || std::isnan(v)) continue;
            if (v == 0) v = 0.0;
            bool inserted = false;
            seen.insert(std::bit_cast<uint64_t>(v), inserted);
            if (inserted) rest.push_back(v);
        }
        levels.insert(levels.end(), rest.begin(), rest.end());
        std::sort(levels.begin(), levels.end());
    }

    uint16_t smallCode[256] = {};
    std::vector<uint16_t> otherCode;
    DoubleIndex otherSlots(tableSize);
    otherCode.assign(tableSize, 0);
    for (size_t k = 0; k < levels.size(); ++k) {
        const double v = levels[k];
        if (isSmallCode(v)) {
            smallCode[static_cast<int>(v)] = static_cast<uint16_t>(k + 1);
        } else {
            bool inserted = false;
            auto slot = otherSlots.insert(std::bit_cast<uint64_t>(v), inserted);
            otherCode[static_cast<size_t>(slot)] = static_cast<uint16_t>(k + 1);
        }
    }
    auto codeOf = [&](double v) -> uint16_t {
        if (isSmallCode(v)) return smallCode[static_cast<int>(v)];
        if (std::isnan(v)) return 0;
        if (v == 0) v = 0.0;
        return otherCode[static_cast<size_t>(otherSlots.find(std::bit_cast<uint64_t>(v)))];
    };

    if (levels.size() <= 255) {
        col->m_storage = Column::Storage::Codes8;
        col->m_codes8.resize(n);
        uint8_t* out = col->m_codes8.data();
        for (size_t i = 0; i < n; ++i) out[i] = static_cast<uint8_t>(codeOf(m_values[i]));
    } else {
        col->m_storage = Column::Storage::Codes16;
        col->m_codes16.resize(n);
        uint16_t* out = col->m_codes16.data();
        for (size_t i = 0; i < n; ++i) out[i] = codeOf(m_values[i]);
    }
    col->m_levelsWithNan.reserve(levels.size() + 1);
    col->m_levelsWithNan.push_back(kSysmis);
    col->m_levelsWithNan.insert(col->m_levelsWithNan.end(), levels.begin(), levels.end());
    col->m_levels = std::move(levels);
    return col;
}

ColumnPtr StringColumnBuilder::finish()
{
    auto col = std::make_shared<Column>();
    col->m_storage = Column::Storage::Strings;
    col->m_size = m_offsets.size() - 1;
    m_chars.shrink_to_fit();
    m_offsets.shrink_to_fit();
    col->m_chars = std::move(m_chars);
    col->m_offsets = std::move(m_offsets);
    m_chars = {};
    m_offsets = {0};
    return col;
}

}  // namespace sl::core::data
