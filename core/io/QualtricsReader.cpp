#include "core/io/QualtricsReader.h"

#include "core/io/TextEncoding.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <optional>

namespace sl::core::io {

namespace {

constexpr double kSecondsPerDay = 86400.0;
constexpr long kDaysFrom1582To1970 = 141428;  // SPSS epoch (14 October 1582) to 1 January 1970
constexpr double kSeenButUnanswered = -99;

// UTF-16 text (with its byte-order mark) as UTF-8; unpaired surrogates become U+FFFD.
std::string utf16ToUtf8(std::string_view bytes)
{
    const bool little = static_cast<unsigned char>(bytes[0]) == 0xFF;
    auto unit = [&](size_t i) -> uint32_t {
        const auto a = static_cast<unsigned char>(bytes[i]);
        const auto b = static_cast<unsigned char>(bytes[i + 1]);
        return little ? (a | (b << 8)) : ((a << 8) | b);
    };
    std::string out;
    out.reserve(bytes.size() / 2);
    auto put = [&](uint32_t cp) {
        if (cp < 0x80) {
            out.push_back(static_cast<char>(cp));
        } else if (cp < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
            out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        }
    };
    for (size_t i = 2; i + 1 < bytes.size(); i += 2) {
        const uint32_t u = unit(i);
        if (u >= 0xD800 && u < 0xDC00 && i + 3 < bytes.size()) {
            const uint32_t low = unit(i + 2);
            if (low >= 0xDC00 && low < 0xE000) {
                put(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
                i += 2;
                continue;
            }
        }
        put(u >= 0xD800 && u < 0xE000 ? 0xFFFD : u);
    }
    return out;
}

// Splits the record starting at `begin` into cells (RFC 4180: a cell that starts with a quote is quoted, and
// may hold delimiters, line breaks and doubled quotes). Returns the offset just past the record's line break.
size_t readRecord(std::string_view text, size_t begin, char delimiter, std::vector<std::string>& cells)
{
    cells.assign(1, std::string());
    bool quoted = false;
    bool atCellStart = true;
    for (size_t i = begin; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c != '"') {
                cells.back().push_back(c);
            } else if (i + 1 < text.size() && text[i + 1] == '"') {
                cells.back().push_back('"');
                ++i;
            } else {
                quoted = false;
            }
            continue;
        }
        if (c == '\n') return i + 1;
        if (c == '\r') return i + 1 < text.size() && text[i + 1] == '\n' ? i + 2 : i + 1;
        if (c == '"' && atCellStart) {
            quoted = true;
            atCellStart = false;
        } else if (c == delimiter) {
            cells.emplace_back();
            atCellStart = true;
        } else {
            cells.back().push_back(c);
            atCellStart = false;
        }
    }
    return text.size();
}

// Comma or tab, whichever the first line holds more of.
char sniffDelimiter(std::string_view text)
{
    const std::string_view line = text.substr(0, text.find('\n'));
    const auto commas = std::count(line.begin(), line.end(), ',');
    const auto tabs = std::count(line.begin(), line.end(), '\t');
    return tabs > commas ? '\t' : ',';
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// Question text without HTML tags and entities, whitespace collapsed.
std::string plainText(std::string_view html)
{
    static const std::array<std::pair<std::string_view, char>, 7> entities = {{
        {"&nbsp;", ' '}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'},
        {"&#39;", '\''},  {"&apos;", '\''}, {"&amp;", '&'},
    }};
    // Tags first, then entities, in one pass each (a decoded "&lt;b&gt;" stays text).
    std::string tagless;
    for (size_t i = 0; i < html.size(); ++i) {
        if (html[i] == '<') {
            const size_t close = html.find('>', i);
            if (close == std::string_view::npos) {  // no tag closes after here
                tagless.append(html.substr(i));
                break;
            }
            i = close;
            tagless.push_back(' ');
            continue;
        }
        tagless.push_back(html[i]);
    }
    std::string text;
    const std::string_view rest = tagless;
    for (size_t i = 0; i < rest.size(); ++i) {
        const auto entity = rest[i] != '&' ? entities.end()
                                           : std::find_if(entities.begin(), entities.end(), [&](const auto& e) {
                                                 return rest.substr(i, e.first.size()) == e.first;
                                             });
        if (entity == entities.end()) {
            text.push_back(rest[i]);
            continue;
        }
        text.push_back(entity->second);
        i += entity->first.size() - 1;
    }
    std::string out;
    for (char c : text) {
        const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
        if (space && (out.empty() || out.back() == ' ')) continue;
        out.push_back(space ? ' ' : c);
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

// The ImportId of a row-3 cell such as {"ImportId":"QID5_1","timeZone":"..."}, or nullopt.
std::optional<std::string> importIdOf(std::string_view cell)
{
    cell = trim(cell);
    if (cell.empty() || cell.front() != '{') return std::nullopt;
    const size_t key = cell.find("\"ImportId\"");
    if (key == std::string_view::npos) return std::nullopt;
    size_t p = cell.find(':', key);
    if (p == std::string_view::npos) return std::nullopt;
    p = cell.find('"', p);
    if (p == std::string_view::npos) return std::nullopt;
    const size_t end = cell.find('"', p + 1);
    if (end == std::string_view::npos) return std::nullopt;
    return std::string(cell.substr(p + 1, end - p - 1));
}

// The UTF-8 text of the export: UTF-16 converted, byte-order mark removed.
std::string_view utf8Text(std::string_view bytes, std::string& storage)
{
    if (hasUtf16Bom(bytes)) {
        storage = utf16ToUtf8(bytes);
        return storage;
    }
    return withoutUtf8Bom(bytes);
}

struct Layout {
    QualtricsHeader header;
    char delimiter = ',';
    size_t headerEnd = 0;   // offset of the first data row
    size_t firstRowEnd = 0;
};

std::optional<Layout> layoutOf(std::string_view text, char delimiter)
{
    Layout layout;
    layout.delimiter = delimiter ? delimiter : sniffDelimiter(text);
    QualtricsHeader& header = layout.header;
    std::vector<std::string> questions;
    std::vector<std::string> third;
    const size_t end1 = readRecord(text, 0, layout.delimiter, header.names);
    const size_t end2 = readRecord(text, end1, layout.delimiter, questions);
    const size_t end3 = readRecord(text, end2, layout.delimiter, third);

    size_t ids = 0;
    bool allIds = true;
    for (const auto& cell : third) {
        if (trim(cell).empty()) continue;
        if (auto id = importIdOf(cell)) ++ids;
        else allIds = false;
    }
    const bool legacy = !header.names.empty() && header.names[0] == "V1" &&
                        std::find(questions.begin(), questions.end(), "ResponseID") != questions.end();
    if (ids > 0 && allIds) {
        layout.headerEnd = end3;
        for (const auto& cell : third) header.importIds.push_back(importIdOf(cell).value_or(""));
    } else if (legacy) {
        header.legacy = true;
        layout.headerEnd = end2;
    } else {
        return std::nullopt;
    }
    layout.firstRowEnd = end1;
    for (auto& name : header.names) name = std::string(trim(name));
    header.questions.reserve(header.names.size());
    for (size_t i = 0; i < header.names.size(); ++i)
        header.questions.push_back(i < questions.size() ? plainText(questions[i]) : "");
    header.importIds.resize(header.names.size());
    return layout;
}

// Which metadata column a column is: "status", "startDate", ... (the ImportId, or the legacy row-2 text).
std::string metadataKey(const QualtricsHeader& header, size_t i)
{
    static const std::vector<std::string> importIds = {
        "startDate", "endDate", "status", "ipAddress", "progress", "duration", "finished", "recordedDate",
        "_recordId", "recipientLastName", "recipientFirstName", "recipientEmail", "externalDataReference",
        "locationLatitude", "locationLongitude", "distributionChannel", "userLanguage"};
    if (!header.legacy) {
        const std::string& id = header.importIds[i];
        return std::find(importIds.begin(), importIds.end(), id) != importIds.end() ? id : "";
    }
    static const std::vector<std::pair<std::string, std::string>> legacyNames = {
        {"ResponseID", "_recordId"}, {"ResponseSet", "responseSet"}, {"Name", "recipientName"},
        {"ExternalDataReference", "externalDataReference"}, {"EmailAddress", "recipientEmail"},
        {"IPAddress", "ipAddress"}, {"Status", "status"}, {"StartDate", "startDate"}, {"EndDate", "endDate"},
        {"Finished", "finished"}};
    const std::string& name = header.names[i];
    const auto isDigit = [](unsigned char c) { return std::isdigit(c) != 0; };
    if (name.size() < 2 || name[0] != 'V' || !std::all_of(name.begin() + 1, name.end(), isDigit)) return "";
    for (const auto& [text, key] : legacyNames)
        if (header.questions[i] == text) return key;
    return "";
}

long daysFromCivil(long y, long m, long d)
{
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

// "2017-11-06 08:51:27" (or with T), or "11/6/2017 8:51" as Excel rewrites it, as SPSS seconds.
std::optional<double> parseTimestamp(std::string_view s)
{
    s = trim(s);
    std::array<long, 6> parts{};
    size_t count = 0;
    const char* p = s.data();
    const char* end = s.data() + s.size();
    std::array<char, 5> separators{};
    while (p < end && count < parts.size()) {
        const auto result = std::from_chars(p, end, parts[count]);
        if (result.ec != std::errc() || result.ptr == p) return std::nullopt;
        p = result.ptr;
        if (p < end) {
            if (count < separators.size()) separators[count] = *p;
            ++p;
        }
        ++count;
    }
    if (p != end || count < 5) return std::nullopt;
    long year = 0, month = 0, day = 0;
    if (separators[0] == '-' && separators[1] == '-' && (separators[2] == ' ' || separators[2] == 'T')) {
        year = parts[0], month = parts[1], day = parts[2];
    } else if (separators[0] == '/' && separators[1] == '/' && separators[2] == ' ') {
        month = parts[0], day = parts[1], year = parts[2];
    } else {
        return std::nullopt;
    }
    if (separators[3] != ':' || (count == 6 && separators[4] != ':')) return std::nullopt;
    const long hour = parts[3], minute = parts[4], second = count == 6 ? parts[5] : 0;
    if (year < 1583 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
        return std::nullopt;
    const long days = daysFromCivil(year, month, day) + kDaysFrom1582To1970;
    return static_cast<double>(days) * kSecondsPerDay + static_cast<double>(hour * 3600 + minute * 60 + second);
}

// A string column whose every non-empty cell is a timestamp, as date-times; else nullptr.
data::ColumnPtr timestampColumn(const data::Column& column)
{
    std::vector<double> values(column.size(), data::kSysmis);
    bool any = false;
    for (size_t c = 0; c < column.size(); ++c) {
        if (trim(column.text(c)).empty()) continue;
        auto seconds = parseTimestamp(column.text(c));
        if (!seconds) return nullptr;
        values[c] = *seconds;
        any = true;
    }
    return any ? data::Column::fromDoubles(std::move(values)) : nullptr;
}

// A string column of TRUE/FALSE as 1/0; else nullptr.
data::ColumnPtr booleanColumn(const data::Column& column)
{
    std::vector<double> values(column.size(), data::kSysmis);
    for (size_t c = 0; c < column.size(); ++c) {
        std::string text(trim(column.text(c)));
        for (char& ch : text) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        if (text == "TRUE") values[c] = 1;
        else if (text == "FALSE") values[c] = 0;
        else if (!text.empty()) return nullptr;
    }
    return data::Column::fromDoubles(std::move(values));
}

void makeNumeric(data::Variable& variable, data::DisplayFormat format, data::MeasureLevel measure)
{
    variable.type = data::VariableType::Numeric;
    variable.stringWidth = 0;
    variable.format = format;
    variable.measure = measure;
    variable.alignment = data::Alignment::Right;
    variable.displayColumns = std::max(8, format.width);
}

bool isBlank(const data::Column& column)
{
    for (size_t c = 0; c < column.size(); ++c)
        if (column.isString() ? !trim(column.text(c)).empty() : !std::isnan(column.number(c))) return false;
    return true;
}

bool contains(const data::Column& column, double value)
{
    for (size_t c = 0; c < column.size(); ++c)
        if (column.number(c) == value) return true;
    return false;
}

}  // namespace

std::optional<QualtricsHeader> qualtricsHeaderOf(std::string_view bytes)
{
    std::string storage;
    auto layout = layoutOf(utf8Text(bytes, storage), 0);
    if (!layout) return std::nullopt;
    return std::move(layout->header);
}

Expected<data::DatasetPtr> readQualtricsBytes(std::string_view bytes, const std::string& fileName,
                                              const CsvOptions& options, const QualtricsOptions& /*qualtrics*/)
{
    std::string storage;
    const std::string_view text = utf8Text(bytes, storage);
    auto found = layoutOf(text, options.delimiter);
    if (!found)
        return makeError(ErrorCode::InvalidInput,
                         "The file is not a Qualtrics export: its third row holds no {\"ImportId\":...} cells and it "
                         "does not start with the legacy V1, V2, ... header.",
                         fileName + ", line 3");
    const Layout& layout = *found;
    const QualtricsHeader& header = layout.header;

    // Rows 2 (and 3) become blank lines, which the CSV reader skips, so line numbers stay those of the file.
    const std::string_view descriptive = text.substr(layout.firstRowEnd, layout.headerEnd - layout.firstRowEnd);
    std::string rows(text.substr(0, layout.firstRowEnd));
    if (!rows.empty() && rows.back() != '\n' && rows.back() != '\r') rows.push_back('\n');
    rows.append(static_cast<size_t>(std::count(descriptive.begin(), descriptive.end(), '\n')), '\n');
    rows.append(text.substr(layout.headerEnd));
    CsvOptions csv = options;
    csv.delimiter = layout.delimiter;
    csv.header = true;
    auto parsed = readCsvBytes(rows, fileName, csv);
    if (!parsed) return parsed.error();
    const data::Dataset& plain = **parsed;

    std::vector<data::Variable> variables;
    std::vector<data::ColumnPtr> columns;
    std::vector<std::string> seenButUnanswered;
    std::string droppedName;
    for (size_t i = 0; i < plain.variableCount(); ++i) {
        data::Variable variable = plain.variable(i);
        data::ColumnPtr column = plain.columnPtr(i);
        const bool described = i < header.names.size();
        // A trailing empty column (lines ending with a delimiter) is dropped.
        if (i + 1 == plain.variableCount() && described && header.names[i].empty() && header.questions[i].empty() &&
            isBlank(*column)) {
            droppedName = variable.name;
            continue;
        }
        const std::string key = described ? metadataKey(header, i) : "";
        if (described && !header.questions[i].empty()) variable.label = header.questions[i];
        if (column->isString()) {
            if (auto dates = timestampColumn(*column)) {
                column = dates;
                makeNumeric(variable, {22, 20, 0}, data::MeasureLevel::Scale);
            } else if (auto flags = booleanColumn(*column)) {
                column = flags;
                makeNumeric(variable, {5, 1, 0}, data::MeasureLevel::Nominal);
            }
        }
        if (!column->isString()) {
            if (key == "status") {
                static const std::vector<std::pair<double, const char*>> statuses = {
                    {0, "IP Address"}, {1, "Survey Preview"}, {2, "Survey Test"}, {4, "Imported"},
                    {8, "Spam"},       {9, "Preview Spam"},   {16, "Offline"},   {17, "Offline Preview"}};
                for (const auto& [code, label] : statuses) variable.valueLabels.set(code, label);
                variable.measure = data::MeasureLevel::Nominal;
            } else if (key == "finished") {
                variable.valueLabels.set(0, "False");
                variable.valueLabels.set(1, "True");
                variable.measure = data::MeasureLevel::Nominal;
            } else if (key == "progress" || key == "duration") {
                variable.measure = data::MeasureLevel::Scale;
            } else if (key.empty() && contains(*column, kSeenButUnanswered) &&
                       !variable.missing.isUserMissing(kSeenButUnanswered) && variable.missing.values.size() < 3) {
                variable.missing.values.push_back(kSeenButUnanswered);
                if (!variable.valueLabels.find(kSeenButUnanswered))
                    variable.valueLabels.set(kSeenButUnanswered, "Seen but unanswered");
                seenButUnanswered.push_back(variable.name);
            }
        }
        variables.push_back(std::move(variable));
        columns.push_back(std::move(column));
    }
    auto dataset = std::make_shared<data::Dataset>(std::move(variables), std::move(columns));
    // The CSV reader's warning about the dropped column alone ("1 ... had no name ... named V9.") is left out.
    const std::string unnamedDropped = " had no name in the header and were named " + droppedName + ".";
    for (const auto& warning : plain.warnings)
        if (droppedName.empty() || warning.rfind("1 ", 0) != 0 || !warning.ends_with(unnamedDropped))
            dataset->warnings.push_back(warning);
    if (!seenButUnanswered.empty()) {
        std::string list;
        for (const auto& name : seenButUnanswered) list += (list.empty() ? "" : ", ") + name;
        dataset->warnings.push_back("-99 (seen but unanswered) is treated as missing in " + list + ".");
    }
    return data::DatasetPtr(std::move(dataset));
}

}  // namespace sl::core::io
