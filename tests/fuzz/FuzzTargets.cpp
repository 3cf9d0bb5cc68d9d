// libFuzzer entry point shared by every parser target. Each target is this file compiled with
// SL_FUZZ_TARGET naming one function of the table below; a new parser joins with one line.
#include "core/analysis/Runner.h"
#include "core/io/CsvReader.h"
#include "core/io/SavReader.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

using namespace sl::core;

void fuzzSav(std::string_view bytes) { (void)io::readSavBytes(bytes, "fuzz.sav"); }

void fuzzCsv(std::string_view bytes) { (void)io::readCsvBytes(bytes, "fuzz.csv"); }

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

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    SL_FUZZ_TARGET(bytes);
    return 0;
}
