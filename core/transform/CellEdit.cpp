#include "core/transform/CellEdit.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <optional>
#include <string_view>
#include <system_error>
#include <vector>

namespace sl::core::transform {

using data::Column;
using data::ColumnPtr;

namespace {

ColumnPtr numbersWith(const Column& column, size_t caseIndex, double value)
{
    data::NumericColumnBuilder builder;
    builder.reserve(column.size());
    for (size_t i = 0; i < column.size(); ++i) builder.append(i == caseIndex ? value : column.number(i));
    return builder.finish();
}

ColumnPtr textsWith(const Column& column, size_t caseIndex, const std::string& value)
{
    data::StringColumnBuilder builder;
    size_t bytes = value.size();
    for (size_t i = 0; i < column.size(); ++i) bytes += column.text(i).size();
    builder.reserve(column.size(), bytes);
    for (size_t i = 0; i < column.size(); ++i) {
        if (i == caseIndex)
            builder.append(value);
        else
            builder.append(column.text(i));
    }
    return builder.finish();
}

// A number with `decimals` digits after the point, halves rounded away from zero as SPSS's F format
// writes them; empty for system-missing.
std::string numberText(double value, int decimals)
{
    if (std::isnan(value)) return {};
    decimals = std::clamp(decimals, 0, 16);
    const double scale = std::pow(10.0, decimals);
    const double rounded = std::round(value * scale) / scale;
    if (std::isfinite(rounded)) value = rounded;
    char buffer[400];
    const auto written = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, decimals);
    return written.ec == std::errc() ? std::string(buffer, written.ptr) : std::string();
}

// The number a text stands for: digits with an optional sign, point and exponent, around spaces.
std::optional<double> textNumber(std::string_view text)
{
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    if (text.empty()) return std::nullopt;
    double value = 0;
    const auto read = std::from_chars(text.data(), text.data() + text.size(), value);
    if (read.ec != std::errc() || read.ptr != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
    return value;
}

Expected<TypeChange> toText(const data::Dataset& dataset, size_t v, int stringWidth)
{
    data::Variable var = dataset.variable(v);
    const Column& column = dataset.column(v);
    const int decimals = var.format.decimals;
    std::vector<std::string> texts(column.size());
    size_t widest = 1;
    for (size_t i = 0; i < column.size(); ++i) {
        texts[i] = numberText(column.number(i), decimals);
        widest = std::max(widest, texts[i].size());
    }
    data::ValueLabels labels;
    for (const auto& [value, label] : var.valueLabels.numeric()) {
        labels.setText(numberText(value, decimals), label);
        widest = std::max(widest, numberText(value, decimals).size());
    }
    data::MissingSpec missing;
    for (double value : var.missing.values) missing.textValues.push_back(numberText(value, decimals));
    var.type = data::VariableType::String;
    var.stringWidth = std::max(stringWidth, static_cast<int>(widest));
    var.format = {1, var.stringWidth, 0};
    var.alignment = data::Alignment::Left;
    if (var.measure == data::MeasureLevel::Scale) var.measure = data::MeasureLevel::Nominal;
    var.valueLabels = std::move(labels);
    var.missing = std::move(missing);
    return TypeChange{dataset.withVariable(std::move(var), Column::fromStrings(texts)), 0};
}

Expected<TypeChange> toNumbers(const data::Dataset& dataset, size_t v)
{
    data::Variable var = dataset.variable(v);
    const Column& column = dataset.column(v);
    data::NumericColumnBuilder builder;
    builder.reserve(column.size());
    size_t unreadable = 0;
    bool fractions = false;
    for (size_t i = 0; i < column.size(); ++i) {
        const auto value = textNumber(column.text(i));
        if (!value && !column.text(i).empty()) ++unreadable;
        fractions = fractions || (value && *value != std::floor(*value));
        builder.append(value ? *value : data::kSysmis);
    }
    data::ValueLabels labels;
    for (const auto& [text, label] : var.valueLabels.text())
        if (const auto value = textNumber(text)) labels.set(*value, label);
    data::MissingSpec missing;
    for (const auto& text : var.missing.textValues)
        if (const auto value = textNumber(text)) missing.values.push_back(*value);
    var.type = data::VariableType::Numeric;
    var.stringWidth = 0;
    var.format = {5, 8, fractions ? 2 : 0};
    var.alignment = data::Alignment::Right;
    var.valueLabels = std::move(labels);
    var.missing = std::move(missing);
    return TypeChange{dataset.withVariable(std::move(var), builder.finish()), unreadable};
}

}  // namespace

Expected<TypeChange> withVariableType(const data::Dataset& dataset, size_t variable, data::VariableType type,
                                      int stringWidth)
{
    if (variable >= dataset.variableCount())
        return makeError(ErrorCode::NotFound, "There is no variable number " + std::to_string(variable + 1) + ".");
    const data::Variable& var = dataset.variable(variable);
    if (var.type == type) return TypeChange{std::make_shared<data::Dataset>(dataset), 0};
    if (type == data::VariableType::String) {
        if (stringWidth < 1 || stringWidth > 32767)
            return makeError(ErrorCode::InvalidInput, "A string width must be from 1 to 32767 bytes.",
                             "variable " + var.name);
        return toText(dataset, variable, stringWidth);
    }
    return toNumbers(dataset, variable);
}

Expected<data::DatasetPtr> withCellValue(const data::Dataset& dataset, size_t variable, size_t caseIndex,
                                         const CellValue& value)
{
    if (variable >= dataset.variableCount())
        return makeError(ErrorCode::NotFound, "There is no variable number " + std::to_string(variable + 1) + ".");
    const data::Variable& var = dataset.variable(variable);
    const std::string where = "variable " + var.name;
    if (caseIndex >= dataset.caseCount())
        return makeError(ErrorCode::NotFound, "There is no case " + std::to_string(caseIndex + 1) + ".", where);
    const Column& column = dataset.column(variable);

    ColumnPtr edited;
    if (column.isString()) {
        const auto* text = std::get_if<std::string>(&value);
        if (!text) return makeError(ErrorCode::InvalidInput, var.name + " holds text, not numbers.", where);
        if (var.stringWidth > 0 && text->size() > static_cast<size_t>(var.stringWidth))
            return makeError(ErrorCode::InvalidInput,
                             var.name + " holds at most " + std::to_string(var.stringWidth) + " bytes; this text has " +
                                 std::to_string(text->size()) + ".",
                             where);
        edited = textsWith(column, caseIndex, *text);
    } else {
        const auto* number = std::get_if<double>(&value);
        if (!number) return makeError(ErrorCode::InvalidInput, var.name + " holds numbers, not text.", where);
        if (std::isinf(*number)) return makeError(ErrorCode::InvalidInput, "A value must be a finite number.", where);
        edited = numbersWith(column, caseIndex, *number);
    }
    return dataset.withVariable(var, std::move(edited));
}

CellValue cellValue(const data::Dataset& dataset, size_t variable, size_t caseIndex)
{
    const Column& column = dataset.column(variable);
    if (column.isString()) return std::string(column.text(caseIndex));
    return column.number(caseIndex);
}

}  // namespace sl::core::transform
