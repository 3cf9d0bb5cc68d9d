// Speed of opening a 1,000,000-case Excel workbook, in MB/s of worksheet XML (the unpacked size of the sheet
// part, which is what the reader parses). The goal is at least 20 MB/s. Like every rate of Google Benchmark it
// divides by the CPU time of the process, so other programs on a busy machine do not lower it.
#include "SyntheticSurvey.h"

#include "core/io/FileBytes.h"
#include "core/io/XlsxReader.h"
#include "core/io/XlsxWriter.h"

#include <benchmark/benchmark.h>
#include <unzip.h>

#include <filesystem>

namespace {

using namespace sl;
constexpr size_t kCases = 1'000'000;
// A mix of the synthetic survey's kinds: small codes, design codes, decimals, a weight and a short string.
const char* const kColumns[] = {"country", "age_group",        "gender", "item_1", "item_2", "stratum", "psu",
                                "age",     "years_experience", "income", "score",  "weight", "region_code"};

struct Workbook {
    std::string bytes;
    uint64_t sheetXmlBytes = 0;
};

uint64_t unpackedSize(const std::string& path, const char* entry)
{
    unzFile zip = unzOpen64(path.c_str());
    if (!zip) return 0;
    unz_file_info64 info{};
    const bool found = unzLocateFile(zip, entry, 1) == UNZ_OK &&
                       unzGetCurrentFileInfo64(zip, &info, nullptr, 0, nullptr, 0, nullptr, 0) == UNZ_OK;
    unzClose(zip);
    return found ? info.uncompressed_size : 0;
}

// Written once per run with the project's own writer; its "data" sheet is the first worksheet.
const Workbook& workbook()
{
    static const Workbook book = [] {
        const auto survey = bench::makeSyntheticSurvey(kCases);
        std::vector<core::data::Variable> variables;
        std::vector<core::data::ColumnPtr> columns;
        for (const char* name : kColumns) {
            const size_t v = *survey->indexOf(name);
            variables.push_back(survey->variable(v));
            columns.push_back(survey->columnPtr(v));
        }
        const core::data::Dataset subset(std::move(variables), std::move(columns));
        const std::string path = (std::filesystem::temp_directory_path() / "surveylens-bench.xlsx").string();
        Workbook result;
        if (core::io::writeXlsx(subset, path)) {
            result.sheetXmlBytes = unpackedSize(path, "xl/worksheets/sheet1.xml");
            if (auto bytes = core::io::readWholeFile(path)) result.bytes = std::move(*bytes);
        }
        std::filesystem::remove(path);
        return result;
    }();
    return book;
}

void BM_ReadXlsx(benchmark::State& state)
{
    const Workbook& book = workbook();
    if (book.bytes.empty() || book.sheetXmlBytes == 0) {
        state.SkipWithError("The benchmark workbook could not be written.");
        return;
    }
    for (auto _ : state) {
        auto ds = core::io::readXlsxBytes(book.bytes, "bench.xlsx");
        if (!ds) state.SkipWithError(ds.error().describe().c_str());
        else if ((*ds)->caseCount() != kCases) state.SkipWithError("The workbook did not read back every case.");
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * book.sheetXmlBytes));
    state.counters["sheet_xml_MB"] = static_cast<double>(book.sheetXmlBytes) / 1e6;
    state.counters["file_MB"] = static_cast<double>(book.bytes.size()) / 1e6;
}
BENCHMARK(BM_ReadXlsx)->Unit(benchmark::kMillisecond)->MinTime(2);

}  // namespace
