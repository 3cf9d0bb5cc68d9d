#include "core/io/CsvReader.h"

#include "core/io/FileBytes.h"
#include "core/io/TextEncoding.h"

#include <algorithm>
#include <array>
#include <bitset>
#include <charconv>
#include <cctype>
#include <cmath>
#include <cstring>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace sl::core::io {

namespace {

constexpr int kMaxDecimals = 16;
constexpr int kMaxNumericWidth = 40;
constexpr size_t kMaxNominalCodes = 10;
constexpr double kLargestNominalCode = 999;

// One cell of a record: the bytes between the delimiters, without the enclosing quotes.
struct Cell {
    const char* data = nullptr;
    size_t size = 0;
    bool hasDoubledQuotes = false;  // "" inside a quoted cell, to be unescaped

    std::string_view view() const { return {data, size}; }
};

// The text of a cell with doubled quotes undone; `scratch` holds it when needed.
std::string_view cellText(const Cell& cell, std::string& scratch)
{
    if (!cell.hasDoubledQuotes) return cell.view();
    scratch.clear();
    for (size_t i = 0; i < cell.size; ++i) {
        scratch.push_back(cell.data[i]);
        if (cell.data[i] == '"' && i + 1 < cell.size && cell.data[i + 1] == '"') ++i;
    }
    return scratch;
}

size_t countLineBreaks(const char* begin, const char* end)
{
    size_t lines = 0;
    for (const char* p = begin; p < end; ++p)
        if (*p == '\n' || (*p == '\r' && (p + 1 == end || p[1] != '\n'))) ++lines;
    return lines;
}

// Splits delimited text into records, one at a time. Blank lines are skipped.
class RecordSplitter {
public:
    RecordSplitter(std::string_view text, char delimiter)
        : m_p(text.data()), m_end(text.data() + text.size()), m_delimiter(delimiter)
    {
        m_stop[static_cast<unsigned char>(delimiter)] = true;
        m_stop['\n'] = true;
        m_stop['\r'] = true;
    }

    const char* position() const { return m_p; }
    size_t recordLine() const { return m_recordLine; }
    size_t unclosedQuoteLine() const { return m_unclosedQuoteLine; }
    size_t textAfterQuoteLine() const { return m_textAfterQuoteLine; }

    // Reads the next record, calling onCell(index, cell) for each cell; false at the end of the text.
    template <typename OnCell>
    bool next(OnCell&& onCell)
    {
        while (m_p < m_end && (*m_p == '\n' || *m_p == '\r')) skipLineBreak();
        if (m_p == m_end) return false;
        m_recordLine = m_line;
        size_t index = 0;
        for (;;) {
            onCell(index++, *m_p == '"' ? quotedCell() : plainCell());
            if (m_p == m_end) break;
            if (*m_p == m_delimiter) {
                ++m_p;
                if (m_p == m_end) {
                    onCell(index++, Cell{m_p, 0, false});
                    break;
                }
                continue;
            }
            skipLineBreak();
            break;
        }
        m_cellCount = index;
        return true;
    }

    // Reads the next record into `cells`; false at the end of the text.
    bool next(std::vector<Cell>& cells)
    {
        cells.clear();
        return next([&](size_t, const Cell& cell) { cells.push_back(cell); });
    }

    // The number of cells in the record read last.
    size_t cellCount() const { return m_cellCount; }

private:
    void skipLineBreak()
    {
        if (*m_p == '\r' && m_p + 1 < m_end && m_p[1] == '\n') ++m_p;
        ++m_p;
        ++m_line;
    }

    Cell plainCell()
    {
        const char* start = m_p;
        const char* p = m_p;  // a local pointer keeps the loop in registers
        while (p < m_end && !m_stop[static_cast<unsigned char>(*p)]) ++p;
        m_p = p;
        return Cell{start, static_cast<size_t>(p - start), false};
    }

    Cell quotedCell()
    {
        const char* open = m_p;
        const char* start = m_p + 1;
        const char* search = start;
        bool doubled = false;
        for (;;) {
            const void* found = std::memchr(search, '"', static_cast<size_t>(m_end - search));
            if (!found) {  // never closed: the cell runs to the end of the text
                if (m_unclosedQuoteLine == 0) m_unclosedQuoteLine = m_line;
                m_line += countLineBreaks(start, m_end);
                m_p = m_end;
                return Cell{start, static_cast<size_t>(m_end - start), doubled};
            }
            const char* quote = static_cast<const char*>(found);
            if (quote + 1 < m_end && quote[1] == '"') {
                doubled = true;
                search = quote + 2;
                continue;
            }
            m_line += countLineBreaks(start, quote);
            m_p = quote + 1;
            if (m_p == m_end || m_stop[static_cast<unsigned char>(*m_p)])
                return Cell{start, static_cast<size_t>(quote - start), doubled};
            // Text after the closing quote: keep the cell as written, quotes included.
            if (m_textAfterQuoteLine == 0) m_textAfterQuoteLine = m_line;
            while (m_p < m_end && !m_stop[static_cast<unsigned char>(*m_p)]) ++m_p;
            return Cell{open, static_cast<size_t>(m_p - open), false};
        }
    }

    const char* m_p;
    const char* m_end;
    char m_delimiter;
    std::array<bool, 256> m_stop{};
    size_t m_line = 1;
    size_t m_recordLine = 1;
    size_t m_cellCount = 0;
    size_t m_unclosedQuoteLine = 0;
    size_t m_textAfterQuoteLine = 0;
};

// Picks the delimiter whose count per line (outside quotes) is the same on most of the first lines.
char sniffDelimiter(std::string_view text, char decimalPoint)
{
    constexpr std::array<char, 4> candidates{',', ';', '\t', '|'};
    constexpr size_t kMaxLines = 30;
    const std::string_view sample = text.substr(0, 65536);
    std::vector<std::array<size_t, 4>> perLine;
    std::array<size_t, 4> counts{};
    bool inQuotes = false;
    bool lineHasText = false;
    for (size_t i = 0; i < sample.size() && perLine.size() < kMaxLines; ++i) {
        const char c = sample[i];
        if (c == '"') inQuotes = !inQuotes;
        if (inQuotes) continue;
        if (c == '\n' || c == '\r') {
            if (lineHasText) perLine.push_back(counts);
            counts = {};
            lineHasText = false;
            continue;
        }
        lineHasText = true;
        for (size_t k = 0; k < candidates.size(); ++k)
            if (c == candidates[k]) ++counts[k];
    }
    // An unterminated last line counts only when it is the whole sample or the whole text.
    if (lineHasText && (perLine.empty() || sample.size() == text.size())) perLine.push_back(counts);

    char best = ',';
    size_t bestMatches = 0;
    size_t bestCount = 0;
    for (size_t k = 0; k < candidates.size(); ++k) {
        if (candidates[k] == decimalPoint || perLine.empty()) continue;
        const size_t first = perLine.front()[k];
        if (first == 0) continue;
        const size_t matches = static_cast<size_t>(
            std::count_if(perLine.begin(), perLine.end(), [&](const auto& line) { return line[k] == first; }));
        if (matches > bestMatches || (matches == bestMatches && first > bestCount)) {
            best = candidates[k];
            bestMatches = matches;
            bestCount = first;
        }
    }
    return best;
}

// The number of records, extrapolated from the first megabyte, to reserve the columns once.
size_t estimateRecords(std::string_view text, char delimiter)
{
    constexpr size_t kSampleBytes = 1 << 20;
    RecordSplitter splitter(text, delimiter);
    size_t records = 0;
    while (static_cast<size_t>(splitter.position() - text.data()) < kSampleBytes &&
           splitter.next([](size_t, const Cell&) {}))
        ++records;
    const auto sampled = static_cast<double>(splitter.position() - text.data());
    return static_cast<size_t>(static_cast<double>(records) * static_cast<double>(text.size()) / sampled * 1.02) + 16;
}

enum class CellKind { Missing, Number, Text };

struct NumberCell {
    CellKind kind = CellKind::Missing;
    double value = 0;
    int decimals = 0;
    int width = 0;
};

inline bool isDigit(char c) { return static_cast<unsigned>(c - '0') < 10; }

// Reads a cell as a number: "" (also "NA" and ".") is missing, digit strings with a
// leading zero ("01234") are text, anything else that is not a plain decimal number is text.
inline NumberCell readNumber(const Cell& cell, char decimalPoint)
{
    NumberCell out;
    if (cell.hasDoubledQuotes) {
        out.kind = CellKind::Text;
        return out;
    }
    // Fast path: a short unsigned integer without spaces.
    if (cell.size - 1 < 15 && isDigit(cell.data[0]) && (cell.size == 1 || cell.data[0] != '0')) {
        uint64_t v = 0;
        size_t i = 0;
        while (i < cell.size && isDigit(cell.data[i])) v = v * 10 + static_cast<unsigned>(cell.data[i++] - '0');
        if (i == cell.size) {
            out.kind = CellKind::Number;
            out.value = static_cast<double>(v);
            out.width = static_cast<int>(cell.size);
            return out;
        }
    }
    const char* b = cell.data;
    const char* e = cell.data + cell.size;
    while (b < e && (*b == ' ' || *b == '\t')) ++b;
    while (e > b && (e[-1] == ' ' || e[-1] == '\t')) --e;
    const size_t n = static_cast<size_t>(e - b);
    if (n == 0 || (n == 2 && b[0] == 'N' && b[1] == 'A') || (n == 1 && b[0] == '.')) return out;
    out.width = static_cast<int>(n);

    // General form: [sign] digits [point digits] [e [sign] digits].
    const char* p = b;
    const bool negative = *p == '-';
    if (*p == '+' || *p == '-') ++p;
    const char* intStart = p;
    uint64_t mantissa = 0;  // all the digits, exact while there are at most 15
    while (p < e && isDigit(*p)) mantissa = mantissa * 10 + static_cast<unsigned>(*p++ - '0');
    const size_t intDigits = static_cast<size_t>(p - intStart);
    size_t fracDigits = 0;
    bool hasPoint = false;
    if (p < e && *p == decimalPoint) {
        hasPoint = true;
        const char* fracStart = ++p;
        while (p < e && isDigit(*p)) mantissa = mantissa * 10 + static_cast<unsigned>(*p++ - '0');
        fracDigits = static_cast<size_t>(p - fracStart);
    }
    out.kind = CellKind::Text;
    if (intDigits + fracDigits == 0) return out;
    bool hasExponent = false;
    if (p < e && (*p == 'e' || *p == 'E')) {
        hasExponent = true;
        ++p;
        if (p < e && (*p == '+' || *p == '-')) ++p;
        const char* expStart = p;
        while (p < e && isDigit(*p)) ++p;
        if (p == expStart) return out;
    }
    if (p != e) return out;
    if (!hasPoint && !hasExponent) {
        if (intDigits > 1 && *intStart == '0') return out;  // "-007"
        if (intDigits > 15) return out;  // an identifier that a double cannot hold exactly
    }

    out.decimals = static_cast<int>(std::min<size_t>(fracDigits, kMaxDecimals));
    if (!hasExponent && intDigits + fracDigits <= 15) {
        // Both the digits and the power of ten are exact doubles, so one correctly rounded
        // division gives the nearest double, as from_chars would.
        static constexpr double kPowersOfTen[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                                  1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
        const double magnitude = static_cast<double>(mantissa) / kPowersOfTen[fracDigits];
        out.kind = CellKind::Number;
        out.value = negative ? -magnitude : magnitude;
        return out;
    }
    std::string_view number(b, static_cast<size_t>(e - b));
    if (number.front() == '+') number.remove_prefix(1);
    std::string withPoint;
    if (decimalPoint != '.') {
        withPoint.assign(number);
        std::replace(withPoint.begin(), withPoint.end(), decimalPoint, '.');
        number = withPoint;
    }
    double value = 0;
    const auto result = std::from_chars(number.data(), number.data() + number.size(), value);
    if (result.ec != std::errc() || result.ptr != number.data() + number.size()) return out;
    out.kind = CellKind::Number;
    out.value = value;
    return out;
}

struct NumericLayout {
    data::MeasureLevel measure = data::MeasureLevel::Scale;
    int width = 8;
    int decimals = 0;
};

// What the first pass learns about one column.
class ColumnScan {
public:
    bool isText() const { return m_isText; }

    void add(const Cell& cell, char decimalPoint)
    {
        if (m_isText) return;
        // Fast path: a code of at most three digits, the usual survey cell.
        if (cell.size - 1 < 3 && isDigit(cell.data[0]) && (cell.size == 1 || cell.data[0] != '0')) {
            unsigned code = static_cast<unsigned>(cell.data[0] - '0');
            size_t i = 1;
            for (; i < cell.size && isDigit(cell.data[i]); ++i) code = code * 10 + static_cast<unsigned>(cell.data[i] - '0');
            if (i == cell.size) {
                m_values.append(code);
                if (static_cast<int>(cell.size) > m_width) m_width = static_cast<int>(cell.size);
                if (m_fewCodes) countCode(code);
                return;
            }
        }
        addOther(cell, decimalPoint);
    }
    void addMissing()
    {
        if (!m_isText) m_values.appendMissing();
    }
    void reserve(size_t cases) { m_values.reserve(cases); }

    // The measure level and display format the values call for (numeric columns only).
    NumericLayout layout() const
    {
        const int width = std::clamp(std::max(m_width, m_decimals + 2), 1, kMaxNumericWidth);
        return {m_fewCodes ? data::MeasureLevel::Nominal : data::MeasureLevel::Scale, width, m_decimals};
    }
    data::ColumnPtr finishNumeric() { return m_values.finish(); }

private:
    void addOther(const Cell& cell, char decimalPoint)
    {
        const NumberCell number = readNumber(cell, decimalPoint);
        switch (number.kind) {
        case CellKind::Missing: m_values.appendMissing(); return;
        case CellKind::Text:
            m_isText = true;
            m_values = {};
            return;
        case CellKind::Number: break;
        }
        const double v = number.value;
        m_values.append(v);
        m_decimals = std::max(m_decimals, number.decimals);
        m_width = std::max(m_width, number.width);
        if (!m_fewCodes) return;
        if (v != std::floor(v) || std::fabs(v) > kLargestNominalCode)
            m_fewCodes = false;
        else
            countCode(v);
    }

    // Tracks whether the values are still at most kMaxNominalCodes distinct integer codes.
    void countCode(double code)
    {
        if (code >= 0 && code < 256) {
            const auto byte = static_cast<size_t>(code);
            if (m_seenBytes[byte]) return;
            m_seenBytes[byte] = true;
        } else {
            if (std::find(m_otherCodes.begin(), m_otherCodes.end(), code) != m_otherCodes.end()) return;
            m_otherCodes.push_back(code);
        }
        if (++m_distinctCodes > kMaxNominalCodes) m_fewCodes = false;
    }

    bool m_isText = false;
    bool m_fewCodes = true;
    int m_decimals = 0;
    int m_width = 1;
    size_t m_distinctCodes = 0;
    data::NumericColumnBuilder m_values;
    std::bitset<256> m_seenBytes;     // codes 0..255 seen so far
    std::vector<double> m_otherCodes;  // other integer codes seen so far (at most kMaxNominalCodes)
};

std::string lineWhere(const std::string& fileName, size_t line)
{
    return fileName + ", line " + std::to_string(line);
}

// "V<n>", the name of column n (1-based) when the file does not give one.
std::string generatedName(size_t column)
{
    std::string name = std::to_string(column);
    name.insert(name.begin(), 'V');
    return name;
}

// Variable names from the header cells: empty names become V<n>, duplicates get _2, _3, ...
std::vector<std::string> variableNames(const std::vector<Cell>& header, std::vector<std::string>& warnings)
{
    constexpr size_t kListed = 10;  // names quoted in a warning
    std::vector<std::string> names;
    names.reserve(header.size());
    size_t unnamedCount = 0, renamedCount = 0;
    std::string unnamedList, renamedList;
    auto list = [&](std::string& out, size_t count, const std::string& item) {
        if (count <= kListed) out += (count > 1 ? ", " : "") + item;
        if (count == kListed + 1) out += ", ...";
    };
    auto lower = [](std::string name) {
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return name;
    };
    std::unordered_set<std::string> taken;                // lower-case, as names compare case-insensitively
    std::unordered_map<std::string, int> nextSuffix;      // lower-case base name -> next suffix to try
    std::string scratch;
    for (size_t i = 0; i < header.size(); ++i) {
        std::string_view text = cellText(header[i], scratch);
        while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
        while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
        std::string name(text);
        if (name.empty()) {
            name = generatedName(i + 1);
            list(unnamedList, ++unnamedCount, name);
        }
        std::string key = lower(name);
        if (taken.count(key)) {
            const std::string base = name;
            int& suffix = nextSuffix.try_emplace(key, 2).first->second;
            do {
                name = base + "_" + std::to_string(suffix++);
                key = lower(name);
            } while (taken.count(key));
            list(renamedList, ++renamedCount, base + " -> " + name);
        }
        taken.insert(std::move(key));
        names.push_back(std::move(name));
    }
    if (unnamedCount)
        warnings.push_back(std::to_string(unnamedCount) + " variable(s) had no name in the header and were named " +
                           unnamedList + ".");
    if (renamedCount)
        warnings.push_back(std::to_string(renamedCount) + " duplicate variable name(s) were renamed: " + renamedList +
                           ".");
    return names;
}

Expected<data::DatasetPtr> parseText(std::string_view text, const std::string& fileName, const CsvOptions& options,
                                     std::vector<std::string> warnings)
{
    const char delimiter = options.delimiter ? options.delimiter : sniffDelimiter(text, options.decimalPoint);

    auto progressMarkAfter = [&](const char* p) { return p + std::max<size_t>(text.size() / 100, 4096); };
    auto report = [&](const char* p, double start, double share) {
        if (options.progress)
            options.progress->report(start + share * static_cast<double>(p - text.data()) /
                                                 static_cast<double>(text.size()));
        return !(options.cancel && options.cancel->isCancelled());
    };
    const Error cancelled = makeError(ErrorCode::Cancelled, "Opening the file was cancelled.", fileName);

    // First pass: split every record, read numbers, find the columns that hold text.
    RecordSplitter splitter(text, delimiter);
    std::vector<Cell> cells;
    std::vector<std::string> names;
    if (!splitter.next(cells)) return makeError(ErrorCode::InvalidInput, "The file is empty.", fileName);
    if (options.header) {
        names = variableNames(cells, warnings);
    } else {
        for (size_t i = 0; i < cells.size(); ++i) names.push_back(generatedName(i + 1));
    }
    const size_t columnCount = names.size();
    std::vector<ColumnScan> scans(columnCount);
    // Reserving pays off for long files; for short wide ones it would only hold memory.
    if (const size_t expectedCases = estimateRecords(text, delimiter); expectedCases > 4096)
        for (auto& scan : scans) scan.reserve(expectedCases);

    size_t cases = 0;
    size_t shortRows = 0, longRows = 0, firstShortLine = 0, firstLongLine = 0;
    const char* nextMark = progressMarkAfter(text.data());
    auto addRecord = [&](size_t cellCount) {
        ++cases;
        if (cellCount < columnCount) {
            if (shortRows++ == 0) firstShortLine = splitter.recordLine();
            for (size_t j = cellCount; j < columnCount; ++j) scans[j].addMissing();
        } else if (cellCount > columnCount) {
            if (longRows++ == 0) firstLongLine = splitter.recordLine();
        }
    };
    if (!options.header) {
        for (size_t j = 0; j < columnCount; ++j) scans[j].add(cells[j], options.decimalPoint);
        addRecord(columnCount);
    }
    cells = std::vector<Cell>();
    const auto addCell = [&](size_t j, const Cell& cell) {
        if (j < columnCount) scans[j].add(cell, options.decimalPoint);
    };
    while (splitter.next(addCell)) {
        addRecord(splitter.cellCount());
        if (splitter.position() >= nextMark) {
            if (!report(splitter.position(), 0.0, 0.7)) return cancelled;
            nextMark = progressMarkAfter(splitter.position());
        }
    }
    if (splitter.unclosedQuoteLine())
        warnings.push_back(lineWhere(fileName, splitter.unclosedQuoteLine()) +
                           ": a quoted cell is never closed; it was read to the end of the file.");
    if (splitter.textAfterQuoteLine())
        warnings.push_back(lineWhere(fileName, splitter.textAfterQuoteLine()) +
                           ": text follows a closing quote; such cells were kept as written, quotes included.");
    if (shortRows)
        warnings.push_back(std::to_string(shortRows) + " line(s) had fewer than " + std::to_string(columnCount) +
                           " cells and were padded with missing values (first: line " +
                           std::to_string(firstShortLine) + ").");
    if (longRows)
        warnings.push_back(std::to_string(longRows) + " line(s) had more than " + std::to_string(columnCount) +
                           " cells; the extra cells were dropped (first: line " + std::to_string(firstLongLine) +
                           ").");

    // The columns first, then the variables, so that a file with very many columns never holds
    // the scans and the variables at the same time.
    std::vector<data::ColumnPtr> columns(columnCount);
    std::vector<NumericLayout> layouts(columnCount);
    std::vector<size_t> textColumns;
    for (size_t j = 0; j < columnCount; ++j) {
        if (scans[j].isText()) {
            textColumns.push_back(j);
            continue;
        }
        layouts[j] = scans[j].layout();
        columns[j] = scans[j].finishNumeric();
    }
    scans = std::vector<ColumnScan>();  // releases the memory, which clear() would keep
    std::vector<data::Variable> variables(columnCount);
    for (size_t j = 0; j < columnCount; ++j) {
        data::Variable& variable = variables[j];
        variable.name = std::move(names[j]);
        variable.measure = layouts[j].measure;
        variable.format = data::DisplayFormat{5, layouts[j].width, layouts[j].decimals};
        variable.displayColumns = std::clamp(layouts[j].width, 8, kMaxNumericWidth);
        variable.alignment = data::Alignment::Right;
    }
    names = std::vector<std::string>();
    layouts = std::vector<NumericLayout>();

    // Second pass, only when some columns hold text: collect their cells.
    if (!textColumns.empty()) {
        std::vector<data::StringColumnBuilder> builders(textColumns.size());
        std::vector<size_t> widths(textColumns.size(), 1);
        std::string scratch;
        RecordSplitter again(text, delimiter);
        if (options.header) (void)again.next(cells);
        nextMark = progressMarkAfter(text.data());
        std::vector<size_t> builderOf(columnCount, textColumns.size());
        for (size_t k = 0; k < textColumns.size(); ++k) builderOf[textColumns[k]] = k;
        const auto addText = [&](size_t j, const Cell& cell) {
            if (j >= columnCount || builderOf[j] == textColumns.size()) return;
            const std::string_view value = cellText(cell, scratch);
            builders[builderOf[j]].append(value);
            widths[builderOf[j]] = std::max(widths[builderOf[j]], value.size());
        };
        while (again.next(addText)) {
            for (size_t j = again.cellCount(); j < columnCount; ++j)
                if (builderOf[j] != textColumns.size()) builders[builderOf[j]].append({});
            if (again.position() >= nextMark) {
                if (!report(again.position(), 0.7, 0.3)) return cancelled;
                nextMark = progressMarkAfter(again.position());
            }
        }
        for (size_t k = 0; k < textColumns.size(); ++k) {
            data::Variable& variable = variables[textColumns[k]];
            variable.type = data::VariableType::String;
            variable.measure = data::MeasureLevel::Nominal;
            variable.stringWidth = static_cast<int>(std::min<size_t>(widths[k], 32767));
            variable.format = data::DisplayFormat{1, variable.stringWidth, 0};
            variable.displayColumns = std::clamp(variable.stringWidth, 8, 40);
            variable.alignment = data::Alignment::Left;
            columns[textColumns[k]] = builders[k].finish();
        }
    }
    if (options.progress) options.progress->report(1.0);

    auto dataset = std::make_shared<data::Dataset>(std::move(variables), std::move(columns));
    dataset->warnings = std::move(warnings);
    return data::DatasetPtr(std::move(dataset));
}

}  // namespace

Expected<data::DatasetPtr> readCsvBytes(std::string_view bytes, const std::string& fileName, const CsvOptions& options)
{
    if (hasUtf16Bom(bytes))
        return makeError(ErrorCode::Unsupported,
                         "The file is encoded as UTF-16; save it as UTF-8 CSV and open it again.", fileName);
    const std::string_view text = withoutUtf8Bom(bytes);
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
        return makeError(ErrorCode::InvalidInput, "The file is empty.", fileName);
    if (const void* nul = std::memchr(text.data(), '\0', text.size())) {
        const char* at = static_cast<const char*>(nul);
        const size_t line = 1 + static_cast<size_t>(std::count(text.data(), at, '\n'));
        return makeError(ErrorCode::InvalidInput,
                         "The file contains a NUL byte, so it is binary data rather than delimited text.",
                         lineWhere(fileName, line));
    }
    std::vector<std::string> warnings;
    if (isValidUtf8(text)) return parseText(text, fileName, options, std::move(warnings));
    if (looksLikeWindows1252(text)) {
        warnings.push_back("The file is not UTF-8; it was read as Windows-1252 (Western European) text.");
        return parseText(windows1252ToUtf8(text), fileName, options, std::move(warnings));
    }
    const Utf8Repair repair = *repairUtf8(text);  // the text is known to be invalid here
    warnings.push_back(lineWhere(fileName, repair.firstLine) + ", column " + std::to_string(repair.firstColumn) +
                       ": the file is not valid UTF-8; " + std::to_string(repair.replacements) +
                       " invalid byte(s) were replaced with \xEF\xBF\xBD (first here).");
    return parseText(repair.text, fileName, options, std::move(warnings));
}

Expected<data::DatasetPtr> readCsv(const std::string& path, const CsvOptions& options)
{
    auto bytes = readWholeFile(path);
    if (!bytes) return bytes.error();
    return readCsvBytes(*bytes, fileNameOf(path), options);
}

}  // namespace sl::core::io
