// The native reader against ReadStat on every .sav of the shared data.
#include "ReadStatSav.h"

#include "core/io/SavReader.h"

#include <gtest/gtest.h>
#include <readstat.h>

#include <cmath>
#include <filesystem>

using namespace sl::core;

namespace {

std::vector<std::string> sharedSavFiles()
{
    std::vector<std::string> files;
    for (const char* folder : {SL_SHARED_DATA_DIR, SL_SHARED_DATA_DIR "/survey_design"})
        for (const auto& entry : std::filesystem::directory_iterator(folder))
            if (entry.path().extension() == ".sav") files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    return files;
}

struct FormatParts {
    std::string type;
    int width = 0;
    int decimals = 0;
    bool operator==(const FormatParts&) const = default;
};

FormatParts parseFormat(const std::string& s)
{
    FormatParts f;
    size_t i = 0;
    while (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i]))) f.type += s[i++];
    f.width = std::atoi(s.c_str() + i);
    if (auto dot = s.find('.'); dot != std::string::npos) f.decimals = std::atoi(s.c_str() + dot + 1);
    return f;
}

data::MeasureLevel measureOf(int readstatMeasure)
{
    switch (readstatMeasure) {
    case READSTAT_MEASURE_NOMINAL: return data::MeasureLevel::Nominal;
    case READSTAT_MEASURE_ORDINAL: return data::MeasureLevel::Ordinal;
    default: return data::MeasureLevel::Scale;
    }
}

void expectSameAsReadStat(const std::string& path)
{
    SCOPED_TRACE(path);
    auto ours = io::readSav(path);
    ASSERT_TRUE(ours) << ours.error().describe();
    const sl::test::ReadStatFile theirs = sl::test::readWithReadStat(path);
    ASSERT_TRUE(theirs.ok) << theirs.error;
    const data::Dataset& ds = **ours;
    EXPECT_TRUE(ds.warnings.empty()) << ds.warnings.front();

    ASSERT_EQ(static_cast<long>(ds.caseCount()), theirs.rows);
    ASSERT_EQ(ds.variableCount(), theirs.variables.size());
    for (size_t i = 0; i < ds.variableCount(); ++i) {
        const data::Variable& v = ds.variable(i);
        const sl::test::ReadStatVariable& r = theirs.variables[i];
        SCOPED_TRACE(v.name);
        EXPECT_EQ(v.name, r.name);
        EXPECT_EQ(v.label, r.label);
        EXPECT_EQ(v.isString(), r.isString);
        EXPECT_EQ(parseFormat(v.format.spssName()), parseFormat(r.format)) << v.format.spssName() << " vs " << r.format;
        if (r.measure != READSTAT_MEASURE_UNKNOWN) {
            EXPECT_EQ(v.measure, measureOf(r.measure));
        }

        // User-missing values: ReadStat lists discrete codes as ranges with equal ends.
        std::vector<std::pair<double, double>> missing;
        if (v.missing.range) missing.push_back(*v.missing.range);
        for (double m : v.missing.values) missing.emplace_back(m, m);
        ASSERT_EQ(missing.size(), r.missingRanges.size());
        for (size_t k = 0; k < missing.size(); ++k) {
            // ReadStat reports LO/HI as +-HUGE_VAL or +-DBL_MAX.
            const auto same = [](double a, double b) { return a == b || (std::isinf(a) && std::fabs(b) >= 1.7e308 && std::signbit(a) == std::signbit(b)); };
            EXPECT_TRUE(same(missing[k].first, r.missingRanges[k].first)) << missing[k].first << " vs " << r.missingRanges[k].first;
            EXPECT_TRUE(same(missing[k].second, r.missingRanges[k].second)) << missing[k].second << " vs " << r.missingRanges[k].second;
        }
        std::vector<std::pair<std::string, std::string>> missingText;
        for (const auto& t : v.missing.textValues) missingText.emplace_back(t, t);
        EXPECT_EQ(missingText, r.missingText);

        // Value labels.
        if (v.isNumeric()) {
            const auto it = theirs.numericLabels.find(r.labelSet);
            const auto expected = it == theirs.numericLabels.end() ? std::vector<std::pair<double, std::string>>() : it->second;
            auto sorted = expected;
            std::sort(sorted.begin(), sorted.end());
            EXPECT_EQ(v.valueLabels.numeric(), sorted);
        } else {
            const auto it = theirs.textLabels.find(r.labelSet);
            auto sorted = it == theirs.textLabels.end() ? std::vector<std::pair<std::string, std::string>>() : it->second;
            std::sort(sorted.begin(), sorted.end());
            EXPECT_EQ(v.valueLabels.text(), sorted);
        }

        // Every value.
        const data::Column& column = ds.column(i);
        if (v.isNumeric()) {
            ASSERT_EQ(r.numbers.size(), ds.caseCount());
            size_t mismatches = 0;
            for (size_t c = 0; c < ds.caseCount(); ++c) {
                const double a = column.number(c), b = r.numbers[c];
                if (!(a == b || (std::isnan(a) && std::isnan(b)))) ++mismatches;
            }
            EXPECT_EQ(mismatches, 0u);
        } else {
            ASSERT_EQ(r.texts.size(), ds.caseCount());
            size_t mismatches = 0;
            for (size_t c = 0; c < ds.caseCount(); ++c)
                if (column.text(c) != r.texts[c]) ++mismatches;
            EXPECT_EQ(mismatches, 0u);
        }
    }
}

}  // namespace

TEST(SavReader, SharedFilesMatchReadStat)
{
    const auto files = sharedSavFiles();
    ASSERT_GE(files.size(), 6u);
    for (const auto& path : files) expectSameAsReadStat(path);
}

TEST(SavReader, SocialworkGenderHasUserMissingAndLabels)
{
    auto ds = io::readSav(SL_SHARED_DATA_DIR "/socialwork_synth.sav");
    ASSERT_TRUE(ds) << ds.error().describe();
    const auto gender = (*ds)->indexOf("gender");
    ASSERT_TRUE(gender);
    const data::Variable& v = (*ds)->variable(*gender);
    EXPECT_TRUE(v.missing.isUserMissing(99));
    EXPECT_FALSE(v.missing.isUserMissing(1));
    EXPECT_FALSE(v.valueLabels.empty());
    ASSERT_NE(v.labelOf(99), nullptr);
    EXPECT_EQ(*v.labelOf(99), "Prefer not to say");  // socialwork_synth_dictionary.csv
    ASSERT_NE(v.labelOf(1), nullptr);
    EXPECT_EQ(*v.labelOf(1), "Woman");
    EXPECT_EQ(v.label, "Gender");
    size_t declined = 0;
    for (size_t c = 0; c < (*ds)->caseCount(); ++c) declined += (*ds)->column(*gender).number(c) == 99;
    EXPECT_EQ(declined, 56u);  // README.md: "gender 99 on 56 cases"
    EXPECT_EQ((*ds)->caseCount(), 3834u);
}
