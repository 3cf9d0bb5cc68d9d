#include "core/io/QualtricsDates.h"

#include "core/io/FileBytes.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

namespace sl::core::io {

namespace {

constexpr int64_t kSecondsPerDay = 86400;
constexpr int64_t kDaysFrom1582To1970 = 141428;  // SPSS epoch (14 October 1582) to 1 January 1970
constexpr int64_t kSpssSecondsAt1970 = kDaysFrom1582To1970 * kSecondsPerDay;
constexpr const char* kZoneFolder = "/usr/share/zoneinfo/";

int64_t daysFromCivil(int64_t y, int64_t m, int64_t d)
{
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const int64_t yoe = y - era * 400;
    const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

// A zone name safe to look up as a file: letters, digits, '_', '-', '+' and '/' between parts, no "..".
bool isZoneName(const std::string& name)
{
    if (name.empty() || name.front() == '/' || name.find("..") != std::string::npos) return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
               c == '+' || c == '/';
    });
}

int64_t bigEndian(std::string_view bytes, size_t offset, size_t size)
{
    uint64_t value = 0;
    for (size_t i = 0; i < size; ++i) value = (value << 8) | static_cast<unsigned char>(bytes[offset + i]);
    if (size == 4) return static_cast<int32_t>(static_cast<uint32_t>(value));
    return static_cast<int64_t>(value);
}

// A POSIX TZ string such as "EST5EDT,M3.2.0,M11.1.0" or "<+1030>-10:30<+11>-11,M10.1.0,M4.1.0"; nullopt for
// forms not used by the time zone database (Julian-day rules).
std::optional<TimeZoneRules::Rule> posixRuleOf(std::string_view text)
{
    size_t p = 0;
    auto skipName = [&] {
        const size_t begin = p;
        if (p < text.size() && text[p] == '<') {
            p = text.find('>', p);
            if (p == std::string_view::npos) return false;
            ++p;
            return true;
        }
        while (p < text.size() && ((text[p] >= 'A' && text[p] <= 'Z') || (text[p] >= 'a' && text[p] <= 'z'))) ++p;
        return p - begin >= 3;
    };
    auto number = [&](int& out) {
        const auto result = std::from_chars(text.data() + p, text.data() + text.size(), out);
        if (result.ec != std::errc() || out < 0) return false;
        p = static_cast<size_t>(result.ptr - text.data());
        return true;
    };
    // [+-]hh[:mm[:ss]] in seconds.
    auto duration = [&](int32_t& out) {
        int sign = 1;
        if (p < text.size() && (text[p] == '+' || text[p] == '-')) sign = text[p++] == '-' ? -1 : 1;
        int parts[3] = {};
        for (int i = 0; i < 3; ++i) {
            if (i > 0 && (p >= text.size() || text[p] != ':')) break;
            if (i > 0) ++p;
            if (!number(parts[i])) return false;
        }
        out = sign * (parts[0] * 3600 + parts[1] * 60 + parts[2]);
        return true;
    };
    TimeZoneRules::Rule rule;
    int32_t west = 0;  // POSIX offsets count hours west of UTC
    if (!skipName() || !duration(west)) return std::nullopt;
    rule.standardOffset = -west;
    if (p == text.size()) return rule;
    TimeZoneRules::DaylightSaving daylight;
    if (!skipName()) return std::nullopt;
    daylight.offset = rule.standardOffset + 3600;
    if (p < text.size() && text[p] != ',') {
        if (!duration(west)) return std::nullopt;
        daylight.offset = -west;
    }
    for (int i = 0; i < 2; ++i) {
        if (p + 1 >= text.size() || text[p] != ',' || text[p + 1] != 'M') return std::nullopt;
        p += 2;
        if (!number(daylight.month[i]) || p >= text.size() || text[p++] != '.' || !number(daylight.week[i]) ||
            p >= text.size() || text[p++] != '.' || !number(daylight.weekday[i]))
            return std::nullopt;
        if (daylight.month[i] < 1 || daylight.month[i] > 12 || daylight.week[i] < 1 || daylight.week[i] > 5 ||
            daylight.weekday[i] > 6)
            return std::nullopt;
        daylight.time[i] = 7200;
        if (p < text.size() && text[p] == '/') {
            ++p;
            if (!duration(daylight.time[i])) return std::nullopt;
        }
    }
    if (p != text.size()) return std::nullopt;
    rule.daylight = daylight;
    return rule;
}

// Days since 1970 of the day a rule "M<month>.<week>.<weekday>" names in `year`.
int64_t dayOfRule(int64_t year, int month, int week, int weekday)
{
    static constexpr int kMonthDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int length = kMonthDays[month - 1] + (month == 2 && leap ? 1 : 0);
    const int64_t first = daysFromCivil(year, month, 1);
    const int64_t firstWeekday = ((first + 4) % 7 + 7) % 7;  // 1 January 1970 was a Thursday
    int64_t day = 1 + (weekday - firstWeekday + 7) % 7 + (week - 1) * 7;
    while (day > length) day -= 7;
    return first + day - 1;
}

// The civil year of a count of days since 1970.
int64_t yearOfDays(int64_t days)
{
    days += 719468;
    const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const int64_t doe = days - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;
    return yoe + era * 400 + (mp >= 10 ? 1 : 0);
}

}  // namespace

std::optional<double> parseQualtricsTimestamp(std::string_view s)
{
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
    const int64_t days = daysFromCivil(year, month, day) + kDaysFrom1582To1970;
    return static_cast<double>(days * kSecondsPerDay + hour * 3600 + minute * 60 + second);
}

std::optional<TimeZoneRules> TimeZoneRules::load(const std::string& name)
{
    if (!isZoneName(name)) return std::nullopt;
    auto file = readWholeFile(kZoneFolder + name);
    if (!file) return std::nullopt;
    const std::string_view bytes = *file;
    constexpr size_t kHeader = 44;
    // One data block: counts from its header, then transition times, their types, and the types' offsets.
    struct Counts {
        int64_t isUt, isStd, leap, times, types, chars;
    };
    auto countsAt = [&](size_t offset) -> std::optional<Counts> {
        if (bytes.size() < offset + kHeader || bytes.substr(offset, 4) != "TZif") return std::nullopt;
        Counts c{};
        int64_t* fields[] = {&c.isUt, &c.isStd, &c.leap, &c.times, &c.types, &c.chars};
        for (size_t i = 0; i < 6; ++i) *fields[i] = bigEndian(bytes, offset + 20 + 4 * i, 4);
        if (c.types < 1 || c.times < 0 || c.leap < 0 || c.chars < 0 || c.isUt < 0 || c.isStd < 0) return std::nullopt;
        return c;
    };
    auto blockSize = [](const Counts& c, size_t timeSize) {
        return static_cast<size_t>(c.times) * (timeSize + 1) + static_cast<size_t>(c.types) * 6 +
               static_cast<size_t>(c.chars) + static_cast<size_t>(c.leap) * (timeSize + 4) +
               static_cast<size_t>(c.isStd + c.isUt);
    };
    auto first = countsAt(0);
    if (!first) return std::nullopt;
    size_t offset = kHeader;
    size_t timeSize = 4;
    Counts counts = *first;
    if (bytes[4] >= '2') {  // version 2 and later repeat the data with 64-bit times after the first block
        auto second = countsAt(kHeader + blockSize(*first, 4));
        if (!second) return std::nullopt;
        offset = 2 * kHeader + blockSize(*first, 4);
        timeSize = 8;
        counts = *second;
    }
    if (bytes.size() < offset + blockSize(counts, timeSize)) return std::nullopt;

    const auto times = static_cast<size_t>(counts.times);
    const size_t typeIndexes = offset + times * timeSize;
    const size_t typeInfos = typeIndexes + times;
    auto offsetOfType = [&](size_t type) { return static_cast<int32_t>(bigEndian(bytes, typeInfos + type * 6, 4)); };
    TimeZoneRules rules;
    rules.m_initialOffset = offsetOfType(0);
    for (size_t i = 0; i < times; ++i) {
        const auto type = static_cast<unsigned char>(bytes[typeIndexes + i]);
        if (type >= counts.types) return std::nullopt;
        rules.m_transitions.push_back(bigEndian(bytes, offset + i * timeSize, timeSize));
        rules.m_offsets.push_back(offsetOfType(type));
    }
    if (timeSize == 8) {  // the footer: "\n<POSIX TZ string>\n"
        const std::string_view footer = bytes.substr(offset + blockSize(counts, timeSize));
        if (footer.size() >= 2 && footer.front() == '\n') {
            const size_t end = footer.find('\n', 1);
            if (end != std::string_view::npos) rules.m_rule = posixRuleOf(footer.substr(1, end - 1));
        }
    }
    return rules;
}

int64_t TimeZoneRules::offsetAt(int64_t unixSeconds) const
{
    const auto next = std::upper_bound(m_transitions.begin(), m_transitions.end(), unixSeconds);
    if (next != m_transitions.end() || !m_rule) {
        if (next == m_transitions.begin()) return m_initialOffset;
        return m_offsets[static_cast<size_t>(next - m_transitions.begin() - 1)];
    }
    const Rule& rule = *m_rule;
    if (!rule.daylight) return rule.standardOffset;
    const DaylightSaving& dst = *rule.daylight;
    const int64_t local = unixSeconds + rule.standardOffset;
    const int64_t year = yearOfDays(local / kSecondsPerDay - (local % kSecondsPerDay < 0 ? 1 : 0));
    // The changes in UTC: daylight saving starts at a standard local time and ends at a daylight one.
    const int64_t start = dayOfRule(year, dst.month[0], dst.week[0], dst.weekday[0]) * kSecondsPerDay + dst.time[0] -
                          rule.standardOffset;
    const int64_t end =
        dayOfRule(year, dst.month[1], dst.week[1], dst.weekday[1]) * kSecondsPerDay + dst.time[1] - dst.offset;
    const bool daylight = start < end ? unixSeconds >= start && unixSeconds < end
                                      : unixSeconds < end || unixSeconds >= start;
    return daylight ? dst.offset : rule.standardOffset;
}

double TimeZoneRules::utcOfLocal(double localSeconds) const
{
    const auto local = static_cast<int64_t>(std::floor(localSeconds)) - kSpssSecondsAt1970;
    const double fraction = localSeconds - std::floor(localSeconds);
    // The offsets a day before and after bracket any change near this time; the first that fits wins.
    const int64_t before = offsetAt(local - kSecondsPerDay);
    const int64_t after = offsetAt(local + kSecondsPerDay);
    int64_t utc = local - before;
    if (offsetAt(utc) != before && offsetAt(local - after) == after) utc = local - after;
    return static_cast<double>(utc + kSpssSecondsAt1970) + fraction;
}

}  // namespace sl::core::io
