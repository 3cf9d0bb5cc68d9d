// Small system files built byte by byte: both byte orders, a code page, continuation and document records,
// an unknown case count ended by the end-of-data code.
#include "core/io/DataFile.h"
#include "core/io/SavReader.h"

#include <gtest/gtest.h>

#include <bit>
#include <cfloat>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <utility>
#include <vector>

using namespace sl::core;

namespace {

class FileBuilder {
public:
    explicit FileBuilder(bool bigEndian) : m_big(bigEndian) {}
    FileBuilder& i32(int32_t v)
    {
        uint32_t u = static_cast<uint32_t>(v);
        if (m_big) u = __builtin_bswap32(u);
        m_bytes.append(reinterpret_cast<const char*>(&u), 4);
        return *this;
    }
    FileBuilder& f64(double v)
    {
        uint64_t u = std::bit_cast<uint64_t>(v);
        if (m_big) u = __builtin_bswap64(u);
        m_bytes.append(reinterpret_cast<const char*>(&u), 8);
        return *this;
    }
    FileBuilder& text(std::string_view s, size_t n)
    {
        m_bytes.append(s.substr(0, n));
        m_bytes.append(n - std::min(n, s.size()), ' ');
        return *this;
    }
    FileBuilder& raw(std::string_view s)
    {
        m_bytes.append(s);
        return *this;
    }
    const std::string& bytes() const { return m_bytes; }

private:
    bool m_big;
    std::string m_bytes;
};

// Two variables: a labelled numeric with a missing range, and a 10-byte string continued in a second record.
std::string handMadeFile(bool bigEndian, int32_t characterCode = 1252,
                         const std::vector<std::pair<int32_t, std::string>>& textRecords = {})
{
    FileBuilder f(bigEndian);
    f.raw("$FL2").text("@(#) SPSS DATA FILE test", 60).i32(2).i32(3).i32(1).i32(0).i32(-1).f64(100.0);
    f.text("01 Jan 20", 9).text("10:00:00", 8).text("Hand made", 64).raw(std::string(3, '\0'));
    f.i32(2).i32(0).i32(1).i32(-2).i32(0x050802).i32(0x050802).text("AGE", 8).i32(3).raw("Age").raw(std::string(1, '\0'));
    const uint64_t lowestBits = 0xffeffffffffffffeULL;
    f.f64(std::bit_cast<double>(lowestBits)).f64(-1.0);
    f.i32(2).i32(10).i32(0).i32(1).i32(0x010a00).i32(0x010a00).text("NAME", 8).text("n/a", 8);
    f.i32(2).i32(-1).i32(0).i32(0).i32(0).i32(0).text("", 8);
    f.i32(3).i32(2).f64(1.0).raw(std::string(1, '\3')).text("one", 7).f64(2.0).raw(std::string(1, '\3')).text("two", 7);
    f.i32(4).i32(1).i32(1);
    f.i32(6).i32(1).text("A document line.", 80);
    f.i32(7).i32(3).i32(4).i32(8).i32(1).i32(0).i32(0).i32(-1).i32(1).i32(1).i32(bigEndian ? 1 : 2).i32(characterCode);
    const std::string names = "AGE=age_years\tNAME=Name";
    f.i32(7).i32(13).i32(1).i32(static_cast<int32_t>(names.size())).raw(names);
    for (const auto& [subtype, text] : textRecords) f.i32(7).i32(subtype).i32(1).i32(static_cast<int32_t>(text.size())).raw(text);
    f.i32(999).i32(0);
    // Case 1: 30.5 (raw), "Ann", continuation spaces. Case 2: sysmis, "Zo\xe9" (windows-1252), spaces. Then the end.
    f.raw(std::string("\xfd\xfd\xfe\xff\xfd\xfe\xfc\x00", 8)).f64(30.5).text("Ann", 8).text("Zo\xe9", 8);
    return f.bytes();
}

}  // namespace

TEST(SavReader, HandMadeFileReadsInBothByteOrders)
{
    for (bool big : {false, true}) {
        SCOPED_TRACE(big ? "big-endian" : "little-endian");
        auto ds = io::readSavBytes(handMadeFile(big), "hand.sav");
        ASSERT_TRUE(ds) << ds.error().describe();
        const data::Dataset& d = **ds;
        EXPECT_TRUE(d.warnings.empty());
        EXPECT_EQ(d.fileLabel, "Hand made");
        ASSERT_EQ(d.caseCount(), 2u);
        ASSERT_EQ(d.variableCount(), 2u);

        const data::Variable& age = d.variable(0);
        EXPECT_EQ(age.name, "age_years");
        EXPECT_EQ(age.label, "Age");
        EXPECT_EQ(age.format.spssName(), "F8.2");
        ASSERT_TRUE(age.missing.range);
        EXPECT_TRUE(std::isinf(age.missing.range->first) && age.missing.range->first < 0);
        EXPECT_EQ(age.missing.range->second, -1.0);
        ASSERT_NE(age.labelOf(2), nullptr);
        EXPECT_EQ(*age.labelOf(2), "two");
        EXPECT_EQ(age.measure, data::MeasureLevel::Nominal);  // labelled, and no record 7/11
        EXPECT_EQ(d.column(0).number(0), 30.5);
        EXPECT_TRUE(std::isnan(d.column(0).number(1)));

        const data::Variable& name = d.variable(1);
        EXPECT_EQ(name.name, "Name");
        EXPECT_TRUE(name.isString());
        EXPECT_EQ(name.stringWidth, 10);
        EXPECT_EQ(name.missing.textValues, std::vector<std::string>{"n/a"});
        EXPECT_EQ(d.column(1).text(0), "Ann");
        EXPECT_EQ(d.column(1).text(1), "Zo\xC3\xA9");  // from windows-1252
    }
}

TEST(SavReader, EndCodeInsideACaseOfUnknownCountKeepsCompleteCases)
{
    std::string bytes = handMadeFile(false);
    // Put the end-of-data code where the second case's string begins.
    const size_t commands = bytes.size() - 8 * 4;
    bytes[commands + 4] = '\xfc';
    auto ds = io::readSavBytes(bytes, "hand.sav");
    // The case count is unknown, so the complete first case is kept and the loss is reported.
    ASSERT_TRUE(ds) << ds.error().describe();
    EXPECT_EQ((*ds)->caseCount(), 1u);
    ASSERT_EQ((*ds)->warnings.size(), 1u);
    EXPECT_NE((*ds)->warnings[0].find("hand.sav, byte"), std::string::npos);
}

TEST(SavReader, ReportsProgressAndHonoursCancel)
{
    const std::string bytes = handMadeFile(false);
    double last = -1;
    int reports = 0;
    ProgressSink progress([&](double f) {
        EXPECT_GE(f, last);
        last = f;
        ++reports;
    });
    auto ds = io::readSavBytes(bytes, "hand.sav", &progress);
    ASSERT_TRUE(ds);
    EXPECT_GT(reports, 0);
    EXPECT_EQ(last, 1.0);

    CancelToken cancel;
    cancel.cancel();
    auto cancelled = io::readSavBytes(bytes, "hand.sav", nullptr, &cancel);
    ASSERT_FALSE(cancelled);
    EXPECT_EQ(cancelled.error().code, ErrorCode::Cancelled);
}

TEST(SavReader, InvalidTextGivesWarningNotFailure)
{
    // Character code 65001 says UTF-8, but the second case holds the windows-1252 byte E9.
    auto ds = io::readSavBytes(handMadeFile(false, 65001), "hand.sav");
    ASSERT_TRUE(ds) << ds.error().describe();
    EXPECT_EQ((*ds)->column(1).text(1), "Zo\xEF\xBF\xBD");
    ASSERT_EQ((*ds)->warnings.size(), 1u);
    EXPECT_NE((*ds)->warnings[0].find("encoding"), std::string::npos);
}

TEST(SavReader, CodePageWithoutBuiltInTableUsesIconv)
{
    // Character code 1251 (Cyrillic): byte E9 is U+0439.
    auto ds = io::readSavBytes(handMadeFile(false, 1251), "hand.sav");
    ASSERT_TRUE(ds) << ds.error().describe();
    EXPECT_TRUE((*ds)->warnings.empty());
    EXPECT_EQ((*ds)->column(1).text(1), "Zo\xD0\xB9");
}

TEST(SavReader, MultipleResponseSetsInPsppSyntax)
{
    // Category set, dichotomy set with an empty label, and a COUNTEDVALUES set (record 7/19);
    // variables are named by lower-case short names or by long names.
    const std::string plain = "$a=C 10 my mcgroup age name\n$b=D1 1 0  AGE\n";
    const std::string extended = "$e=E 11 6 choice 0  Name\n";
    auto ds = io::readSavBytes(handMadeFile(false, 1252, {{7, plain}, {19, extended}}), "hand.sav");
    ASSERT_TRUE(ds) << ds.error().describe();
    EXPECT_TRUE((*ds)->warnings.empty());
    const auto& sets = (*ds)->multipleResponseSets;
    ASSERT_EQ(sets.size(), 3u);
    EXPECT_EQ(sets[0].name, "a");
    EXPECT_FALSE(sets[0].dichotomy);
    EXPECT_EQ(sets[0].label, "my mcgroup");
    EXPECT_EQ(sets[0].variables, (std::vector<std::string>{"age_years", "Name"}));
    EXPECT_TRUE(sets[1].dichotomy);
    EXPECT_EQ(sets[1].countedValue, "1");
    EXPECT_EQ(sets[1].label, "");
    EXPECT_FALSE(sets[1].labelsFromCountedValues);
    EXPECT_EQ(sets[1].variables, std::vector<std::string>{"age_years"});
    EXPECT_TRUE(sets[2].dichotomy);
    EXPECT_TRUE(sets[2].labelsFromCountedValues);
    EXPECT_EQ(sets[2].countedValue, "choice");
    EXPECT_EQ(sets[2].variables, std::vector<std::string>{"Name"});
}

TEST(SavReader, EncodingChosenByTheUserOverridesTheFile)
{
    // The file says windows-1252 (code page) and then UTF-8 (record 7/20); its byte E9 is Cyrillic text.
    const std::string bytes = handMadeFile(false, 1252, {{20, "UTF-8"}});
    auto asDeclared = io::readSavBytes(bytes, "hand.sav");
    ASSERT_TRUE(asDeclared) << asDeclared.error().describe();
    EXPECT_EQ((*asDeclared)->column(1).text(1), "Zo\xEF\xBF\xBD");

    auto cyrillic = io::readSavBytes(bytes, "hand.sav", nullptr, nullptr, "windows-1251");
    ASSERT_TRUE(cyrillic) << cyrillic.error().describe();
    EXPECT_TRUE((*cyrillic)->warnings.empty());
    EXPECT_EQ((*cyrillic)->column(1).text(1), "Zo\xD0\xB9");
    EXPECT_EQ((*cyrillic)->variable(0).label, "Age");

    // The import dialog's choice reaches the reader through openDataFile.
    const auto path = std::filesystem::path(SL_BINARY_DIR) / "encoding-override.sav";
    std::ofstream(path, std::ios::binary) << bytes;
    io::OpenOptions options;
    options.savEncoding = "windows-1252";
    auto western = io::openDataFile(path.string(), options);
    ASSERT_TRUE(western) << western.error().describe();
    EXPECT_EQ((*western)->column(1).text(1), "Zo\xC3\xA9");
}

TEST(SavReader, UnknownEncodingChosenByTheUserIsAnError)
{
    auto ds = io::readSavBytes(handMadeFile(false), "hand.sav", nullptr, nullptr, "klingon-8");
    ASSERT_FALSE(ds);
    EXPECT_EQ(ds.error().code, ErrorCode::InvalidInput);
    EXPECT_NE(ds.error().message.find("klingon-8"), std::string::npos);
}
