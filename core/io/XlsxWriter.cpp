#include "core/io/XlsxWriter.h"

#include "core/io/ColumnInference.h"
#include "core/io/FileBytes.h"

#include <xlsxwriter.h>

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace sl::core::io {

namespace {

constexpr size_t kMaxRows = 1048576;
constexpr size_t kMaxColumns = 16384;
constexpr double kSecondsPerDay = 86400.0;
constexpr double kDaysTo1899 = 115859.0;  // from 14 October 1582 to Excel's day 0, 30 December 1899

std::string valueLabelsText(const data::Variable& variable)
{
    std::string out;
    for (const auto& [value, label] : variable.valueLabels.numeric())
        out += (out.empty() ? "" : "; ") + numberText(value) + " = " + label;
    for (const auto& [value, label] : variable.valueLabels.text())
        out += (out.empty() ? "" : "; ") + value + " = " + label;
    return out;
}

std::string missingText(const data::Variable& variable)
{
    std::string out;
    if (variable.missing.range)
        out = numberText(variable.missing.range->first) + " thru " + numberText(variable.missing.range->second);
    for (double v : variable.missing.values) out += (out.empty() ? "" : "; ") + numberText(v);
    for (const auto& v : variable.missing.textValues) out += (out.empty() ? "" : "; ") + v;
    return out;
}

// Removes the temporary file however the write ends.
class TemporaryFile {
public:
    TemporaryFile()
    {
        std::string pattern = (std::filesystem::temp_directory_path() / "surveylens-xlsx-XXXXXX").string();
        const int fd = mkstemp(pattern.data());
        if (fd >= 0) {
            close(fd);
            m_path = pattern;
        }
    }
    ~TemporaryFile()
    {
        if (!m_path.empty()) std::remove(m_path.c_str());
    }
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;
    const std::string& path() const { return m_path; }

private:
    std::string m_path;
};

class Workbook {
public:
    explicit Workbook(const std::string& path)
    {
        lxw_workbook_options options{};
        options.constant_memory = LXW_TRUE;
        m_workbook = workbook_new_opt(path.c_str(), &options);
    }
    ~Workbook()
    {
        if (m_workbook) workbook_close(m_workbook);
    }
    Workbook(const Workbook&) = delete;
    Workbook& operator=(const Workbook&) = delete;

    lxw_workbook* get() { return m_workbook; }
    lxw_error close()
    {
        const lxw_error status = workbook_close(m_workbook);
        m_workbook = nullptr;
        return status;
    }

private:
    lxw_workbook* m_workbook = nullptr;
};

lxw_error writeData(lxw_workbook* workbook, const data::Dataset& dataset)
{
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, "data");
    lxw_format* bold = workbook_add_format(workbook);
    format_set_bold(bold);
    lxw_format* date = workbook_add_format(workbook);
    format_set_num_format(date, "yyyy-mm-dd");
    lxw_format* dateTime = workbook_add_format(workbook);
    format_set_num_format(dateTime, "yyyy-mm-dd hh:mm:ss");
    lxw_format* time = workbook_add_format(workbook);
    format_set_num_format(time, "[h]:mm:ss");
    worksheet_freeze_panes(sheet, 1, 0);

    std::vector<lxw_format*> formats(dataset.variableCount(), nullptr);
    for (size_t v = 0; v < dataset.variableCount(); ++v) {
        const auto& variable = dataset.variable(v);
        const auto column = static_cast<lxw_col_t>(v);
        if (variable.format.isDate()) formats[v] = date;
        else if (variable.format.isDateTime()) formats[v] = dateTime;
        else if (variable.format.isTime()) formats[v] = time;
        if (lxw_error e = worksheet_write_string(sheet, 0, column, variable.name.c_str(), bold)) return e;
    }
    for (size_t c = 0; c < dataset.caseCount(); ++c) {
        const auto row = static_cast<lxw_row_t>(c + 1);
        for (size_t v = 0; v < dataset.variableCount(); ++v) {
            const auto column = static_cast<lxw_col_t>(v);
            const data::Column& values = dataset.column(v);
            lxw_error e = LXW_NO_ERROR;
            if (values.isString()) {
                const std::string text(values.text(c));
                if (!text.empty()) e = worksheet_write_string(sheet, row, column, text.c_str(), nullptr);
            } else {
                double x = values.number(c);
                if (std::isnan(x)) continue;
                if (formats[v] == date || formats[v] == dateTime) x = x / kSecondsPerDay - kDaysTo1899;
                else if (formats[v] == time) x /= kSecondsPerDay;
                e = worksheet_write_number(sheet, row, column, x, formats[v]);
            }
            if (e) return e;
        }
    }
    return LXW_NO_ERROR;
}

lxw_error writeVariables(lxw_workbook* workbook, const data::Dataset& dataset)
{
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, "variables");
    const char* headers[] = {"name", "label", "type", "measure", "format", "value_labels", "missing"};
    lxw_col_t column = 0;
    for (const char* header : headers)
        if (lxw_error e = worksheet_write_string(sheet, 0, column++, header, nullptr)) return e;
    for (size_t v = 0; v < dataset.variableCount(); ++v) {
        const auto& variable = dataset.variable(v);
        const std::string cells[] = {variable.name,
                                     variable.label,
                                     data::toString(variable.type),
                                     data::toString(variable.measure),
                                     variable.format.spssName(),
                                     valueLabelsText(variable),
                                     missingText(variable)};
        column = 0;
        for (const auto& cell : cells) {
            if (!cell.empty())
                if (lxw_error e = worksheet_write_string(sheet, static_cast<lxw_row_t>(v + 1), column, cell.c_str(),
                                                         nullptr))
                    return e;
            ++column;
        }
    }
    return LXW_NO_ERROR;
}

}  // namespace

Status writeXlsx(const data::Dataset& dataset, const std::string& path)
{
    const std::string name = fileNameOf(path);
    if (dataset.caseCount() + 1 > kMaxRows)
        return makeError(ErrorCode::Unsupported,
                         "An Excel sheet holds at most 1,048,575 cases; save as .sav or .csv instead.", name);
    if (dataset.variableCount() > kMaxColumns || dataset.variableCount() + 1 > kMaxRows)
        return makeError(ErrorCode::Unsupported,
                         "An Excel sheet holds at most 16,384 variables; save as .sav or .csv instead.", name);

    TemporaryFile temporary;
    if (temporary.path().empty())
        return makeError(ErrorCode::Io, "No temporary file can be created to build the workbook.", name);
    {
        Workbook workbook(temporary.path());
        if (!workbook.get()) return makeError(ErrorCode::Io, "The workbook cannot be created.", name);
        lxw_error status = writeData(workbook.get(), dataset);
        if (!status) status = writeVariables(workbook.get(), dataset);
        const lxw_error closed = workbook.close();
        if (!status) status = closed;
        if (status)
            return makeError(ErrorCode::Io,
                             std::string("The workbook cannot be written (") + lxw_strerror(status) + ").", name);
    }
    auto bytes = readWholeFile(temporary.path());
    if (!bytes) return bytes.error();
    return writeFileAtomically(path, *bytes);
}

}  // namespace sl::core::io
