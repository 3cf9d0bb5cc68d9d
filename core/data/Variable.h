#pragma once
// What a variable is: name, labels, type, measure level, missing-value rules, display format.
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sl::core::data {

enum class VariableType { Numeric, String };
enum class MeasureLevel { Nominal, Ordinal, Scale };
enum class Alignment { Left, Right, Center };

const char* toString(MeasureLevel level);
const char* toString(VariableType type);

// SPSS display format: a format type code (5 = F, 1 = A, 20 = DATE, 22 = DATETIME, ...),
// a width and a number of decimals.
struct DisplayFormat {
    int type = 5;
    int width = 8;
    int decimals = 2;

    bool isDate() const;      // a date without time of day
    bool isDateTime() const;  // date and time
    bool isTime() const;      // time or duration
    std::string spssName() const;  // "F8.2", "A20", "DATE11"
    friend bool operator==(const DisplayFormat&, const DisplayFormat&) = default;
};

// SPSS user-missing values: up to three codes, or a range plus one code. Strings: up to three values.
struct MissingSpec {
    std::vector<double> values;
    std::optional<std::pair<double, double>> range;
    std::vector<std::string> textValues;

    bool empty() const { return values.empty() && !range && textValues.empty(); }
    bool isUserMissing(double v) const
    {
        for (double m : values)
            if (v == m) return true;
        return range && v >= range->first && v <= range->second;
    }
    // System-missing (NaN) or user-missing.
    bool isMissing(double v) const { return std::isnan(v) || isUserMissing(v); }
    bool isMissingText(std::string_view s) const;
    friend bool operator==(const MissingSpec&, const MissingSpec&) = default;
};

// Value labels, kept sorted by value.
class ValueLabels {
public:
    void set(double value, std::string label);
    void setText(std::string value, std::string label);
    const std::string* find(double value) const;
    const std::string* findText(std::string_view value) const;
    const std::vector<std::pair<double, std::string>>& numeric() const { return m_numeric; }
    const std::vector<std::pair<std::string, std::string>>& text() const { return m_text; }
    bool empty() const { return m_numeric.empty() && m_text.empty(); }
    size_t size() const { return m_numeric.size() + m_text.size(); }
    friend bool operator==(const ValueLabels&, const ValueLabels&) = default;

private:
    std::vector<std::pair<double, std::string>> m_numeric;
    std::vector<std::pair<std::string, std::string>> m_text;
};

struct Variable {
    std::string name;
    std::string label;
    VariableType type = VariableType::Numeric;
    MeasureLevel measure = MeasureLevel::Scale;
    int stringWidth = 0;  // bytes, for string variables
    DisplayFormat format;
    int displayColumns = 8;  // width of the column in a data grid, in characters
    Alignment alignment = Alignment::Right;
    ValueLabels valueLabels;
    MissingSpec missing;
    // For date-times stored in UTC: the time zone they were recorded in (IANA name such as "America/Denver");
    // empty when unknown or local.
    std::string timeZone;

    bool isNumeric() const { return type == VariableType::Numeric; }
    bool isString() const { return type == VariableType::String; }
    // The label of a value, or nullptr.
    const std::string* labelOf(double value) const { return valueLabels.find(value); }
};

}  // namespace sl::core::data
