// Speed of the operations a user waits for, on a 1,000,000-case x 40-variable survey.
// Run with ./benchmark (Release build).
#include "SyntheticSurvey.h"

#include "core/analysis/Runner.h"
#include "core/io/CsvReader.h"
#include "core/io/CsvWriter.h"
#include "core/io/SavReader.h"
#include "core/io/SavWriter.h"
#include "core/stats/Frequencies.h"

#include <benchmark/benchmark.h>

namespace {

using namespace sl;
constexpr size_t kCases = 1'000'000;

const core::data::Dataset& survey()
{
    static const auto dataset = bench::makeSyntheticSurvey(kCases);
    return *dataset;
}

const std::string& csvBytes()
{
    static const std::string bytes = core::io::encodeCsv(survey());
    return bytes;
}

const std::string& savBytes()
{
    static const std::string bytes = *core::io::encodeSav(survey());
    return bytes;
}

// Bytes the columns need at minimum: 1 per cell of a <=256-code column, 2 up to 65,535, 8 otherwise,
// plus the string bytes.
double minimumColumnBytes(const core::data::Dataset& ds)
{
    double bytes = 0;
    for (size_t v = 0; v < ds.variableCount(); ++v) {
        const auto& c = ds.column(v);
        switch (c.storage()) {
        case core::data::Column::Storage::Codes8: bytes += c.size(); break;
        case core::data::Column::Storage::Codes16: bytes += 2.0 * c.size(); break;
        case core::data::Column::Storage::Doubles: bytes += 8.0 * c.size(); break;
        case core::data::Column::Storage::Strings:
            for (size_t i = 0; i < c.size(); ++i) bytes += c.text(i).size();
            break;
        }
    }
    return bytes;
}

void BM_ReadCsv(benchmark::State& state)
{
    const auto& bytes = csvBytes();
    double ratio = 0;
    for (auto _ : state) {
        auto ds = core::io::readCsvBytes(bytes, "bench.csv");
        if (!ds) state.SkipWithError(ds.error().describe().c_str());
        else ratio = static_cast<double>((*ds)->memoryBytes()) / minimumColumnBytes(**ds);
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes.size()));
    state.counters["MB"] = static_cast<double>(bytes.size()) / 1e6;
    state.counters["memory_ratio"] = ratio;
}
BENCHMARK(BM_ReadCsv)->Unit(benchmark::kMillisecond)->MinTime(2);

// The import dialog's preview of the same file: it reads only the start, whatever the file's size.
void BM_PreviewCsv(benchmark::State& state)
{
    const auto& bytes = csvBytes();
    for (auto _ : state) {
        auto preview = core::io::previewCsvBytes(bytes);
        if (!preview) state.SkipWithError(preview.error().describe().c_str());
        benchmark::DoNotOptimize(preview);
    }
}
BENCHMARK(BM_PreviewCsv)->Unit(benchmark::kMillisecond);

void BM_ReadSav(benchmark::State& state)
{
    const auto& bytes = savBytes();
    double ratio = 0;
    for (auto _ : state) {
        auto ds = core::io::readSavBytes(bytes, "bench.sav");
        if (!ds) state.SkipWithError(ds.error().describe().c_str());
        else ratio = static_cast<double>((*ds)->memoryBytes()) / minimumColumnBytes(**ds);
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes.size()));
    state.counters["MB"] = static_cast<double>(bytes.size()) / 1e6;
    state.counters["memory_ratio"] = ratio;
}
BENCHMARK(BM_ReadSav)->Unit(benchmark::kMillisecond)->MinTime(2);

void BM_WriteSav(benchmark::State& state)
{
    for (auto _ : state) benchmark::DoNotOptimize(core::io::encodeSav(survey()));
}
BENCHMARK(BM_WriteSav)->Unit(benchmark::kMillisecond);

void BM_Frequencies(benchmark::State& state)
{
    const auto mask = core::transform::CaseMask::all(kCases);
    const size_t var = *survey().indexOf("practice_setting");
    for (auto _ : state) benchmark::DoNotOptimize(core::stats::frequencies(survey(), var, mask));
}
BENCHMARK(BM_Frequencies)->Unit(benchmark::kMillisecond);

void runSpec(benchmark::State& state, const char* type, const char* specText)
{
    const auto spec = core::analysis::Json::parse(specText);
    for (auto _ : state) {
        auto result = core::analysis::runAnalysis(survey(), type, spec);
        if (!result) state.SkipWithError(result.error().describe().c_str());
        benchmark::DoNotOptimize(result);
    }
}

void BM_FrequenciesThroughSpec(benchmark::State& state)
{
    runSpec(state, "frequencies", R"({"var": "practice_setting"})");
}
BENCHMARK(BM_FrequenciesThroughSpec)->Unit(benchmark::kMillisecond);

void BM_Crosstab6x2(benchmark::State& state)
{
    runSpec(state, "crosstab", R"({"row": "practice_setting", "col": "ict_any"})");
}
BENCHMARK(BM_Crosstab6x2)->Unit(benchmark::kMillisecond);

// What a user asking for a page of tables waits for: 20 crosstabs with all their statistics (ten 6 x 2 tables of
// practice setting by a yes/no item, ten 5 x 2 tables of a Likert item by any ICT use).
void BM_TwentyCrosstabs(benchmark::State& state)
{
    std::vector<core::analysis::Json> specs;
    specs.push_back(core::analysis::Json{{"row", "practice_setting"}, {"col", "ict_any"}});
    for (int i = 3; i <= 27; i += 3)
        specs.push_back(core::analysis::Json{{"row", "practice_setting"}, {"col", "item_" + std::to_string(i)}});
    for (int i = 1; specs.size() < 20; ++i)
        if (i % 3 != 0) specs.push_back(core::analysis::Json{{"row", "item_" + std::to_string(i)}, {"col", "ict_any"}});
    for (auto _ : state) {
        for (const auto& spec : specs) {
            auto result = core::analysis::runAnalysis(survey(), "crosstab", spec);
            if (!result) state.SkipWithError(result.error().describe().c_str());
            benchmark::DoNotOptimize(result);
        }
    }
}
BENCHMARK(BM_TwentyCrosstabs)->Unit(benchmark::kMillisecond);

void BM_FilteredCrosstab(benchmark::State& state)
{
    runSpec(state, "crosstab",
            R"({"row": "practice_setting", "col": "ict_any", "filter": [{"var": "country", "op": "in", "values": [1]}]})");
}
BENCHMARK(BM_FilteredCrosstab)->Unit(benchmark::kMillisecond);

void BM_Ols(benchmark::State& state)
{
    runSpec(state, "ols", R"({"dependent": "score", "predictors": ["age", "years_experience", "practice_setting"],
                             "categorical": {"practice_setting": {"reference": "last"}}})");
}
BENCHMARK(BM_Ols)->Unit(benchmark::kMillisecond);

void BM_Logistic(benchmark::State& state)
{
    runSpec(state, "logistic", R"({"dependent": "ict_any", "predictors": ["age", "years_experience", "practice_setting", "country"],
                                  "categorical": {"practice_setting": {"reference": "last"}}})");
}
BENCHMARK(BM_Logistic)->Unit(benchmark::kMillisecond);

// Design-based estimates: 1,000,000 cases, 100 strata, 2,000 PSUs (Taylor linearisation).
constexpr const char* kDesign = R"("design": {"weight": "weight", "strata": "stratum", "cluster": "psu", "nest": true})";

void BM_SurveyMean(benchmark::State& state)
{
    runSpec(state, "svy_mean", (std::string(R"({"vars": ["score"], )") + kDesign + "}").c_str());
}
BENCHMARK(BM_SurveyMean)->Unit(benchmark::kMillisecond);

void BM_SurveyLogistic(benchmark::State& state)
{
    runSpec(state, "svy_logistic",
            (std::string(R"({"dependent": "ict_any", "predictors": ["age", "years_experience", "practice_setting", "country"],
                            "categorical": {"practice_setting": {"reference": "last"}}, )") + kDesign + "}").c_str());
}
BENCHMARK(BM_SurveyLogistic)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
