#include "core/io/ReadStatReader.h"

#include "core/io/ColumnInference.h"
#include "core/io/FileBytes.h"
#include "core/io/SeparateProcessRead.h"

#include <readstat.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <map>
#include <set>
#include <vector>

namespace sl::core::io {

namespace {

constexpr double kSecondsPerDay = 86400.0;
// Days from the SPSS epoch (14 October 1582) to the Stata and SAS epoch (1 January 1960).
constexpr double kDaysFrom1582To1960 = 137775.0;
constexpr int64_t kMaxReservedCases = 1 << 20;

enum class TimeUnit { None, DaysSince1960, MillisecondsSince1960, SecondsSince1960, SecondsOfDay };

struct LabelSet {
    std::vector<std::pair<double, std::string>> numeric;
    std::vector<std::pair<std::string, std::string>> text;
    std::map<char, std::string> tagged;
};

struct PendingVariable {
    data::Variable variable;
    std::string labelSet;
    std::string formatText;
    TimeUnit timeUnit = TimeUnit::None;
    std::vector<double> numbers;
    std::vector<std::string> texts;
    std::vector<std::pair<size_t, char>> taggedCases;  // case, tag of an extended missing value
};

struct ReadContext {
    FileFormat format = FileFormat::Unknown;
    std::vector<PendingVariable> variables;
    std::map<std::string, LabelSet> labelSets;
    int64_t rowCount = -1;
    std::string fileLabel;
    std::string detail;  // the last message ReadStat gave
    const ProgressSink* progress = nullptr;
};

std::string upper(std::string_view s)
{
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

// "DATETIME20.3" -> name "DATETIME", width 20, decimals 3 (-1 when absent).
struct FormatParts {
    std::string name;
    int width = -1;
    int decimals = -1;
};

FormatParts splitFormat(std::string_view text)
{
    FormatParts parts;
    size_t i = 0;
    while (i < text.size() && !std::isdigit(static_cast<unsigned char>(text[i])) && text[i] != '.') ++i;
    parts.name = upper(text.substr(0, i));
    auto number = [&](int& out) {
        const char* begin = text.data() + i;
        const char* end = text.data() + text.size();
        auto result = std::from_chars(begin, end, out);
        i += static_cast<size_t>(result.ptr - begin);
    };
    number(parts.width);
    if (i < text.size() && text[i] == '.') {
        ++i;
        number(parts.decimals);
    }
    return parts;
}

bool startsWithAny(const std::string& name, std::initializer_list<const char*> prefixes)
{
    for (const char* p : prefixes)
        if (name.rfind(p, 0) == 0) return true;
    return false;
}

// The time unit a Stata or SAS display format implies.
TimeUnit timeUnitOf(FileFormat format, const std::string& formatText)
{
    if (format == FileFormat::Stata) {
        std::string_view f = formatText;
        if (!f.empty() && f[0] == '%') f.remove_prefix(1);
        while (!f.empty() && (f[0] == '-' || f[0] == '~')) f.remove_prefix(1);
        if (f.rfind("td", 0) == 0 || (f.rfind("d", 0) == 0)) return TimeUnit::DaysSince1960;
        if (f.rfind("tc", 0) == 0 || f.rfind("tC", 0) == 0) return TimeUnit::MillisecondsSince1960;
        return TimeUnit::None;
    }
    if (format == FileFormat::Sas) {
        const std::string name = splitFormat(formatText).name;
        if (startsWithAny(name, {"DATETIME", "E8601DT", "B8601DT", "NLDATM", "MDYAMPM"}))
            return TimeUnit::SecondsSince1960;
        if (startsWithAny(name, {"DATE", "MMDDYY", "DDMMYY", "YYMMDD", "E8601DA", "B8601DA", "WEEKDATE", "WORDDATE",
                                 "MONYY", "YYMON", "NLDATE", "JULIAN", "EURDF", "MINGUO", "NENGO"}))
            return TimeUnit::DaysSince1960;
        if (startsWithAny(name, {"TIME", "HHMM", "TOD", "E8601TM", "HOUR", "MMSS"})) return TimeUnit::SecondsOfDay;
    }
    return TimeUnit::None;
}

double toSpssSeconds(double v, TimeUnit unit)
{
    switch (unit) {
    case TimeUnit::None:
    case TimeUnit::SecondsOfDay: return v;
    case TimeUnit::DaysSince1960: return (v + kDaysFrom1582To1960) * kSecondsPerDay;
    case TimeUnit::MillisecondsSince1960: return v / 1000.0 + kDaysFrom1582To1960 * kSecondsPerDay;
    case TimeUnit::SecondsSince1960: return v + kDaysFrom1582To1960 * kSecondsPerDay;
    }
    return v;
}

// SPSS format codes for the names a portable file can carry.
int spssFormatCode(const std::string& name)
{
    static const std::map<std::string, int> codes = {
        {"A", 1},      {"AHEX", 2},     {"COMMA", 3},  {"DOLLAR", 4}, {"F", 5},      {"N", 16},
        {"E", 17},     {"DATE", 20},    {"TIME", 21},  {"DATETIME", 22}, {"ADATE", 23}, {"JDATE", 24},
        {"DTIME", 25}, {"WKDAY", 26},   {"MONTH", 27}, {"MOYR", 28},  {"QYR", 29},    {"WKYR", 30},
        {"PCT", 31},   {"DOT", 32},     {"EDATE", 38}, {"SDATE", 39}, {"MTIME", 40},  {"YMDHMS", 41},
    };
    auto it = codes.find(name);
    return it == codes.end() ? 5 : it->second;
}

data::DisplayFormat displayFormatOf(FileFormat format, const PendingVariable& pending)
{
    data::DisplayFormat display;
    if (pending.variable.isString()) {
        display.type = 1;
        display.width = std::max(1, pending.variable.stringWidth);
        display.decimals = 0;
        return display;
    }
    switch (pending.timeUnit) {
    case TimeUnit::DaysSince1960: return {20, 11, 0};
    case TimeUnit::MillisecondsSince1960:
    case TimeUnit::SecondsSince1960: return {22, 20, 0};
    case TimeUnit::SecondsOfDay: return {21, 8, 0};
    case TimeUnit::None: break;
    }
    const FormatParts parts = splitFormat(pending.formatText);
    if (format == FileFormat::SpssPortable && !parts.name.empty()) {
        display.type = spssFormatCode(parts.name);
        if (parts.width > 0) display.width = parts.width;
        display.decimals = std::max(0, parts.decimals);
        return display;
    }
    // Stata "%9.2f" / "%9.0g" and SAS "8.2" / "BEST12.": a fixed format when decimals are given, else
    // as many decimals as the data need.
    const bool fixed = format == FileFormat::Stata ? pending.formatText.find('f') != std::string::npos
                                                   : parts.decimals >= 0;
    display.decimals = fixed ? std::clamp(parts.decimals, 0, 16) : decimalsNeeded(pending.numbers);
    display.width = std::clamp(parts.width > 0 ? parts.width : 8, display.decimals + 2, 40);
    return display;
}

int handleMetadata(readstat_metadata_t* metadata, void* raw)
{
    auto& ctx = *static_cast<ReadContext*>(raw);
    ctx.rowCount = readstat_get_row_count(metadata);
    if (const char* label = readstat_get_file_label(metadata)) ctx.fileLabel = label;
    return READSTAT_HANDLER_OK;
}

int handleVariable(int index, readstat_variable_t* variable, const char* labelSet, void* raw)
{
    auto& ctx = *static_cast<ReadContext*>(raw);
    if (index != static_cast<int>(ctx.variables.size())) return READSTAT_HANDLER_ABORT;
    PendingVariable pending;
    data::Variable& v = pending.variable;
    if (const char* name = readstat_variable_get_name(variable)) v.name = name;
    if (const char* label = readstat_variable_get_label(variable)) v.label = label;
    if (const char* format = readstat_variable_get_format(variable)) pending.formatText = format;
    if (labelSet) pending.labelSet = labelSet;
    const bool isString = readstat_variable_get_type_class(variable) == READSTAT_TYPE_CLASS_STRING;
    if (isString) {
        v.type = data::VariableType::String;
        v.stringWidth = static_cast<int>(readstat_variable_get_storage_width(variable));
        v.alignment = data::Alignment::Left;
    } else {
        pending.timeUnit = timeUnitOf(ctx.format, pending.formatText);
    }
    const int displayWidth = readstat_variable_get_display_width(variable);
    if (displayWidth > 0) v.displayColumns = std::min(displayWidth, 40);
    // User-missing values (portable files).
    const int ranges = readstat_variable_get_missing_ranges_count(variable);
    for (int i = 0; i < ranges; ++i) {
        const readstat_value_t lo = readstat_variable_get_missing_range_lo(variable, i);
        const readstat_value_t hi = readstat_variable_get_missing_range_hi(variable, i);
        if (isString) {
            if (const char* s = readstat_string_value(lo)) v.missing.textValues.emplace_back(s);
            continue;
        }
        const double a = readstat_double_value(lo);
        const double b = readstat_double_value(hi);
        if (a == b)
            v.missing.values.push_back(a);
        else
            v.missing.range = std::make_pair(a, b);
    }
    // The case count in the header is only a hint: a damaged file may claim any number.
    const size_t expected = static_cast<size_t>(std::clamp<int64_t>(ctx.rowCount, 0, kMaxReservedCases));
    if (isString)
        pending.texts.reserve(expected);
    else
        pending.numbers.reserve(expected);
    ctx.variables.push_back(std::move(pending));
    return READSTAT_HANDLER_OK;
}

int handleValue(int obsIndex, readstat_variable_t* variable, readstat_value_t value, void* raw)
{
    auto& ctx = *static_cast<ReadContext*>(raw);
    const int index = readstat_variable_get_index(variable);
    if (index < 0 || index >= static_cast<int>(ctx.variables.size()) || obsIndex < 0) return READSTAT_HANDLER_ABORT;
    PendingVariable& pending = ctx.variables[static_cast<size_t>(index)];
    const auto obs = static_cast<size_t>(obsIndex);
    if (pending.variable.isString()) {
        if (pending.texts.size() <= obs) pending.texts.resize(obs + 1);
        if (const char* s = readstat_string_value(value)) pending.texts[obs] = s;
        return READSTAT_HANDLER_OK;
    }
    if (pending.numbers.size() <= obs) pending.numbers.resize(obs + 1, data::kSysmis);
    if (readstat_value_is_tagged_missing(value))
        pending.taggedCases.emplace_back(obs, readstat_value_tag(value));
    else if (!readstat_value_is_system_missing(value))
        pending.numbers[obs] = toSpssSeconds(readstat_double_value(value), pending.timeUnit);
    return READSTAT_HANDLER_OK;
}

int handleValueLabel(const char* setName, readstat_value_t value, const char* label, void* raw)
{
    auto& ctx = *static_cast<ReadContext*>(raw);
    LabelSet& set = ctx.labelSets[setName ? setName : ""];
    const std::string text = label ? label : "";
    if (readstat_value_is_tagged_missing(value))
        set.tagged[readstat_value_tag(value)] = text;
    else if (readstat_value_type_class(value) == READSTAT_TYPE_CLASS_STRING)
        set.text.emplace_back(readstat_string_value(value) ? readstat_string_value(value) : "", text);
    else if (!readstat_value_is_system_missing(value))
        set.numeric.emplace_back(readstat_double_value(value), text);
    return READSTAT_HANDLER_OK;
}

void handleError(const char* message, void* raw)
{
    auto& ctx = *static_cast<ReadContext*>(raw);
    if (message) ctx.detail = message;
    while (!ctx.detail.empty() && std::isspace(static_cast<unsigned char>(ctx.detail.back()))) ctx.detail.pop_back();
}

int handleProgress(double fraction, void* raw)
{
    auto& ctx = *static_cast<ReadContext*>(raw);
    if (ctx.progress) ctx.progress->report(fraction);
    return READSTAT_HANDLER_OK;
}

// Position of an extended missing tag: .a -> 0 ... .z -> 25, ._ (SAS) -> 26.
int tagIndex(char tag)
{
    if (tag == '_') return 26;
    return std::tolower(static_cast<unsigned char>(tag)) - 'a';
}

// Replaces extended missing values (.a, .b, ...) by user-missing codes 99, 98, ... (or 999, 998, ... when
// the valid values or labels reach that far), so that they keep their labels and count as missing.
void convertTaggedMissing(PendingVariable& pending, const LabelSet* labels, std::vector<std::string>& warnings)
{
    std::set<char> tags;
    for (const auto& [obs, tag] : pending.taggedCases) tags.insert(tag);
    if (labels)
        for (const auto& [tag, text] : labels->tagged) tags.insert(tag);
    if (tags.empty()) return;

    double largest = -HUGE_VAL;
    for (double v : pending.numbers)
        if (std::isfinite(v)) largest = std::max(largest, v);
    if (labels)
        for (const auto& [v, text] : labels->numeric) largest = std::max(largest, v);
    int highestTag = 0;
    for (char tag : tags) highestTag = std::max(highestTag, tagIndex(tag));
    // Codes are whole numbers of at most 15 digits (exact in a double); larger valid values leave no room.
    double base = 99;
    while (base - highestTag <= largest && base < 1e14) base = base * 10 + 9;
    if (base - highestTag <= largest) {
        warnings.push_back(pending.variable.name +
                           ": extended missing values are read as system-missing, as the valid values are too "
                           "large to give them codes above.");
        return;
    }

    auto codeOf = [&](char tag) { return base - tagIndex(tag); };
    for (const auto& [obs, tag] : pending.taggedCases) pending.numbers[obs] = codeOf(tag);
    data::Variable& v = pending.variable;
    if (labels)
        for (const auto& [tag, text] : labels->tagged) v.valueLabels.set(codeOf(tag), text);
    if (tags.size() <= 3) {
        for (char tag : tags) v.missing.values.push_back(codeOf(tag));
        std::sort(v.missing.values.begin(), v.missing.values.end());
    } else {
        v.missing.values.clear();
        v.missing.range = std::make_pair(base - highestTag, base);
    }
    std::string list;
    for (char tag : tags) {
        if (!list.empty()) list += ", ";
        list += std::string(".") + tag + " = " + std::to_string(static_cast<long long>(codeOf(tag)));
    }
    warnings.push_back(v.name + ": extended missing values are kept as user-missing codes (" + list + ").");
}

data::ColumnPtr finishVariable(ReadContext& ctx, PendingVariable& pending, size_t cases,
                               std::vector<std::string>& warnings)
{
    data::Variable& v = pending.variable;
    auto set = ctx.labelSets.find(pending.labelSet);
    const LabelSet* labels = pending.labelSet.empty() || set == ctx.labelSets.end() ? nullptr : &set->second;
    if (v.isString()) {
        pending.texts.resize(cases);
        for (const auto& text : pending.texts) v.stringWidth = std::max(v.stringWidth, static_cast<int>(text.size()));
        v.stringWidth = std::max(v.stringWidth, 1);
        if (labels)
            for (const auto& [value, text] : labels->text) v.valueLabels.setText(value, text);
        v.format = displayFormatOf(ctx.format, pending);
        v.measure = data::MeasureLevel::Nominal;
        return data::Column::fromStrings(pending.texts);
    }
    pending.numbers.resize(cases, data::kSysmis);
    if (labels)
        for (const auto& [value, text] : labels->numeric) v.valueLabels.set(value, text);
    convertTaggedMissing(pending, labels, warnings);
    v.format = displayFormatOf(ctx.format, pending);
    v.measure = v.valueLabels.empty() ? data::MeasureLevel::Scale : data::MeasureLevel::Nominal;
    return data::Column::fromDoubles(std::move(pending.numbers));
}

const char* formatName(FileFormat format)
{
    switch (format) {
    case FileFormat::Stata: return "Stata";
    case FileFormat::Sas: return "SAS";
    default: return "SPSS portable";
    }
}

Expected<data::DatasetPtr> readInThisProcess(const std::string& path, FileFormat format, const ProgressSink* progress)
{
    const std::string name = fileNameOf(path);
    ReadContext ctx;
    ctx.format = format;
    ctx.progress = progress;

    readstat_parser_t* parser = readstat_parser_init();
    if (!parser) return makeError(ErrorCode::Io, "Not enough memory to start reading the file.", name);
    readstat_set_metadata_handler(parser, handleMetadata);
    readstat_set_variable_handler(parser, handleVariable);
    readstat_set_value_handler(parser, handleValue);
    readstat_set_value_label_handler(parser, handleValueLabel);
    readstat_set_error_handler(parser, handleError);
    readstat_set_progress_handler(parser, handleProgress);
    readstat_set_handler_character_encoding(parser, "UTF-8");

    readstat_error_t status = READSTAT_OK;
    switch (format) {
    case FileFormat::Stata: status = readstat_parse_dta(parser, path.c_str(), &ctx); break;
    case FileFormat::Sas: status = readstat_parse_sas7bdat(parser, path.c_str(), &ctx); break;
    default: status = readstat_parse_por(parser, path.c_str(), &ctx); break;
    }
    readstat_parser_free(parser);

    if (status == READSTAT_ERROR_OPEN)
        return makeError(ErrorCode::Io, "The file cannot be opened.", name);
    if (status != READSTAT_OK) {
        std::string message = std::string("This is not a readable ") + formatName(format) + " file (" +
                              readstat_error_message(status) + ")";
        if (!ctx.detail.empty()) message += ": " + ctx.detail;
        return makeError(ErrorCode::InvalidInput, message + ".", name);
    }

    size_t cases = 0;
    for (const auto& pending : ctx.variables)
        cases = std::max(cases, pending.variable.isString() ? pending.texts.size() : pending.numbers.size());

    std::vector<std::string> warnings;
    std::vector<data::Variable> variables;
    std::vector<data::ColumnPtr> columns;
    variables.reserve(ctx.variables.size());
    columns.reserve(ctx.variables.size());
    for (auto& pending : ctx.variables) {
        columns.push_back(finishVariable(ctx, pending, cases, warnings));
        variables.push_back(std::move(pending.variable));
    }
    auto dataset = std::make_shared<data::Dataset>(std::move(variables), std::move(columns));
    dataset->fileLabel = ctx.fileLabel;
    dataset->warnings = std::move(warnings);
    if (progress) progress->report(1.0);
    return data::DatasetPtr(std::move(dataset));
}

}  // namespace

Expected<data::DatasetPtr> readWithReadStat(const std::string& path, FileFormat format,
                                            const ProgressSink* progress, const CancelToken* cancel)
{
    if (format != FileFormat::Stata && format != FileFormat::Sas && format != FileFormat::SpssPortable)
        return makeError(ErrorCode::Unsupported,
                         std::string("Files of format ") + toString(format) + " are not read through ReadStat.",
                         fileNameOf(path));
    // ReadStat has memory faults on some damaged files (tests/fuzz/readstat-findings): it runs in a child
    // process, so such a file gives an error instead of ending the application.
    return readInSeparateProcess([&](const ProgressSink* childProgress) { return readInThisProcess(path, format, childProgress); },
                                 fileNameOf(path), std::string("ReadStat, the library that reads ") + formatName(format) + " files,",
                                 progress, cancel);
}

}  // namespace sl::core::io
