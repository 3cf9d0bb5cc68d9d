#include "core/io/SavWriter.h"

#include "core/io/FileBytes.h"
#include "core/io/SavFormat.h"
#include "core/io/SavText.h"

#include <zlib.h>

#include <algorithm>
#include <bit>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <limits>
#include <set>
#include <vector>

namespace sl::core::io {

namespace {

using data::Variable;

constexpr int kMaxStringWidth = 32767;
constexpr size_t kMaxLabelBytes = 255;

// Appends little-endian values to a byte string.
class ByteSink {
public:
    explicit ByteSink(std::string& out) : m_out(out) {}
    void i32(int32_t v) { put(&v, 4); }
    void i64(int64_t v) { put(&v, 8); }
    void f64(double v) { put(&v, 8); }
    void bytes(std::string_view s) { m_out.append(s); }
    // `s` cut or padded with `pad` to exactly n bytes.
    void padded(std::string_view s, size_t n, char pad = ' ')
    {
        s = s.substr(0, n);
        m_out.append(s);
        m_out.append(n - s.size(), pad);
    }
    void extension(int subtype, int size, std::string_view data)
    {
        i32(sav::kExtensionRecord);
        i32(subtype);
        i32(size);
        i32(static_cast<int32_t>(data.size() / static_cast<size_t>(size)));
        bytes(data);
    }

private:
    void put(const void* p, size_t n)
    {
        static_assert(std::endian::native == std::endian::little, "the writer emits little-endian files");
        m_out.append(static_cast<const char*>(p), n);
    }
    std::string& m_out;
};

// How a dataset variable is laid out in the file.
struct Layout {
    std::string name;  // the variable's name, made valid for SPSS where it is not
    int width = 0;     // 0 numeric, else string width in bytes
    std::vector<std::string> shortNames;  // one per segment
    int firstSlot = 0;
};

bool isNameChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '@' || c == '#' || c == '$';
}

// A unique upper-case short name of at most 8 bytes derived from `name`.
std::string uniqueShortName(std::string_view name, std::set<std::string>& used)
{
    std::string base;
    for (char c : name)
        if (static_cast<unsigned char>(c) < 0x80 && isNameChar(c))
            base.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    if (base.empty() || !std::isalpha(static_cast<unsigned char>(base[0]))) base = "V" + base;
    while (!base.empty() && base.back() == '.') base.pop_back();
    base = base.substr(0, 8);
    std::string candidate = base;
    for (int n = 1; used.count(candidate); ++n) {
        const std::string suffix = std::to_string(n);
        candidate = base.substr(0, 8 - suffix.size()) + suffix;
    }
    used.insert(candidate);
    return candidate;
}

std::string upper(std::string s)
{
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

// A name SPSS accepts, as close to `name` as possible and unique (case-insensitively) among `used`: a letter
// (or @, #, $, or any non-ASCII byte of a UTF-8 letter) first, then letters, digits and _ . @ # $, not ending
// in a period, at most 64 bytes, not a reserved word. "Duration (in seconds)" becomes "Duration_in_seconds".
std::string validVariableName(std::string_view name, std::set<std::string>& used)
{
    static const std::set<std::string> reserved = {"ALL", "AND", "BY", "EQ", "GE", "GT", "LE",
                                                   "LT", "NE",  "NOT", "OR", "TO", "WITH"};
    std::string base;
    for (char c : name) {
        if (static_cast<unsigned char>(c) >= 0x80 || isNameChar(c)) base.push_back(c);
        else if (!base.empty() && base.back() != '_') base.push_back('_');
    }
    const bool lastReplaced = !name.empty() && static_cast<unsigned char>(name.back()) < 0x80 && !isNameChar(name.back());
    if (lastReplaced && !base.empty() && base.back() == '_') base.pop_back();
    while (!base.empty() && base.back() == '.') base.pop_back();
    if (base.empty() || std::isdigit(static_cast<unsigned char>(base[0])) || base[0] == '_' || base[0] == '.')
        base = "v" + base;
    if (reserved.count(upper(base))) base += "_";
    if (base.size() > 64) {
        base.resize(64);
        while (!base.empty() && (static_cast<unsigned char>(base.back()) & 0xC0) == 0x80) base.pop_back();  // whole characters
        if (!base.empty() && static_cast<unsigned char>(base.back()) >= 0xC0) base.pop_back();
    }
    std::string candidate = base;
    for (int n = 1; used.count(upper(candidate)); ++n) {
        const std::string suffix = "_" + std::to_string(n);
        candidate = base.substr(0, 64 - suffix.size()) + suffix;
    }
    used.insert(upper(candidate));
    return candidate;
}

std::string lower(std::string s)
{
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

int32_t packFormat(int type, int width, int decimals)
{
    return (type << 16) | (width << 8) | decimals;
}

int32_t numericFormat(const data::DisplayFormat& f)
{
    const int type = f.type > 0 && f.type < 256 && f.type != 1 && f.type != 2 ? f.type : 5;
    return packFormat(type, std::clamp(f.width, 1, 40), std::clamp(f.decimals, 0, 16));
}

// "dd mmm yy" and "hh:mm:ss" of the creation time.
std::pair<std::string, std::string> creationStamp(const SavWriteOptions& options)
{
    std::time_t t = std::time(nullptr);
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) t = static_cast<std::time_t>(std::strtoll(epoch, nullptr, 10));
    std::tm tm{};
    gmtime_r(&t, &tm);
    static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char date[16], time[16];
    std::snprintf(date, sizeof date, "%02d %s %02d", tm.tm_mday, kMonths[tm.tm_mon % 12], tm.tm_year % 100);
    std::snprintf(time, sizeof time, "%02d:%02d:%02d", tm.tm_hour, tm.tm_min, tm.tm_sec);
    return {options.creationDate.empty() ? std::string(date) : options.creationDate,
            options.creationTime.empty() ? std::string(time) : options.creationTime};
}

double fileValue(double v)
{
    if (v == -std::numeric_limits<double>::infinity()) return sav::kLowest;
    if (v == std::numeric_limits<double>::infinity()) return sav::kHighest;
    return v;
}

// Bytecode compression of a stream of 8-byte slots.
class BytecodeSink {
public:
    BytecodeSink(std::string& out, double bias) : m_out(out), m_bias(bias) {}
    void number(double v)
    {
        if (std::isnan(v)) return code(sav::kCodeSysmis);
        const double c = v + m_bias;
        if (c >= 1 && c <= 251 && c == std::floor(c) && !(v == 0 && std::signbit(v)))
            return code(static_cast<uint8_t>(c));
        const double f = fileValue(v);
        code(sav::kCodeRaw, reinterpret_cast<const char*>(&f));
    }
    void text8(const char* s)
    {
        if (std::memcmp(s, "        ", 8) == 0) return code(sav::kCodeSpaces);
        code(sav::kCodeRaw, s);
    }
    void finish()
    {
        if (m_used == 0) return;
        flush();
    }

private:
    void code(uint8_t c, const char* raw = nullptr)
    {
        m_commands[m_used++] = static_cast<char>(c);
        if (raw) m_data.append(raw, 8);
        if (m_used == 8) flush();
    }
    void flush()
    {
        std::fill(m_commands + m_used, m_commands + 8, 0);
        m_out.append(m_commands, 8);
        m_out.append(m_data);
        m_data.clear();
        m_used = 0;
    }
    std::string& m_out;
    double m_bias;
    char m_commands[8] = {};
    int m_used = 0;
    std::string m_data;
};

class SavEncoder {
public:
    SavEncoder(const data::Dataset& dataset, const SavWriteOptions& options) : m_dataset(dataset), m_options(options) {}
    Expected<std::string> encode();

private:
    Status plan();
    void writeHeader(ByteSink& out);
    void writeVariables(ByteSink& out);
    void writeValueLabels(ByteSink& out);
    void writeExtensions(ByteSink& out);
    void writeMultipleResponseSets(ByteSink& out);
    void writeData(std::string& out);

    const data::Dataset& m_dataset;
    const SavWriteOptions& m_options;
    std::vector<Layout> m_layout;
    int m_slots = 0;
};

Status SavEncoder::plan()
{
    std::set<std::string> used;
    std::set<std::string> usedNames;
    for (size_t i = 0; i < m_dataset.variableCount(); ++i) {
        const Variable& v = m_dataset.variable(i);
        const data::Column& column = m_dataset.column(i);
        Layout l;
        if (v.isString()) {
            size_t longest = 1;
            for (size_t c = 0; c < column.size(); ++c) longest = std::max(longest, column.text(c).size());
            l.width = static_cast<int>(std::max<size_t>(longest, static_cast<size_t>(std::max(v.stringWidth, 1))));
            if (l.width > kMaxStringWidth)
                return makeError(ErrorCode::Unsupported,
                                 "String values longer than 32,767 bytes cannot be saved in an SPSS file.",
                                 "variable " + v.name);
        }
        l.name = validVariableName(v.name, usedNames);
        l.firstSlot = m_slots;
        const int segments = l.width == 0 ? 1 : sav::segmentCount(l.width);
        for (int s = 0; s < segments; ++s) {
            l.shortNames.push_back(uniqueShortName(s == 0 ? std::string_view(v.name) : std::string_view(l.shortNames[0]), used));
            m_slots += sav::slotsOf(l.width == 0 ? 0 : sav::segmentWidth(l.width, s));
        }
        m_layout.push_back(std::move(l));
    }
    return Ok{};
}

void SavEncoder::writeHeader(ByteSink& out)
{
    out.bytes(m_options.compression == SavCompression::Zlib ? "$FL3" : "$FL2");
    out.padded("@(#) SPSS DATA FILE SurveyLens", 60);
    out.i32(2);
    out.i32(m_slots);
    out.i32(m_options.compression == SavCompression::None ? 0 : m_options.compression == SavCompression::Bytecode ? 1 : 2);
    int32_t weightSlot = 0;
    if (!m_dataset.weightVariable.empty())
        if (auto w = m_dataset.indexOf(m_dataset.weightVariable); w && m_dataset.variable(*w).isNumeric())
            weightSlot = m_layout[*w].firstSlot + 1;
    out.i32(weightSlot);
    const size_t cases = m_dataset.caseCount();
    out.i32(cases > static_cast<size_t>(std::numeric_limits<int32_t>::max()) ? -1 : static_cast<int32_t>(cases));
    out.f64(sav::kDefaultBias);
    const auto [date, time] = creationStamp(m_options);
    out.padded(date, 9);
    out.padded(time, 8);
    out.padded(sav::truncateUtf8(m_dataset.fileLabel, 64), 64);
    out.padded("", 3, '\0');
}

void SavEncoder::writeVariables(ByteSink& out)
{
    for (size_t i = 0; i < m_layout.size(); ++i) {
        const Variable& v = m_dataset.variable(i);
        const Layout& l = m_layout[i];
        for (size_t s = 0; s < l.shortNames.size(); ++s) {
            const int width = l.width == 0 ? 0 : sav::segmentWidth(l.width, static_cast<int>(s));
            const bool first = s == 0;
            const bool hasLabel = first && !v.label.empty();
            // Missing values: numeric in the record; strings up to 8 bytes wide here, longer ones in record 7/22.
            std::vector<double> numbers;
            std::vector<std::string> texts;
            int32_t code = 0;
            if (first && l.width == 0) {
                if (v.missing.range) {
                    numbers = {fileValue(v.missing.range->first), fileValue(v.missing.range->second)};
                    if (!v.missing.values.empty()) numbers.push_back(v.missing.values[0]);
                    code = -static_cast<int32_t>(numbers.size());
                } else {
                    for (size_t k = 0; k < std::min<size_t>(3, v.missing.values.size()); ++k) numbers.push_back(v.missing.values[k]);
                    code = static_cast<int32_t>(numbers.size());
                }
            } else if (first && l.width <= 8) {
                for (const auto& t : v.missing.textValues)
                    if (t.size() <= 8 && texts.size() < 3) texts.push_back(t);
                code = static_cast<int32_t>(texts.size());
            }
            const int32_t format = l.width == 0 ? numericFormat(v.format) : packFormat(1, width, 0);
            out.i32(sav::kVariableRecord);
            out.i32(width);
            out.i32(hasLabel ? 1 : 0);
            out.i32(code);
            out.i32(format);
            out.i32(format);
            out.padded(l.shortNames[s], 8);
            if (hasLabel) {
                const std::string_view label = sav::truncateUtf8(v.label, kMaxLabelBytes);
                out.i32(static_cast<int32_t>(label.size()));
                out.padded(label, (label.size() + 3) / 4 * 4);
            }
            for (double d : numbers) out.f64(d);
            for (const auto& t : texts) out.padded(t, 8);
            for (int c = 1; c < sav::slotsOf(width); ++c) {
                out.i32(sav::kVariableRecord);
                out.i32(-1);
                out.i32(0);
                out.i32(0);
                out.i32(0);
                out.i32(0);
                out.padded("", 8);
            }
        }
    }
}

void SavEncoder::writeValueLabels(ByteSink& out)
{
    for (size_t i = 0; i < m_layout.size(); ++i) {
        const Variable& v = m_dataset.variable(i);
        if (m_layout[i].width > 8 || v.valueLabels.empty()) continue;
        out.i32(sav::kValueLabelRecord);
        out.i32(static_cast<int32_t>(v.isNumeric() ? v.valueLabels.numeric().size() : v.valueLabels.text().size()));
        const auto label = [&](std::string_view text) {
            text = sav::truncateUtf8(text, kMaxLabelBytes);
            out.bytes(std::string(1, static_cast<char>(text.size())));
            out.padded(text, (text.size() + 1 + 7) / 8 * 8 - 1);
        };
        if (v.isNumeric()) {
            for (const auto& [value, text] : v.valueLabels.numeric()) {
                out.f64(value);
                label(text);
            }
        } else {
            for (const auto& [value, text] : v.valueLabels.text()) {
                out.padded(value, 8);
                label(text);
            }
        }
        out.i32(sav::kValueLabelVariablesRecord);
        out.i32(1);
        out.i32(m_layout[i].firstSlot + 1);
    }
}

void SavEncoder::writeMultipleResponseSets(ByteSink& out)
{
    std::string plain, extended;
    for (const auto& set : m_dataset.multipleResponseSets) {
        std::string line(1, '$');
        line += set.name;
        line += '=';
        const auto counted = [](const std::string& s) { return std::to_string(s.size()) + " " + s; };
        if (!set.dichotomy) line += "C ";
        else if (set.labelsFromCountedValues) line += "E 1 " + counted(set.countedValue) + " ";
        else line += "D" + counted(set.countedValue) + " ";
        line += counted(set.label);
        for (const auto& name : set.variables) {
            if (auto index = m_dataset.indexOf(name)) {
                line += ' ';
                line += lower(m_layout[*index].shortNames[0]);
            }
        }
        line += "\n";
        (set.dichotomy && set.labelsFromCountedValues ? extended : plain) += line;
    }
    if (!plain.empty()) out.extension(sav::kMultipleResponseSets, 1, plain);
    if (!extended.empty()) out.extension(sav::kExtendedMultipleResponseSets, 1, extended);
}

void SavEncoder::writeExtensions(ByteSink& out)
{
    std::string data;
    ByteSink d(data);
    // 7/3: version, machine code, IEEE doubles, compression, little-endian, UTF-8.
    for (int32_t v : {1, 0, 0, -1, 1, m_options.compression == SavCompression::None ? 0 : 1, 2, 65001}) d.i32(v);
    out.extension(sav::kIntegerInfo, 4, data);
    data.clear();
    d.f64(sav::kSysmisValue);
    d.f64(sav::kHighest);
    d.f64(sav::kLowest);
    out.extension(sav::kFloatInfo, 8, data);

    writeMultipleResponseSets(out);

    data.clear();
    for (size_t i = 0; i < m_layout.size(); ++i) {
        const Variable& v = m_dataset.variable(i);
        const int32_t measure = v.measure == data::MeasureLevel::Nominal ? 1 : v.measure == data::MeasureLevel::Ordinal ? 2 : 3;
        const int32_t align = v.alignment == data::Alignment::Left ? 0 : v.alignment == data::Alignment::Right ? 1 : 2;
        for (size_t s = 0; s < m_layout[i].shortNames.size(); ++s) {
            d.i32(measure);
            d.i32(s == 0 ? std::max(v.displayColumns, 1) : 1);
            d.i32(align);
        }
    }
    if (!data.empty()) out.extension(sav::kDisplayParameters, 4, data);

    std::string names;
    for (size_t i = 0; i < m_layout.size(); ++i) {
        if (!names.empty()) names += '\t';
        names += m_layout[i].shortNames[0] + "=" + m_layout[i].name;
    }
    if (!names.empty()) out.extension(sav::kLongNames, 1, names);

    std::string longStrings;
    for (const auto& l : m_layout) {
        if (l.width <= sav::kMaxShortString) continue;
        char width[16];
        std::snprintf(width, sizeof width, "%05d", l.width);
        longStrings += l.shortNames[0] + "=" + width + std::string(1, '\0') + "\t";
    }
    if (!longStrings.empty()) out.extension(sav::kVeryLongStrings, 1, longStrings);

    data.clear();
    d.i64(1);
    d.i64(static_cast<int64_t>(m_dataset.caseCount()));
    out.extension(sav::kExtendedCaseCount, 8, data);

    out.extension(sav::kEncodingName, 1, "UTF-8");

    data.clear();
    for (size_t i = 0; i < m_layout.size(); ++i) {
        const Variable& v = m_dataset.variable(i);
        if (m_layout[i].width <= 8 || v.valueLabels.text().empty()) continue;
        d.i32(static_cast<int32_t>(m_layout[i].name.size()));
        d.bytes(m_layout[i].name);
        d.i32(m_layout[i].width);
        d.i32(static_cast<int32_t>(v.valueLabels.text().size()));
        for (const auto& [value, text] : v.valueLabels.text()) {
            const std::string_view shown = sav::truncateUtf8(value, static_cast<size_t>(m_layout[i].width));
            d.i32(static_cast<int32_t>(m_layout[i].width));
            d.padded(shown, static_cast<size_t>(m_layout[i].width));
            const std::string_view label = sav::truncateUtf8(text, kMaxLabelBytes);
            d.i32(static_cast<int32_t>(label.size()));
            d.bytes(label);
        }
    }
    if (!data.empty()) out.extension(sav::kLongStringValueLabels, 1, data);

    data.clear();
    for (size_t i = 0; i < m_layout.size(); ++i) {
        const Variable& v = m_dataset.variable(i);
        if (m_layout[i].width <= 8) continue;
        std::vector<std::string> values;
        for (const auto& t : v.missing.textValues)
            if (t.size() <= 8 && values.size() < 3) values.push_back(t);
        if (values.empty()) continue;
        d.i32(static_cast<int32_t>(m_layout[i].name.size()));
        d.bytes(m_layout[i].name);
        d.bytes(std::string(1, static_cast<char>(values.size())));
        d.i32(8);
        for (const auto& t : values) d.padded(t, 8);
    }
    if (!data.empty()) out.extension(sav::kLongStringMissingValues, 1, data);

    out.i32(sav::kDictionaryEnd);
    out.i32(0);
}

void SavEncoder::writeData(std::string& out)
{
    const size_t cases = m_dataset.caseCount();
    std::string padded;
    const auto stringSlots = [&](size_t i, size_t c, auto&& emit) {
        const Layout& l = m_layout[i];
        const std::string_view value = m_dataset.column(i).text(c);
        for (size_t s = 0; s < l.shortNames.size(); ++s) {
            const int width = sav::segmentWidth(l.width, static_cast<int>(s));
            const size_t used = static_cast<size_t>(sav::segmentUsedBytes(l.width, static_cast<int>(s)));
            const size_t from = s * sav::kMaxShortString;
            padded.assign(from < value.size() ? value.substr(from, used) : std::string_view());
            padded.resize(static_cast<size_t>(sav::slotsOf(width)) * 8, ' ');
            for (size_t k = 0; k < padded.size(); k += 8) emit(padded.data() + k);
        }
    };
    if (m_options.compression == SavCompression::None) {
        ByteSink sink(out);
        for (size_t c = 0; c < cases; ++c)
            for (size_t i = 0; i < m_layout.size(); ++i) {
                if (m_layout[i].width == 0) sink.f64(std::isnan(m_dataset.column(i).number(c)) ? sav::kSysmisValue : fileValue(m_dataset.column(i).number(c)));
                else stringSlots(i, c, [&](const char* p) { sink.bytes(std::string_view(p, 8)); });
            }
        return;
    }
    BytecodeSink sink(out, sav::kDefaultBias);
    for (size_t c = 0; c < cases; ++c)
        for (size_t i = 0; i < m_layout.size(); ++i) {
            if (m_layout[i].width == 0) sink.number(m_dataset.column(i).number(c));
            else stringSlots(i, c, [&](const char* p) { sink.text8(p); });
        }
    sink.finish();
}

// Replaces the bytecode stream that starts at `dataStart` by the zlib header, blocks and trailer of a .zsav.
Status compressZlib(std::string& file, size_t dataStart)
{
    const std::string stream = file.substr(dataStart);
    file.resize(dataStart);
    ByteSink out(file);
    const size_t headerAt = file.size();
    out.padded("", 24, '\0');  // zlib header, filled in below
    struct Block {
        int64_t uncompressedAt, compressedAt;
        int32_t uncompressedSize, compressedSize;
    };
    std::vector<Block> blocks;
    int64_t uncompressedAt = static_cast<int64_t>(headerAt);
    for (size_t from = 0; from < stream.size(); from += sav::kZlibBlockSize) {
        const size_t n = std::min<size_t>(sav::kZlibBlockSize, stream.size() - from);
        uLongf bound = compressBound(static_cast<uLong>(n));
        std::string compressed(bound, '\0');
        if (compress2(reinterpret_cast<Bytef*>(compressed.data()), &bound,
                      reinterpret_cast<const Bytef*>(stream.data() + from), static_cast<uLong>(n), Z_DEFAULT_COMPRESSION) != Z_OK)
            return makeError(ErrorCode::Io, "The data could not be compressed with zlib.");
        blocks.push_back({uncompressedAt, static_cast<int64_t>(file.size()), static_cast<int32_t>(n), static_cast<int32_t>(bound)});
        file.append(compressed.data(), bound);
        uncompressedAt += static_cast<int64_t>(n);
    }
    const size_t trailerAt = file.size();
    out.i64(-static_cast<int64_t>(sav::kDefaultBias));
    out.i64(0);
    out.i32(sav::kZlibBlockSize);
    out.i32(static_cast<int32_t>(blocks.size()));
    for (const auto& b : blocks) {
        out.i64(b.uncompressedAt);
        out.i64(b.compressedAt);
        out.i32(b.uncompressedSize);
        out.i32(b.compressedSize);
    }
    const int64_t header[3] = {static_cast<int64_t>(headerAt), static_cast<int64_t>(trailerAt),
                               static_cast<int64_t>(file.size() - trailerAt)};
    std::memcpy(file.data() + headerAt, header, sizeof header);
    return Ok{};
}

Expected<std::string> SavEncoder::encode()
{
    if (auto planned = plan(); !planned) return planned.error();
    std::string file;
    ByteSink out(file);
    writeHeader(out);
    writeVariables(out);
    writeValueLabels(out);
    writeExtensions(out);
    const size_t dataStart = file.size();
    writeData(file);
    if (m_options.compression == SavCompression::Zlib)
        if (auto z = compressZlib(file, dataStart); !z) return z.error();
    return file;
}

}  // namespace

Expected<std::string> encodeSav(const data::Dataset& dataset, const SavWriteOptions& options)
{
    SavEncoder encoder(dataset, options);
    return encoder.encode();
}

Status writeSav(const data::Dataset& dataset, const std::string& path, const SavWriteOptions& options)
{
    auto bytes = encodeSav(dataset, options);
    if (!bytes) return bytes.error();
    return writeFileAtomically(path, *bytes);
}

}  // namespace sl::core::io
