// Stata, SAS and SPSS portable files: fixtures written with ReadStat's writer, read back through SurveyLens.
#include "FormatsTestSupport.h"

#include "core/io/DataFile.h"
#include "core/io/ReadStatReader.h"

#include <gtest/gtest.h>
#include <readstat.h>

#include <chrono>
#include <cmath>

using namespace sl::core;

namespace {

ssize_t appendToString(const void* data, size_t length, void* context)
{
    static_cast<std::string*>(context)->append(static_cast<const char*>(data), length);
    return static_cast<ssize_t>(length);
}

// SPSS seconds of a calendar date, computed with the standard library.
double spssSeconds(int y, unsigned m, unsigned d)
{
    using namespace std::chrono;
    return static_cast<double>((sys_days{year{y} / month{m} / day{d}} - sys_days{year{1582} / 10 / 14}).count()) *
           86400.0;
}

class Writer {
public:
    Writer()
    {
        m_writer = readstat_writer_init();
        readstat_set_data_writer(m_writer, appendToString);
    }
    ~Writer() { readstat_writer_free(m_writer); }
    readstat_writer_t* get() { return m_writer; }
    std::string bytes;

private:
    readstat_writer_t* m_writer;
};

data::DatasetPtr readFixture(const std::string& fileName, std::string_view bytes, io::FileFormat format)
{
    const auto path = sl::test::scratchFolder(fileName) / fileName;
    sl::test::writeBytes(path, bytes);
    auto dataset = io::readWithReadStat(path.string(), format);
    EXPECT_TRUE(dataset) << dataset.error().describe();
    return dataset ? *dataset : nullptr;
}

}  // namespace

TEST(ReadStatReader, StataExtendedMissingBecomesLabelledUserMissingCodes)
{
    Writer w;
    readstat_label_set_t* genderLabels = readstat_add_label_set(w.get(), READSTAT_TYPE_INT32, "gender");
    readstat_label_int32_value(genderLabels, 1, "Woman");
    readstat_label_int32_value(genderLabels, 2, "Man");
    readstat_label_tagged_value(genderLabels, 'a', "Prefer not to say");
    readstat_label_tagged_value(genderLabels, 'b', "Refused");
    readstat_variable_t* gender = readstat_add_variable(w.get(), "gender", READSTAT_TYPE_DOUBLE, 0);
    readstat_variable_set_label(gender, "Gender");
    readstat_variable_set_label_set(gender, genderLabels);
    readstat_variable_t* income = readstat_add_variable(w.get(), "income", READSTAT_TYPE_DOUBLE, 0);
    readstat_variable_t* visit = readstat_add_variable(w.get(), "visit", READSTAT_TYPE_INT32, 0);
    readstat_variable_set_format(visit, "%td");
    readstat_variable_t* city = readstat_add_variable(w.get(), "city", READSTAT_TYPE_STRING, 12);

    ASSERT_EQ(readstat_begin_writing_dta(w.get(), &w.bytes, 3), READSTAT_OK);
    readstat_begin_row(w.get());
    readstat_insert_double_value(w.get(), gender, 1);
    readstat_insert_double_value(w.get(), income, 120.5);
    readstat_insert_int32_value(w.get(), visit, 0);
    readstat_insert_string_value(w.get(), city, "Montr\xC3\xA9" "al");
    readstat_end_row(w.get());
    readstat_begin_row(w.get());
    readstat_insert_tagged_missing_value(w.get(), gender, 'a');
    readstat_insert_tagged_missing_value(w.get(), income, 'a');
    readstat_insert_int32_value(w.get(), visit, 21000);
    readstat_insert_string_value(w.get(), city, "");
    readstat_end_row(w.get());
    readstat_begin_row(w.get());
    readstat_insert_missing_value(w.get(), gender);
    readstat_insert_double_value(w.get(), income, 250);
    readstat_insert_missing_value(w.get(), visit);
    readstat_insert_string_value(w.get(), city, "Toronto");
    readstat_end_row(w.get());
    ASSERT_EQ(readstat_end_writing(w.get()), READSTAT_OK);

    auto d = readFixture("fixture.dta", w.bytes, io::FileFormat::Stata);
    ASSERT_TRUE(d);
    ASSERT_EQ(d->caseCount(), 3u);
    const auto& g = d->variable(0);
    EXPECT_EQ(g.label, "Gender");
    EXPECT_EQ(g.measure, data::MeasureLevel::Nominal);
    EXPECT_EQ(d->column(0).number(0), 1);
    EXPECT_EQ(d->column(0).number(1), 99);  // .a
    EXPECT_TRUE(std::isnan(d->column(0).number(2)));
    EXPECT_EQ(g.missing.values, (std::vector<double>{98, 99}));  // .b is labelled, so it is declared too
    ASSERT_NE(g.labelOf(99), nullptr);
    EXPECT_EQ(*g.labelOf(99), "Prefer not to say");
    ASSERT_NE(g.labelOf(98), nullptr);
    EXPECT_EQ(*g.labelOf(98), "Refused");
    EXPECT_TRUE(d->isMissing(0, 1));

    // Valid values reach 250, so .a needs a code above them.
    EXPECT_EQ(d->column(1).number(1), 999);
    EXPECT_EQ(d->variable(1).missing.values, std::vector<double>{999});
    EXPECT_EQ(d->variable(1).measure, data::MeasureLevel::Scale);
    EXPECT_EQ(d->variable(1).format.decimals, 1);

    EXPECT_TRUE(d->variable(2).format.isDate());
    EXPECT_EQ(d->column(2).number(0), spssSeconds(1960, 1, 1));
    EXPECT_EQ(d->column(2).number(1), spssSeconds(2017, 6, 30));  // 21000 days after 1 January 1960
    EXPECT_TRUE(std::isnan(d->column(2).number(2)));

    EXPECT_TRUE(d->variable(3).isString());
    EXPECT_EQ(d->column(3).text(0), "Montr\xC3\xA9" "al");
    EXPECT_EQ(d->column(3).text(2), "Toronto");
    EXPECT_EQ(d->warnings.size(), 2u);
}

TEST(ReadStatReader, SasDatesAndStrings)
{
    Writer w;
    readstat_variable_t* born = readstat_add_variable(w.get(), "born", READSTAT_TYPE_DOUBLE, 0);
    readstat_variable_set_format(born, "DATE9");
    readstat_variable_t* stamp = readstat_add_variable(w.get(), "stamp", READSTAT_TYPE_DOUBLE, 0);
    readstat_variable_set_format(stamp, "DATETIME20");
    readstat_variable_t* score = readstat_add_variable(w.get(), "score", READSTAT_TYPE_DOUBLE, 0);
    readstat_variable_set_label(score, "Test score");
    readstat_variable_t* name = readstat_add_variable(w.get(), "name", READSTAT_TYPE_STRING, 8);
    ASSERT_EQ(readstat_begin_writing_sas7bdat(w.get(), &w.bytes, 2), READSTAT_OK);
    readstat_begin_row(w.get());
    readstat_insert_double_value(w.get(), born, -1);
    readstat_insert_double_value(w.get(), stamp, 86400 + 3661);
    readstat_insert_double_value(w.get(), score, 12.25);
    readstat_insert_string_value(w.get(), name, "Ana");
    readstat_end_row(w.get());
    readstat_begin_row(w.get());
    readstat_insert_missing_value(w.get(), born);
    readstat_insert_missing_value(w.get(), stamp);
    readstat_insert_double_value(w.get(), score, 7);
    readstat_insert_string_value(w.get(), name, "Bo");
    readstat_end_row(w.get());
    ASSERT_EQ(readstat_end_writing(w.get()), READSTAT_OK);

    auto d = readFixture("fixture.sas7bdat", w.bytes, io::FileFormat::Sas);
    ASSERT_TRUE(d);
    ASSERT_EQ(d->caseCount(), 2u);
    EXPECT_TRUE(d->variable(0).format.isDate());
    EXPECT_EQ(d->column(0).number(0), spssSeconds(1959, 12, 31));
    EXPECT_TRUE(std::isnan(d->column(0).number(1)));
    EXPECT_TRUE(d->variable(1).format.isDateTime());
    EXPECT_EQ(d->column(1).number(0), spssSeconds(1960, 1, 2) + 3661);
    EXPECT_EQ(d->variable(2).label, "Test score");
    EXPECT_EQ(d->column(2).number(0), 12.25);
    EXPECT_EQ(d->variable(2).format.decimals, 2);
    EXPECT_EQ(d->column(3).text(1), "Bo");
}

TEST(ReadStatReader, PortableFileKeepsLabelsMissingValuesAndFormats)
{
    Writer w;
    readstat_label_set_t* yesNo = readstat_add_label_set(w.get(), READSTAT_TYPE_DOUBLE, "yesno");
    readstat_label_double_value(yesNo, 0, "No");
    readstat_label_double_value(yesNo, 1, "Yes");
    readstat_label_double_value(yesNo, 9, "No answer");
    readstat_variable_t* q1 = readstat_add_variable(w.get(), "Q1", READSTAT_TYPE_DOUBLE, 0);
    readstat_variable_set_label(q1, "Uses email with clients");
    readstat_variable_set_label_set(q1, yesNo);
    readstat_variable_add_missing_double_value(q1, 9);
    readstat_variable_t* age = readstat_add_variable(w.get(), "AGE", READSTAT_TYPE_DOUBLE, 0);
    readstat_variable_set_format(age, "F3.0");
    readstat_variable_add_missing_double_range(age, 900, 999);
    readstat_variable_t* born = readstat_add_variable(w.get(), "BORN", READSTAT_TYPE_DOUBLE, 0);
    readstat_variable_set_format(born, "DATE11");
    ASSERT_EQ(readstat_begin_writing_por(w.get(), &w.bytes, 2), READSTAT_OK);
    const double bornSeconds = spssSeconds(1980, 5, 17);
    readstat_begin_row(w.get());
    readstat_insert_double_value(w.get(), q1, 1);
    readstat_insert_double_value(w.get(), age, 44);
    readstat_insert_double_value(w.get(), born, bornSeconds);
    readstat_end_row(w.get());
    readstat_begin_row(w.get());
    readstat_insert_double_value(w.get(), q1, 9);
    readstat_insert_double_value(w.get(), age, 999);
    readstat_insert_missing_value(w.get(), born);
    readstat_end_row(w.get());
    ASSERT_EQ(readstat_end_writing(w.get()), READSTAT_OK);

    auto d = readFixture("fixture.por", w.bytes, io::FileFormat::SpssPortable);
    ASSERT_TRUE(d);
    ASSERT_EQ(d->caseCount(), 2u);
    const auto& q = d->variable(0);
    EXPECT_EQ(q.label, "Uses email with clients");
    ASSERT_NE(q.labelOf(9), nullptr);
    EXPECT_EQ(*q.labelOf(9), "No answer");
    EXPECT_EQ(q.missing.values, std::vector<double>{9});
    EXPECT_TRUE(d->isMissing(0, 1));
    EXPECT_FALSE(d->isMissing(0, 0));
    ASSERT_TRUE(d->variable(1).missing.range);
    EXPECT_EQ(*d->variable(1).missing.range, std::make_pair(900.0, 999.0));
    EXPECT_TRUE(d->isMissing(1, 1));
    EXPECT_EQ(d->variable(2).format.type, 20);  // DATE
    EXPECT_EQ(d->column(2).number(0), bornSeconds);
}

TEST(ReadStatReader, TruncatedStataFileIsAnErrorNamingTheFile)
{
    const std::string bytes = sl::test::readBytes(sl::test::kSharedData + "/socialwork_synth.dta");
    const auto path = sl::test::scratchFolder("truncated-dta") / "cut.dta";
    sl::test::writeBytes(path, std::string_view(bytes).substr(0, bytes.size() / 3));
    auto d = io::openDataFile(path.string());
    ASSERT_FALSE(d);
    EXPECT_EQ(d.error().code, ErrorCode::InvalidInput);
    EXPECT_EQ(d.error().where, "cut.dta");
}

TEST(ReadStatReader, TextFileNamedSasIsAnError)
{
    const auto path = sl::test::scratchFolder("fake-sas") / "notes.sas7bdat";
    sl::test::writeBytes(path, "these are notes, not a SAS data set\n");
    auto d = io::openDataFile(path.string());
    ASSERT_FALSE(d);
    EXPECT_EQ(d.error().code, ErrorCode::InvalidInput);
    EXPECT_NE(d.error().message.find("SAS"), std::string::npos);
}

TEST(ReadStatReader, MissingFileIsAnIoError)
{
    auto d = io::readWithReadStat("/nonexistent/folder/data.dta", io::FileFormat::Stata);
    ASSERT_FALSE(d);
    EXPECT_EQ(d.error().code, ErrorCode::Io);
}
