#include "core/io/XlsxReader.h"

#include "core/io/ColumnInference.h"
#include "core/io/FileBytes.h"

#include <expat.h>
#include <unzip.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <vector>

namespace sl::core::io {

namespace {

constexpr std::string_view kOle2Magic("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
// Limits against zip bombs: an entry may not unpack to more than 4 GB, nor to more than 200 times its
// compressed size once it is larger than 1 MB (worksheets compress about 5-20 times).
constexpr uint64_t kMaxEntryBytes = 4ULL << 30;
constexpr uint64_t kMaxRatio = 200;
constexpr uint64_t kRatioCheckFrom = 1ULL << 20;
constexpr size_t kChunkBytes = 1 << 16;
constexpr size_t kMaxColumns = 16384;  // column XFD, the last one Excel has
constexpr size_t kMaxCells = 500'000'000;  // rows x columns of a sheet, empty cells included
constexpr double kSecondsPerDay = 86400.0;
// Days from the SPSS epoch (14 October 1582) to Excel's day 0 (30 December 1899) and to 1 January 1904.
constexpr double kDaysTo1899 = 115859.0;
constexpr double kDaysTo1904 = 117321.0;
constexpr int kMaxNumericWidth = 40;

// The zip archive in memory, read through minizip.
struct MemoryStream {
    std::string_view bytes;
    uint64_t position = 0;
};

voidpf ZCALLBACK memoryOpen(voidpf opaque, const void*, int) { return opaque; }

uLong ZCALLBACK memoryRead(voidpf, voidpf stream, void* buffer, uLong size)
{
    auto* s = static_cast<MemoryStream*>(stream);
    const uint64_t available = s->position < s->bytes.size() ? s->bytes.size() - s->position : 0;
    const uLong n = static_cast<uLong>(std::min<uint64_t>(size, available));
    std::memcpy(buffer, s->bytes.data() + s->position, n);
    s->position += n;
    return n;
}

uLong ZCALLBACK memoryWrite(voidpf, voidpf, const void*, uLong) { return 0; }

ZPOS64_T ZCALLBACK memoryTell(voidpf, voidpf stream) { return static_cast<MemoryStream*>(stream)->position; }

long ZCALLBACK memorySeek(voidpf, voidpf stream, ZPOS64_T offset, int origin)
{
    auto* s = static_cast<MemoryStream*>(stream);
    uint64_t base = 0;
    switch (origin) {
    case ZLIB_FILEFUNC_SEEK_SET: base = 0; break;
    case ZLIB_FILEFUNC_SEEK_CUR: base = s->position; break;
    case ZLIB_FILEFUNC_SEEK_END: base = s->bytes.size(); break;
    default: return -1;
    }
    if (base + offset > s->bytes.size()) return -1;
    s->position = base + offset;
    return 0;
}

int ZCALLBACK memoryClose(voidpf, voidpf) { return 0; }
int ZCALLBACK memoryError(voidpf, voidpf) { return 0; }

class ZipArchive {
public:
    ZipArchive(std::string_view bytes, std::string fileName) : m_fileName(std::move(fileName))
    {
        m_stream.bytes = bytes;
        zlib_filefunc64_def functions{};
        functions.zopen64_file = memoryOpen;
        functions.zread_file = memoryRead;
        functions.zwrite_file = memoryWrite;
        functions.ztell64_file = memoryTell;
        functions.zseek64_file = memorySeek;
        functions.zclose_file = memoryClose;
        functions.zerror_file = memoryError;
        functions.opaque = &m_stream;
        m_zip = unzOpen2_64("workbook", &functions);
    }
    ~ZipArchive()
    {
        if (m_zip) unzClose(m_zip);
    }
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;

    bool isOpen() const { return m_zip != nullptr; }
    bool contains(const std::string& entry) { return unzLocateFile(m_zip, entry.c_str(), 2) == UNZ_OK; }

    // Feeds the unpacked bytes of `entry` to `sink` chunk by chunk; `sink` returns false to stop.
    // `progress` receives the fraction unpacked so far.
    Status read(const std::string& entry, const std::function<bool(const char*, size_t)>& sink,
                const std::function<void(double)>& progress = {})
    {
        const std::string where = m_fileName + ", " + entry;
        if (unzLocateFile(m_zip, entry.c_str(), 2) != UNZ_OK)
            return makeError(ErrorCode::InvalidInput, "The workbook lacks its part " + entry + ".", m_fileName);
        unz_file_info64 info{};
        if (unzGetCurrentFileInfo64(m_zip, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK)
            return damaged(where);
        if (info.uncompressed_size > kMaxEntryBytes ||
            (info.uncompressed_size > kRatioCheckFrom &&
             info.uncompressed_size / std::max<uint64_t>(info.compressed_size, 1) > kMaxRatio))
            return makeError(ErrorCode::InvalidInput,
                             "The workbook part unpacks to " + std::to_string(info.uncompressed_size) +
                                 " bytes, far more than a worksheet of its size can hold; it is not read.",
                             where);
        if (unzOpenCurrentFile(m_zip) != UNZ_OK) return damaged(where);
        std::vector<char> buffer(kChunkBytes);
        uint64_t total = 0;
        bool stopped = false;
        for (;;) {
            const int n = unzReadCurrentFile(m_zip, buffer.data(), static_cast<unsigned>(buffer.size()));
            if (n < 0) {
                unzCloseCurrentFile(m_zip);
                return damaged(where);
            }
            if (n == 0) break;
            total += static_cast<uint64_t>(n);
            if (total > info.uncompressed_size) {  // the zip header understated the size
                unzCloseCurrentFile(m_zip);
                return damaged(where);
            }
            if (!sink(buffer.data(), static_cast<size_t>(n))) {
                stopped = true;
                break;
            }
            if (progress && info.uncompressed_size > 0)
                progress(static_cast<double>(total) / static_cast<double>(info.uncompressed_size));
        }
        if (unzCloseCurrentFile(m_zip) != UNZ_OK && !stopped) return damaged(where);
        return Ok{};
    }

    Expected<std::string> readText(const std::string& entry)
    {
        std::string text;
        auto status = read(entry, [&](const char* data, size_t n) {
            text.append(data, n);
            return true;
        });
        if (!status) return status.error();
        return text;
    }

private:
    static Error damaged(const std::string& where)
    {
        return makeError(ErrorCode::InvalidInput, "The workbook is damaged or incomplete (a part fails to unpack).",
                         where);
    }

    MemoryStream m_stream;
    std::string m_fileName;
    unzFile m_zip = nullptr;
};

// Receives the elements of an XML part (names without namespace prefix).
class XmlHandler {
public:
    virtual ~XmlHandler() = default;
    virtual void start(std::string_view name, const char** attributes) = 0;
    virtual void end(std::string_view name) = 0;
    virtual void text(std::string_view) {}
    // Set to stop parsing with this error.
    std::optional<Error> failure;
};

std::string_view localName(const char* name)
{
    std::string_view n(name);
    const size_t colon = n.rfind(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

const char* attribute(const char** attributes, std::string_view name)
{
    for (size_t i = 0; attributes[i]; i += 2)
        if (localName(attributes[i]) == name) return attributes[i + 1];
    return nullptr;
}

struct XmlRun {
    XML_Parser parser = nullptr;
    XmlHandler* handler = nullptr;
    bool hasDoctype = false;
};

void XMLCALL onStart(void* data, const XML_Char* name, const XML_Char** attributes)
{
    auto* run = static_cast<XmlRun*>(data);
    run->handler->start(localName(name), attributes);
    if (run->handler->failure) XML_StopParser(run->parser, XML_FALSE);
}

void XMLCALL onEnd(void* data, const XML_Char* name)
{
    auto* run = static_cast<XmlRun*>(data);
    run->handler->end(localName(name));
    if (run->handler->failure) XML_StopParser(run->parser, XML_FALSE);
}

void XMLCALL onText(void* data, const XML_Char* text, int length)
{
    static_cast<XmlRun*>(data)->handler->text(std::string_view(text, static_cast<size_t>(length)));
}

// Workbook parts never declare a DTD; refusing one rules out entity expansion attacks.
void XMLCALL onDoctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int)
{
    auto* run = static_cast<XmlRun*>(data);
    run->hasDoctype = true;
    XML_StopParser(run->parser, XML_FALSE);
}

Status parseXml(ZipArchive& zip, const std::string& entry, XmlHandler& handler, const std::string& fileName,
                const std::function<void(double)>& progress = {})
{
    XML_Parser parser = XML_ParserCreate(nullptr);
    if (!parser) return makeError(ErrorCode::Io, "Not enough memory to read the workbook.", fileName);
    XmlRun run{parser, &handler, false};
    XML_SetUserData(parser, &run);
    XML_SetElementHandler(parser, onStart, onEnd);
    XML_SetCharacterDataHandler(parser, onText);
    XML_SetStartDoctypeDeclHandler(parser, onDoctype);
    std::optional<Error> xmlError;
    auto feed = [&](const char* data, size_t n, bool last) {
        if (XML_Parse(parser, data, static_cast<int>(n), last ? XML_TRUE : XML_FALSE) == XML_STATUS_OK) return true;
        if (!run.hasDoctype && !handler.failure)
            xmlError = makeError(ErrorCode::InvalidInput,
                                 std::string("The workbook part is not well-formed XML (") +
                                     XML_ErrorString(XML_GetErrorCode(parser)) + ").",
                                 fileName + ", " + entry + ", line " +
                                     std::to_string(XML_GetCurrentLineNumber(parser)));
        return false;
    };
    auto status = zip.read(entry, [&](const char* data, size_t n) { return feed(data, n, false); }, progress);
    if (status && !xmlError && !run.hasDoctype && !handler.failure) feed("", 0, true);
    XML_ParserFree(parser);
    if (!status) return status.error();
    if (run.hasDoctype)
        return makeError(ErrorCode::InvalidInput,
                         "The workbook part declares a DTD, which Excel never writes; it is not read.",
                         fileName + ", " + entry);
    if (handler.failure) return *handler.failure;
    if (xmlError) return *xmlError;
    return Ok{};
}

struct SheetEntry {
    std::string name;
    std::string relationId;
};

class WorkbookHandler : public XmlHandler {
public:
    std::vector<SheetEntry> sheets;
    bool date1904 = false;

    void start(std::string_view name, const char** attributes) override
    {
        if (name == "sheet") {
            const char* sheetName = attribute(attributes, "name");
            const char* id = attribute(attributes, "id");
            sheets.push_back({sheetName ? sheetName : "", id ? id : ""});
        } else if (name == "workbookPr") {
            const char* value = attribute(attributes, "date1904");
            date1904 = value && (std::strcmp(value, "1") == 0 || std::strcmp(value, "true") == 0);
        }
    }
    void end(std::string_view) override {}
};

class RelationshipsHandler : public XmlHandler {
public:
    std::map<std::string, std::string> targets;

    void start(std::string_view name, const char** attributes) override
    {
        if (name != "Relationship") return;
        const char* id = attribute(attributes, "Id");
        const char* target = attribute(attributes, "Target");
        if (id && target) targets[id] = target;
    }
    void end(std::string_view) override {}
};

// Collects the text of <t> elements inside an item, skipping phonetic runs (<rPh>).
class SharedStringsHandler : public XmlHandler {
public:
    std::vector<std::string> strings;

    void start(std::string_view name, const char**) override
    {
        if (name == "si") m_current.clear();
        else if (name == "t") m_inText = m_phonetic == 0;
        else if (name == "rPh") ++m_phonetic;
    }
    void end(std::string_view name) override
    {
        if (name == "si") strings.push_back(std::move(m_current));
        else if (name == "t") m_inText = false;
        else if (name == "rPh") --m_phonetic;
    }
    void text(std::string_view s) override
    {
        if (m_inText) m_current.append(s);
    }

private:
    std::string m_current;
    bool m_inText = false;
    int m_phonetic = 0;
};

enum class DateKind { None, Date, Time, DateTime };

// Whether an Excel number format shows a date, a time or both.
DateKind classifyFormatCode(std::string_view code)
{
    bool date = false;
    bool time = false;
    bool month = false;
    for (size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (c == ';') break;  // the first section decides
        if (c == '"') {
            const size_t close = code.find('"', i + 1);
            if (close == std::string_view::npos) break;
            i = close;
            continue;
        }
        if (c == '\\' || c == '_' || c == '*') {
            ++i;
            continue;
        }
        if (c == '[') {
            const size_t close = code.find(']', i + 1);
            if (close == std::string_view::npos) break;
            const std::string_view inner = code.substr(i + 1, close - i - 1);
            if (!inner.empty() && (inner[0] == 'h' || inner[0] == 'H' || inner[0] == 's' || inner[0] == 'S' ||
                                   inner[0] == 'm' || inner[0] == 'M'))
                time = true;  // elapsed time such as [h]:mm
            i = close;
            continue;
        }
        switch (c) {
        case 'y': case 'Y': case 'd': case 'D': date = true; break;
        case 'h': case 'H': case 's': case 'S': time = true; break;
        case 'm': case 'M': month = true; break;
        default: break;
        }
    }
    if (month && !time) date = true;
    if (date && time) return DateKind::DateTime;
    if (date) return DateKind::Date;
    if (time) return DateKind::Time;
    return DateKind::None;
}

DateKind classifyBuiltinFormat(int id)
{
    if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) || (id >= 34 && id <= 36) || (id >= 50 && id <= 58))
        return DateKind::Date;
    if ((id >= 18 && id <= 21) || (id >= 32 && id <= 33) || (id >= 45 && id <= 47)) return DateKind::Time;
    if (id == 22) return DateKind::DateTime;
    return DateKind::None;
}

int toInt(const char* text, int fallback = 0)
{
    if (!text) return fallback;
    int value = fallback;
    std::from_chars(text, text + std::strlen(text), value);
    return value;
}

// The date kind of every cell style (index = the s attribute of a cell).
class StylesHandler : public XmlHandler {
public:
    std::vector<DateKind> styleKinds;

    void start(std::string_view name, const char** attributes) override
    {
        if (name == "numFmt") {
            const char* code = attribute(attributes, "formatCode");
            m_custom[toInt(attribute(attributes, "numFmtId"), -1)] = code ? code : "";
        } else if (name == "cellXfs") {
            m_inCellXfs = true;
        } else if (name == "xf" && m_inCellXfs) {
            const int id = toInt(attribute(attributes, "numFmtId"));
            auto custom = m_custom.find(id);
            styleKinds.push_back(custom != m_custom.end() ? classifyFormatCode(custom->second)
                                                          : classifyBuiltinFormat(id));
        }
    }
    void end(std::string_view name) override
    {
        if (name == "cellXfs") m_inCellXfs = false;
    }

private:
    std::map<int, std::string> m_custom;
    bool m_inCellXfs = false;
};

enum class CellType : uint8_t { Empty, Number, Boolean, SharedText, OwnText };

struct RawCell {
    CellType type = CellType::Empty;
    DateKind date = DateKind::None;
    double number = 0;   // Number, Boolean
    uint32_t text = 0;   // index into shared strings (SharedText) or the sheet's own texts (OwnText)
};

// Column index from a cell reference such as "AB12" (0-based), or -1.
long columnOf(const char* reference)
{
    long column = 0;
    size_t letters = 0;
    for (const char* p = reference; *p >= 'A' && *p <= 'Z'; ++p, ++letters) column = column * 26 + (*p - 'A' + 1);
    if (letters == 0 || letters > 3) return -1;
    return column - 1;
}

// Collects the cells of a worksheet: the header row apart, then one case per non-empty row.
class SheetHandler : public XmlHandler {
public:
    SheetHandler(const std::vector<DateKind>& styles, bool header, const CancelToken* cancel, std::string where)
        : m_styles(styles), m_header(header), m_cancel(cancel), m_where(std::move(where))
    {
    }

    std::vector<RawCell> headerCells;
    std::vector<std::vector<RawCell>> columns;
    std::vector<std::string> ownTexts;
    size_t cases = 0;

    void start(std::string_view name, const char** attributes) override
    {
        if (name == "row") {
            m_row.clear();
            m_nextColumn = 0;
        } else if (name == "c") {
            startCell(attributes);
        } else if (name == "v" || (name == "t" && m_inInline && m_phonetic == 0)) {
            m_collect = m_inCell;
        } else if (name == "is") {
            m_inInline = true;
        } else if (name == "rPh") {
            ++m_phonetic;
        }
    }

    void end(std::string_view name) override
    {
        if (name == "v" || name == "t") m_collect = false;
        else if (name == "is") m_inInline = false;
        else if (name == "rPh") --m_phonetic;
        else if (name == "c") endCell();
        else if (name == "row") endRow();
    }

    void text(std::string_view s) override
    {
        if (m_collect) m_text.append(s);
    }

private:
    void startCell(const char** attributes)
    {
        m_inCell = true;
        m_text.clear();
        const char* reference = attribute(attributes, "r");
        const long column = reference ? columnOf(reference) : static_cast<long>(m_nextColumn);
        if (column < 0 || static_cast<size_t>(column) >= kMaxColumns) {
            failure = makeError(ErrorCode::InvalidInput,
                                std::string("The cell reference ") + (reference ? reference : "?") + " is invalid.",
                                m_where);
            return;
        }
        m_column = static_cast<size_t>(column);
        m_nextColumn = m_column + 1;
        const char* type = attribute(attributes, "t");
        m_type = type ? type : "n";
        const int style = toInt(attribute(attributes, "s"));
        m_date = style >= 0 && static_cast<size_t>(style) < m_styles.size() ? m_styles[static_cast<size_t>(style)]
                                                                             : DateKind::None;
    }

    void endCell()
    {
        m_inCell = false;
        RawCell cell;
        if (m_type == "s") {
            uint32_t index = 0;
            const auto result = std::from_chars(m_text.data(), m_text.data() + m_text.size(), index);
            if (result.ec != std::errc()) return;
            cell.type = CellType::SharedText;
            cell.text = index;
        } else if (m_type == "inlineStr" || m_type == "str" || m_type == "d") {
            if (m_text.empty()) return;
            cell.type = CellType::OwnText;
            cell.text = static_cast<uint32_t>(ownTexts.size());
            ownTexts.push_back(m_text);
        } else if (m_type == "b") {
            if (m_text.empty()) return;
            cell.type = CellType::Boolean;
            cell.number = m_text == "1" || m_text == "true" ? 1 : 0;
        } else if (m_type == "n") {
            if (m_text.empty()) return;
            const auto result = std::from_chars(m_text.data(), m_text.data() + m_text.size(), cell.number);
            if (result.ec != std::errc()) return;
            cell.type = CellType::Number;
            cell.date = m_date;
        } else {
            return;  // "e": an error value such as #N/A is missing
        }
        m_row.emplace_back(m_column, cell);
    }

    void endRow()
    {
        if (m_row.empty()) return;
        if (m_header && !m_headerDone) {
            m_headerDone = true;
            for (const auto& [column, cell] : m_row) {
                if (headerCells.size() <= column) headerCells.resize(column + 1);
                headerCells[column] = cell;
            }
            return;
        }
        for (const auto& [column, cell] : m_row) {
            if (columns.size() <= column) columns.resize(column + 1);
            auto& values = columns[column];
            if (values.size() == cases + 1) {  // the same cell twice in a row: the last one counts
                values.back() = cell;
                continue;
            }
            values.resize(cases);
            values.push_back(cell);
        }
        ++cases;
        if (cases * std::max(columns.size(), headerCells.size()) > kMaxCells)
            failure = makeError(ErrorCode::InvalidInput,
                                "The sheet spans more than " + std::to_string(kMaxCells) +
                                    " cells (rows times columns), more than can be held in memory.",
                                m_where);
        else if (cases % 1024 == 0 && m_cancel && m_cancel->isCancelled())
            failure = makeError(ErrorCode::Cancelled, "Reading was cancelled.", m_where);
    }

    const std::vector<DateKind>& m_styles;
    bool m_header;
    bool m_headerDone = false;
    const CancelToken* m_cancel;
    std::string m_where;
    std::vector<std::pair<size_t, RawCell>> m_row;
    size_t m_nextColumn = 0;
    size_t m_column = 0;
    std::string m_type;
    DateKind m_date = DateKind::None;
    std::string m_text;
    bool m_inCell = false;
    bool m_inInline = false;
    bool m_collect = false;
    int m_phonetic = 0;
};

// "xl/" + a relationship target, or the absolute target without its leading slash.
std::string partPath(const std::string& target)
{
    if (!target.empty() && target[0] == '/') return target.substr(1);
    return "xl/" + target;
}

// A text cell read as a number, as the CSV reader does: plain decimal notation, no leading zeros.
std::optional<double> parseNumber(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    if (s.empty()) return std::nullopt;
    std::string_view digits = s;
    if (digits.front() == '+' || digits.front() == '-') digits.remove_prefix(1);
    if (digits.size() > 1 && digits[0] == '0' && digits[1] >= '0' && digits[1] <= '9') return std::nullopt;
    if (s.front() == '+') s.remove_prefix(1);
    double value = 0;
    const auto result = std::from_chars(s.data(), s.data() + s.size(), value);
    if (result.ec != std::errc() || result.ptr != s.data() + s.size() || !std::isfinite(value)) return std::nullopt;
    return value;
}

class SheetBuilder {
public:
    SheetBuilder(const SheetHandler& sheet, const std::vector<std::string>& shared, bool date1904)
        : m_sheet(sheet), m_shared(shared), m_date1904(date1904)
    {
    }

    std::string_view textOf(const RawCell& cell) const
    {
        if (cell.type == CellType::SharedText)
            return cell.text < m_shared.size() ? std::string_view(m_shared[cell.text]) : std::string_view();
        if (cell.type == CellType::OwnText) return m_sheet.ownTexts[cell.text];
        return {};
    }

    std::string displayText(const RawCell& cell) const
    {
        switch (cell.type) {
        case CellType::Empty: return {};
        case CellType::Number: return numberText(cell.number);
        case CellType::Boolean: return cell.number != 0 ? "TRUE" : "FALSE";
        default: return std::string(textOf(cell));
        }
    }

    // SPSS seconds of an Excel serial date.
    double spssSeconds(double serial, DateKind kind) const
    {
        double seconds = serial * kSecondsPerDay;
        if (kind != DateKind::Time) {
            const double days = m_date1904 ? kDaysTo1904 : (serial < 61 ? kDaysTo1899 + 1 : kDaysTo1899);
            seconds += days * kSecondsPerDay;
        }
        return std::round(seconds * 1000.0) / 1000.0;
    }

    data::ColumnPtr build(const std::vector<RawCell>& cells, size_t cases, data::Variable& variable) const
    {
        bool numeric = true;
        bool anyValue = false;
        bool allDates = true;
        bool allTimes = true;
        bool allWholeDays = true;
        bool anyDateTimeStyle = false;
        std::vector<double> values(cases, data::kSysmis);
        for (size_t i = 0; i < cells.size() && numeric; ++i) {
            const RawCell& cell = cells[i];
            switch (cell.type) {
            case CellType::Empty: continue;
            case CellType::Number:
            case CellType::Boolean:
                values[i] = cell.number;
                if (cell.date == DateKind::None) allDates = false;
                if (cell.date != DateKind::Time) allTimes = false;
                if (cell.date == DateKind::DateTime) anyDateTimeStyle = true;
                if (cell.number != std::floor(cell.number)) allWholeDays = false;
                break;
            default: {
                const std::string_view text = textOf(cell);
                if (text.find_first_not_of(" \t") == std::string_view::npos) continue;
                const auto number = parseNumber(text);
                if (!number) {
                    numeric = false;
                    break;
                }
                values[i] = *number;
                allDates = false;
                allTimes = false;
            }
            }
            anyValue = true;
        }
        if (!numeric) return buildText(cells, cases, variable);

        variable.type = data::VariableType::Numeric;
        variable.alignment = data::Alignment::Right;
        if (anyValue && allDates) {
            const DateKind kind = allTimes ? DateKind::Time
                                  : (anyDateTimeStyle || !allWholeDays) ? DateKind::DateTime
                                                                        : DateKind::Date;
            for (double& v : values)
                if (!std::isnan(v)) v = spssSeconds(v, kind);
            variable.format = kind == DateKind::Time       ? data::DisplayFormat{21, 8, 0}
                              : kind == DateKind::DateTime ? data::DisplayFormat{22, 20, 0}
                                                           : data::DisplayFormat{20, 11, 0};
            variable.measure = data::MeasureLevel::Scale;
            variable.displayColumns = variable.format.width;
            return data::Column::fromDoubles(std::move(values));
        }
        const int decimals = decimalsNeeded(values);
        double largest = 0;
        bool negative = false;
        for (double v : values) {
            if (std::isnan(v)) continue;
            largest = std::max(largest, std::abs(v));
            negative = negative || v < 0;
        }
        const int integerDigits = largest >= 1 ? static_cast<int>(std::floor(std::log10(largest))) + 1 : 1;
        const int width = integerDigits + (negative ? 1 : 0) + (decimals > 0 ? decimals + 1 : 0);
        variable.format = {5, std::clamp(width, decimals + 2, kMaxNumericWidth), decimals};
        variable.measure = guessMeasure(values);
        variable.displayColumns = std::clamp(variable.format.width, 8, kMaxNumericWidth);
        return data::Column::fromDoubles(std::move(values));
    }

private:
    data::ColumnPtr buildText(const std::vector<RawCell>& cells, size_t cases, data::Variable& variable) const
    {
        std::vector<std::string> texts(cases);
        size_t width = 1;
        for (size_t i = 0; i < cells.size(); ++i) {
            texts[i] = displayText(cells[i]);
            width = std::max(width, texts[i].size());
        }
        variable.type = data::VariableType::String;
        variable.stringWidth = static_cast<int>(std::min<size_t>(width, 32767));
        variable.format = {1, variable.stringWidth, 0};
        variable.measure = data::MeasureLevel::Nominal;
        variable.alignment = data::Alignment::Left;
        variable.displayColumns = std::clamp(variable.stringWidth, 8, kMaxNumericWidth);
        return data::Column::fromStrings(texts);
    }

    const SheetHandler& m_sheet;
    const std::vector<std::string>& m_shared;
    bool m_date1904;
};

std::string trimmed(std::string_view s)
{
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return std::string(s);
}

// Variable names from the header row: blanks become V<column>, repeats get a _2, _3 ... suffix.
std::vector<std::string> variableNames(const SheetHandler& sheet, const SheetBuilder& builder, size_t count,
                                       std::vector<std::string>& warnings)
{
    const auto lower = [](std::string name) {
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return name;
    };
    std::vector<std::string> names;
    std::set<std::string> taken;              // lower-case, as names compare case-insensitively
    std::map<std::string, int> nextSuffix;    // lower-case base name -> the next suffix to try
    for (size_t k = 0; k < count; ++k) {
        std::string name = k < sheet.headerCells.size() ? trimmed(builder.displayText(sheet.headerCells[k])) : "";
        if (name.empty()) name = "V" + std::to_string(k + 1);
        const std::string base = name;
        if (taken.count(lower(name))) {
            int& suffix = nextSuffix.try_emplace(lower(base), 2).first->second;
            do name = base + "_" + std::to_string(suffix++);
            while (taken.count(lower(name)));
        }
        taken.insert(lower(name));
        if (name != base) warnings.push_back("Column " + std::to_string(k + 1) + ": the name " + base +
                                             " is used twice; renamed " + name + ".");
        names.push_back(std::move(name));
    }
    return names;
}

// The workbook part of an .xlsx (sheet names and date system), with the errors that explain other files.
Expected<WorkbookHandler> readWorkbook(ZipArchive& zip, std::string_view bytes, const std::string& fileName)
{
    if (bytes.substr(0, kOle2Magic.size()) == kOle2Magic)
        return makeError(ErrorCode::Unsupported,
                         "This is an Excel 97-2003 workbook (.xls) or a password-protected workbook. Open it in "
                         "Excel, choose Save As > Excel Workbook (.xlsx) without a password, and open that file.",
                         fileName);
    if (!zip.isOpen())
        return makeError(ErrorCode::InvalidInput,
                         "This is not a complete .xlsx workbook: its zip directory is missing or damaged.", fileName);
    if (!zip.contains("xl/workbook.xml")) {
        if (zip.contains("content.xml"))
            return makeError(ErrorCode::Unsupported,
                             "This is an OpenDocument spreadsheet (.ods). Save it as an Excel Workbook (.xlsx) in "
                             "LibreOffice or Excel, and open that file.",
                             fileName);
        return makeError(ErrorCode::InvalidInput, "This zip archive is not an Excel workbook (no xl/workbook.xml).",
                         fileName);
    }
    WorkbookHandler workbook;
    if (auto status = parseXml(zip, "xl/workbook.xml", workbook, fileName); !status) return status.error();
    if (workbook.sheets.empty())
        return makeError(ErrorCode::InvalidInput, "The workbook has no worksheet.", fileName);
    return workbook;
}

}  // namespace

Expected<std::vector<std::string>> xlsxSheetNames(std::string_view bytes, const std::string& fileName)
{
    ZipArchive zip(bytes, fileName);
    auto workbook = readWorkbook(zip, bytes, fileName);
    if (!workbook) return workbook.error();
    std::vector<std::string> names;
    for (const auto& sheet : workbook->sheets) names.push_back(sheet.name);
    return names;
}

Expected<data::DatasetPtr> readXlsxBytes(std::string_view bytes, const std::string& fileName,
                                         const XlsxOptions& options)
{
    ZipArchive zip(bytes, fileName);
    auto read = readWorkbook(zip, bytes, fileName);
    if (!read) return read.error();
    const WorkbookHandler& workbook = *read;

    size_t sheetNumber = 0;
    if (!options.sheetName.empty()) {
        auto it = std::find_if(workbook.sheets.begin(), workbook.sheets.end(),
                               [&](const SheetEntry& s) { return s.name == options.sheetName; });
        if (it == workbook.sheets.end()) {
            std::string list;
            for (const auto& s : workbook.sheets) list += (list.empty() ? "" : ", ") + s.name;
            return makeError(ErrorCode::NotFound,
                             "The workbook has no sheet named " + options.sheetName + " (it has " + list + ").",
                             fileName);
        }
        sheetNumber = static_cast<size_t>(it - workbook.sheets.begin());
    } else {
        if (options.sheetIndex < 0 || static_cast<size_t>(options.sheetIndex) >= workbook.sheets.size())
            return makeError(ErrorCode::NotFound,
                             "The workbook has " + std::to_string(workbook.sheets.size()) + " sheets; sheet " +
                                 std::to_string(options.sheetIndex + 1) + " does not exist.",
                             fileName);
        sheetNumber = static_cast<size_t>(options.sheetIndex);
    }
    const SheetEntry& chosen = workbook.sheets[sheetNumber];

    std::string sheetPart = "xl/worksheets/sheet" + std::to_string(sheetNumber + 1) + ".xml";
    if (zip.contains("xl/_rels/workbook.xml.rels")) {
        RelationshipsHandler relationships;
        if (auto status = parseXml(zip, "xl/_rels/workbook.xml.rels", relationships, fileName); !status)
            return status.error();
        auto target = relationships.targets.find(chosen.relationId);
        if (target != relationships.targets.end()) sheetPart = partPath(target->second);
    }

    SharedStringsHandler shared;
    if (zip.contains("xl/sharedStrings.xml"))
        if (auto status = parseXml(zip, "xl/sharedStrings.xml", shared, fileName); !status) return status.error();
    StylesHandler styles;
    if (zip.contains("xl/styles.xml"))
        if (auto status = parseXml(zip, "xl/styles.xml", styles, fileName); !status) return status.error();

    SheetHandler sheet(styles.styleKinds, options.header, options.cancel, fileName + ", sheet " + chosen.name);
    std::function<void(double)> progress;
    if (options.progress) progress = [&](double f) { options.progress->report(0.9 * f); };
    if (auto status = parseXml(zip, sheetPart, sheet, fileName, progress); !status) return status.error();

    SheetBuilder builder(sheet, shared.strings, workbook.date1904);
    const size_t count = std::max(sheet.headerCells.size(), sheet.columns.size());
    if (count == 0) return makeError(ErrorCode::InvalidInput, "The sheet " + chosen.name + " is empty.", fileName);
    std::vector<std::string> warnings;
    std::vector<std::string> names = variableNames(sheet, builder, count, warnings);
    std::vector<data::Variable> variables;
    std::vector<data::ColumnPtr> columns;
    static const std::vector<RawCell> kNoCells;
    for (size_t k = 0; k < count; ++k) {
        data::Variable variable;
        variable.name = std::move(names[k]);
        columns.push_back(builder.build(k < sheet.columns.size() ? sheet.columns[k] : kNoCells, sheet.cases, variable));
        variables.push_back(std::move(variable));
    }
    auto dataset = std::make_shared<data::Dataset>(std::move(variables), std::move(columns));
    dataset->warnings = std::move(warnings);
    if (options.progress) options.progress->report(1.0);
    return data::DatasetPtr(std::move(dataset));
}

Expected<data::DatasetPtr> readXlsx(const std::string& path, const XlsxOptions& options)
{
    auto bytes = readWholeFile(path);
    if (!bytes) return bytes.error();
    return readXlsxBytes(*bytes, fileNameOf(path), options);
}

}  // namespace sl::core::io
