// Damaged or foreign input gives an Error naming the byte, never a crash, hang or huge allocation.
#include "core/io/FileBytes.h"
#include "core/io/SavReader.h"
#include "core/io/SavWriter.h"

#include <gtest/gtest.h>

#include <cstring>
#include <random>

using namespace sl::core;

namespace {

std::string sharedBytes(const std::string& name)
{
    auto bytes = io::readWholeFile(std::string(SL_SHARED_DATA_DIR) + "/" + name);
    EXPECT_TRUE(bytes);
    return bytes ? *bytes : std::string();
}

void expectErrorWithByte(std::string_view bytes, const std::string& what)
{
    auto result = io::readSavBytes(bytes, "bad.sav");
    ASSERT_FALSE(result) << what << " was accepted";
    EXPECT_NE(result.error().where.find("bad.sav, byte "), std::string::npos) << what << ": " << result.error().where;
    EXPECT_FALSE(result.error().message.empty());
}

// Byte where the data of a file starts: after the 999 record and its filler.
size_t dataStart(const std::string& bytes)
{
    auto ds = io::readSavBytes(bytes, "x.sav");
    EXPECT_TRUE(ds);
    // Search for the end-of-dictionary record (999, 0) from the end of the header.
    const char marker[8] = {'\xe7', '\x03', 0, 0, 0, 0, 0, 0};
    const size_t at = bytes.find(std::string_view(marker, 8), 176);
    EXPECT_NE(at, std::string::npos);
    return at + 8;
}

}  // namespace

TEST(SavBadInput, TruncatedDictionaryGivesError)
{
    for (const char* name : {"socialwork_synth.sav", "chile.sav", "survey_design/apiclus1.sav"}) {
        const std::string bytes = sharedBytes(name);
        const size_t start = dataStart(bytes);
        for (size_t cut = 0; cut < start; cut += 97) expectErrorWithByte(std::string_view(bytes).substr(0, cut), std::string(name) + " cut at " + std::to_string(cut));
        expectErrorWithByte(std::string_view(bytes).substr(0, start - 1), "cut before the data");
    }
}

TEST(SavBadInput, TruncatedDataGivesError)
{
    for (const auto compression : {io::SavCompression::None, io::SavCompression::Bytecode, io::SavCompression::Zlib}) {
        auto ds = io::readSavBytes(sharedBytes("chile.sav"), "chile.sav");
        ASSERT_TRUE(ds);
        io::SavWriteOptions options;
        options.compression = compression;
        auto bytes = io::encodeSav(**ds, options);
        ASSERT_TRUE(bytes);
        const size_t start = dataStart(*bytes);
        const size_t span = bytes->size() - start;
        for (size_t k = 1; k < 8; ++k) {
            const size_t cut = start + span * k / 8 + k;
            expectErrorWithByte(std::string_view(*bytes).substr(0, cut), "data cut at " + std::to_string(cut));
        }
    }
}

TEST(SavBadInput, UnknownCaseCountKeepsCompleteCasesOfTruncatedData)
{
    auto ds = io::readSavBytes(sharedBytes("chile.sav"), "chile.sav");
    ASSERT_TRUE(ds);
    io::SavWriteOptions options;
    options.compression = io::SavCompression::None;
    auto bytes = io::encodeSav(**ds, options);
    ASSERT_TRUE(bytes);
    // Case count -1 in the header, and the extended case count record (7/16) turned into an unknown subtype.
    const int32_t unknown = -1;
    std::memcpy(bytes->data() + 80, &unknown, 4);
    const int32_t extended[4] = {7, 16, 8, 2};
    const size_t at = bytes->find(std::string_view(reinterpret_cast<const char*>(extended), 16));
    ASSERT_NE(at, std::string::npos);
    const int32_t otherSubtype = 99;
    std::memcpy(bytes->data() + at + 4, &otherSubtype, 4);

    const size_t caseBytes = (bytes->size() - dataStart(*bytes)) / (*ds)->caseCount();
    auto whole = io::readSavBytes(*bytes, "whole.sav");
    ASSERT_TRUE(whole) << whole.error().describe();
    EXPECT_EQ((*whole)->caseCount(), (*ds)->caseCount());
    EXPECT_TRUE((*whole)->warnings.empty());

    const std::string cut = bytes->substr(0, bytes->size() - caseBytes - caseBytes / 2);
    auto partial = io::readSavBytes(cut, "partial.sav");
    ASSERT_TRUE(partial) << partial.error().describe();
    EXPECT_EQ((*partial)->caseCount(), (*ds)->caseCount() - 2);
    ASSERT_EQ((*partial)->warnings.size(), 1u);
    EXPECT_NE((*partial)->warnings[0].find("byte"), std::string::npos);
}

TEST(SavBadInput, WrongMagicEmptyAndGarbageGiveErrors)
{
    std::string bytes = sharedBytes("chile.sav");
    std::string wrongMagic = bytes;
    wrongMagic[1] = 'X';
    expectErrorWithByte(wrongMagic, "wrong magic");
    expectErrorWithByte("", "empty file");
    expectErrorWithByte(sharedBytes("chile.csv"), "a csv file");

    std::mt19937 random(12345);
    for (int k = 0; k < 20; ++k) {
        std::string garbage(1000 + static_cast<size_t>(k) * 537, '\0');
        for (char& c : garbage) c = static_cast<char>(random());
        expectErrorWithByte(garbage, "random bytes");
        // Garbage behind a valid header and with the $FL2 magic.
        std::string behind = bytes.substr(0, 176) + garbage;
        expectErrorWithByte(behind, "garbage after the header");
    }
}

TEST(SavBadInput, CorruptCountsAndSizesGiveErrors)
{
    // A few variables and cases of a labelled file keep every parse short.
    auto full = io::readSavBytes(sharedBytes("socialwork_synth.sav"), "socialwork_synth.sav");
    ASSERT_TRUE(full);
    const auto few = (*full)->withCases({0, 1, 2});
    std::vector<data::Variable> vars;
    std::vector<data::ColumnPtr> cols;
    for (const char* name : {"respondent_id", "country", "gender", "weight"}) {
        const auto i = few->indexOf(name);
        ASSERT_TRUE(i) << name;
        vars.push_back(few->variable(*i));
        cols.push_back(few->columnPtr(*i));
    }
    auto bytes = io::encodeSav(data::Dataset(std::move(vars), std::move(cols)));
    ASSERT_TRUE(bytes);
    const size_t start = dataStart(*bytes);
    // Overwrite each 4-byte word of the dictionary with absurd values: an error naming the byte or a dataset.
    size_t errors = 0;
    for (size_t at = 64; at + 4 <= start; at += 4) {
        for (int32_t value : {-1, 0x7fffffff, -0x7fffffff}) {
            std::string damaged = *bytes;
            std::memcpy(damaged.data() + at, &value, 4);
            auto result = io::readSavBytes(damaged, "bad.sav");
            if (!result) {
                ++errors;
                EXPECT_NE(result.error().where.find("bad.sav, byte "), std::string::npos);
            }
        }
    }
    EXPECT_GT(errors, 0u);
}

TEST(SavBadInput, CompressionGarbageGivesErrorOrDataset)
{
    const std::string bytes = sharedBytes("gss_cat.sav");
    const size_t start = dataStart(bytes);
    std::mt19937 random(7);
    for (int k = 0; k < 50; ++k) {
        std::string damaged = bytes;
        for (int j = 0; j < 20; ++j) damaged[start + random() % (bytes.size() - start)] = static_cast<char>(random());
        auto result = io::readSavBytes(damaged, "bad.sav");
        if (!result) {
            EXPECT_NE(result.error().where.find("byte"), std::string::npos);
        }
    }
    // An end-of-data code in the middle of a case.
    std::string ended = bytes;
    std::memset(ended.data() + start, 252, 8);
    expectErrorWithByte(ended, "end code at the start of the data");
}

TEST(SavBadInput, MismatchedExtensionIsReported)
{
    // A .sav file holding csv text: readSav reads the bytes, not the extension.
    const std::string path = std::string(SL_BINARY_DIR) + "/tests/io/sav/csv_named.sav";
    ASSERT_TRUE(io::writeFileAtomically(path, sharedBytes("chile.csv")));
    auto result = io::readSav(path);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().where, "csv_named.sav, byte 0");
}
