#pragma once
// JSON as the analysis spec and result format use it (member order kept as written).
#include <cmath>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace sl::core::analysis {

using Json = nlohmann::ordered_json;

// A number, or null when it is not finite (JSON has no NaN).
inline Json number(double v) { return std::isfinite(v) ? Json(v) : Json(nullptr); }

// A count: an integer when it is whole (unweighted), else a double.
inline Json count(double v)
{
    if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 9e15) return Json(static_cast<long long>(v));
    return number(v);
}

inline Json numberArray(const std::vector<double>& values)
{
    Json out = Json::array();
    for (double v : values) out.push_back(number(v));
    return out;
}

// {"statistic", "df", "p"}
inline Json testJson(double statistic, double df, double p)
{
    return Json{{"statistic", number(statistic)}, {"df", number(df)}, {"p", number(p)}};
}

// Adds a sentence to result["notes"]: what could not be computed and why.
inline void addNote(Json& result, const std::string& sentence)
{
    Json& notes = result["notes"];
    if (!notes.is_array()) notes = Json::array();
    notes.push_back(sentence);
}

}  // namespace sl::core::analysis
