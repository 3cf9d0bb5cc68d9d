#include "ReadStatSav.h"

#include <readstat.h>

#include <cmath>
#include <limits>

namespace sl::test {

namespace {

ReadStatFile& fileOf(void* ctx) { return *static_cast<ReadStatFile*>(ctx); }

int onMetadata(readstat_metadata_t* metadata, void* ctx)
{
    fileOf(ctx).rows = readstat_get_row_count(metadata);
    return READSTAT_HANDLER_OK;
}

int onVariable(int, readstat_variable_t* variable, const char* labelSet, void* ctx)
{
    ReadStatVariable v;
    const auto text = [](const char* s) { return s ? std::string(s) : std::string(); };
    v.name = text(readstat_variable_get_name(variable));
    v.label = text(readstat_variable_get_label(variable));
    v.format = text(readstat_variable_get_format(variable));
    v.isString = readstat_variable_get_type_class(variable) == READSTAT_TYPE_CLASS_STRING;
    v.measure = readstat_variable_get_measure(variable);
    v.labelSet = text(labelSet);
    for (int k = 0; k < readstat_variable_get_missing_ranges_count(variable); ++k) {
        const readstat_value_t lo = readstat_variable_get_missing_range_lo(variable, k);
        const readstat_value_t hi = readstat_variable_get_missing_range_hi(variable, k);
        if (v.isString)
            v.missingText.emplace_back(text(readstat_string_value(lo)), text(readstat_string_value(hi)));
        else
            v.missingRanges.emplace_back(readstat_double_value(lo), readstat_double_value(hi));
    }
    fileOf(ctx).variables.push_back(std::move(v));
    return READSTAT_HANDLER_OK;
}

int onValue(int, readstat_variable_t* variable, readstat_value_t value, void* ctx)
{
    ReadStatVariable& v = fileOf(ctx).variables[static_cast<size_t>(readstat_variable_get_index(variable))];
    if (v.isString) {
        const char* s = readstat_string_value(value);
        v.texts.emplace_back(s ? s : "");
    } else {
        v.numbers.push_back(readstat_value_is_system_missing(value) ? std::numeric_limits<double>::quiet_NaN()
                                                                     : readstat_double_value(value));
    }
    return READSTAT_HANDLER_OK;
}

int onValueLabel(const char* labelSet, readstat_value_t value, const char* label, void* ctx)
{
    if (readstat_value_type_class(value) == READSTAT_TYPE_CLASS_STRING)
        fileOf(ctx).textLabels[labelSet].emplace_back(readstat_string_value(value), label);
    else
        fileOf(ctx).numericLabels[labelSet].emplace_back(readstat_double_value(value), label);
    return READSTAT_HANDLER_OK;
}

}  // namespace

ReadStatFile readWithReadStat(const std::string& path)
{
    ReadStatFile file;
    readstat_parser_t* parser = readstat_parser_init();
    readstat_set_metadata_handler(parser, onMetadata);
    readstat_set_variable_handler(parser, onVariable);
    readstat_set_value_handler(parser, onValue);
    readstat_set_value_label_handler(parser, onValueLabel);
    const readstat_error_t rc = readstat_parse_sav(parser, path.c_str(), &file);
    readstat_parser_free(parser);
    file.ok = rc == READSTAT_OK;
    if (!file.ok) file.error = readstat_error_message(rc);
    return file;
}

}  // namespace sl::test
