// The reference CSV files: case counts, names, and cells compared with the file's own text.
#include "core/io/CsvReader.h"
#include "core/io/FileBytes.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

using namespace sl::core;
using namespace sl::core::io;

namespace {

const std::string kData = SL_SHARED_DATA_DIR;

data::DatasetPtr readShared(const std::string& relative)
{
    auto result = readCsv(kData + "/" + relative);
    EXPECT_TRUE(result.hasValue()) << (result ? "" : result.error().describe());
    return result ? *result : std::make_shared<data::Dataset>();
}

// The lines of a file without quoted cells, each split on commas.
std::vector<std::vector<std::string>> splitLines(const std::string& relative)
{
    auto bytes = readWholeFile(kData + "/" + relative);
    EXPECT_TRUE(bytes.hasValue());
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row(1);
    for (char c : bytes ? *bytes : std::string()) {
        if (c == '\r') continue;
        if (c == '\n') {
            rows.push_back(std::move(row));
            row.assign(1, {});
        } else if (c == ',') {
            row.emplace_back();
        } else {
            row.back().push_back(c);
        }
    }
    return rows;
}

// Every cell of the given data rows matches the text: numbers equal strtod of the cell.
void expectRowsMatchText(const data::Dataset& ds, const std::vector<std::vector<std::string>>& lines,
                         const std::vector<size_t>& cases)
{
    for (size_t c : cases) {
        const auto& cells = lines.at(c + 1);
        ASSERT_EQ(cells.size(), ds.variableCount()) << "case " << c;
        for (size_t v = 0; v < ds.variableCount(); ++v) {
            const std::string& cell = cells[v];
            if (ds.variable(v).isString()) {
                EXPECT_EQ(ds.column(v).text(c), cell) << ds.variable(v).name << " case " << c;
            } else if (cell.empty()) {
                EXPECT_TRUE(std::isnan(ds.column(v).number(c))) << ds.variable(v).name << " case " << c;
            } else {
                EXPECT_EQ(ds.column(v).number(c), std::strtod(cell.c_str(), nullptr))
                    << ds.variable(v).name << " case " << c;
            }
        }
    }
}

std::vector<size_t> someCases(size_t count)
{
    std::vector<size_t> cases;
    for (size_t c = 0; c < count; c += count / 37 + 1) cases.push_back(c);
    cases.push_back(count - 1);
    return cases;
}

}  // namespace

TEST(CsvSharedData, SocialWorkSynthMatchesItsText)
{
    auto ds = readShared("socialwork_synth.csv");
    ASSERT_EQ(ds->caseCount(), 3834u);
    ASSERT_EQ(ds->variableCount(), 26u);
    EXPECT_EQ(ds->variable(0).name, "respondent_id");
    EXPECT_EQ(ds->variable(25).name, "weight");
    const auto lines = splitLines("socialwork_synth.csv");
    for (size_t v = 0; v < ds->variableCount(); ++v) {
        EXPECT_EQ(ds->variable(v).name, lines[0][v]);
        EXPECT_TRUE(ds->variable(v).isNumeric()) << ds->variable(v).name;
    }
    expectRowsMatchText(*ds, lines, someCases(ds->caseCount()));
    EXPECT_EQ(ds->variable(*ds->indexOf("weight")).format.spssName(), "F6.4");
    EXPECT_EQ(ds->variable(*ds->indexOf("practice_setting")).measure, data::MeasureLevel::Nominal);
    EXPECT_EQ(ds->variable(*ds->indexOf("age")).measure, data::MeasureLevel::Scale);
    EXPECT_TRUE(ds->warnings.empty());
}

TEST(CsvSharedData, SocialWorkLabelsGivesTextColumns)
{
    auto ds = readShared("socialwork_synth_labels.csv");
    ASSERT_EQ(ds->caseCount(), 3834u);
    ASSERT_EQ(ds->variableCount(), 26u);
    const size_t country = *ds->indexOf("country");
    ASSERT_TRUE(ds->variable(country).isString());
    EXPECT_EQ(ds->column(country).text(0), "Canada");
    EXPECT_TRUE(ds->variable(*ds->indexOf("age")).isNumeric());
    const auto lines = splitLines("socialwork_synth_labels.csv");
    expectRowsMatchText(*ds, lines, someCases(ds->caseCount()));
}

TEST(CsvSharedData, QualtricsExportOpens)
{
    auto ds = readShared("socialwork_synth_qualtrics.csv");
    ASSERT_EQ(ds->variableCount(), 34u);
    EXPECT_EQ(ds->variable(0).name, "StartDate");  // the BOM is not part of the name
    EXPECT_EQ(ds->variable(4).name, "Duration (in seconds)");
    EXPECT_EQ(ds->caseCount(), 3836u);  // question-text and ImportId rows are cases for now
    EXPECT_EQ(ds->column(0).text(0), "Start Date");
    EXPECT_EQ(ds->column(0).text(1), "{\"ImportId\":\"startDate\",\"timeZone\":\"America/Toronto\"}");
}

TEST(CsvSharedData, GssCatMatchesItsText)
{
    auto ds = readShared("gss_cat.csv");
    ASSERT_EQ(ds->caseCount(), 21483u);
    ASSERT_EQ(ds->variableCount(), 10u);
    expectRowsMatchText(*ds, splitLines("gss_cat.csv"), someCases(ds->caseCount()));
    EXPECT_EQ(ds->variable(*ds->indexOf("marital")).measure, data::MeasureLevel::Nominal);
    EXPECT_EQ(ds->variable(*ds->indexOf("age")).measure, data::MeasureLevel::Scale);
}

TEST(CsvSharedData, ChileMatchesItsText)
{
    auto ds = readShared("chile.csv");
    ASSERT_EQ(ds->caseCount(), 2700u);
    ASSERT_EQ(ds->variableCount(), 9u);
    expectRowsMatchText(*ds, splitLines("chile.csv"), someCases(ds->caseCount()));
    EXPECT_EQ(ds->variable(*ds->indexOf("statusquo")).format.decimals, 5);
}

TEST(CsvSharedData, SurveyDesignFilesOpen)
{
    auto nhanes = readShared("survey_design/nhanes.csv");
    ASSERT_EQ(nhanes->caseCount(), 8591u);
    expectRowsMatchText(*nhanes, splitLines("survey_design/nhanes.csv"), someCases(nhanes->caseCount()));

    for (const char* name : {"survey_design/apiclus1.csv", "survey_design/apistrat.csv"}) {
        auto ds = readShared(name);
        ASSERT_GT(ds->caseCount(), 100u) << name;
        const size_t cds = *ds->indexOf("cds");
        EXPECT_TRUE(ds->variable(cds).isString()) << name;  // school codes with leading zeros
        EXPECT_TRUE(ds->variable(*ds->indexOf("pw")).isNumeric()) << name;
        EXPECT_TRUE(ds->variable(*ds->indexOf("sname")).isString()) << name;
    }
    auto clus = readShared("survey_design/apiclus1.csv");
    EXPECT_EQ(clus->caseCount(), 183u);
    EXPECT_EQ(clus->column(*clus->indexOf("cds")).text(0), "01612910137588");
}
