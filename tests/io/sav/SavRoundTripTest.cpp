// Writing a dataset and reading it back gives the same dataset, in every compression.
#include "ReadStatSav.h"

#include "core/io/FileBytes.h"
#include "core/io/SavReader.h"
#include "core/io/SavWriter.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <set>

using namespace sl::core;

namespace {

void expectSameDataset(const data::Dataset& a, const data::Dataset& b)
{
    ASSERT_EQ(a.caseCount(), b.caseCount());
    ASSERT_EQ(a.variableCount(), b.variableCount());
    EXPECT_EQ(a.fileLabel, b.fileLabel);
    EXPECT_EQ(a.weightVariable, b.weightVariable);
    ASSERT_EQ(a.multipleResponseSets.size(), b.multipleResponseSets.size());
    for (size_t k = 0; k < a.multipleResponseSets.size(); ++k) {
        const auto& x = a.multipleResponseSets[k];
        const auto& y = b.multipleResponseSets[k];
        EXPECT_EQ(x.name, y.name);
        EXPECT_EQ(x.label, y.label);
        EXPECT_EQ(x.dichotomy, y.dichotomy);
        EXPECT_EQ(x.countedValue, y.countedValue);
        EXPECT_EQ(x.labelsFromCountedValues, y.labelsFromCountedValues);
        EXPECT_EQ(x.variables, y.variables);
    }
    for (size_t i = 0; i < a.variableCount(); ++i) {
        const data::Variable& x = a.variable(i);
        const data::Variable& y = b.variable(i);
        SCOPED_TRACE(x.name);
        EXPECT_EQ(x.name, y.name);
        EXPECT_EQ(x.label, y.label);
        EXPECT_EQ(x.type, y.type);
        EXPECT_EQ(x.measure, y.measure);
        EXPECT_EQ(x.stringWidth, y.stringWidth);
        EXPECT_EQ(x.format, y.format);
        EXPECT_EQ(x.displayColumns, y.displayColumns);
        EXPECT_EQ(x.alignment, y.alignment);
        EXPECT_EQ(x.valueLabels, y.valueLabels);
        EXPECT_EQ(x.missing, y.missing);
        size_t mismatches = 0;
        for (size_t c = 0; c < a.caseCount(); ++c) {
            if (x.isString()) {
                mismatches += a.column(i).text(c) != b.column(i).text(c);
            } else {
                const double p = a.column(i).number(c), q = b.column(i).number(c);
                mismatches += !(p == q || (std::isnan(p) && std::isnan(q)));
            }
        }
        EXPECT_EQ(mismatches, 0u);
    }
}

// A dataset with the features that are easy to lose: long names, a very long string, labelled
// long strings, missing ranges, non-ASCII text, dates, negative and fractional numbers, MR sets.
data::DatasetPtr featureDataset()
{
    std::vector<data::Variable> vars;
    std::vector<data::ColumnPtr> cols;

    data::Variable score;
    score.name = "satisfaction_score_overall";
    score.label = "Zufriedenheit insgesamt (Skala 1\xE2\x80\x93" "5)";
    score.measure = data::MeasureLevel::Ordinal;
    score.format = {5, 8, 0};
    score.valueLabels.set(1, "sehr unzufrieden");
    score.valueLabels.set(5, "sehr zufrieden");
    score.valueLabels.set(-9, "Keine Angabe");
    score.missing.values = {-9, 98};
    vars.push_back(score);
    cols.push_back(data::Column::fromDoubles({1, 5, -9, data::kSysmis, 3, 98}));

    data::Variable income;
    income.name = "income";
    income.format = {5, 10, 2};
    income.missing.range = std::make_pair(-std::numeric_limits<double>::infinity(), -1.0);
    income.missing.values = {999999};
    vars.push_back(income);
    cols.push_back(data::Column::fromDoubles({1234.56, -0.5, 1e12, 251.0, -100.0, data::kSysmis}));

    data::Variable born;
    born.name = "born";
    born.format = {20, 11, 0};
    vars.push_back(born);
    cols.push_back(data::Column::fromDoubles({13000000000.0, 12000000000.5, data::kSysmis, 0, 1, 2}));

    data::Variable city;
    city.name = "City";
    city.type = data::VariableType::String;
    city.stringWidth = 12;
    city.format = {1, 12, 0};
    city.measure = data::MeasureLevel::Nominal;
    city.alignment = data::Alignment::Left;
    city.valueLabels.setText("Z\xC3\xBCrich", "largest city");
    city.missing.textValues = {"none", "n/a"};
    vars.push_back(city);
    cols.push_back(data::Column::fromStrings({"Z\xC3\xBCrich", "", "Gen\xC3\xA8ve", "none", "a b", "Basel"}));

    data::Variable code;
    code.name = "code";
    code.type = data::VariableType::String;
    code.stringWidth = 3;
    code.format = {1, 3, 0};
    code.measure = data::MeasureLevel::Nominal;
    code.alignment = data::Alignment::Center;
    code.valueLabels.setText("x", "ex");
    code.missing.textValues = {"?", "na"};
    vars.push_back(code);
    cols.push_back(data::Column::fromStrings({"x", "y", "?", "", "na", "zz"}));

    data::Variable comment;
    comment.name = "comment_open_text";
    comment.type = data::VariableType::String;
    comment.stringWidth = 600;
    comment.format = {1, 600, 0};
    comment.measure = data::MeasureLevel::Nominal;
    comment.alignment = data::Alignment::Left;
    comment.displayColumns = 40;
    vars.push_back(comment);
    std::string longText;
    for (int k = 0; k < 60; ++k) longText += " w\xC3\xB6rd " + std::to_string(k);
    cols.push_back(data::Column::fromStrings({longText.substr(0, 589), "short", "", std::string(255, 'a'), std::string(256, 'b'), std::string(510, 'c') + "d"}));

    for (int k = 1; k <= 3; ++k) {
        data::Variable ict;
        ict.name = "ict_channel_" + std::to_string(k);
        ict.format = {5, 1, 0};
        ict.measure = data::MeasureLevel::Nominal;
        ict.valueLabels.set(1, "Selected");
        vars.push_back(ict);
        cols.push_back(data::Column::fromDoubles({1, 0, 1, 0, 1, static_cast<double>(k % 2)}));
    }
    data::Variable weight;
    weight.name = "weight";
    weight.format = {5, 8, 4};
    vars.push_back(weight);
    cols.push_back(data::Column::fromDoubles({1.1, 0.9, 1.0, 2.5, 0.25, 1.0}));

    auto ds = std::make_shared<data::Dataset>(std::move(vars), std::move(cols));
    ds->fileLabel = "Round trip \xC3\xA9t\xC3\xA9";
    ds->weightVariable = "weight";
    data::MultipleResponseSet ict{"ict", "Channels used", true, "1", false, {"ict_channel_1", "ict_channel_2", "ict_channel_3"}};
    data::MultipleResponseSet ictCounted{"ict_counted", "", true, "1", true, {"ict_channel_1", "ict_channel_3"}};
    data::MultipleResponseSet category{"places", "Places", false, "", false, {"City", "code"}};
    // Sets with CATEGORYLABELS=COUNTEDVALUES live in their own record, after the others.
    ds->multipleResponseSets = {ict, category, ictCounted};
    return ds;
}

const io::SavCompression kCompressions[] = {io::SavCompression::None, io::SavCompression::Bytecode,
                                            io::SavCompression::Zlib};

void expectRoundTrip(const data::Dataset& original)
{
    for (const auto compression : kCompressions) {
        SCOPED_TRACE(static_cast<int>(compression));
        io::SavWriteOptions options;
        options.compression = compression;
        auto bytes = io::encodeSav(original, options);
        ASSERT_TRUE(bytes) << bytes.error().describe();
        auto back = io::readSavBytes(*bytes, "roundtrip.sav");
        ASSERT_TRUE(back) << back.error().describe();
        EXPECT_TRUE((*back)->warnings.empty()) << (*back)->warnings.front();
        expectSameDataset(original, **back);
    }
}

std::string scratchPath(const std::string& name)
{
    const auto folder = std::filesystem::path(SL_BINARY_DIR) / "tests" / "io" / "sav" / "scratch";
    std::filesystem::create_directories(folder);
    return (folder / name).string();
}

}  // namespace

TEST(SavWriter, FeatureDatasetRoundTripsInEveryCompression)
{
    expectRoundTrip(*featureDataset());
}

TEST(SavWriter, SharedFilesRoundTripInEveryCompression)
{
    for (const char* folder : {SL_SHARED_DATA_DIR, SL_SHARED_DATA_DIR "/survey_design"})
        for (const auto& entry : std::filesystem::directory_iterator(folder)) {
            if (entry.path().extension() != ".sav") continue;
            SCOPED_TRACE(entry.path().string());
            auto ds = io::readSav(entry.path().string());
            ASSERT_TRUE(ds) << ds.error().describe();
            expectRoundTrip(**ds);
        }
}

TEST(SavWriter, OutputReadsInReadStat)
{
    const auto original = featureDataset();
    for (const auto compression : kCompressions) {
        SCOPED_TRACE(static_cast<int>(compression));
        io::SavWriteOptions options;
        options.compression = compression;
        const std::string path = scratchPath("readstat_check.sav");
        ASSERT_TRUE(io::writeSav(*original, path, options));
        const auto theirs = sl::test::readWithReadStat(path);
        ASSERT_TRUE(theirs.ok) << theirs.error;
        ASSERT_EQ(theirs.rows, static_cast<long>(original->caseCount()));
        ASSERT_EQ(theirs.variables.size(), original->variableCount());
        for (size_t i = 0; i < original->variableCount(); ++i) {
            const auto& v = original->variable(i);
            const auto& r = theirs.variables[i];
            SCOPED_TRACE(v.name);
            EXPECT_EQ(r.name, v.name);
            EXPECT_EQ(r.label, v.label);
            std::vector<std::string> missingText;
            for (const auto& [lo, hi] : r.missingText) missingText.push_back(lo);
            EXPECT_EQ(missingText, v.missing.textValues);
            for (size_t c = 0; c < original->caseCount(); ++c) {
                if (v.isString()) {
                    EXPECT_EQ(r.texts[c], original->column(i).text(c));
                } else {
                    const double a = original->column(i).number(c);
                    EXPECT_TRUE(a == r.numbers[c] || (std::isnan(a) && std::isnan(r.numbers[c])));
                }
            }
        }
    }
}

TEST(SavWriter, SourceDateEpochMakesOutputReproducible)
{
    const auto original = featureDataset();
    setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    auto first = io::encodeSav(*original);
    auto second = io::encodeSav(*original);
    unsetenv("SOURCE_DATE_EPOCH");
    ASSERT_TRUE(first && second);
    EXPECT_EQ(*first, *second);
    EXPECT_EQ(first->substr(92, 17), "14 Nov 2322:13:20");
}

TEST(SavWriter, ShortNamesAreUniqueUpperCaseAndShort)
{
    std::vector<data::Variable> vars;
    std::vector<data::ColumnPtr> cols;
    for (const char* name : {"responseA", "responseB", "response_c", "x\xC3\xA9t\xC3\xA9", "under_"}) {
        data::Variable v;
        v.name = name;
        vars.push_back(v);
        cols.push_back(data::Column::fromDoubles({1}));
    }
    data::Dataset ds(std::move(vars), std::move(cols));
    auto bytes = io::encodeSav(ds);
    ASSERT_TRUE(bytes);
    // Variable records follow the 176-byte header; names are at byte 24 of each 32-byte record.
    std::set<std::string> names;
    for (size_t k = 0; k < ds.variableCount(); ++k) {
        std::string name = bytes->substr(176 + 32 * k + 24, 8);
        while (!name.empty() && name.back() == ' ') name.pop_back();
        EXPECT_LE(name.size(), 8u);
        for (char c : name) EXPECT_FALSE(std::islower(static_cast<unsigned char>(c))) << name;
        names.insert(name);
    }
    EXPECT_EQ(names.size(), ds.variableCount());
    auto back = io::readSavBytes(*bytes, "names.sav");
    ASSERT_TRUE(back);
    expectSameDataset(ds, **back);
}

TEST(SavWriter, NamesSpssRefusesAreMadeValid)
{
    std::vector<data::Variable> vars;
    std::vector<data::ColumnPtr> cols;
    for (const char* name : {"Duration (in seconds)", "1st answer", "_under", "with", "Q5.", "Duration_in_seconds"}) {
        data::Variable v;
        v.name = name;
        vars.push_back(v);
        cols.push_back(data::Column::fromDoubles({1}));
    }
    auto bytes = io::encodeSav(data::Dataset(std::move(vars), std::move(cols)));
    ASSERT_TRUE(bytes);
    auto back = io::readSavBytes(*bytes, "names.sav");
    ASSERT_TRUE(back) << back.error().describe();
    std::vector<std::string> names;
    for (const auto& v : (*back)->variables()) names.push_back(v.name);
    EXPECT_EQ(names, (std::vector<std::string>{"Duration_in_seconds", "v1st_answer", "v_under", "with_", "Q5",
                                               "Duration_in_seconds_1"}));
}
