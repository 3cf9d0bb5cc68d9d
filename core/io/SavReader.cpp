#include "core/io/SavReader.h"

#include "core/io/FileBytes.h"
#include "core/io/SavFormat.h"
#include "core/io/SavText.h"

#include <zlib.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <map>
#include <optional>
#include <vector>

namespace sl::core::io {

namespace {

using data::MeasureLevel;
using data::Variable;
using data::VariableType;

// One variable record of the dictionary (continuation records are not kept).
struct VariableRecord {
    int width = 0;  // 0 numeric, 1..255 string
    int slot = 0;   // first 8-byte slot in a case
    std::string shortName;
    std::string label;  // raw bytes
    int missingCount = 0;
    double missing[3] = {};
    char missingText[3][8] = {};
    int printFormat = 0;
    size_t offset = 0;  // byte of the record, for messages
};

struct RawValueLabels {
    std::vector<std::pair<std::string, std::string>> labels;  // 8-byte raw value, raw label
    std::vector<int> slots;                                   // 1-based slot indexes
    size_t offset = 0;
};

// A part of a string variable stored in one variable record.
struct Segment {
    int slot = 0;
    int usedBytes = 0;
};

// A variable of the dataset and where its values are in a case.
struct LogicalVariable {
    size_t firstRecord = 0;
    int width = 0;
    std::vector<Segment> segments;
};

std::string_view trimRightView(std::string_view s)
{
    while (!s.empty() && (s.back() == ' ' || s.back() == '\0')) s.remove_suffix(1);
    return s;
}

std::string upper(std::string s)
{
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

class SavParser {
public:
    SavParser(std::string_view bytes, const std::string& fileName, const ProgressSink* progress,
              const CancelToken* cancel, const std::string& encoding)
        : m_bytes(bytes), m_fileName(fileName), m_progress(progress), m_cancel(cancel), m_encodingOverride(encoding)
    {
    }

    Expected<data::DatasetPtr> parse();

private:
    // --- low-level reading; each returns false after recording an error ---
    Error errorAt(size_t byte, const std::string& message) const
    {
        return makeError(ErrorCode::InvalidInput, message, m_fileName + ", byte " + std::to_string(byte));
    }
    bool need(size_t n, const char* what)
    {
        if (n <= m_bytes.size() - m_pos) return true;
        fail(m_pos, std::string("The file ends in the middle of ") + what + ".");
        return false;
    }
    void fail(size_t byte, const std::string& message)
    {
        if (!m_error) m_error = errorAt(byte, message);
    }
    int32_t i32()
    {
        uint32_t v;
        std::memcpy(&v, m_bytes.data() + m_pos, 4);
        m_pos += 4;
        return static_cast<int32_t>(m_swap ? sav::byteSwap(v) : v);
    }
    double f64()
    {
        uint64_t v;
        std::memcpy(&v, m_bytes.data() + m_pos, 8);
        m_pos += 8;
        return std::bit_cast<double>(m_swap ? sav::byteSwap(v) : v);
    }
    std::string_view raw(size_t n)
    {
        auto s = m_bytes.substr(m_pos, n);
        m_pos += n;
        return s;
    }
    std::string text(std::string_view raw)
    {
        return m_decoder->toUtf8(raw, m_invalidText);
    }

    bool readHeader();
    bool readDictionary();
    bool readVariableRecord();
    bool readValueLabelRecords();
    bool readExtensionRecord();
    void readIntegerInfo(std::string_view data);
    void readFloatInfo(std::string_view data);
    bool buildVariables();
    void applyDisplayParameters();
    void applyLongStringValueLabels();
    void applyLongStringMissingValues();
    void applyMultipleResponseSets(std::string_view text);
    std::optional<size_t> findVariable(std::string_view name) const;
    Expected<data::DatasetPtr> readData();

    std::string_view m_bytes;
    std::string m_fileName;
    const ProgressSink* m_progress;
    const CancelToken* m_cancel;
    std::string m_encodingOverride;  // chosen by the user; wins over the file's own encoding
    size_t m_pos = 0;
    bool m_swap = false;
    std::optional<Error> m_error;

    // header
    bool m_zlib = false;
    int m_compression = 0;
    int m_weightSlot = 0;
    int64_t m_caseCount = -1;
    double m_bias = sav::kDefaultBias;
    std::string m_fileLabelRaw;

    // dictionary
    std::vector<VariableRecord> m_records;
    int m_slots = 0;
    std::vector<int> m_recordOfSlot;  // slot -> record index, -1 for continuation slots
    std::vector<RawValueLabels> m_valueLabels;
    int m_characterCode = 0;
    std::string m_encodingName;
    double m_sysmis = sav::kSysmisValue;
    double m_highest = sav::kHighest;
    double m_lowest = sav::kLowest;
    std::string_view m_displayParameters;
    int m_displayParameterCount = 0;
    std::string_view m_longNames;
    std::string_view m_veryLongStrings;
    std::string_view m_longStringLabels;
    std::string_view m_longStringMissing;
    std::vector<std::string_view> m_mrSets;  // records 7/7 and 7/19 share one syntax
    size_t m_dataStart = 0;

    std::unique_ptr<sav::TextDecoder> m_decoder;
    bool m_invalidText = false;
    std::vector<std::string> m_warnings;

    std::vector<LogicalVariable> m_logical;
    std::vector<Variable> m_variables;
    std::vector<data::MultipleResponseSet> m_sets;
    std::string m_weightVariableName;
};

bool SavParser::readHeader()
{
    if (m_bytes.size() < 4 || (m_bytes.substr(0, 4) != "$FL2" && m_bytes.substr(0, 4) != "$FL3")) {
        fail(0, "This is not an SPSS system file (it does not start with $FL2 or $FL3).");
        return false;
    }
    m_zlib = m_bytes.substr(0, 4) == "$FL3";
    if (!need(sav::kHeaderBytes, "the file header")) return false;
    m_pos = 64;
    uint32_t layout;
    std::memcpy(&layout, m_bytes.data() + 64, 4);
    if (layout != 2 && layout != 3) {
        layout = sav::byteSwap(layout);
        if (layout != 2 && layout != 3) {
            fail(64, "The file header has an unknown layout code; the file is damaged or not a system file.");
            return false;
        }
        m_swap = true;
    }
    m_pos = 68;
    i32();  // nominal case size: recomputed from the variable records
    m_compression = i32();
    m_weightSlot = i32();
    const int32_t cases = i32();
    m_caseCount = cases < 0 ? -1 : cases;
    m_bias = f64();
    if (m_compression < 0 || m_compression > 2 || (m_compression == 2) != m_zlib) {
        fail(72, "The file header has an unknown compression code " + std::to_string(m_compression) + ".");
        return false;
    }
    m_pos = 109;
    m_fileLabelRaw = std::string(trimRightView(raw(64)));
    m_pos = sav::kHeaderBytes;
    return true;
}

bool SavParser::readVariableRecord()
{
    const size_t start = m_pos - 4;
    if (!need(28, "a variable record")) return false;
    VariableRecord r;
    r.offset = start;
    const int32_t type = i32();
    const int32_t hasLabel = i32();
    const int32_t missingCount = i32();
    r.printFormat = i32();
    i32();  // write format
    r.shortName = std::string(trimRightView(raw(8)));
    if (type == -1) {
        // Continuation of the string variable before it.
        if (m_records.empty() || m_recordOfSlot.size() >= static_cast<size_t>(m_records.back().slot +
                                                                            sav::slotsOf(m_records.back().width))) {
            fail(start, "A string continuation record does not follow a string variable.");
            return false;
        }
        m_recordOfSlot.push_back(-1);
        ++m_slots;
        return true;
    }
    if (type < 0 || type > 255) {
        fail(start, "Variable " + r.shortName + " has an invalid type " + std::to_string(type) + ".");
        return false;
    }
    if (!m_records.empty() &&
        m_recordOfSlot.size() != static_cast<size_t>(m_records.back().slot + sav::slotsOf(m_records.back().width))) {
        fail(start, "String variable " + m_records.back().shortName + " lacks its continuation records.");
        return false;
    }
    r.width = type;
    r.slot = m_slots;
    if (hasLabel != 0 && hasLabel != 1) {
        fail(start + 4, "Variable " + r.shortName + " has an invalid label flag.");
        return false;
    }
    if (hasLabel == 1) {
        if (!need(4, "a variable label")) return false;
        const int32_t len = i32();
        if (len < 0) {
            fail(m_pos - 4, "Variable " + r.shortName + " has a label of negative length.");
            return false;
        }
        const size_t padded = (static_cast<size_t>(len) + 3) / 4 * 4;
        if (!need(padded, "a variable label")) return false;
        r.label = std::string(raw(padded).substr(0, static_cast<size_t>(len)));
    }
    if (missingCount != 0) {
        const bool valid = type == 0 ? (missingCount >= -3 && missingCount <= 3 && missingCount != -1)
                                     : (missingCount >= 1 && missingCount <= 3);
        if (!valid) {
            fail(start + 8, "Variable " + r.shortName + " has an invalid missing-value code " +
                                std::to_string(missingCount) + ".");
            return false;
        }
        const int n = std::abs(missingCount);
        if (!need(static_cast<size_t>(n) * 8, "the missing values of a variable")) return false;
        r.missingCount = missingCount;
        for (int k = 0; k < n; ++k) {
            if (type == 0) {
                r.missing[k] = f64();
            } else {
                std::memcpy(r.missingText[k], m_bytes.data() + m_pos, 8);
                m_pos += 8;
            }
        }
    }
    m_recordOfSlot.push_back(static_cast<int>(m_records.size()));
    ++m_slots;
    m_records.push_back(std::move(r));
    return true;
}

bool SavParser::readValueLabelRecords()
{
    RawValueLabels set;
    set.offset = m_pos - 4;
    if (!need(4, "a value label record")) return false;
    const int32_t count = i32();
    if (count < 0 || static_cast<size_t>(count) > (m_bytes.size() - m_pos) / 16) {
        fail(m_pos - 4, "A value label record has an impossible number of labels (" + std::to_string(count) + ").");
        return false;
    }
    set.labels.reserve(static_cast<size_t>(count));
    for (int32_t k = 0; k < count; ++k) {
        if (!need(9, "a value label")) return false;
        std::string value(raw(8));
        const size_t len = static_cast<uint8_t>(m_bytes[m_pos]);
        const size_t padded = (len + 1 + 7) / 8 * 8;
        if (!need(padded, "a value label")) return false;
        std::string label(m_bytes.substr(m_pos + 1, len));
        m_pos += padded;
        set.labels.emplace_back(std::move(value), std::move(label));
    }
    if (!need(8, "the variable list of a value label record")) return false;
    const size_t typeAt = m_pos;
    if (i32() != sav::kValueLabelVariablesRecord) {
        fail(typeAt, "A value label record is not followed by its variable list (record type 4).");
        return false;
    }
    const int32_t n = i32();
    if (n < 0 || static_cast<size_t>(n) > (m_bytes.size() - m_pos) / 4) {
        fail(typeAt + 4, "A value label record names an impossible number of variables.");
        return false;
    }
    for (int32_t k = 0; k < n; ++k) set.slots.push_back(i32());
    m_valueLabels.push_back(std::move(set));
    return true;
}

void SavParser::readIntegerInfo(std::string_view data)
{
    if (data.size() < 32) return;
    uint32_t code;
    std::memcpy(&code, data.data() + 28, 4);
    m_characterCode = static_cast<int32_t>(m_swap ? sav::byteSwap(code) : code);
}

void SavParser::readFloatInfo(std::string_view data)
{
    if (data.size() < 24) return;
    double v[3];
    for (int k = 0; k < 3; ++k) {
        uint64_t bits;
        std::memcpy(&bits, data.data() + 8 * k, 8);
        v[k] = std::bit_cast<double>(m_swap ? sav::byteSwap(bits) : bits);
    }
    m_sysmis = v[0];
    m_highest = v[1];
    m_lowest = v[2];
}

bool SavParser::readExtensionRecord()
{
    const size_t start = m_pos - 4;
    if (!need(12, "an extension record")) return false;
    const int32_t subtype = i32();
    const int32_t size = i32();
    const int32_t count = i32();
    if (size < 0 || count < 0) {
        fail(start, "Extension record " + std::to_string(subtype) + " has a negative size.");
        return false;
    }
    const uint64_t total = static_cast<uint64_t>(size) * static_cast<uint64_t>(count);
    if (total > m_bytes.size() - m_pos) {
        fail(start, "Extension record " + std::to_string(subtype) + " is longer than the rest of the file.");
        return false;
    }
    const std::string_view data = raw(static_cast<size_t>(total));
    switch (subtype) {
    case sav::kIntegerInfo: readIntegerInfo(data); break;
    case sav::kFloatInfo: readFloatInfo(data); break;
    case sav::kDisplayParameters:
        if (size == 4) {
            m_displayParameters = data;
            m_displayParameterCount = count;
        }
        break;
    case sav::kLongNames: m_longNames = data; break;
    case sav::kVeryLongStrings: m_veryLongStrings = data; break;
    case sav::kExtendedCaseCount:
        if (size == 8 && count == 2) {
            uint64_t n;
            std::memcpy(&n, data.data() + 8, 8);
            n = m_swap ? sav::byteSwap(n) : n;
            if (n <= static_cast<uint64_t>(std::numeric_limits<int64_t>::max()) && m_caseCount < 0)
                m_caseCount = static_cast<int64_t>(n);
        }
        break;
    case sav::kEncodingName: m_encodingName = std::string(data); break;
    case sav::kLongStringValueLabels: m_longStringLabels = data; break;
    case sav::kLongStringMissingValues: m_longStringMissing = data; break;
    case sav::kMultipleResponseSets:
    case sav::kExtendedMultipleResponseSets: m_mrSets.push_back(data); break;
    default: break;  // attributes, product info and others are not needed
    }
    return true;
}

bool SavParser::readDictionary()
{
    for (;;) {
        if (!need(4, "the dictionary (no end-of-dictionary record)")) return false;
        const size_t start = m_pos;
        const int32_t type = i32();
        bool ok = true;
        switch (type) {
        case sav::kVariableRecord: ok = readVariableRecord(); break;
        case sav::kValueLabelRecord: ok = readValueLabelRecords(); break;
        case sav::kDocumentRecord: {
            if (!need(4, "a document record")) return false;
            const int32_t lines = i32();
            if (lines < 0 || static_cast<size_t>(lines) > (m_bytes.size() - m_pos) / 80) {
                fail(start, "The document record has an impossible number of lines.");
                return false;
            }
            m_pos += static_cast<size_t>(lines) * 80;
            break;
        }
        case sav::kExtensionRecord: ok = readExtensionRecord(); break;
        case sav::kDictionaryEnd:
            if (!need(4, "the end-of-dictionary record")) return false;
            i32();
            m_dataStart = m_pos;
            if (!m_records.empty() && m_recordOfSlot.size() != static_cast<size_t>(m_records.back().slot +
                                                                                   sav::slotsOf(m_records.back().width))) {
                fail(start, "String variable " + m_records.back().shortName + " lacks its continuation records.");
                return false;
            }
            return true;
        default:
            fail(start, "Unknown record type " + std::to_string(type) + " in the dictionary.");
            return false;
        }
        if (!ok) return false;
    }
}

// Splits "KEY=VALUE<sep>KEY=VALUE" text into pairs; separators are tabs and NULs.
std::vector<std::pair<std::string_view, std::string_view>> keyValuePairs(std::string_view text)
{
    std::vector<std::pair<std::string_view, std::string_view>> out;
    size_t i = 0;
    while (i < text.size()) {
        size_t end = text.find_first_of(std::string_view("\t\0", 2), i);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view item = text.substr(i, end - i);
        const size_t eq = item.find('=');
        if (eq != std::string_view::npos) out.emplace_back(item.substr(0, eq), item.substr(eq + 1));
        i = end + 1;
    }
    return out;
}

bool SavParser::buildVariables()
{
    // Very long strings: a record whose short name is listed gets the following segment records.
    std::map<std::string, int> longWidths;
    for (const auto& [key, value] : keyValuePairs(m_veryLongStrings)) {
        int w = 0;
        for (char c : value) {
            if (c < '0' || c > '9') break;
            w = std::min(w * 10 + (c - '0'), 1 << 20);
        }
        longWidths[upper(std::string(key))] = w;
    }
    for (size_t r = 0; r < m_records.size();) {
        LogicalVariable lv;
        lv.firstRecord = r;
        lv.width = m_records[r].width;
        auto it = longWidths.find(upper(m_records[r].shortName));
        if (it != longWidths.end() && lv.width == sav::kMaxShortString && it->second > sav::kMaxShortString) {
            const int width = it->second;
            const int n = sav::segmentCount(width);
            if (r + static_cast<size_t>(n) > m_records.size()) {
                fail(m_records[r].offset, "Very long string " + m_records[r].shortName + " lacks some of its segments.");
                return false;
            }
            for (int s = 0; s < n; ++s) {
                const auto& seg = m_records[r + static_cast<size_t>(s)];
                if (seg.width == 0) {
                    fail(seg.offset, "Very long string " + m_records[r].shortName + " has a numeric segment.");
                    return false;
                }
                lv.segments.push_back({seg.slot, std::min(sav::segmentUsedBytes(width, s), seg.width)});
            }
            lv.width = width;
            r += static_cast<size_t>(n);
        } else {
            if (lv.width > 0) lv.segments.push_back({m_records[r].slot, lv.width});
            ++r;
        }
        m_logical.push_back(std::move(lv));
    }

    // Encoding: the user's choice, else record 7/20, else the character code of 7/3, else windows-1252.
    std::string encoding = m_encodingOverride.empty() ? m_encodingName : m_encodingOverride;
    if (encoding.empty()) encoding = sav::encodingOfCharacterCode(m_characterCode);
    if (encoding.empty()) encoding = "WINDOWS-1252";
    m_decoder = std::make_unique<sav::TextDecoder>(encoding);
    if (!m_decoder->known())
        m_warnings.push_back("The file's encoding " + encoding + " is not known; text was read as windows-1252.");

    std::map<std::string, std::string> longNames;
    for (const auto& [key, value] : keyValuePairs(m_longNames)) longNames[upper(std::string(key))] = text(value);

    m_variables.reserve(m_logical.size());
    for (const auto& lv : m_logical) {
        const VariableRecord& r = m_records[lv.firstRecord];
        Variable v;
        auto ln = longNames.find(upper(r.shortName));
        v.name = ln != longNames.end() && !ln->second.empty() ? ln->second : text(r.shortName);
        v.label = text(r.label);
        v.type = lv.width == 0 ? VariableType::Numeric : VariableType::String;
        v.stringWidth = lv.width;
        v.format.type = (r.printFormat >> 16) & 0xff;
        v.format.width = (r.printFormat >> 8) & 0xff;
        v.format.decimals = r.printFormat & 0xff;
        if (v.isString()) {
            v.format.type = 1;
            v.format.width = lv.width;
            v.format.decimals = 0;
        }
        v.displayColumns = v.isString() ? std::min(lv.width, 255) : std::max(v.format.width, 1);
        v.alignment = v.isString() ? data::Alignment::Left : data::Alignment::Right;
        const auto toRange = [&](double x) {
            if (x == m_lowest) return -std::numeric_limits<double>::infinity();
            if (x == m_highest) return std::numeric_limits<double>::infinity();
            return x;
        };
        if (v.isNumeric()) {
            int first = 0;
            if (r.missingCount < 0) {
                v.missing.range = std::make_pair(toRange(r.missing[0]), toRange(r.missing[1]));
                first = 2;
            }
            for (int k = first; k < std::abs(r.missingCount); ++k) v.missing.values.push_back(r.missing[k]);
        } else {
            for (int k = 0; k < r.missingCount; ++k)
                v.missing.textValues.push_back(text(trimRightView(std::string_view(r.missingText[k], 8))));
        }
        m_variables.push_back(std::move(v));
    }

    // Value labels (records 3 and 4) refer to the 1-based slot of the first record of a variable.
    std::vector<int> logicalOfSlot(static_cast<size_t>(m_slots), -1);
    for (size_t i = 0; i < m_logical.size(); ++i) logicalOfSlot[static_cast<size_t>(m_records[m_logical[i].firstRecord].slot)] = static_cast<int>(i);
    for (const auto& set : m_valueLabels) {
        for (int slot : set.slots) {
            if (slot < 1 || slot > m_slots || logicalOfSlot[static_cast<size_t>(slot - 1)] < 0) {
                fail(set.offset, "A value label record refers to variable number " + std::to_string(slot) +
                                     ", which does not exist.");
                return false;
            }
            Variable& v = m_variables[static_cast<size_t>(logicalOfSlot[static_cast<size_t>(slot - 1)])];
            for (const auto& [value, label] : set.labels) {
                if (v.isNumeric()) {
                    uint64_t bits;
                    std::memcpy(&bits, value.data(), 8);
                    v.valueLabels.set(std::bit_cast<double>(m_swap ? sav::byteSwap(bits) : bits), text(label));
                } else {
                    v.valueLabels.setText(text(trimRightView(value)), text(label));
                }
            }
        }
    }

    applyLongStringValueLabels();
    applyLongStringMissingValues();
    applyDisplayParameters();

    if (m_weightSlot > 0) {
        if (m_weightSlot <= m_slots && logicalOfSlot[static_cast<size_t>(m_weightSlot - 1)] >= 0) {
            const auto& w = m_variables[static_cast<size_t>(logicalOfSlot[static_cast<size_t>(m_weightSlot - 1)])];
            if (w.isNumeric()) m_weightVariableName = w.name;
        } else {
            m_warnings.push_back("The weight variable named in the header does not exist; the file is read unweighted.");
        }
    }

    for (std::string_view sets : m_mrSets) applyMultipleResponseSets(sets);
    return !m_error;
}

std::optional<size_t> SavParser::findVariable(std::string_view name) const
{
    for (size_t i = 0; i < m_variables.size(); ++i)
        if (data::sameName(m_variables[i].name, name)) return i;
    for (size_t i = 0; i < m_logical.size(); ++i)
        if (data::sameName(m_records[m_logical[i].firstRecord].shortName, name)) return i;
    return std::nullopt;
}

// A little reader of the length-prefixed fields in extension records 21 and 22.
class FieldReader {
public:
    FieldReader(std::string_view data, bool swap) : m_data(data), m_swap(swap) {}
    bool atEnd() const { return m_pos >= m_data.size(); }
    bool i32(int32_t& out)
    {
        if (m_data.size() - m_pos < 4) return false;
        uint32_t v;
        std::memcpy(&v, m_data.data() + m_pos, 4);
        m_pos += 4;
        out = static_cast<int32_t>(m_swap ? sav::byteSwap(v) : v);
        return true;
    }
    int32_t peekI32() const
    {
        int32_t v = -1;
        if (m_data.size() - m_pos >= 4) {
            uint32_t u;
            std::memcpy(&u, m_data.data() + m_pos, 4);
            v = static_cast<int32_t>(m_swap ? sav::byteSwap(u) : u);
        }
        return v;
    }
    void skip(size_t n) { m_pos += std::min(n, m_data.size() - m_pos); }
    bool byte(uint8_t& out)
    {
        if (m_pos >= m_data.size()) return false;
        out = static_cast<uint8_t>(m_data[m_pos++]);
        return true;
    }
    bool bytes(int32_t n, std::string_view& out)
    {
        if (n < 0 || static_cast<size_t>(n) > m_data.size() - m_pos) return false;
        out = m_data.substr(m_pos, static_cast<size_t>(n));
        m_pos += static_cast<size_t>(n);
        return true;
    }
    bool lengthPrefixed(std::string_view& out)
    {
        int32_t n = 0;
        return i32(n) && bytes(n, out);
    }

private:
    std::string_view m_data;
    bool m_swap;
    size_t m_pos = 0;
};

void SavParser::applyLongStringValueLabels()
{
    FieldReader f(m_longStringLabels, m_swap);
    while (!f.atEnd()) {
        std::string_view name;
        int32_t width = 0, count = 0;
        if (!f.lengthPrefixed(name) || !f.i32(width) || !f.i32(count) || count < 0) break;
        const auto index = findVariable(text(name));
        for (int32_t k = 0; k < count; ++k) {
            std::string_view value, label;
            if (!f.lengthPrefixed(value) || !f.lengthPrefixed(label)) {
                m_warnings.push_back("The long string value labels are damaged; some were not read.");
                return;
            }
            if (index && m_variables[*index].isString())
                m_variables[*index].valueLabels.setText(text(trimRightView(value)), text(label));
        }
    }
}

void SavParser::applyLongStringMissingValues()
{
    FieldReader f(m_longStringMissing, m_swap);
    while (!f.atEnd()) {
        std::string_view name;
        uint8_t count = 0;
        int32_t valueLength = 0;
        if (!f.lengthPrefixed(name) || !f.byte(count) || !f.i32(valueLength) || count > 3) {
            m_warnings.push_back("The long string missing values are damaged; some were not read.");
            return;
        }
        const auto index = findVariable(text(name));
        std::vector<std::string> values;
        for (int k = 0; k < count; ++k) {
            // SPSS gives the value length once; some writers repeat it before every value.
            if (k > 0 && f.peekI32() == valueLength) f.skip(4);
            std::string_view value;
            if (!f.bytes(valueLength, value)) {
                m_warnings.push_back("The long string missing values are damaged; some were not read.");
                return;
            }
            values.push_back(text(trimRightView(value)));
        }
        if (index && m_variables[*index].isString()) m_variables[*index].missing.textValues = std::move(values);
    }
}

void SavParser::applyDisplayParameters()
{
    const int perVariable = m_displayParameterCount % 3 == 0 && m_displayParameterCount / 3 >= static_cast<int>(m_logical.size()) ? 3 : 2;
    const size_t sets = static_cast<size_t>(m_displayParameterCount / perVariable);
    const bool perRecord = sets == m_records.size();
    if (m_displayParameterCount == 0 || (sets != m_records.size() && sets != m_logical.size())) {
        if (m_displayParameterCount != 0)
            m_warnings.push_back("The display parameters (record 7/11) do not match the variables and were ignored.");
        // Without record 11, SPSS treats labelled numeric variables as nominal.
        for (auto& v : m_variables)
            v.measure = v.isString() || !v.valueLabels.empty() ? MeasureLevel::Nominal : MeasureLevel::Scale;
        return;
    }
    for (size_t i = 0; i < m_logical.size(); ++i) {
        const size_t set = perRecord ? m_logical[i].firstRecord : i;
        int32_t p[3] = {};
        for (int k = 0; k < perVariable; ++k) {
            uint32_t x;
            std::memcpy(&x, m_displayParameters.data() + (set * static_cast<size_t>(perVariable) + static_cast<size_t>(k)) * 4, 4);
            p[k] = static_cast<int32_t>(m_swap ? sav::byteSwap(x) : x);
        }
        Variable& v = m_variables[i];
        switch (p[0]) {
        case 1: v.measure = MeasureLevel::Nominal; break;
        case 2: v.measure = MeasureLevel::Ordinal; break;
        case 3: v.measure = MeasureLevel::Scale; break;
        default:
            v.measure = v.isString() || !v.valueLabels.empty() ? MeasureLevel::Nominal : MeasureLevel::Scale;
        }
        if (perVariable == 3) {
            if (p[1] > 0) v.displayColumns = p[1];
            if (p[2] == 0) v.alignment = data::Alignment::Left;
            else if (p[2] == 1) v.alignment = data::Alignment::Right;
            else if (p[2] == 2) v.alignment = data::Alignment::Center;
        } else if (p[1] > 0) {
            v.displayColumns = p[1];
        }
    }
}

// Parses "$name=<type> ... label vars\n" lines of records 7/7 and 7/19.
void SavParser::applyMultipleResponseSets(std::string_view all)
{
    const std::string decoded = text(all);
    std::string_view rest = decoded;
    const auto warn = [&] { m_warnings.push_back("A multiple response set definition is damaged and was skipped."); };
    while (!rest.empty()) {
        size_t eol = rest.find('\n');
        std::string_view line = rest.substr(0, eol);
        rest = eol == std::string_view::npos ? std::string_view() : rest.substr(eol + 1);
        if (trimRightView(line).empty()) continue;
        size_t p = 0;
        const auto number = [&](size_t& out) {
            size_t start = p;
            out = 0;
            while (p < line.size() && line[p] >= '0' && line[p] <= '9' && out < line.size()) out = out * 10 + static_cast<size_t>(line[p++] - '0');
            return p > start;
        };
        const auto expect = [&](char c) {
            if (p < line.size() && line[p] == c) {
                ++p;
                return true;
            }
            return false;
        };
        const auto counted = [&](std::string& out) {
            size_t len = 0;
            if (!number(len) || !expect(' ') || len > line.size() - p) return false;
            out = std::string(line.substr(p, len));
            p += len;
            return true;
        };
        data::MultipleResponseSet set;
        const size_t eq = line.find('=');
        if (eq == std::string_view::npos || line[0] != '$' || eq + 1 >= line.size()) {
            warn();
            continue;
        }
        set.name = std::string(line.substr(1, eq - 1));
        p = eq + 1;
        const char kind = line[p++];
        bool ok = true;
        if (kind == 'C') {
            set.dichotomy = false;
        } else if (kind == 'D') {
            ok = counted(set.countedValue);
        } else if (kind == 'E') {
            // "E 1" or "E 11" (label from the variable label): CATEGORYLABELS=COUNTEDVALUES.
            size_t labelSource = 0;
            ok = expect(' ') && number(labelSource) && expect(' ') && counted(set.countedValue);
            set.labelsFromCountedValues = true;
        } else {
            ok = false;
        }
        ok = ok && expect(' ') && counted(set.label);
        if (!ok) {
            warn();
            continue;
        }
        std::string_view vars = line.substr(p);
        size_t i = 0;
        while (i < vars.size()) {
            while (i < vars.size() && vars[i] == ' ') ++i;
            size_t j = i;
            while (j < vars.size() && vars[j] != ' ') ++j;
            if (j > i) {
                const auto index = findVariable(vars.substr(i, j - i));
                if (index) set.variables.push_back(m_variables[*index].name);
                else m_warnings.push_back("Multiple response set $" + set.name + " names an unknown variable " + std::string(vars.substr(i, j - i)) + ".");
            }
            i = j;
        }
        m_sets.push_back(std::move(set));
    }
}

// Inflates the zlib blocks of a .zsav into the bytecode stream they hold.
Expected<std::string> inflateZsav(std::string_view bytes, size_t dataStart, bool swap, const std::string& fileName)
{
    const auto where = [&](size_t byte) { return fileName + ", byte " + std::to_string(byte); };
    const auto bad = [&](size_t byte, const std::string& message) {
        return makeError(ErrorCode::InvalidInput, message, where(byte));
    };
    const auto read64 = [&](size_t at) {
        uint64_t v;
        std::memcpy(&v, bytes.data() + at, 8);
        return swap ? sav::byteSwap(v) : v;
    };
    const auto read32 = [&](size_t at) {
        uint32_t v;
        std::memcpy(&v, bytes.data() + at, 4);
        return swap ? sav::byteSwap(v) : v;
    };
    if (bytes.size() - dataStart < 24) return bad(dataStart, "The file ends in the middle of the zlib header.");
    const uint64_t headerAt = read64(dataStart);
    const uint64_t trailerAt = read64(dataStart + 8);
    const uint64_t trailerLength = read64(dataStart + 16);
    if (headerAt != dataStart || trailerAt < dataStart + 24 || trailerAt > bytes.size() || trailerLength < 24 ||
        trailerLength > bytes.size() - trailerAt)
        return bad(dataStart, "The zlib header points outside the file; the file is damaged or truncated.");
    const uint32_t blockCount = read32(static_cast<size_t>(trailerAt) + 20);
    if (blockCount > (trailerLength - 24) / 24)
        return bad(static_cast<size_t>(trailerAt), "The zlib trailer lists more blocks than it holds.");
    std::string out;
    size_t filled = 0;
    for (uint32_t b = 0; b < blockCount; ++b) {
        const size_t entry = static_cast<size_t>(trailerAt) + 24 + 24 * b;
        const uint64_t compressedAt = read64(entry + 8);
        const uint32_t uncompressedSize = read32(entry + 16);
        const uint32_t compressedSize = read32(entry + 20);
        if (compressedAt < dataStart + 24 || compressedAt > trailerAt || compressedSize > trailerAt - compressedAt)
            return bad(entry, "A zlib block lies outside the data of the file.");
        // zlib cannot expand data more than about 1032 times.
        if (uncompressedSize > static_cast<uint64_t>(compressedSize) * 1032 + 64)
            return bad(entry, "A zlib block claims an impossible uncompressed size.");
        out.resize(filled + uncompressedSize);
        uLongf produced = uncompressedSize;
        const int rc = uncompress(reinterpret_cast<Bytef*>(out.data() + filled), &produced,
                                  reinterpret_cast<const Bytef*>(bytes.data() + compressedAt), compressedSize);
        if (rc != Z_OK || produced != uncompressedSize)
            return bad(static_cast<size_t>(compressedAt), "A zlib block of the data is damaged.");
        filled += uncompressedSize;
    }
    return out;
}

Expected<data::DatasetPtr> SavParser::readData()
{
    std::string inflated;
    std::string_view stream = m_bytes.substr(m_dataStart);
    if (m_zlib) {
        auto z = inflateZsav(m_bytes, m_dataStart, m_swap, m_fileName);
        if (!z) return z.error();
        inflated = std::move(*z);
        stream = inflated;
    }
    // Byte of the file for a position in the stream (zlib: the start of the compressed data).
    const auto fileByte = [&](const uint8_t* p) {
        return m_zlib ? m_dataStart
                      : m_dataStart + static_cast<size_t>(p - reinterpret_cast<const uint8_t*>(stream.data()));
    };

    const size_t slots = static_cast<size_t>(m_slots);
    const size_t rowBytes = slots * 8;
    const uint64_t wanted = m_caseCount >= 0 ? static_cast<uint64_t>(m_caseCount) : std::numeric_limits<uint64_t>::max();
    // Every slot takes at least one byte of the stream, so this bounds the number of cases.
    const size_t possible = slots == 0 ? 0 : stream.size() / (m_compression == 0 ? rowBytes : slots) + 1;
    const size_t reserveCases = static_cast<size_t>(std::min<uint64_t>(wanted, possible));

    struct NumericTarget {
        size_t slot;
        data::NumericColumnBuilder builder;
    };
    struct StringTarget {
        std::vector<Segment> segments;
        data::StringColumnBuilder builder;
    };
    std::vector<NumericTarget> numeric;
    std::vector<StringTarget> strings;
    std::vector<std::pair<bool, size_t>> targetOf;  // per variable: string?, index
    for (const auto& lv : m_logical) {
        if (lv.width == 0) {
            targetOf.emplace_back(false, numeric.size());
            numeric.push_back({static_cast<size_t>(m_records[lv.firstRecord].slot), {}});
            numeric.back().builder.reserve(reserveCases);
        } else {
            targetOf.emplace_back(true, strings.size());
            strings.push_back({lv.segments, {}});
            strings.back().builder.reserve(reserveCases, std::min(reserveCases * static_cast<size_t>(std::min(lv.width, 16)), stream.size()));
        }
    }

    const auto fileOrder = [&](uint64_t bits) { return m_swap ? sav::byteSwap(bits) : bits; };
    const uint64_t sysmisBits = std::bit_cast<uint64_t>(m_sysmis);
    uint64_t codeBits[256] = {};
    for (int c = 1; c <= 251; ++c) codeBits[c] = fileOrder(std::bit_cast<uint64_t>(c - m_bias));
    std::memcpy(&codeBits[sav::kCodeSpaces], "        ", 8);
    codeBits[sav::kCodeSysmis] = fileOrder(sysmisBits);

    const uint8_t* p = reinterpret_cast<const uint8_t*>(stream.data());
    const uint8_t* const begin = p;
    const uint8_t* const end = p + stream.size();
    // Cases are decoded a block at a time, then copied column by column (cache-friendly).
    const size_t blockCases = std::max<size_t>(1, (256 * 1024) / std::max<size_t>(rowBytes, 1));
    std::vector<uint8_t> block(m_compression == 0 ? 0 : blockCases * rowBytes);
    uint8_t commands[8] = {};
    int nextCommand = 8;
    bool ended = false;
    enum class Step { Case, End, Truncated };

    // Decodes one case of bytecode into `out`.
    const auto decodeCompressed = [&](uint8_t* out) -> Step {
        for (size_t s = 0; s < slots;) {
            if (nextCommand == 8) {
                if (end - p < 8) return s == 0 && p == end ? Step::End : Step::Truncated;
                std::memcpy(commands, p, 8);
                p += 8;
                nextCommand = 0;
            }
            const uint8_t c = commands[nextCommand++];
            switch (c) {
            case sav::kCodeSkip: break;
            case sav::kCodeEnd:
                ended = true;
                return s == 0 ? Step::End : Step::Truncated;
            case sav::kCodeRaw:
                if (end - p < 8) return Step::Truncated;
                std::memcpy(out + s * 8, p, 8);
                p += 8;
                ++s;
                break;
            default:
                std::memcpy(out + s * 8, &codeBits[c], 8);
                ++s;
            }
        }
        return Step::Case;
    };

    std::string scratch, decoded;
    const sav::TextDecoder& decoder = *m_decoder;
    bool invalidText = false;
    const bool swap = m_swap;
    const auto storeCases = [&](const uint8_t* rows, size_t n) {
        for (auto& t : numeric) {
            const uint8_t* at = rows + t.slot * 8;
            for (size_t k = 0; k < n; ++k, at += rowBytes) {
                uint64_t bits;
                std::memcpy(&bits, at, 8);
                if (swap) bits = sav::byteSwap(bits);
                t.builder.append(bits == sysmisBits ? data::kSysmis : std::bit_cast<double>(bits));
            }
        }
        for (auto& t : strings) {
            for (size_t k = 0; k < n; ++k) {
                const char* row = reinterpret_cast<const char*>(rows + k * rowBytes);
                scratch.clear();
                for (const auto& seg : t.segments)
                    scratch.append(row + static_cast<size_t>(seg.slot) * 8, static_cast<size_t>(seg.usedBytes));
                decoded.clear();
                decoder.appendUtf8(trimRightView(scratch), decoded, invalidText);
                t.builder.append(decoded);
            }
        }
    };

    uint64_t cases = 0;
    Step step = Step::Case;
    double reported = 0;
    while (slots > 0 && cases < wanted && step == Step::Case) {
        const size_t limit = static_cast<size_t>(std::min<uint64_t>(blockCases, wanted - cases));
        size_t n = 0;
        const uint8_t* rows = block.data();
        if (m_compression == 0) {
            n = std::min(limit, static_cast<size_t>(end - p) / rowBytes);
            rows = p;
            p += n * rowBytes;
            if (n < limit) step = p == end ? Step::End : Step::Truncated;
        } else {
            for (; n < limit; ++n) {
                step = ended ? Step::End : decodeCompressed(block.data() + n * rowBytes);
                if (step != Step::Case) break;
            }
        }
        storeCases(rows, n);
        cases += n;
        if (m_cancel && m_cancel->isCancelled())
            return makeError(ErrorCode::Cancelled, "Reading was cancelled.", m_fileName);
        const double fraction = static_cast<double>(p - begin) / static_cast<double>(std::max<ptrdiff_t>(end - begin, 1));
        if (m_progress && fraction >= reported + 0.01) {
            m_progress->report(fraction);
            reported = fraction;
        }
    }
    if (step != Step::Case && m_caseCount >= 0) {
        return errorAt(fileByte(p), "The file ends after " + std::to_string(cases) + " of its " +
                                        std::to_string(m_caseCount) + " cases; it is truncated or damaged.");
    }
    if (step == Step::Truncated)
        m_warnings.push_back("The last case of the file is incomplete and was dropped (" + m_fileName + ", byte " +
                             std::to_string(fileByte(p)) + ").");
    if (invalidText) m_invalidText = true;

    std::vector<data::ColumnPtr> columns;
    columns.reserve(targetOf.size());
    for (const auto& [isString, index] : targetOf)
        columns.push_back(isString ? strings[index].builder.finish() : numeric[index].builder.finish());
    if (m_invalidText)
        m_warnings.push_back("Some text is not valid in the file's encoding; the bad bytes were shown as \xEF\xBF\xBD.");

    auto dataset = std::make_shared<data::Dataset>(std::move(m_variables), std::move(columns));
    dataset->multipleResponseSets = std::move(m_sets);
    dataset->weightVariable = m_weightVariableName;
    dataset->warnings = std::move(m_warnings);
    bool ignored = false;
    dataset->fileLabel = m_decoder->toUtf8(m_fileLabelRaw, ignored);
    if (m_progress) m_progress->report(1.0);
    return data::DatasetPtr(std::move(dataset));
}

Expected<data::DatasetPtr> SavParser::parse()
{
    if (!m_encodingOverride.empty() && !sav::TextDecoder(m_encodingOverride).known())
        return makeError(ErrorCode::InvalidInput,
                         "The encoding \"" + m_encodingOverride +
                             "\" is not known; choose one such as UTF-8, windows-1252 or windows-1251.",
                         m_fileName);
    if (!readHeader() || !readDictionary() || !buildVariables()) return *m_error;
    return readData();
}

}  // namespace

Expected<data::DatasetPtr> readSavBytes(std::string_view bytes, const std::string& fileName,
                                        const ProgressSink* progress, const CancelToken* cancel,
                                        const std::string& encoding)
{
    SavParser parser(bytes, fileName, progress, cancel, encoding);
    return parser.parse();
}

Expected<data::DatasetPtr> readSav(const std::string& path, const ProgressSink* progress, const CancelToken* cancel,
                                   const std::string& encoding)
{
    auto bytes = readWholeFile(path);
    if (!bytes) return bytes.error();
    return readSavBytes(*bytes, fileNameOf(path), progress, cancel, encoding);
}

}  // namespace sl::core::io
