// Every reference data file loads in every format it is given in, with the values of the .sav.
#include "FormatsTestSupport.h"

#include "core/io/DataDictionary.h"
#include "core/io/DataFile.h"
#include "core/io/QualtricsReader.h"

#include <gtest/gtest.h>

#include <chrono>

using namespace sl::core;
using sl::test::expectSameData;
using sl::test::kSharedData;

namespace {

data::DatasetPtr open(const std::string& file)
{
    auto dataset = io::openDataFile(kSharedData + "/" + file);
    EXPECT_TRUE(dataset) << file << ": " << dataset.error().describe();
    return dataset ? *dataset : nullptr;
}

data::DatasetPtr openWithDictionary(const std::string& file, const std::string& dictionary)
{
    auto plain = open(file);
    if (!plain) return nullptr;
    auto dataset = io::applyDataDictionaryFile(*plain, kSharedData + "/" + dictionary);
    EXPECT_TRUE(dataset) << dictionary << ": " << dataset.error().describe();
    return dataset ? *dataset : nullptr;
}

}  // namespace

TEST(SharedData, StataFileMatchesSavIncludingLabelsAndMissing)
{
    auto sav = open("socialwork_synth.sav");
    auto dta = open("socialwork_synth.dta");
    ASSERT_TRUE(sav && dta);
    expectSameData(*sav, *dta, true);
    const auto gender = dta->indexOf("gender");
    ASSERT_TRUE(gender);
    EXPECT_EQ(dta->variable(*gender).missing.values, std::vector<double>{99});
    ASSERT_NE(dta->variable(*gender).labelOf(99), nullptr);
    EXPECT_EQ(*dta->variable(*gender).labelOf(99), "Prefer not to say");
}

TEST(SharedData, XlsxWithDictionaryMatchesSav)
{
    auto sav = open("socialwork_synth.sav");
    auto xlsx = openWithDictionary("socialwork_synth.xlsx", "socialwork_synth_dictionary.csv");
    ASSERT_TRUE(sav && xlsx);
    expectSameData(*sav, *xlsx, true);
}

TEST(SharedData, XlsxWithoutDictionaryHasTheSameValues)
{
    auto csv = open("socialwork_synth.csv");
    auto xlsx = open("socialwork_synth.xlsx");
    ASSERT_TRUE(csv && xlsx);
    expectSameData(*csv, *xlsx, false);
}

TEST(SharedData, CsvWithDictionaryMatchesSav)
{
    for (const char* name : {"socialwork_synth", "gss_cat", "chile"}) {
        SCOPED_TRACE(name);
        auto sav = open(std::string(name) + ".sav");
        auto csv = openWithDictionary(std::string(name) + ".csv", std::string(name) + "_dictionary.csv");
        ASSERT_TRUE(sav && csv);
        expectSameData(*sav, *csv, true);
    }
}

TEST(SharedData, LabelsCsvWithDictionaryMatchesSav)
{
    auto sav = open("socialwork_synth.sav");
    auto labels = openWithDictionary("socialwork_synth_labels.csv", "socialwork_synth_dictionary.csv");
    ASSERT_TRUE(sav && labels);
    expectSameData(*sav, *labels, true);
}

TEST(SharedData, QualtricsWithDictionaryMatchesSav)
{
    auto sav = open("socialwork_synth.sav");
    auto qualtrics = openWithDictionary("socialwork_synth_qualtrics.csv", "socialwork_synth_dictionary.csv");
    ASSERT_TRUE(sav && qualtrics);
    EXPECT_EQ(qualtrics->variableCount(), sav->variableCount() + 8);
    expectSameData(*sav, *qualtrics, true);
}

TEST(SharedData, QualtricsQuestionTextBecomesVariableLabel)
{
    auto qualtrics = open("socialwork_synth_qualtrics.csv");
    ASSERT_TRUE(qualtrics);
    const auto gender = qualtrics->indexOf("gender");
    ASSERT_TRUE(gender);
    EXPECT_EQ(qualtrics->variable(*gender).label, "What is your gender?");
    const auto email = qualtrics->indexOf("ict_email");
    ASSERT_TRUE(email);
    EXPECT_EQ(qualtrics->variable(*email).label,
              "Which of the following do you use informally (outside agency-sanctioned channels) with clients? - "
              "Email");

    const auto header = io::qualtricsHeaderOf(sl::test::readBytes(kSharedData + "/socialwork_synth_qualtrics.csv"));
    ASSERT_TRUE(header);
    EXPECT_FALSE(header->legacy);
    ASSERT_EQ(header->names.size(), 34u);
    EXPECT_EQ(header->names[9], "country");
    EXPECT_EQ(header->importIds[9], "QID2");
    EXPECT_EQ(header->importIds[0], "startDate");
}

TEST(SharedData, QualtricsMetadataColumnsAreTyped)
{
    auto qualtrics = open("socialwork_synth_qualtrics.csv");
    ASSERT_TRUE(qualtrics);
    const auto start = qualtrics->indexOf("StartDate");
    ASSERT_TRUE(start);
    const auto& variable = qualtrics->variable(*start);
    EXPECT_TRUE(variable.isNumeric());
    EXPECT_TRUE(variable.format.isDateTime());
    // First data row: 2017-11-06 08:51:27 in America/Toronto (EST, UTC-5), stored as 13:51:27 UTC in seconds
    // since 14 October 1582.
    EXPECT_EQ(variable.timeZone, "America/Toronto");
    using namespace std::chrono;
    const auto days = (sys_days{year{2017} / 11 / 6} - sys_days{year{1582} / 10 / 14}).count();
    EXPECT_EQ(qualtrics->column(*start).number(0), static_cast<double>(days) * 86400 + 13 * 3600 + 51 * 60 + 27);

    const auto status = qualtrics->indexOf("Status");
    ASSERT_TRUE(status);
    ASSERT_NE(qualtrics->variable(*status).labelOf(0), nullptr);
    const auto responseId = qualtrics->indexOf("ResponseId");
    ASSERT_TRUE(responseId);
    EXPECT_TRUE(qualtrics->variable(*responseId).isString());
    EXPECT_EQ(qualtrics->column(*responseId).text(0), "R_yLnZpskhtwNS2Uf");
}

TEST(SharedData, UserMissingGenderCodeCountsAsMissingInEveryFormat)
{
    for (const auto& dataset :
         {open("socialwork_synth.sav"), open("socialwork_synth.dta"),
          openWithDictionary("socialwork_synth.xlsx", "socialwork_synth_dictionary.csv"),
          openWithDictionary("socialwork_synth_qualtrics.csv", "socialwork_synth_dictionary.csv")}) {
        ASSERT_TRUE(dataset);
        const auto gender = dataset->indexOf("gender");
        ASSERT_TRUE(gender);
        size_t code99 = 0;
        for (size_t c = 0; c < dataset->caseCount(); ++c)
            if (dataset->column(*gender).number(c) == 99) {
                ++code99;
                EXPECT_TRUE(dataset->isMissing(*gender, c));
            }
        EXPECT_EQ(code99, 56u);  // README: gender 99 on 56 cases
    }
}

TEST(SharedData, CancelledReadingStops)
{
    CancelToken cancel;
    cancel.cancel();
    io::OpenOptions options;
    options.cancel = &cancel;
    for (const char* file : {"socialwork_synth.dta", "socialwork_synth.xlsx"}) {
        auto dataset = io::openDataFile(kSharedData + "/" + file, options);
        ASSERT_FALSE(dataset) << file;
        EXPECT_EQ(dataset.error().code, ErrorCode::Cancelled) << file;
    }
}
