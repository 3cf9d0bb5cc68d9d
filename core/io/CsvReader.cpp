#include "core/io/CsvReader.h"

#include "core/io/FileBytes.h"
#include "core/io/TextEncoding.h"

#include <algorithm>
#include <array>
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

inline bool isDigit(char c) { return static_cast<unsigned>(c - '0') < 10; }

// Powers of ten that are exact doubles: dividing at most 15 digits by one gives the nearest double,
// as from_chars would, in a single correctly rounded division.
constexpr double kPowersOfTen[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
constexpr size_t kExactDigits = 15;

size_t countLineBreaks(const char* begin, const char* end)
{
    size_t lines = 0;
    for (const char* p = begin; p < end; ++p)
        if (*p == '\n' || (*p == '\r' && (p + 1 == end || p[1] != '\n'))) ++lines;
    return lines;
}

// Splits delimited text into records and cells, one at a time. Blank lines are skipped.
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

    // Reads the next record, calling onCell(index) once per cell; onCell reads the cell with cell() or
    // shortCode(). False at the end of the text.
    template <typename OnCell>
    bool next(OnCell&& onCell)
    {
        while (m_p < m_end && (*m_p == '\n' || *m_p == '\r')) skipLineBreak();
        if (m_p == m_end) return false;
        m_recordLine = m_line;
        size_t index = 0;
        do onCell(index++);
        while (endCell());
        m_cellCount = index;
        return true;
    }

    // Reads the next record into `cells`; false at the end of the text.
    bool next(std::vector<Cell>& cells)
    {
        cells.clear();
        return next([&](size_t) { cells.push_back(cell()); });
    }

    // The number of cells in the record read last.
    size_t cellCount() const { return m_cellCount; }

    // Reads the current cell.
    Cell cell() { return m_p < m_end && *m_p == '"' ? quotedCell() : plainCell(); }

    // Reads the current cell when it is a whole number of one to three digits without a leading zero,
    // the usual survey code; otherwise reads nothing and returns false.
    bool shortCode(unsigned& code, int& width)
    {
        const char* p = m_p;
        if (m_end - p < 4) return false;  // near the end, cell() checks the bounds
        unsigned value = static_cast<unsigned char>(p[0]) - '0';
        if (value > 9) return false;
        int n = 1;
        if (const unsigned d = static_cast<unsigned char>(p[1]) - '0'; d <= 9) {
            if (value == 0) return false;
            value = value * 10 + d;
            n = 2;
            if (const unsigned d2 = static_cast<unsigned char>(p[2]) - '0'; d2 <= 9) {
                value = value * 10 + d2;
                n = 3;
            }
        }
        if (!m_stop[static_cast<unsigned char>(p[n])]) return false;
        m_p = p + n;
        code = value;
        width = n;
        return true;
    }

    // True when the current cell is empty (nothing before the next delimiter or line break).
    bool atEmptyCell() const { return m_p == m_end || m_stop[static_cast<unsigned char>(*m_p)]; }

    // Reads the current cell when it is a plain decimal number such as "-12.75" (no spaces, no leading
    // zero, at most 15 digits); otherwise reads nothing and returns false.
    bool plainDecimal(char decimalPoint, double& value, int& decimals, int& width)
    {
        const char* p = m_p;
        const bool negative = p < m_end && *p == '-';
        p += negative;
        const char* digits = p;
        uint64_t mantissa = 0;
        while (p < m_end && isDigit(*p)) mantissa = mantissa * 10 + static_cast<unsigned>(*p++ - '0');
        const auto intDigits = static_cast<size_t>(p - digits);
        if (intDigits == 0 || (intDigits > 1 && *digits == '0')) return false;
        size_t fracDigits = 0;
        if (p < m_end && *p == decimalPoint) {
            const char* fraction = ++p;
            while (p < m_end && isDigit(*p)) mantissa = mantissa * 10 + static_cast<unsigned>(*p++ - '0');
            fracDigits = static_cast<size_t>(p - fraction);
            if (fracDigits == 0) return false;
        }
        if (intDigits + fracDigits > kExactDigits || (p < m_end && !m_stop[static_cast<unsigned char>(*p)]))
            return false;
        const double magnitude = static_cast<double>(mantissa) / kPowersOfTen[fracDigits];
        value = negative ? -magnitude : magnitude;
        decimals = static_cast<int>(fracDigits);
        width = static_cast<int>(p - m_p);
        m_p = p;
        return true;
    }

private:
    // After a cell: true when another cell of the record follows (the delimiter is consumed).
    bool endCell()
    {
        if (m_p == m_end) return false;
        if (*m_p == m_delimiter) {
            ++m_p;
            return true;
        }
        skipLineBreak();
        return false;
    }

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
// A semicolon wins ties: a file separated by semicolons often has commas in its numbers, while a
// comma-separated file rarely has a semicolon on every line.
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
        const bool semicolonTie = matches == bestMatches && candidates[k] == ';' && best == ',';
        if (matches > bestMatches || semicolonTie || (matches == bestMatches && first > bestCount)) {
            best = candidates[k];
            bestMatches = matches;
            bestCount = first;
        }
    }
    return best;
}

std::string_view trimmed(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

// True when the text is [sign] digits `point` digits, where the digits before the point may be grouped
// with `grouping` ("1.234,5" for point ',' and grouping '.').
bool looksLikeDecimal(std::string_view text, char point, char grouping)
{
    if (!text.empty() && (text.front() == '-' || text.front() == '+')) text.remove_prefix(1);
    const size_t at = text.find(point);
    if (at == std::string_view::npos || at == 0 || at + 1 == text.size() || !isDigit(text.front())) return false;
    for (size_t i = 0; i < text.size(); ++i)
        if (i != at && !isDigit(text[i]) && !(i < at && grouping && text[i] == grouping)) return false;
    return true;
}

// ',' when the delimiter is ';' and more of the first numbers are written with a decimal comma than
// with a decimal point, else '.'.
char detectDecimalPoint(std::string_view text, char delimiter, char thousandsSeparator)
{
    if (delimiter != ';' || thousandsSeparator == ',') return '.';
    constexpr size_t kMaxRecords = 200;
    RecordSplitter splitter(text.substr(0, 65536), delimiter);
    size_t commas = 0, points = 0;
    for (size_t records = 0; records < kMaxRecords && splitter.next([&](size_t) {
             const std::string_view cell = trimmed(splitter.cell().view());
             commas += looksLikeDecimal(cell, ',', '.');
             points += looksLikeDecimal(cell, '.', 0);
         });
         ++records) {
    }
    return commas > points ? ',' : '.';
}

// The settings a text is read with: the options, with what they leave open detected.
struct ReadSettings {
    char delimiter = ',';
    char decimalPoint = '.';
    char thousandsSeparator = 0;
};

ReadSettings resolveSettings(std::string_view text, const CsvOptions& options)
{
    ReadSettings settings;
    settings.delimiter = options.delimiter ? options.delimiter : sniffDelimiter(text, options.decimalPoint);
    settings.decimalPoint = options.decimalPoint
                                ? options.decimalPoint
                                : detectDecimalPoint(text, settings.delimiter, options.thousandsSeparator);
    if (options.thousandsSeparator != settings.decimalPoint) settings.thousandsSeparator = options.thousandsSeparator;
    return settings;
}

// The number of records, extrapolated from the line breaks in the first megabyte, to reserve the
// columns once.
size_t estimateRecords(std::string_view text)
{
    const std::string_view sample = text.substr(0, 1 << 20);
    const auto lines = static_cast<double>(std::count(sample.begin(), sample.end(), '\n') + 1);
    return static_cast<size_t>(lines * static_cast<double>(text.size()) / static_cast<double>(sample.size()) * 1.02) +
           16;
}

enum class CellKind { Missing, Number, Text };

struct NumberCell {
    CellKind kind = CellKind::Missing;
    double value = 0;
    int decimals = 0;
    int width = 0;
};

// Reads a cell as a number: "" (also "NA", "N/A" and ".") is missing, digit strings with a leading zero
// ("01234") are text, anything else that is not a plain decimal number is text. Digits before the
// decimal point may be grouped by threes with the thousands separator ("1,234,567").
NumberCell readNumber(const Cell& cell, const ReadSettings& settings)
{
    NumberCell out;
    if (cell.hasDoubledQuotes) {
        out.kind = CellKind::Text;
        return out;
    }
    const std::string_view text = trimmed(cell.view());
    const char* b = text.data();
    const char* e = b + text.size();
    if (text.empty() || text == "NA" || text == "N/A" || text == ".") return out;
    out.width = static_cast<int>(text.size());

    // General form: [sign] digits [point digits] [e [sign] digits].
    const char* p = b;
    const bool negative = *p == '-';
    if (*p == '+' || *p == '-') ++p;
    const char* intStart = p;
    uint64_t mantissa = 0;  // all the digits, exact while there are at most 15
    size_t intDigits = 0;
    size_t groups = 0;      // thousands separators seen
    size_t groupDigits = 0;  // digits since the last separator
    for (; p < e; ++p) {
        if (isDigit(*p)) {
            mantissa = mantissa * 10 + static_cast<unsigned>(*p - '0');
            ++intDigits;
            ++groupDigits;
        } else if (*p == settings.thousandsSeparator && settings.thousandsSeparator && groupDigits > 0 &&
                   (groups ? groupDigits == 3 : groupDigits <= 3)) {
            ++groups;
            groupDigits = 0;
        } else {
            break;
        }
    }
    out.kind = CellKind::Text;
    if (groups && groupDigits != 3) return out;
    size_t fracDigits = 0;
    bool hasPoint = false;
    if (p < e && *p == settings.decimalPoint) {
        hasPoint = true;
        const char* fracStart = ++p;
        while (p < e && isDigit(*p)) mantissa = mantissa * 10 + static_cast<unsigned>(*p++ - '0');
        fracDigits = static_cast<size_t>(p - fracStart);
    }
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
    if (!hasExponent && intDigits + fracDigits <= kExactDigits) {
        const double magnitude = static_cast<double>(mantissa) / kPowersOfTen[fracDigits];
        out.kind = CellKind::Number;
        out.value = negative ? -magnitude : magnitude;
        return out;
    }
    // Many digits or an exponent: from_chars on the number written with a '.' and no separators.
    std::string number;
    number.reserve(text.size());
    for (const char c : std::string_view(*b == '+' ? b + 1 : b, static_cast<size_t>(e - (*b == '+' ? b + 1 : b)))) {
        if (c == settings.thousandsSeparator && settings.thousandsSeparator) continue;
        number.push_back(c == settings.decimalPoint ? '.' : c);
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

// What the first pass learns about one column. It starts numeric; at its first cell that is not a
// number it turns to text for good and keeps the texts from there on (the earlier ones are read again
// afterwards).
class ColumnScan {
public:
    bool isText() const { return m_isText; }
    // The first case whose text this scan holds (text columns only).
    size_t textFromCase() const { return m_textFromCase; }
    size_t textWidth() const { return m_textWidth; }
    data::ColumnPtr finishTexts() { return m_texts.finish(); }

    // Reads the current cell of `splitter`, that of case `caseIndex`.
    void add(RecordSplitter& splitter, const ReadSettings& settings, size_t caseIndex)
    {
        unsigned code;
        int width;
        if (!m_isText) {
            if (splitter.shortCode(code, width)) {
                m_values.append(static_cast<double>(code));
                m_widestCode = std::max(m_widestCode, width);
                return;
            }
            if (splitter.atEmptyCell()) {
                m_values.appendMissing();
                return;
            }
            double value;
            int decimals;
            if (splitter.plainDecimal(settings.decimalPoint, value, decimals, width)) {
                m_values.append(value);
                m_decimals = std::max(m_decimals, decimals);
                m_width = std::max(m_width, width);
                return;
            }
        }
        addCell(splitter.cell(), settings, caseIndex);
    }
    void addCell(const Cell& cell, const ReadSettings& settings, size_t caseIndex)
    {
        if (m_isText) {
            appendText(cell);
            return;
        }
        const NumberCell number = readNumber(cell, settings);
        switch (number.kind) {
        case CellKind::Missing: m_values.appendMissing(); return;
        case CellKind::Text:
            m_isText = true;
            m_textFromCase = caseIndex;
            m_values = {};
            appendText(cell);
            return;
        case CellKind::Number: break;
        }
        m_values.append(number.value);
        m_decimals = std::max(m_decimals, number.decimals);
        m_width = std::max(m_width, number.width);
    }
    void addMissing()
    {
        if (m_isText) m_texts.append({});
        else m_values.appendMissing();
    }
    void reserve(size_t cases) { m_values.reserve(cases); }

    // The column of a numeric scan, with the measure level and display format its values call for:
    // nominal when they are at most kMaxNominalCodes distinct integer codes within +-999.
    data::ColumnPtr finishNumeric(NumericLayout& layout)
    {
        data::ColumnPtr column = m_values.finish();
        const auto& levels = column->levels();
        const bool fewCodes = column->isCoded() && levels.size() <= kMaxNominalCodes &&
                              std::all_of(levels.begin(), levels.end(), [](double v) {
                                  return v == std::floor(v) && std::fabs(v) <= kLargestNominalCode;
                              });
        layout.measure = fewCodes ? data::MeasureLevel::Nominal : data::MeasureLevel::Scale;
        layout.width = std::clamp(std::max({m_width, m_widestCode, m_decimals + 2}), 1, kMaxNumericWidth);
        layout.decimals = m_decimals;
        return column;
    }

private:
    void appendText(const Cell& cell)
    {
        const std::string_view text = cellText(cell, m_scratch);
        m_texts.append(text);
        m_textWidth = std::max(m_textWidth, text.size());
    }

    bool m_isText = false;
    int m_decimals = 0;
    int m_width = 1;
    int m_widestCode = 0;  // digits of the widest short code
    size_t m_textFromCase = 0;
    size_t m_textWidth = 1;
    data::NumericColumnBuilder m_values;
    data::StringColumnBuilder m_texts;
    std::string m_scratch;
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
        std::string name(trimmed(cellText(header[i], scratch)));
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

// Parses text already converted to UTF-8. `wholeFile` is false when the text is only the start of a
// file, cut after a line break, so that a quoted cell running past the cut is no fault of the file.
Expected<data::DatasetPtr> parseText(std::string_view text, const std::string& fileName, const ReadSettings& settings,
                                     const CsvOptions& options, std::vector<std::string> warnings, bool wholeFile)
{
    const char delimiter = settings.delimiter;
    auto progressMarkAfter = [&](const char* p) { return p + std::max<size_t>(text.size() / 100, 4096); };
    auto report = [&](const char* p, double start, double share) {
        if (options.progress)
            options.progress->report(start + share * static_cast<double>(p - text.data()) /
                                                 static_cast<double>(text.size()));
        return !(options.cancel && options.cancel->isCancelled());
    };
    const Error cancelled = makeError(ErrorCode::Cancelled, "Opening the file was cancelled.", fileName);

    // First pass: split every record, read numbers, keep the texts of the columns that turn out to hold text.
    RecordSplitter splitter(text, delimiter);
    std::vector<Cell> cells;
    std::vector<std::string> names;
    if (!splitter.next(cells)) return makeError(ErrorCode::InvalidInput, "The file is empty.", fileName);
    if (options.header) {
        names = variableNames(cells, warnings);
    } else {
        for (size_t i = 0; i < cells.size(); ++i) names.push_back(generatedName(i + 1));
        splitter = RecordSplitter(text, delimiter);  // the first record is data
    }
    cells = std::vector<Cell>();
    const size_t columnCount = names.size();
    std::vector<ColumnScan> scans(columnCount);
    // Reserving pays off for long files; for short wide ones it would only hold memory.
    if (const size_t expectedCases = estimateRecords(text); expectedCases > 4096)
        for (auto& scan : scans) scan.reserve(expectedCases);

    size_t cases = 0;
    size_t shortRows = 0, longRows = 0, firstShortLine = 0, firstLongLine = 0;
    const char* nextMark = progressMarkAfter(text.data());
    const auto addCell = [&](size_t j) {
        if (j < columnCount) scans[j].add(splitter, settings, cases);
        else (void)splitter.cell();
    };
    while (splitter.next(addCell)) {
        const size_t cellCount = splitter.cellCount();
        if (cellCount < columnCount) {
            if (shortRows++ == 0) firstShortLine = splitter.recordLine();
            for (size_t j = cellCount; j < columnCount; ++j) scans[j].addMissing();
        } else if (cellCount > columnCount) {
            if (longRows++ == 0) firstLongLine = splitter.recordLine();
        }
        ++cases;
        if (splitter.position() >= nextMark) {
            if (!report(splitter.position(), 0.0, 0.8)) return cancelled;
            nextMark = progressMarkAfter(splitter.position());
        }
    }
    if (splitter.unclosedQuoteLine() && wholeFile)
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

    // The numeric columns first, then the variables, so that a file with very many columns never holds
    // the numeric scans and the variables at the same time.
    std::vector<data::ColumnPtr> columns(columnCount);
    std::vector<NumericLayout> layouts(columnCount);
    std::vector<size_t> textColumns;
    std::vector<data::ColumnPtr> laterTexts;  // per text column, the texts from its textFromCase() on
    std::vector<size_t> textFrom, textWidths;
    for (size_t j = 0; j < columnCount; ++j) {
        if (scans[j].isText()) {
            textColumns.push_back(j);
            textFrom.push_back(scans[j].textFromCase());
            textWidths.push_back(scans[j].textWidth());
            laterTexts.push_back(scans[j].finishTexts());
            continue;
        }
        columns[j] = scans[j].finishNumeric(layouts[j]);
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

    // A column that turned to text after its first case: the texts of the earlier cases are read again
    // (up to the latest such case), then the later texts follow.
    const size_t rereadCases = textFrom.empty() ? 0 : *std::max_element(textFrom.begin(), textFrom.end());
    if (rereadCases > 0) {
        std::vector<data::StringColumnBuilder> texts(textColumns.size());
        std::vector<size_t> builderOf(columnCount, textColumns.size());
        for (size_t k = 0; k < textColumns.size(); ++k) builderOf[textColumns[k]] = k;
        auto append = [&](size_t k, std::string_view text) {
            texts[k].append(text);
            textWidths[k] = std::max(textWidths[k], text.size());
        };
        std::string scratch;
        RecordSplitter again(text, delimiter);
        if (options.header) (void)again.next(cells);
        nextMark = progressMarkAfter(text.data());
        for (size_t c = 0; c < rereadCases && again.next([&](size_t j) {
                               const Cell cell = again.cell();
                               if (j < columnCount && builderOf[j] < textColumns.size() && c < textFrom[builderOf[j]])
                                   append(builderOf[j], cellText(cell, scratch));
                           });
             ++c) {
            for (size_t j = again.cellCount(); j < columnCount; ++j)
                if (builderOf[j] < textColumns.size() && c < textFrom[builderOf[j]]) append(builderOf[j], {});
            if (again.position() >= nextMark) {
                if (!report(again.position(), 0.8, 0.2)) return cancelled;
                nextMark = progressMarkAfter(again.position());
            }
        }
        for (size_t k = 0; k < textColumns.size(); ++k) {
            if (textFrom[k] == 0) continue;
            const data::Column& later = *laterTexts[k];
            for (size_t i = 0; i < later.size(); ++i) texts[k].append(later.text(i));
            laterTexts[k] = texts[k].finish();
        }
    }
    for (size_t k = 0; k < textColumns.size(); ++k) {
        data::Variable& variable = variables[textColumns[k]];
        variable.type = data::VariableType::String;
        variable.measure = data::MeasureLevel::Nominal;
        variable.stringWidth = static_cast<int>(std::min<size_t>(textWidths[k], 32767));
        variable.format = data::DisplayFormat{1, variable.stringWidth, 0};
        variable.displayColumns = std::clamp(variable.stringWidth, 8, 40);
        variable.alignment = data::Alignment::Left;
        columns[textColumns[k]] = std::move(laterTexts[k]);
    }
    if (options.progress) options.progress->report(1.0);

    auto dataset = std::make_shared<data::Dataset>(std::move(variables), std::move(columns));
    dataset->warnings = std::move(warnings);
    return data::DatasetPtr(std::move(dataset));
}

// Text converted to UTF-8 from the encoding the options ask for or the one detected.
class DecodedText {
public:
    std::string_view text() const { return m_converted ? std::string_view(m_storage) : m_original; }
    CharacterEncoding encoding() const { return m_encoding; }

    static DecodedText decode(std::string_view bytes, CharacterEncoding requested, const std::string& fileName,
                              std::vector<std::string>& warnings)
    {
        DecodedText out;
        bool bigEndian = false;
        const bool utf16Bom = hasUtf16Bom(bytes);
        if (utf16Bom) bigEndian = bytes[0] == '\xFE';
        CharacterEncoding encoding = requested;
        if (encoding == CharacterEncoding::Detect && (utf16Bom || looksLikeUtf16(bytes, bigEndian)))
            encoding = CharacterEncoding::Utf16;
        switch (encoding) {
        case CharacterEncoding::Utf16: {
            if (!utf16Bom) (void)looksLikeUtf16(bytes, bigEndian);  // little-endian unless it looks big-endian
            size_t replacements = 0;
            out.convert(utf16ToUtf8(utf16Bom ? bytes.substr(2) : bytes, bigEndian, replacements));
            if (replacements)
                warnings.push_back(fileName + ": the file is not valid UTF-16; " + std::to_string(replacements) +
                                   " invalid character(s) were replaced with \xEF\xBF\xBD.");
            break;
        }
        case CharacterEncoding::Windows1252: out.convert(windows1252ToUtf8(bytes)); break;
        case CharacterEncoding::Latin1: out.convert(latin1ToUtf8(bytes)); break;
        case CharacterEncoding::Detect:
        case CharacterEncoding::Utf8: {
            const std::string_view text = withoutUtf8Bom(bytes);
            encoding = CharacterEncoding::Utf8;
            out.m_original = text;
            if (isValidUtf8(text)) break;
            if (requested == CharacterEncoding::Detect && looksLikeWindows1252(text)) {
                encoding = CharacterEncoding::Windows1252;
                warnings.push_back("Read as Windows-1252: the file is not UTF-8.");
                out.convert(windows1252ToUtf8(text));
                break;
            }
            Utf8Repair repair = *repairUtf8(text);  // the text is known to be invalid here
            warnings.push_back(lineWhere(fileName, repair.firstLine) + ", column " +
                               std::to_string(repair.firstColumn) + ": the file is not valid UTF-8; " +
                               std::to_string(repair.replacements) + " invalid byte(s) were replaced with " +
                               "\xEF\xBF\xBD (first here).");
            out.convert(std::move(repair.text));
            break;
        }
        }
        out.m_encoding = encoding;
        return out;
    }

private:
    void convert(std::string text)
    {
        m_storage = std::move(text);
        m_converted = true;
    }

    std::string_view m_original;
    std::string m_storage;
    bool m_converted = false;
    CharacterEncoding m_encoding = CharacterEncoding::Utf8;
};

// An error when the text holds no data or is binary.
std::optional<Error> unreadableText(std::string_view text, const std::string& fileName)
{
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
        return makeError(ErrorCode::InvalidInput, "The file is empty.", fileName);
    if (const void* nul = std::memchr(text.data(), '\0', text.size())) {
        const char* at = static_cast<const char*>(nul);
        const size_t line = 1 + static_cast<size_t>(std::count(text.data(), at, '\n'));
        return makeError(ErrorCode::InvalidInput,
                         "The file contains a NUL byte, so it is binary data rather than delimited text.",
                         lineWhere(fileName, line));
    }
    return std::nullopt;
}

// The start of the bytes, about `size` of them, cut after a line break so that no character is split.
std::string_view startOf(std::string_view bytes, size_t size)
{
    if (bytes.size() <= size) return bytes;
    const std::string_view head = bytes.substr(0, size);
    const size_t lineBreak = head.rfind('\n');
    if (lineBreak == std::string_view::npos) return head;
    size_t cut = lineBreak + 1;
    if (cut < head.size() && head[cut] == '\0' && cut % 2 == 1) ++cut;  // the high byte of a UTF-16LE '\n'
    return head.substr(0, cut);
}

}  // namespace

const char* toString(CharacterEncoding encoding)
{
    switch (encoding) {
    case CharacterEncoding::Detect: return "detect";
    case CharacterEncoding::Utf8: return "UTF-8";
    case CharacterEncoding::Utf16: return "UTF-16";
    case CharacterEncoding::Windows1252: return "Windows-1252";
    case CharacterEncoding::Latin1: return "ISO-8859-1 (Latin-1)";
    }
    return "detect";
}

Expected<data::DatasetPtr> readCsvBytes(std::string_view bytes, const std::string& fileName, const CsvOptions& options)
{
    std::vector<std::string> warnings;
    const DecodedText decoded = DecodedText::decode(bytes, options.encoding, fileName, warnings);
    const std::string_view text = decoded.text();
    if (auto error = unreadableText(text, fileName)) return *error;
    return parseText(text, fileName, resolveSettings(text, options), options, std::move(warnings), true);
}

Expected<data::DatasetPtr> readCsv(const std::string& path, const CsvOptions& options)
{
    auto bytes = readWholeFile(path);
    if (!bytes) return bytes.error();
    return readCsvBytes(*bytes, fileNameOf(path), options);
}

Expected<CsvPreview> previewCsvBytes(std::string_view bytes, const CsvOptions& options, size_t rowCount)
{
    constexpr size_t kPreviewBytes = 1 << 18;
    const std::string fileName = "the file";
    const std::string_view head = startOf(bytes, kPreviewBytes);
    const bool wholeFile = head.size() == bytes.size();

    CsvPreview preview;
    const DecodedText decoded = DecodedText::decode(head, options.encoding, fileName, preview.warnings);
    const std::string_view text = decoded.text();
    if (auto error = unreadableText(text, fileName)) return *error;
    const ReadSettings settings = resolveSettings(text, options);
    CsvOptions quiet = options;
    quiet.progress = nullptr;
    quiet.cancel = nullptr;
    auto parsed = parseText(text, fileName, settings, quiet, std::move(preview.warnings), wholeFile);
    if (!parsed) return parsed.error();
    const data::Dataset& dataset = **parsed;

    preview.delimiter = settings.delimiter;
    preview.decimalPoint = settings.decimalPoint;
    preview.encoding = decoded.encoding();
    preview.header = options.header;
    preview.warnings = dataset.warnings;
    for (const auto& variable : dataset.variables()) {
        preview.names.push_back(variable.name);
        preview.types.push_back(variable.isNumeric() ? "numeric" : "string");
    }
    RecordSplitter splitter(text, settings.delimiter);
    std::vector<Cell> cells;
    if (options.header) (void)splitter.next(cells);
    std::string scratch;
    while (preview.rows.size() < rowCount && splitter.next(cells)) {
        std::vector<std::string> row(preview.names.size());
        for (size_t j = 0; j < std::min(cells.size(), row.size()); ++j) row[j] = cellText(cells[j], scratch);
        preview.rows.push_back(std::move(row));
    }
    return preview;
}

}  // namespace sl::core::io
