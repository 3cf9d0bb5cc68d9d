#include "core/io/QualtricsReader.h"

#include "core/io/FileBytes.h"
#include "core/io/QualtricsDates.h"
#include "core/io/QualtricsQuestions.h"
#include "core/io/TextEncoding.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>

namespace sl::core::io {

namespace {

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

// The text of `key` in a row-3 cell such as {"ImportId":"startDate","timeZone":"America/Denver"}, or nullopt.
std::optional<std::string> fieldOf(std::string_view cell, std::string_view key)
{
    cell = trimBlanks(cell);
    if (cell.empty() || cell.front() != '{') return std::nullopt;
    const size_t at = cell.find("\"" + std::string(key) + "\"");
    if (at == std::string_view::npos) return std::nullopt;
    size_t p = cell.find(':', at);
    if (p == std::string_view::npos) return std::nullopt;
    p = cell.find('"', p);
    if (p == std::string_view::npos) return std::nullopt;
    const size_t end = cell.find('"', p + 1);
    if (end == std::string_view::npos) return std::nullopt;
    return std::string(cell.substr(p + 1, end - p - 1));
}

std::optional<std::string> importIdOf(std::string_view cell)
{
    return fieldOf(cell, "ImportId");
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
        if (trimBlanks(cell).empty()) continue;
        if (auto id = importIdOf(cell)) ++ids;
        else allIds = false;
    }
    const bool legacy = !header.names.empty() && header.names[0] == "V1" &&
                        std::find(questions.begin(), questions.end(), "ResponseID") != questions.end();
    if (ids > 0 && allIds) {
        layout.headerEnd = end3;
        for (const auto& cell : third) {
            header.importIds.push_back(importIdOf(cell).value_or(""));
            header.timeZones.push_back(fieldOf(cell, "timeZone").value_or(""));
        }
    } else if (legacy) {
        header.legacy = true;
        layout.headerEnd = end2;
    } else {
        return std::nullopt;
    }
    layout.firstRowEnd = end1;
    for (auto& name : header.names) name = std::string(trimBlanks(name));
    header.questions.reserve(header.names.size());
    for (size_t i = 0; i < header.names.size(); ++i)
        header.questions.push_back(i < questions.size() ? plainText(questions[i]) : "");
    header.importIds.resize(header.names.size());
    header.timeZones.resize(header.names.size());
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

// A string column whose every non-empty cell is a timestamp, as date-times; else nullptr.
data::ColumnPtr timestampColumn(const data::Column& column)
{
    std::vector<double> values(column.size(), data::kSysmis);
    bool any = false;
    for (size_t c = 0; c < column.size(); ++c) {
        if (trimBlanks(column.text(c)).empty()) continue;
        auto seconds = parseQualtricsTimestamp(trimBlanks(column.text(c)));
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
        std::string text(trimBlanks(column.text(c)));
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
        if (column.isString() ? !trimBlanks(column.text(c)).empty() : !std::isnan(column.number(c))) return false;
    return true;
}

bool contains(const data::Column& column, double value)
{
    for (size_t c = 0; c < column.size(); ++c)
        if (column.number(c) == value) return true;
    return false;
}

const std::array<std::pair<double, const char*>, 8> kStatuses = {{{0, "IP Address"},
                                                                  {1, "Survey Preview"},
                                                                  {2, "Survey Test"},
                                                                  {4, "Imported"},
                                                                  {8, "Spam"},
                                                                  {9, "Preview Spam"},
                                                                  {16, "Offline"},
                                                                  {17, "Offline Preview"}}};

// Survey previews, test responses and spam; normal, imported and offline responses are real.
bool isPreviewTestOrSpam(double status)
{
    return status == 1 || status == 2 || status == 8 || status == 9 || status == 17;
}

// A Status column written as text ("Survey Preview", in a choice-text export) as its codes; else nullptr.
data::ColumnPtr statusCodeColumn(const data::Column& column)
{
    std::vector<double> values(column.size(), data::kSysmis);
    for (size_t c = 0; c < column.size(); ++c) {
        const std::string_view text = trimBlanks(column.text(c));
        if (text.empty()) continue;
        const auto status =
            std::find_if(kStatuses.begin(), kStatuses.end(), [&](const auto& s) { return text == s.second; });
        if (status == kStatuses.end()) return nullptr;
        values[c] = status->first;
    }
    return data::Column::fromDoubles(std::move(values));
}

// Columns that identify a respondent: IP address, names, e-mail, location, external reference.
bool isIdentifying(const std::string& metadataKey)
{
    static const std::vector<std::string> keys = {
        "ipAddress",      "recipientLastName",     "recipientFirstName", "recipientName",
        "recipientEmail", "externalDataReference", "locationLatitude",   "locationLongitude"};
    return std::find(keys.begin(), keys.end(), metadataKey) != keys.end();
}

// Wall-clock date-times of a zone as UTC.
data::ColumnPtr inUtc(const data::Column& column, const TimeZoneRules& zone)
{
    std::vector<double> values(column.size(), data::kSysmis);
    for (size_t c = 0; c < column.size(); ++c)
        if (!std::isnan(column.number(c))) values[c] = zone.utcOfLocal(column.number(c));
    return data::Column::fromDoubles(std::move(values));
}

std::string listed(const std::vector<std::string>& names)
{
    std::string list;
    for (const auto& name : names) list += (list.empty() ? "" : ", ") + name;
    return list;
}

Expected<data::DatasetPtr> readChoiceTextExport(const std::string& path, const CsvOptions& options)
{
    auto bytes = readWholeFile(path);
    if (!bytes) return bytes.error();
    CsvOptions csv = options;
    csv.delimiter = 0;
    return readQualtricsBytes(*bytes, fileNameOf(path), csv);
}

// Cases kept by the presets that drop responses; their warnings are added.
std::vector<size_t> keptResponses(const std::vector<QualtricsColumn>& columns, const QualtricsOptions& qualtrics,
                                  std::vector<std::string>& warnings)
{
    auto columnOf = [&](const char* key) -> const data::Column* {
        for (const auto& c : columns)
            if (c.metadataKey == key && !c.column->isString()) return c.column.get();
        return nullptr;
    };
    const data::Column* status = qualtrics.dropPreviewAndTestResponses ? columnOf("status") : nullptr;
    const data::Column* finished = qualtrics.dropUnfinishedResponses ? columnOf("finished") : nullptr;
    if (qualtrics.dropPreviewAndTestResponses && !status)
        warnings.push_back("The export has no Status column; no preview or test responses could be dropped.");
    if (qualtrics.dropUnfinishedResponses && !finished)
        warnings.push_back("The export has no Finished column; no unfinished responses could be dropped.");
    const size_t rows = columns.empty() ? 0 : columns.front().column->size();
    std::vector<size_t> kept;
    size_t previews = 0;
    size_t unfinished = 0;
    for (size_t r = 0; r < rows; ++r) {
        if (status && isPreviewTestOrSpam(status->number(r))) ++previews;
        else if (finished && finished->number(r) == 0) ++unfinished;
        else kept.push_back(r);
    }
    if (previews > 0)
        warnings.push_back("Dropped " + std::to_string(previews) + " preview, test or spam responses (Status).");
    if (unfinished > 0)
        warnings.push_back("Dropped " + std::to_string(unfinished) + " unfinished responses (Finished).");
    return kept;
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
                                              const CsvOptions& options, const QualtricsOptions& qualtrics)
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

    std::vector<QualtricsColumn> columns;
    std::vector<std::string> seenButUnanswered;
    std::vector<std::string> unknownZones;
    std::map<std::string, std::optional<TimeZoneRules>> zones;
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
                // Written in the export's time zone when row 3 names it: stored as UTC.
                const std::string zone = described ? header.timeZones[i] : "";
                auto [rules, added] = zones.try_emplace(zone);
                if (added && !zone.empty()) rules->second = TimeZoneRules::load(zone);
                if (rules->second) {
                    column = inUtc(*column, *rules->second);
                    variable.timeZone = zone;
                } else if (!zone.empty() &&
                           std::find(unknownZones.begin(), unknownZones.end(), zone) == unknownZones.end()) {
                    unknownZones.push_back(zone);
                }
            } else if (auto codes = key == "status" ? statusCodeColumn(*column) : nullptr) {
                column = codes;
                makeNumeric(variable, {5, 2, 0}, data::MeasureLevel::Nominal);
            } else if (auto flags = booleanColumn(*column)) {
                column = flags;
                makeNumeric(variable, {5, 1, 0}, data::MeasureLevel::Nominal);
            }
        }
        if (!column->isString()) {
            if (key == "status") {
                for (const auto& [code, label] : kStatuses) variable.valueLabels.set(code, label);
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
        columns.push_back({std::move(variable), std::move(column), described ? header.importIds[i] : "", key});
    }

    // The CSV reader's warning about the dropped column alone ("1 ... had no name ... named V9.") is left out.
    std::vector<std::string> warnings;
    const std::string unnamedDropped = " had no name in the header and were named " + droppedName + ".";
    for (const auto& warning : plain.warnings)
        if (droppedName.empty() || warning.rfind("1 ", 0) != 0 || !warning.ends_with(unnamedDropped))
            warnings.push_back(warning);
    if (!seenButUnanswered.empty())
        warnings.push_back("-99 (seen but unanswered) is treated as missing in " + listed(seenButUnanswered) + ".");
    if (!unknownZones.empty())
        warnings.push_back("The time zone " + listed(unknownZones) +
                           " is not in this computer's time zone database; those dates are kept as written.");

    splitJoinedChoices(columns, warnings);
    if (!qualtrics.choiceTextPath.empty()) {
        auto choiceText = readChoiceTextExport(qualtrics.choiceTextPath, options);
        if (!choiceText) return choiceText.error();
        labelFromChoiceText(columns, **choiceText, warnings);
    }
    std::vector<data::MultipleResponseSet> sets;
    describeQuestions(columns, sets);
    if (qualtrics.dropIdentifyingColumns) {
        std::vector<std::string> dropped;
        for (const auto& c : columns)
            if (isIdentifying(c.metadataKey)) dropped.push_back(c.variable.name);
        std::erase_if(columns, [](const QualtricsColumn& c) { return isIdentifying(c.metadataKey); });
        if (!dropped.empty())
            warnings.push_back("Dropped " + std::to_string(dropped.size()) +
                               " identifying columns: " + listed(dropped) + ".");
    }
    const std::vector<size_t> kept = keptResponses(columns, qualtrics, warnings);

    std::vector<data::Variable> variables;
    std::vector<data::ColumnPtr> data;
    for (auto& c : columns) {
        variables.push_back(std::move(c.variable));
        data.push_back(std::move(c.column));
    }
    auto dataset = std::make_shared<data::Dataset>(std::move(variables), std::move(data));
    dataset->multipleResponseSets = std::move(sets);
    dataset->warnings = std::move(warnings);
    if (kept.size() < plain.caseCount()) return dataset->withCases(kept);
    return data::DatasetPtr(std::move(dataset));
}

std::optional<std::string> findPartnerExport(const std::string& path)
{
    namespace fs = std::filesystem;
    constexpr size_t kHeaderBytes = 1 << 20;
    auto headerOf = [&](const fs::path& file) -> std::optional<QualtricsHeader> {
        std::ifstream in(file, std::ios::binary);
        std::string head(kHeaderBytes, '\0');
        in.read(head.data(), static_cast<std::streamsize>(head.size()));
        head.resize(static_cast<size_t>(in.gcount()));
        return qualtricsHeaderOf(head);
    };
    std::error_code error;
    if (!fs::is_regular_file(path, error)) return std::nullopt;  // a FIFO or device could block the reading
    const auto own = headerOf(path);
    if (!own) return std::nullopt;
    const fs::path self = fs::absolute(path, error);
    std::optional<std::string> partner;
    for (fs::directory_iterator it(self.parent_path(), error), end; !error && it != end; it.increment(error)) {
        const std::string ext = extensionOf(it->path().string());
        std::error_code entryError;  // an unreadable entry is skipped, not the end of the listing
        if (!it->is_regular_file(entryError) || (ext != "csv" && ext != "tsv" && ext != "txt") ||
            fs::equivalent(it->path(), self, entryError))
            continue;
        const auto other = headerOf(it->path());
        if (!other || other->legacy != own->legacy || other->names != own->names ||
            other->importIds != own->importIds || other->questions != own->questions)
            continue;
        if (partner) return std::nullopt;  // more than one: the user chooses
        partner = it->path().string();
    }
    return partner;
}

}  // namespace sl::core::io
