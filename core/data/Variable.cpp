#include "core/data/Variable.h"

#include <algorithm>

namespace sl::core::data {

const char* toString(MeasureLevel level)
{
    switch (level) {
    case MeasureLevel::Nominal: return "nominal";
    case MeasureLevel::Ordinal: return "ordinal";
    case MeasureLevel::Scale: return "scale";
    }
    return "scale";
}

const char* toString(VariableType type)
{
    return type == VariableType::String ? "string" : "numeric";
}

namespace {
struct FormatName {
    int type;
    const char* name;
};
constexpr FormatName kFormatNames[] = {
    {1, "A"},        {2, "AHEX"},    {3, "COMMA"},   {4, "DOLLAR"},  {5, "F"},
    {6, "IB"},       {7, "PIBHEX"},  {8, "P"},       {9, "PIB"},     {10, "PK"},
    {11, "RB"},      {12, "RBHEX"},  {15, "Z"},      {16, "N"},      {17, "E"},
    {20, "DATE"},    {21, "TIME"},   {22, "DATETIME"}, {23, "ADATE"}, {24, "JDATE"},
    {25, "DTIME"},   {26, "WKDAY"},  {27, "MONTH"},  {28, "MOYR"},   {29, "QYR"},
    {30, "WKYR"},    {31, "PCT"},    {32, "DOT"},    {33, "CCA"},    {34, "CCB"},
    {35, "CCC"},     {36, "CCD"},    {37, "CCE"},    {38, "EDATE"},  {39, "SDATE"},
    {40, "MTIME"},   {41, "YMDHMS"},
};
}  // namespace

bool DisplayFormat::isDate() const
{
    switch (type) {
    case 20: case 23: case 24: case 28: case 29: case 30: case 38: case 39: return true;
    default: return false;
    }
}

bool DisplayFormat::isDateTime() const { return type == 22 || type == 41; }
bool DisplayFormat::isTime() const { return type == 21 || type == 25 || type == 40; }

std::string DisplayFormat::spssName() const
{
    const char* name = "F";
    for (const auto& f : kFormatNames)
        if (f.type == type) name = f.name;
    std::string out = name + std::to_string(width);
    if (type != 1 && type != 2 && !isDate() && !isDateTime() && !isTime() && type != 26 && type != 27)
        out += "." + std::to_string(decimals);
    return out;
}

bool MissingSpec::isMissingText(std::string_view s) const
{
    // SPSS compares string missing values with trailing blanks ignored.
    auto trim = [](std::string_view v) {
        while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
        return v;
    };
    const auto t = trim(s);
    for (const auto& m : textValues)
        if (trim(m) == t) return true;
    return false;
}

void ValueLabels::set(double value, std::string label)
{
    auto it = std::lower_bound(m_numeric.begin(), m_numeric.end(), value,
                               [](const auto& p, double v) { return p.first < v; });
    if (it != m_numeric.end() && it->first == value)
        it->second = std::move(label);
    else
        m_numeric.insert(it, {value, std::move(label)});
}

void ValueLabels::setText(std::string value, std::string label)
{
    auto it = std::lower_bound(m_text.begin(), m_text.end(), value,
                               [](const auto& p, const std::string& v) { return p.first < v; });
    if (it != m_text.end() && it->first == value)
        it->second = std::move(label);
    else
        m_text.insert(it, {std::move(value), std::move(label)});
}

const std::string* ValueLabels::find(double value) const
{
    auto it = std::lower_bound(m_numeric.begin(), m_numeric.end(), value,
                               [](const auto& p, double v) { return p.first < v; });
    if (it != m_numeric.end() && it->first == value) return &it->second;
    return nullptr;
}

const std::string* ValueLabels::findText(std::string_view value) const
{
    while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
    for (const auto& [v, l] : m_text) {
        std::string_view t = v;
        while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
        if (t == value) return &l;
    }
    return nullptr;
}

}  // namespace sl::core::data
