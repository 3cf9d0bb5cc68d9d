// libFuzzer entry point shared by every parser target. Each target is this file compiled with
// SL_FUZZ_TARGET naming one function of the table below; a new parser joins with one line.
#include "core/io/CsvReader.h"
#include "core/io/QualtricsReader.h"
#include "core/io/ReadStatReader.h"
#include "core/io/SavReader.h"
#include "core/io/XlsxReader.h"
#ifdef SL_FUZZ_ANALYSES
#include "core/analysis/Runner.h"
#endif

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace {

using namespace sl::core;

void fuzzSav(std::string_view bytes) { (void)io::readSavBytes(bytes, "fuzz.sav"); }

void fuzzCsv(std::string_view bytes) { (void)io::readCsvBytes(bytes, "fuzz.csv"); }

void fuzzXlsx(std::string_view bytes) { (void)io::readXlsxBytes(bytes, "fuzz.xlsx"); }

void fuzzQualtrics(std::string_view bytes) { (void)io::readQualtricsBytes(bytes, "fuzz.csv"); }

// ReadStat reads from a path: each input is written to a file in memory (/dev/shm), removed after reading.
void readThroughFile(std::string_view bytes, io::FileFormat format, const char* extension)
{
    static const std::string path = "/dev/shm/surveylens-fuzz-" + std::to_string(getpid()) + "." + extension;
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (!file) return;
    std::fwrite(bytes.data(), 1, bytes.size(), file);
    std::fclose(file);
    (void)io::readWithReadStat(path, format);
    std::remove(path.c_str());
}

void fuzzDta(std::string_view bytes) { readThroughFile(bytes, io::FileFormat::Stata, "dta"); }

void fuzzPor(std::string_view bytes) { readThroughFile(bytes, io::FileFormat::SpssPortable, "por"); }

void fuzzSas7bdat(std::string_view bytes) { readThroughFile(bytes, io::FileFormat::Sas, "sas7bdat"); }

#ifdef SL_FUZZ_ANALYSES
// A spec run against a small fixed dataset: exercises the JSON parser, filters and every analysis.
void fuzzSpec(std::string_view bytes)
{
    static const data::DatasetPtr dataset = [] {
        auto ds = io::readCsvBytes("a,b,c,w\n1,2,3.5,1\n2,1,4.5,2\n1,1,,0.5\n2,2,7,1\n1,2,1,3\n2,1,2,1\n", "fixed.csv");
        return ds ? *ds : nullptr;
    }();
    auto json = analysis::parseJson(bytes, "fuzz.json");
    if (!json || !dataset) return;
    if (json->is_object() && json->contains("analyses"))
        (void)analysis::runAnalysisList(*dataset, (*json)["analyses"]);
}
#endif

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    SL_FUZZ_TARGET(bytes);
    return 0;
}
