#pragma once
// Dates in Qualtrics exports: the timestamps as written, and the export's time zone, whose local times are
// converted to UTC with the system's time zone database (/usr/share/zoneinfo).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sl::core::io {

// "2017-11-06 08:51:27" (or with T), or "11/6/2017 8:51" as Excel rewrites it, without surrounding blanks,
// as SPSS seconds (since 14 October 1582), read as wall-clock time.
std::optional<double> parseQualtricsTimestamp(std::string_view text);

// The UTC offsets of one IANA time zone through its history.
class TimeZoneRules {
public:
    // The rules of a zone such as "America/Denver", or nullopt when the name is not in the database.
    static std::optional<TimeZoneRules> load(const std::string& name);

    // The UTC instant of a wall-clock time in this zone, both as SPSS seconds. A time that occurs twice
    // (clocks set back) is the first one; a time skipped (clocks set forward) takes the offset before the change.
    double utcOfLocal(double localSeconds) const;

    // The rule after the last transition, from the POSIX TZ string that ends the file ("EST5EDT,M3.2.0,M11.1.0").
    struct DaylightSaving {
        int32_t offset = 0;  // seconds east of UTC while in force
        int month[2] = {};   // start, end: "M<month>.<week>.<weekday>" (week 5 = the last)
        int week[2] = {};
        int weekday[2] = {};
        int32_t time[2] = {};  // local time of day of the change, in seconds
    };
    struct Rule {
        int32_t standardOffset = 0;  // seconds east of UTC
        std::optional<DaylightSaving> daylight;
    };

private:
    int64_t offsetAt(int64_t unixSeconds) const;

    std::vector<int64_t> m_transitions;  // Unix seconds at which the offset changes
    std::vector<int32_t> m_offsets;      // offset (seconds east of UTC) from each transition on
    int32_t m_initialOffset = 0;         // before the first transition
    std::optional<Rule> m_rule;          // after the last transition; else its offset stays
};

}  // namespace sl::core::io
