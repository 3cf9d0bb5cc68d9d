#include "core/io/TextEncoding.h"

#include <gtest/gtest.h>

using namespace sl::core::io;

TEST(TextEncoding, StripsUtf8BomOnly)
{
    EXPECT_EQ(withoutUtf8Bom("\xEF\xBB\xBF" "a,b"), "a,b");
    EXPECT_EQ(withoutUtf8Bom("a,b"), "a,b");
    EXPECT_EQ(withoutUtf8Bom("\xEF\xBB"), "\xEF\xBB");
}

TEST(TextEncoding, RecognisesUtf16Bom)
{
    EXPECT_TRUE(hasUtf16Bom("\xFF\xFE" "a"));
    EXPECT_TRUE(hasUtf16Bom("\xFE\xFF" "a"));
    EXPECT_FALSE(hasUtf16Bom("\xEF\xBB\xBF"));
}

TEST(TextEncoding, AcceptsWellFormedUtf8)
{
    EXPECT_TRUE(isValidUtf8("plain ascii text that is longer than eight bytes"));
    EXPECT_TRUE(isValidUtf8("Montr\xC3\xA9" "al \xE2\x82\xAC \xF0\x9F\x98\x80"));
    EXPECT_TRUE(isValidUtf8(""));
}

TEST(TextEncoding, RejectsMalformedUtf8)
{
    EXPECT_FALSE(isValidUtf8("caf\xE9"));                  // windows-1252 e-acute
    EXPECT_FALSE(isValidUtf8("\xC0\xAF"));                  // overlong slash
    EXPECT_FALSE(isValidUtf8("\xED\xA0\x80"));              // surrogate
    EXPECT_FALSE(isValidUtf8("\xF4\x90\x80\x80"));          // above U+10FFFF
    EXPECT_FALSE(isValidUtf8("abc\xE2\x82"));               // truncated at the end
}

TEST(TextEncoding, RepairReplacesEachInvalidByteAndLocatesTheFirst)
{
    EXPECT_FALSE(repairUtf8("valid \xC3\xA9").has_value());
    auto repair = repairUtf8("a,b\n\xC3\xA9t\xE9,x\xFF\n");
    ASSERT_TRUE(repair.has_value());
    EXPECT_EQ(repair->text, "a,b\n\xC3\xA9t\xEF\xBF\xBD,x\xEF\xBF\xBD\n");
    EXPECT_EQ(repair->replacements, 2u);
    EXPECT_EQ(repair->firstLine, 2u);
    EXPECT_EQ(repair->firstColumn, 3u);
    EXPECT_TRUE(isValidUtf8(repair->text));
}

TEST(TextEncoding, RecognisesLegacySingleByteText)
{
    EXPECT_TRUE(looksLikeWindows1252("caf\xE9 cr\xE8me"));
    EXPECT_FALSE(looksLikeWindows1252("caf\xC3\xA9 and \xE9"));  // real UTF-8 with one bad byte
    EXPECT_FALSE(looksLikeWindows1252("plain ascii"));
}

TEST(TextEncoding, ConvertsWindows1252ToUtf8)
{
    EXPECT_EQ(windows1252ToUtf8("a\xE9\x80\x99\xFF\x81"), "a\xC3\xA9\xE2\x82\xAC\xE2\x84\xA2\xC3\xBF\xC2\x81");
}

TEST(TextEncoding, ConvertsLatin1ToUtf8ByteForByte)
{
    EXPECT_EQ(latin1ToUtf8("a\xE9\x80\xFF"), "a\xC3\xA9\xC2\x80\xC3\xBF");
}

TEST(TextEncoding, RecognisesUtf16WithoutByteOrderMark)
{
    bool bigEndian = true;
    EXPECT_TRUE(looksLikeUtf16(std::string("a\0,\0b\0\n\0", 8), bigEndian));
    EXPECT_FALSE(bigEndian);
    EXPECT_TRUE(looksLikeUtf16(std::string("\0a\0,\0b\0\n", 8), bigEndian));
    EXPECT_TRUE(bigEndian);
    EXPECT_FALSE(looksLikeUtf16("a,b\n1,2\n", bigEndian));
    EXPECT_FALSE(looksLikeUtf16(std::string("a,b\n1\0\0\0", 8), bigEndian));
}

TEST(TextEncoding, ConvertsUtf16ToUtf8AndReplacesBrokenUnits)
{
    size_t replacements = 0;
    // "é€" then U+1F600 (a surrogate pair), little-endian.
    EXPECT_EQ(utf16ToUtf8(std::string("\xE9\0\xAC\x20\x3D\xD8\x00\xDE", 8), false, replacements),
              "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80");
    EXPECT_EQ(replacements, 0u);
    // A low surrogate alone, then a trailing odd byte, big-endian.
    EXPECT_EQ(utf16ToUtf8(std::string("\xDC\x00\x00x\x01", 5), true, replacements),
              "\xEF\xBF\xBDx\xEF\xBF\xBD");
    EXPECT_EQ(replacements, 2u);
}
