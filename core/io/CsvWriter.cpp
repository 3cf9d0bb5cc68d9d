#include "core/io/CsvWriter.h"

#include "core/io/FileBytes.h"

#include <charconv>
#include <cmath>

namespace sl::core::io {

namespace {

// Quotes a cell holding a quote, a line break or any delimiter a reader might sniff,
// so that the file reads back the same whatever delimiter it is given.
void appendText(std::string& out, std::string_view text)
{
    if (text.find_first_of("\",;\t|\r\n") == std::string_view::npos) {
        out.append(text);
        return;
    }
    out.push_back('"');
    for (char c : text) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
}

void appendNumber(std::string& out, double value)
{
    if (std::isnan(value)) return;
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, result.ptr);
}

}  // namespace

std::string encodeCsv(const data::Dataset& dataset, char delimiter, CsvValues values)
{
    std::string out;
    out.reserve((dataset.caseCount() + 1) * (dataset.variableCount() * 4 + 1));
    for (size_t v = 0; v < dataset.variableCount(); ++v) {
        if (v) out.push_back(delimiter);
        appendText(out, dataset.variable(v).name);
    }
    out.push_back('\n');
    for (size_t c = 0; c < dataset.caseCount(); ++c) {
        const size_t rowStart = out.size();
        for (size_t v = 0; v < dataset.variableCount(); ++v) {
            if (v) out.push_back(delimiter);
            const data::Column& column = dataset.column(v);
            const data::Variable& variable = dataset.variable(v);
            if (column.isString()) {
                const std::string_view text = column.text(c);
                const std::string* label = values == CsvValues::Labels ? variable.valueLabels.findText(text) : nullptr;
                appendText(out, label ? std::string_view(*label) : text);
            } else {
                const double number = column.number(c);
                const std::string* label = values == CsvValues::Labels ? variable.labelOf(number) : nullptr;
                if (label) appendText(out, *label);
                else appendNumber(out, number);
            }
        }
        if (out.size() == rowStart) out.append("\"\"");  // a blank line would be skipped on reading
        out.push_back('\n');
    }
    return out;
}

Status writeCsv(const data::Dataset& dataset, const std::string& path, char delimiter, CsvValues values)
{
    return writeFileAtomically(path, encodeCsv(dataset, delimiter, values));
}

}  // namespace sl::core::io
