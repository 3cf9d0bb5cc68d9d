#include "core/io/DataDictionary.h"

#include "core/io/ColumnInference.h"
#include "core/io/CsvReader.h"
#include "core/io/FileBytes.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <optional>

namespace sl::core::io {

namespace {

constexpr size_t kMaxMissingCodes = 3;

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::optional<double> parseNumber(std::string_view s)
{
    s = trim(s);
    if (!s.empty() && s.front() == '+') s.remove_prefix(1);
    double value = 0;
    const auto result = std::from_chars(s.data(), s.data() + s.size(), value);
    if (s.empty() || result.ec != std::errc() || result.ptr != s.data() + s.size()) return std::nullopt;
    return value;
}

// The text of a dictionary cell, whether the CSV reader typed its column as text or numbers.
std::string cellText(const data::Dataset& table, std::optional<size_t> column, size_t row)
{
    if (!column) return {};
    const data::Column& values = table.column(*column);
    if (values.isString()) return std::string(trim(values.text(row)));
    const double v = values.number(row);
    return std::isnan(v) ? std::string() : numberText(v);
}

// What the dictionary says about one variable.
struct Entry {
    std::string label;
    std::vector<std::pair<double, std::string>> labels;
    std::vector<std::pair<std::string, std::string>> textLabels;  // non-numeric values (string variables)
    std::vector<double> missing;
};

// A text column of labels or numbers as numeric codes; nullptr when some cell is neither.
data::ColumnPtr codesOf(const data::Column& column, const Entry& entry, std::string& unknown)
{
    std::map<std::string, double, std::less<>> codeOfLabel;
    for (const auto& [code, label] : entry.labels) codeOfLabel.emplace(label, code);
    std::vector<double> codes(column.size(), data::kSysmis);
    for (size_t c = 0; c < column.size(); ++c) {
        const std::string_view text = trim(column.text(c));
        if (text.empty()) continue;
        if (auto it = codeOfLabel.find(text); it != codeOfLabel.end()) {
            codes[c] = it->second;
        } else if (auto number = parseNumber(text)) {
            codes[c] = *number;
        } else {
            unknown = std::string(text);
            return nullptr;
        }
    }
    return data::Column::fromDoubles(std::move(codes));
}

}  // namespace

Expected<data::DatasetPtr> applyDataDictionary(const data::Dataset& dataset, std::string_view dictionaryBytes,
                                               const std::string& dictionaryName)
{
    auto parsed = readCsvBytes(dictionaryBytes, dictionaryName);
    if (!parsed) return parsed.error();
    const data::Dataset& table = **parsed;
    const auto variableColumn = table.indexOf("variable");
    const auto valueColumn = table.indexOf("value");
    if (!variableColumn || !valueColumn)
        return makeError(ErrorCode::InvalidInput,
                         "A data dictionary needs the columns variable and value (and variable_label, value_label, "
                         "user_missing).",
                         dictionaryName + ", line 1");
    const auto variableLabelColumn = table.indexOf("variable_label");
    const auto valueLabelColumn = table.indexOf("value_label");
    const auto missingColumn = table.indexOf("user_missing");

    std::map<size_t, Entry> entries;  // by variable index in the dataset
    std::vector<std::string> unknownNames;
    for (size_t row = 0; row < table.caseCount(); ++row) {
        const std::string name = cellText(table, variableColumn, row);
        if (name.empty()) continue;
        const auto index = dataset.indexOf(name);
        if (!index) {
            if (std::find(unknownNames.begin(), unknownNames.end(), name) == unknownNames.end())
                unknownNames.push_back(name);
            continue;
        }
        Entry& entry = entries[*index];
        if (std::string label = cellText(table, variableLabelColumn, row); !label.empty()) entry.label = label;
        const std::string value = cellText(table, valueColumn, row);
        if (value.empty()) continue;
        const std::string valueLabel = cellText(table, valueLabelColumn, row);
        const bool missing = cellText(table, missingColumn, row) == "1";
        if (auto code = parseNumber(value)) {
            entry.labels.emplace_back(*code, valueLabel);
            if (missing) entry.missing.push_back(*code);
        } else {
            entry.textLabels.emplace_back(value, valueLabel);
        }
    }

    std::vector<data::Variable> variables = dataset.variables();
    std::vector<data::ColumnPtr> columns;
    for (size_t i = 0; i < dataset.variableCount(); ++i) columns.push_back(dataset.columnPtr(i));
    std::vector<std::string> warnings = dataset.warnings;
    for (const auto& [index, entry] : entries) {
        data::Variable& variable = variables[index];
        if (!entry.label.empty()) variable.label = entry.label;
        if (variable.isString() && entry.textLabels.empty() && !entry.labels.empty()) {
            std::string unknown;
            if (auto codes = codesOf(*columns[index], entry, unknown)) {
                const std::vector<double> values = codes->toDoubles();
                columns[index] = codes;
                variable.type = data::VariableType::Numeric;
                variable.stringWidth = 0;
                variable.format = {5, 8, decimalsNeeded(values)};
                variable.alignment = data::Alignment::Right;
                variable.measure = data::MeasureLevel::Nominal;
            } else {
                warnings.push_back(variable.name + ": the value \"" + unknown +
                                   "\" is not in the dictionary, so the variable stays text.");
            }
        }
        if (variable.isString()) {
            for (const auto& [value, label] : entry.textLabels) variable.valueLabels.setText(value, label);
            for (const auto& [value, label] : entry.labels) variable.valueLabels.setText(numberText(value), label);
            continue;
        }
        for (const auto& [value, label] : entry.labels) variable.valueLabels.set(value, label);
        if (!entry.labels.empty() && variable.measure == data::MeasureLevel::Scale)
            variable.measure = data::MeasureLevel::Nominal;
        if (!entry.missing.empty()) {
            std::vector<double> missing = entry.missing;
            std::sort(missing.begin(), missing.end());
            missing.erase(std::unique(missing.begin(), missing.end()), missing.end());
            variable.missing = {};
            if (missing.size() <= kMaxMissingCodes) {
                variable.missing.values = missing;
            } else {
                variable.missing.range = std::make_pair(missing.front(), missing.back());
                warnings.push_back(variable.name + ": more than three missing codes; all values from " +
                                   numberText(missing.front()) + " to " + numberText(missing.back()) +
                                   " are treated as missing.");
            }
        }
    }
    if (!unknownNames.empty()) {
        std::string list;
        for (size_t i = 0; i < unknownNames.size() && i < 10; ++i) list += (i ? ", " : "") + unknownNames[i];
        if (unknownNames.size() > 10) list += ", ...";
        warnings.push_back("The dictionary describes " + std::to_string(unknownNames.size()) +
                           " variable(s) the data do not have: " + list + ".");
    }
    auto result = std::make_shared<data::Dataset>(std::move(variables), std::move(columns));
    result->warnings = std::move(warnings);
    result->multipleResponseSets = dataset.multipleResponseSets;
    result->fileLabel = dataset.fileLabel;
    result->weightVariable = dataset.weightVariable;
    return data::DatasetPtr(std::move(result));
}

Expected<data::DatasetPtr> applyDataDictionaryFile(const data::Dataset& dataset, const std::string& path)
{
    auto bytes = readWholeFile(path);
    if (!bytes) return bytes.error();
    return applyDataDictionary(dataset, *bytes, fileNameOf(path));
}

}  // namespace sl::core::io
