#include "SyntheticSurvey.h"

#include <cmath>
#include <cstdint>
#include <string>

namespace sl::bench {

namespace {
// splitmix64: small, fast and identical on every platform.
struct Random {
    uint64_t state;
    uint64_t next()
    {
        uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    int code(int levels) { return 1 + static_cast<int>(next() % static_cast<uint64_t>(levels)); }
};
}  // namespace

core::data::DatasetPtr makeSyntheticSurvey(size_t cases, unsigned seed)
{
    using namespace core::data;
    Random rng{seed};
    std::vector<Variable> vars;
    std::vector<ColumnPtr> cols;

    auto addCategorical = [&](const std::string& name, int levels, double missingRate) {
        Variable v;
        v.name = name;
        v.measure = MeasureLevel::Nominal;
        v.format = {5, 2, 0};
        for (int k = 1; k <= levels; ++k) v.valueLabels.set(k, "Level " + std::to_string(k));
        NumericColumnBuilder b;
        b.reserve(cases);
        for (size_t i = 0; i < cases; ++i)
            b.append(rng.uniform() < missingRate ? kSysmis : rng.code(levels));
        vars.push_back(v);
        cols.push_back(b.finish());
    };
    auto addScale = [&](const std::string& name, double mean, double sd, int decimals) {
        Variable v;
        v.name = name;
        v.measure = MeasureLevel::Scale;
        v.format = {5, 8, decimals};
        const double scale = std::pow(10.0, decimals);
        NumericColumnBuilder b;
        b.reserve(cases);
        for (size_t i = 0; i < cases; ++i) {
            // Sum of uniforms: close enough to normal for timing purposes.
            double z = 0;
            for (int k = 0; k < 4; ++k) z += rng.uniform();
            b.append(std::round((mean + sd * (z - 2) * 1.7) * scale) / scale);
        }
        vars.push_back(v);
        cols.push_back(b.finish());
    };

    addCategorical("country", 2, 0);
    addCategorical("age_group", 5, 0.01);
    addCategorical("gender", 3, 0.01);
    addCategorical("practice_setting", 6, 0.02);
    addCategorical("ict_any", 2, 0.02);
    for (int i = 1; i <= 27; ++i) addCategorical("item_" + std::to_string(i), i % 3 == 0 ? 2 : 5, 0.02);
    // A sampling design: 100 strata of 20 PSUs each (2,000 PSUs), cases in consecutive blocks.
    {
        Variable stratum;
        stratum.name = "stratum";
        stratum.measure = MeasureLevel::Nominal;
        stratum.format = {5, 3, 0};
        Variable psu;
        psu.name = "psu";
        psu.measure = MeasureLevel::Nominal;
        psu.format = {5, 2, 0};
        NumericColumnBuilder strata, psus;
        strata.reserve(cases);
        psus.reserve(cases);
        for (size_t i = 0; i < cases; ++i) {
            const size_t block = i * 2000 / cases;  // 0..1999
            strata.append(static_cast<double>(block / 20 + 1));
            psus.append(static_cast<double>(block % 20 + 1));
        }
        vars.push_back(stratum);
        cols.push_back(strata.finish());
        vars.push_back(psu);
        cols.push_back(psus.finish());
    }
    addScale("age", 44, 11, 0);
    addScale("years_experience", 15, 9, 1);
    addScale("income", 62000, 15000, 2);
    addScale("score", 50, 10, 3);
    {
        Variable v;
        v.name = "weight";
        v.format = {5, 8, 4};
        NumericColumnBuilder b;
        b.reserve(cases);
        for (size_t i = 0; i < cases; ++i) b.append(std::round((0.4 + 2.1 * rng.uniform()) * 1e4) / 1e4);
        vars.push_back(v);
        cols.push_back(b.finish());
    }
    {
        Variable v;
        v.name = "region_code";
        v.type = VariableType::String;
        v.stringWidth = 3;
        v.format = {1, 3, 0};
        v.measure = MeasureLevel::Nominal;
        StringColumnBuilder b;
        b.reserve(cases, cases * 3);
        const char* regions[] = {"ON", "QC", "BC", "AB", "NY", "CA", "TX"};
        for (size_t i = 0; i < cases; ++i) b.append(regions[rng.next() % 7]);
        vars.push_back(v);
        cols.push_back(b.finish());
    }
    return std::make_shared<Dataset>(std::move(vars), std::move(cols));
}

}  // namespace sl::bench
