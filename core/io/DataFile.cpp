#include "core/io/DataFile.h"

#include "core/io/CsvReader.h"
#include "core/io/CsvWriter.h"
#include "core/io/FileBytes.h"
#include "core/io/QualtricsReader.h"
#include "core/io/ReadStatReader.h"
#include "core/io/SavReader.h"
#include "core/io/SavWriter.h"
#include "core/io/XlsxReader.h"
#include "core/io/XlsxWriter.h"

namespace sl::core::io {

const char* toString(FileFormat format)
{
    switch (format) {
    case FileFormat::Sav: return "sav";
    case FileFormat::Zsav: return "zsav";
    case FileFormat::Csv: return "csv";
    case FileFormat::Tsv: return "tsv";
    case FileFormat::Stata: return "dta";
    case FileFormat::Sas: return "sas7bdat";
    case FileFormat::SpssPortable: return "por";
    case FileFormat::Xlsx: return "xlsx";
    case FileFormat::Unknown: return "unknown";
    }
    return "unknown";
}

FileFormat detectFormat(const std::string& path, std::string_view head)
{
    if (head.substr(0, 4) == "$FL2") return FileFormat::Sav;
    if (head.substr(0, 4) == "$FL3") return FileFormat::Zsav;
    if (head.substr(0, 4) == std::string_view("PK\x03\x04", 4)) return FileFormat::Xlsx;
    // OLE2 compound file: an Excel 97-2003 or password-protected workbook, refused by the .xlsx reader.
    if (head.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) return FileFormat::Xlsx;
    if (head.substr(0, 11) == "<stata_dta>") return FileFormat::Stata;
    const std::string ext = extensionOf(path);
    if (ext == "dta") return FileFormat::Stata;
    if (ext == "sas7bdat") return FileFormat::Sas;
    if (ext == "por") return FileFormat::SpssPortable;
    if (ext == "tsv" || ext == "tab") return FileFormat::Tsv;
    if (ext == "sav" || ext == "zsav" || ext == "xlsx") return FileFormat::Unknown;  // wrong content
    return FileFormat::Csv;
}

Expected<data::DatasetPtr> openDataFile(const std::string& path, const OpenOptions& options)
{
    auto bytes = readWholeFile(path);
    if (!bytes) return bytes.error();
    const std::string name = fileNameOf(path);
    const FileFormat format = detectFormat(path, std::string_view(*bytes).substr(0, 16));
    switch (format) {
    case FileFormat::Sav:
    case FileFormat::Zsav:
        return readSavBytes(*bytes, name, options.progress, options.cancel, options.savEncoding);
    case FileFormat::Csv:
    case FileFormat::Tsv: {
        CsvOptions csv = options.csv;
        if (format == FileFormat::Tsv && csv.delimiter == 0) csv.delimiter = '\t';
        csv.progress = options.progress;
        csv.cancel = options.cancel;
        // A Qualtrics export is recognised by its header rows (the first megabyte is plenty).
        if (qualtricsHeaderOf(std::string_view(*bytes).substr(0, 1 << 20)))
            return readQualtricsBytes(*bytes, name, csv, options.qualtrics);
        return readCsvBytes(*bytes, name, csv);
    }
    case FileFormat::Stata:
    case FileFormat::Sas:
    case FileFormat::SpssPortable:
        return readWithReadStat(path, format, options.progress, options.cancel);
    case FileFormat::Xlsx: {
        XlsxOptions xlsx = options.xlsx;
        xlsx.progress = options.progress;
        xlsx.cancel = options.cancel;
        return readXlsxBytes(*bytes, name, xlsx);
    }
    case FileFormat::Unknown:
        return makeError(ErrorCode::InvalidInput,
                         "The file's content does not match its extension ." + extensionOf(path) +
                             " (it does not start like an SPSS or Excel file).",
                         name + ", byte 0");
    default:
        return makeError(ErrorCode::Unsupported,
                         std::string("Files of format ") + toString(format) + " cannot be opened yet.", name);
    }
}

Status saveDataFile(const data::Dataset& dataset, const std::string& path, CsvValues csvValues)
{
    const std::string ext = extensionOf(path);
    if (ext == "sav") return writeSav(dataset, path);
    if (ext == "zsav") {
        SavWriteOptions options;
        options.compression = SavCompression::Zlib;
        return writeSav(dataset, path, options);
    }
    if (ext == "csv") return writeCsv(dataset, path, ',', csvValues);
    if (ext == "tsv" || ext == "tab") return writeCsv(dataset, path, '\t', csvValues);
    if (ext == "xlsx") return writeXlsx(dataset, path);
    return makeError(ErrorCode::Unsupported, "Cannot save as ." + ext + ": use .sav, .zsav, .csv, .tsv or .xlsx.",
                     path);
}

}  // namespace sl::core::io
