// Hostile files that claim absurd sizes: each reader must give an Error (or the data) quickly and with
// bounded memory. Every read runs in a child process capped at 4 GB of address space.
#include "IsolatedRun.h"

#include "core/io/CsvReader.h"
#include "core/io/QualtricsReader.h"
#include "core/io/SavReader.h"
#include "core/io/SavWriter.h"
#include "core/io/XlsxReader.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zip.h>
#include <zlib.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace sl::core;
using sl::test::IsolatedOutcome;
using sl::test::runIsolated;

namespace {

#if defined(__SANITIZE_ADDRESS__)
// AddressSanitizer's red zones and freed-memory quarantine roughly double what a reader holds.
constexpr long kMemoryBoundKb = 1000 * 1024;
#else
constexpr long kMemoryBoundKb = 500 * 1024;
#endif
constexpr double kSecondsBound = 30;

template <typename Read>
IsolatedOutcome readIsolated(Read read)
{
    return runIsolated([&]() -> std::string {
        auto result = read();
        return result ? std::string() : result.error().describe();
    });
}

// Expects an Error whose description contains `words`, within the time and memory bounds.
void expectBoundedError(const IsolatedOutcome& outcome, const std::string& words)
{
    ASSERT_EQ(outcome.end, IsolatedOutcome::End::Error) << outcome.describe();
    EXPECT_NE(outcome.message.find(words), std::string::npos) << outcome.message;
    EXPECT_LT(outcome.peakGrowthKb, kMemoryBoundKb) << outcome.describe();
    EXPECT_LT(outcome.seconds, kSecondsBound) << outcome.describe();
}

void expectBoundedValue(const IsolatedOutcome& outcome)
{
    ASSERT_EQ(outcome.end, IsolatedOutcome::End::Value) << outcome.describe();
    EXPECT_LT(outcome.peakGrowthKb, kMemoryBoundKb) << outcome.describe();
    EXPECT_LT(outcome.seconds, kSecondsBound) << outcome.describe();
}

// An uncompressed system file of one labelled numeric variable and three cases.
std::string smallSav()
{
    data::Variable v;
    v.name = "score";
    v.label = "Score";
    std::vector<data::Variable> variables{v};
    std::vector<data::ColumnPtr> columns{data::Column::fromDoubles({1, 2, 3})};
    const data::Dataset dataset(std::move(variables), std::move(columns));
    io::SavWriteOptions options;
    options.compression = io::SavCompression::None;
    auto bytes = io::encodeSav(dataset, options);
    EXPECT_TRUE(bytes) << bytes.error().describe();
    return bytes ? *bytes : std::string();
}

void putInt32(std::string& bytes, size_t at, int32_t value) { std::memcpy(bytes.data() + at, &value, 4); }

int32_t int32At(const std::string& bytes, size_t at)
{
    int32_t value;
    std::memcpy(&value, bytes.data() + at, 4);
    return value;
}

// Raw deflate of `prefix`, then `fillBytes` spaces, then `suffix`, made without holding it all in memory.
std::string deflateWithFill(const std::string& prefix, size_t fillBytes, const std::string& suffix, uLong& crc)
{
    z_stream z{};
    EXPECT_EQ(deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 9, Z_DEFAULT_STRATEGY), Z_OK);
    std::string out;
    std::vector<char> buffer(1 << 16);
    crc = crc32(0, nullptr, 0);
    const auto feed = [&](const std::string& chunk, int flush) {
        crc = crc32(crc, reinterpret_cast<const Bytef*>(chunk.data()), static_cast<uInt>(chunk.size()));
        z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(chunk.data()));
        z.avail_in = static_cast<uInt>(chunk.size());
        do {
            z.next_out = reinterpret_cast<Bytef*>(buffer.data());
            z.avail_out = static_cast<uInt>(buffer.size());
            deflate(&z, flush);
            out.append(buffer.data(), buffer.size() - z.avail_out);
        } while (z.avail_out == 0);
    };
    feed(prefix, Z_NO_FLUSH);
    const std::string spaces(1 << 20, ' ');
    for (size_t done = 0; done < fillBytes; done += spaces.size())
        feed(spaces.substr(0, std::min(spaces.size(), fillBytes - done)), Z_NO_FLUSH);
    feed(suffix, Z_FINISH);
    deflateEnd(&z);
    return out;
}

struct ZipEntry {
    std::string name;
    std::string content;            // stored deflated by minizip, unless `raw` is given
    std::string raw;                // already deflated
    uLong crc = 0;
    uint64_t declaredSize = 0;      // the uncompressed size the zip directory claims for `raw`
};

// The bytes of a zip archive holding the entries (written through a file, as minizip wants).
std::string zipBytes(const std::vector<ZipEntry>& entries)
{
    const std::string path = (std::filesystem::temp_directory_path() /
                              ("surveylens-robustness-" + std::to_string(getpid()) + ".zip")).string();
    zipFile zip = zipOpen64(path.c_str(), APPEND_STATUS_CREATE);
    EXPECT_NE(zip, nullptr);
    for (const auto& entry : entries) {
        zip_fileinfo info{};
        const bool raw = !entry.raw.empty();
        EXPECT_EQ(zipOpenNewFileInZip2_64(zip, entry.name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED,
                                          Z_BEST_COMPRESSION, raw ? 1 : 0, 1),
                  ZIP_OK);
        const std::string& data = raw ? entry.raw : entry.content;
        EXPECT_EQ(zipWriteInFileInZip(zip, data.data(), static_cast<unsigned>(data.size())), ZIP_OK);
        if (raw)
            EXPECT_EQ(zipCloseFileInZipRaw64(zip, entry.declaredSize, entry.crc), ZIP_OK);
        else
            EXPECT_EQ(zipCloseFileInZip(zip), ZIP_OK);
    }
    EXPECT_EQ(zipClose(zip, nullptr), ZIP_OK);
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    std::filesystem::remove(path);
    return bytes.str();
}

// The parts of a one-sheet workbook, apart from the sheet itself.
std::vector<ZipEntry> workbookParts()
{
    return {
        {"[Content_Types].xml",
         "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"},
        {"xl/workbook.xml",
         "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
         "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
         "<sheet name=\"Data\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
    };
}

const std::string kSheetStart =
    "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
    "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>x</t></is></c></row>";
const std::string kSheetEnd = "</sheetData></worksheet>";

// A workbook whose sheet is `fillBytes` spaces between valid rows; the directory claims `declaredSize`
// (0: the true size).
std::string spaceFilledWorkbook(size_t fillBytes, uint64_t declaredSize)
{
    ZipEntry sheet;
    sheet.name = "xl/worksheets/sheet1.xml";
    sheet.raw = deflateWithFill(kSheetStart, fillBytes, kSheetEnd, sheet.crc);
    sheet.declaredSize = declaredSize ? declaredSize : kSheetStart.size() + fillBytes + kSheetEnd.size();
    auto parts = workbookParts();
    parts.push_back(std::move(sheet));
    return zipBytes(parts);
}

}  // namespace

TEST(SavLimits, HeaderClaimingTwoBillionCasesFailsFast)
{
    std::string bytes = smallSav();
    ASSERT_EQ(int32At(bytes, 80), 3);  // the case count of the header
    putInt32(bytes, 80, 0x7fffffff);
    const auto outcome = readIsolated([&] { return io::readSavBytes(bytes, "claims.sav"); });
    expectBoundedError(outcome, "of its 2147483647 cases");
}

TEST(SavLimits, VariableLabelClaimingTwoGigabytesFailsFast)
{
    std::string bytes = smallSav();
    ASSERT_EQ(int32At(bytes, 176), 2);  // the first variable record
    ASSERT_EQ(int32At(bytes, 184), 1);  // ... has a label
    ASSERT_EQ(int32At(bytes, 208), 5);  // of 5 bytes
    putInt32(bytes, 208, 0x7ffffff0);
    const auto outcome = readIsolated([&] { return io::readSavBytes(bytes, "label.sav"); });
    expectBoundedError(outcome, "variable label");
}

TEST(CsvLimits, TenMegabyteCellIsRead)
{
    const std::string cell(10u << 20, 'x');
    const std::string text = "id,note\n1,\"" + cell + "\"\n2,short\n";
    const auto outcome = runIsolated([&]() -> std::string {
        auto dataset = io::readCsvBytes(text, "big-cell.csv");
        if (!dataset) return dataset.error().describe();
        return (*dataset)->column(1).text(0).size() == cell.size() ? "" : "the cell was not read whole";
    });
    expectBoundedValue(outcome);
}

TEST(CsvLimits, UnclosedQuoteOverTenMegabytesIsRead)
{
    const std::string text = "id,note\n1,\"" + std::string(10u << 20, 'y') + "\n2,z\n";
    expectBoundedValue(readIsolated([&] { return io::readCsvBytes(text, "unclosed.csv"); }));
}

TEST(CsvLimits, HeaderOfHalfAMillionEmptyNamesStaysBounded)
{
    // Each column costs some hundreds of bytes (its variable, name and scan) and there is no cap on columns,
    // so the bound holds for half a million of them, not for ten million.
    const std::string text = std::string(500'000, ',') + "\n";
    const auto outcome = readIsolated([&] { return io::readCsvBytes(text, "commas.csv"); });
    ASSERT_TRUE(outcome.returned()) << outcome.describe();
    EXPECT_LT(outcome.peakGrowthKb, kMemoryBoundKb) << outcome.describe();
    EXPECT_LT(outcome.seconds, kSecondsBound) << outcome.describe();
}

TEST(CsvLimits, HundredThousandRepeatedNamesAreRenamedQuickly)
{
    std::string text;
    for (int i = 0; i < 100'000; ++i) text += i ? ",a" : "a";
    text += "\n";
    const auto outcome = readIsolated([&] { return io::readCsvBytes(text, "repeated.csv"); });
    ASSERT_TRUE(outcome.returned()) << outcome.describe();
    EXPECT_LT(outcome.seconds, kSecondsBound) << outcome.describe();
}

TEST(QualtricsLimits, QuestionRowFullOfEntitiesIsReadQuickly)
{
    std::string entities;
    for (int i = 0; i < 500'000; ++i) entities += "&lt;";
    const std::string text = "Q1,Q2\n\"" + entities + "\",Age\n{\"ImportId\":\"QID1\"},{\"ImportId\":\"QID2\"}\n1,2\n";
    const auto outcome = runIsolated([&]() -> std::string {
        auto dataset = io::readQualtricsBytes(text, "entities.csv");
        if (!dataset) return dataset.error().describe();
        return (*dataset)->variable(0).label == std::string(500'000, '<') ? "" : "the label was not decoded";
    });
    expectBoundedValue(outcome);
}

TEST(QualtricsLimits, QuestionRowOfUnclosedTagsIsReadQuickly)
{
    const std::string text = "Q1,Q2\n\"" + std::string(2'000'000, '<') +
                             "\",Age\n{\"ImportId\":\"QID1\"},{\"ImportId\":\"QID2\"}\n1,2\n";
    expectBoundedValue(readIsolated([&] { return io::readQualtricsBytes(text, "tags.csv"); }));
}

TEST(XlsxLimits, ZipBombIsRefusedBeforeUnpacking)
{
    const std::string bytes = spaceFilledWorkbook(size_t{1} << 28, 0);
    ASSERT_LT(bytes.size(), 1u << 20);  // about 1000 times smaller than the sheet it holds
    const auto outcome = readIsolated([&] { return io::readXlsxBytes(bytes, "bomb.xlsx"); });
    expectBoundedError(outcome, "unpacks to");
}

TEST(XlsxLimits, SheetLargerThanItsDirectoryClaimsStopsUnpacking)
{
    const std::string bytes = spaceFilledWorkbook(size_t{1} << 28, 64 * 1024);
    const auto outcome = readIsolated([&] { return io::readXlsxBytes(bytes, "understated.xlsx"); });
    expectBoundedError(outcome, "damaged");
}

TEST(XlsxLimits, BillionLaughsIsRefused)
{
    std::string sheet = "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY lol \"lol\">";
    std::string previous = "lol";
    for (int level = 1; level <= 9; ++level) {
        const std::string name = "lol" + std::to_string(level);
        sheet += "<!ENTITY " + name + " \"";
        for (int k = 0; k < 10; ++k) sheet += "&" + previous + ";";
        sheet += "\">";
        previous = name;
    }
    sheet += "]><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
             "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&" + previous + ";</t></is></c></row>"
             "</sheetData></worksheet>";
    auto parts = workbookParts();
    parts.push_back({"xl/worksheets/sheet1.xml", sheet});
    const std::string bytes = zipBytes(parts);
    const auto outcome = readIsolated([&] { return io::readXlsxBytes(bytes, "laughs.xlsx"); });
    expectBoundedError(outcome, "DTD");
}

TEST(XlsxLimits, SparseSheetReachingTheLastColumnStaysBounded)
{
    // One cell in column XFD, then rows of one cell: 10,000 cases of 16,384 variables (164 million cells, most
    // of them empty) from a workbook of a few hundred kilobytes.
    std::string sheet = "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/"
                        "spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"XFD1\"><v>1</v></c></row>";
    for (int r = 2; r <= 10'000; ++r) sheet += "<row><c r=\"A" + std::to_string(r) + "\"><v>1</v></c></row>";
    sheet += kSheetEnd;
    auto parts = workbookParts();
    parts.push_back({"xl/worksheets/sheet1.xml", sheet});
    const std::string bytes = zipBytes(parts);
    const auto outcome = readIsolated([&] { return io::readXlsxBytes(bytes, "sparse.xlsx"); });
    ASSERT_TRUE(outcome.returned()) << outcome.describe();
    EXPECT_LT(outcome.peakGrowthKb, kMemoryBoundKb) << outcome.describe();
    EXPECT_LT(outcome.seconds, kSecondsBound) << outcome.describe();
}

TEST(XlsxLimits, HeaderRepeatingOneNameInEveryColumnIsReadQuickly)
{
    std::string sheet = "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/"
                        "spreadsheetml/2006/main\"><sheetData><row r=\"1\">";
    for (int c = 0; c < 16384; ++c) sheet += "<c t=\"inlineStr\"><is><t>a</t></is></c>";
    sheet += "</row><row r=\"2\"><c r=\"A2\"><v>1</v></c></row>" + kSheetEnd;
    auto parts = workbookParts();
    parts.push_back({"xl/worksheets/sheet1.xml", sheet});
    const std::string bytes = zipBytes(parts);
    const auto outcome = readIsolated([&] { return io::readXlsxBytes(bytes, "repeated.xlsx"); });
    expectBoundedValue(outcome);
}
