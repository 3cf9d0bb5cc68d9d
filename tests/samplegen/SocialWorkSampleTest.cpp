#include "core/io/CsvReader.h"
#include "core/io/SavReader.h"
#include "core/io/SavWriter.h"
#include "tools/samplegen/SocialWorkSample.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

using namespace sl;
using namespace sl::core;

namespace {

const data::DatasetPtr& sample()
{
    static const data::DatasetPtr dataset = samplegen::generateSocialWorkSample();
    return dataset;
}

const data::Column& column(const data::Dataset& ds, const char* name)
{
    const auto index = ds.indexOf(name);
    EXPECT_TRUE(index.has_value()) << name;
    return ds.column(index.value_or(0));
}

// Share of `value` among the valid cases of `variable`, optionally only where `by` equals `byValue`.
double share(const char* variable, double value, const char* by = nullptr, double byValue = 0)
{
    const data::Dataset& ds = *sample();
    const data::Column& values = column(ds, variable);
    const data::Column* groups = by ? &column(ds, by) : nullptr;
    double hits = 0, valid = 0;
    for (size_t i = 0; i < ds.caseCount(); ++i) {
        const double v = values.number(i);
        if (std::isnan(v) || (groups && groups->number(i) != byValue)) continue;
        ++valid;
        if (v == value) ++hits;
    }
    return hits / valid;
}

bool sameValues(const data::Dataset& a, const data::Dataset& b)
{
    if (a.variableCount() != b.variableCount() || a.caseCount() != b.caseCount()) return false;
    for (size_t v = 0; v < a.variableCount(); ++v) {
        if (a.variable(v).name != b.variable(v).name) return false;
        for (size_t c = 0; c < a.caseCount(); ++c) {
            const double x = a.column(v).number(c);
            const double y = b.column(v).number(c);
            if (!(x == y || (std::isnan(x) && std::isnan(y)))) return false;
        }
    }
    return true;
}

}  // namespace

TEST(SocialWorkSample, GenerationIsDeterministic)
{
    const auto again = samplegen::generateSocialWorkSample();
    EXPECT_TRUE(sameValues(*sample(), *again));
    const auto otherSeed = samplegen::generateSocialWorkSample(samplegen::kSampleSeed + 1);
    EXPECT_FALSE(sameValues(*sample(), *otherSeed));
}

TEST(SocialWorkSample, HasTheReferenceVariablesInOrder)
{
    auto reference = io::readCsv(std::string(SL_SHARED_DATA_DIR) + "/socialwork_synth.csv");
    ASSERT_TRUE(reference.hasValue());
    const data::Dataset& ds = *sample();
    EXPECT_EQ(ds.caseCount(), samplegen::kSampleCases);
    ASSERT_EQ(ds.variableCount(), (*reference)->variableCount());
    for (size_t v = 0; v < ds.variableCount(); ++v) EXPECT_EQ(ds.variable(v).name, (*reference)->variable(v).name);
}

TEST(SocialWorkSample, LabelsAndMissingCodesFollowTheReferenceDictionary)
{
    auto dictionary = io::readCsv(std::string(SL_SHARED_DATA_DIR) + "/socialwork_synth_dictionary.csv");
    ASSERT_TRUE(dictionary.hasValue());
    const data::Dataset& dict = **dictionary;
    const data::Dataset& ds = *sample();
    const data::Column& names = column(dict, "variable");
    const data::Column& variableLabels = column(dict, "variable_label");
    const data::Column& values = column(dict, "value");
    const data::Column& valueLabels = column(dict, "value_label");
    const data::Column& userMissing = column(dict, "user_missing");
    size_t labelled = 0;
    for (size_t row = 0; row < dict.caseCount(); ++row) {
        const auto index = ds.indexOf(names.text(row));
        ASSERT_TRUE(index.has_value()) << names.text(row);
        const data::Variable& variable = ds.variable(*index);
        EXPECT_EQ(variable.label, variableLabels.text(row));
        if (std::isnan(values.number(row))) {
            EXPECT_TRUE(variable.valueLabels.empty()) << variable.name;
            continue;
        }
        ++labelled;
        const std::string* label = variable.labelOf(values.number(row));
        ASSERT_NE(label, nullptr) << variable.name << " " << values.number(row);
        EXPECT_EQ(*label, valueLabels.text(row));
        EXPECT_EQ(variable.missing.isUserMissing(values.number(row)), userMissing.number(row) == 1);
    }
    size_t labelsInSample = 0;
    for (const auto& variable : ds.variables()) labelsInSample += variable.valueLabels.size();
    EXPECT_EQ(labelsInSample, labelled);
}

TEST(SocialWorkSample, MeasureLevelsAndFormats)
{
    const data::Dataset& ds = *sample();
    EXPECT_EQ(ds.variable(*ds.indexOf("age")).measure, data::MeasureLevel::Scale);
    EXPECT_EQ(ds.variable(*ds.indexOf("age_group")).measure, data::MeasureLevel::Ordinal);
    EXPECT_EQ(ds.variable(*ds.indexOf("boundary_3")).measure, data::MeasureLevel::Ordinal);
    EXPECT_EQ(ds.variable(*ds.indexOf("practice_setting")).measure, data::MeasureLevel::Nominal);
    EXPECT_EQ(ds.variable(*ds.indexOf("weight")).format.spssName(), "F6.4");
}

TEST(SocialWorkSample, ReproducesThePublishedMargins)
{
    EXPECT_NEAR(share("country", 1), 0.68, 0.02);
    const double any = share("ict_any", 1);
    EXPECT_GE(any, 0.75);
    EXPECT_LE(any, 0.81);
    EXPECT_NEAR(share("ict_any", 1, "age_group", 1), 0.48, 0.06);
    EXPECT_GT(share("ict_any", 1, "age_group", 5), any);
    EXPECT_NEAR(share("ict_any", 1, "practice_setting", 1), 0.92, 0.04);
    EXPECT_NEAR(share("ict_any", 1, "provides_psychotherapy", 1), 0.84, 0.03);
    EXPECT_NEAR(share("ict_any", 1, "provides_psychotherapy", 0), 0.72, 0.03);
    EXPECT_NEAR(share("outside_hours", 1), 0.65, 0.03);
    EXPECT_NEAR(share("discuss_supervisor", 0), 0.41, 0.03);
    EXPECT_NEAR(share("policy_aware", 1), 0.415, 0.025);
    EXPECT_NEAR(share("policy_aware", 2), 0.268, 0.025);
    EXPECT_NEAR(share("policy_aware", 3), 0.316, 0.025);
}

TEST(SocialWorkSample, SkipLogicAndDerivedVariablesAreConsistent)
{
    const data::Dataset& ds = *sample();
    const char* items[] = {"ict_email", "ict_text", "ict_social_media", "ict_video"};
    size_t genderPreferNot = 0;
    for (size_t i = 0; i < ds.caseCount(); ++i) {
        double sum = 0;
        bool anyYes = false, allKnown = true;
        for (const char* item : items) {
            const double v = column(ds, item).number(i);
            allKnown = allKnown && !std::isnan(v);
            anyYes = anyYes || v == 1;
            if (!std::isnan(v)) sum += v;
        }
        const double any = column(ds, "ict_any").number(i);
        if (anyYes) EXPECT_EQ(any, 1);
        else if (allKnown) EXPECT_EQ(any, 0);
        else EXPECT_TRUE(std::isnan(any));
        const double count = column(ds, "ict_count").number(i);
        if (allKnown) EXPECT_EQ(count, sum);
        else EXPECT_TRUE(std::isnan(count));
        if (any != 1) {
            EXPECT_TRUE(std::isnan(column(ds, "outside_hours").number(i)));
            EXPECT_TRUE(std::isnan(column(ds, "discuss_supervisor").number(i)));
        }
        if (column(ds, "gender").number(i) == 99) ++genderPreferNot;
        EXPECT_TRUE(ds.isMissing(*ds.indexOf("gender"), i) == (column(ds, "gender").number(i) == 99));
    }
    EXPECT_GT(genderPreferNot, 20u);
}

TEST(SocialWorkSample, WeightsHaveMeanOneWithinTheRange)
{
    const data::Column& weight = column(*sample(), "weight");
    double sum = 0;
    for (size_t i = 0; i < weight.size(); ++i) {
        const double w = weight.number(i);
        ASSERT_GE(w, 0.40);
        ASSERT_LE(w, 2.50);
        EXPECT_DOUBLE_EQ(std::round(w * 10000) / 10000, w);
        sum += w;
    }
    EXPECT_NEAR(sum / static_cast<double>(weight.size()), 1.0, 0.001);
}

TEST(SocialWorkSample, IsNotACopyOfTheReferenceRows)
{
    auto reference = io::readCsv(std::string(SL_SHARED_DATA_DIR) + "/socialwork_synth.csv");
    ASSERT_TRUE(reference.hasValue());
    const data::Dataset& ref = **reference;
    const data::Dataset& ds = *sample();
    const char* keys[] = {"age", "years_experience", "practice_setting", "boundary_1", "boundary_2", "boundary_4"};
    size_t identical = 0;
    const size_t n = std::min(ds.caseCount(), ref.caseCount());
    for (size_t i = 0; i < n; ++i) {
        bool same = true;
        for (const char* key : keys) same = same && column(ds, key).number(i) == column(ref, key).number(i);
        if (same) ++identical;
    }
    EXPECT_LT(identical, n / 100);
}

TEST(SocialWorkSample, SavesAsSystemFileAndReadsBack)
{
    auto bytes = io::encodeSav(*sample());
    ASSERT_TRUE(bytes.hasValue()) << bytes.error().describe();
    auto reread = io::readSavBytes(*bytes, "socialwork_sample.sav");
    ASSERT_TRUE(reread.hasValue()) << reread.error().describe();
    EXPECT_TRUE(sameValues(*sample(), **reread));
    const data::Variable& gender = (*reread)->variable(*(*reread)->indexOf("gender"));
    EXPECT_TRUE(gender.missing.isUserMissing(99));
    EXPECT_EQ(gender.valueLabels, sample()->variable(*sample()->indexOf("gender")).valueLabels);
}
