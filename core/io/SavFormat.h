#pragma once
// Record types and fixed values of SPSS system files (GNU PSPP developer guide, "System File Format").
#include <cfloat>
#include <cstdint>
#include <cstring>

namespace sl::core::io::sav {

inline constexpr int kHeaderBytes = 176;
inline constexpr int kVariableRecord = 2;
inline constexpr int kValueLabelRecord = 3;
inline constexpr int kValueLabelVariablesRecord = 4;
inline constexpr int kDocumentRecord = 6;
inline constexpr int kExtensionRecord = 7;
inline constexpr int kDictionaryEnd = 999;

// Subtypes of extension records (type 7).
inline constexpr int kIntegerInfo = 3;
inline constexpr int kFloatInfo = 4;
inline constexpr int kMultipleResponseSets = 7;
inline constexpr int kDisplayParameters = 11;
inline constexpr int kLongNames = 13;
inline constexpr int kVeryLongStrings = 14;
inline constexpr int kExtendedCaseCount = 16;
inline constexpr int kExtendedMultipleResponseSets = 19;
inline constexpr int kEncodingName = 20;
inline constexpr int kLongStringValueLabels = 21;
inline constexpr int kLongStringMissingValues = 22;

// Bytecode compression.
inline constexpr uint8_t kCodeSkip = 0;
inline constexpr uint8_t kCodeEnd = 252;
inline constexpr uint8_t kCodeRaw = 253;
inline constexpr uint8_t kCodeSpaces = 254;
inline constexpr uint8_t kCodeSysmis = 255;
inline constexpr double kDefaultBias = 100.0;

// Strings wider than 255 bytes are split into segments of 255 bytes, each carrying 252 bytes of width.
inline constexpr int kMaxShortString = 255;
inline constexpr int kSegmentWidth = 252;

inline constexpr double kSysmisValue = -DBL_MAX;
inline constexpr double kHighest = DBL_MAX;
inline const double kLowest = [] {
    const uint64_t bits = 0xffeffffffffffffeULL;  // the double just above -DBL_MAX (system-missing)
    double d;
    std::memcpy(&d, &bits, 8);
    return d;
}();

// zlib blocks of a .zsav hold at most this many uncompressed bytes.
inline constexpr int kZlibBlockSize = 0x3ff000;

// Reverses the byte order (std::byteswap arrives with C++23).
inline uint32_t byteSwap(uint32_t v) { return __builtin_bswap32(v); }
inline uint64_t byteSwap(uint64_t v) { return __builtin_bswap64(v); }

inline int segmentCount(int width) { return width <= kMaxShortString ? 1 : (width + kSegmentWidth - 1) / kSegmentWidth; }
// Width declared by segment i of a string of the given width.
inline int segmentWidth(int width, int i)
{
    if (width <= kMaxShortString) return width;
    return i < segmentCount(width) - 1 ? kMaxShortString : width - i * kSegmentWidth;
}
// Bytes of the string held by segment i.
inline int segmentUsedBytes(int width, int i)
{
    if (width <= kMaxShortString) return width;
    const int rest = width - kMaxShortString * i;
    return rest < 0 ? 0 : (rest < kMaxShortString ? rest : kMaxShortString);
}
// 8-byte slots of a variable record of the given width (0 = numeric).
inline int slotsOf(int width) { return width == 0 ? 1 : (width + 7) / 8; }

}  // namespace sl::core::io::sav
