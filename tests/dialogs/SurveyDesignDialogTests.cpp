// The survey design dialog: choices, the live check of the design, and OK only for a usable design.
#include "tests/widgets/WidgetTestSupport.h"
#include "widgets/dialogs/SurveyDesignDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QPushButton>
#include <QTest>

#include <gtest/gtest.h>

#include <cmath>

namespace {

using namespace sl;
using core::data::Variable;

// Twelve pupils in six schools (the PSUs) of three regions (the strata); region 3 has a single
// school. Copies is a frequency weight; local numbers the schools within each region; agency is text.
core::data::DatasetPtr makeSchoolSurvey(double firstRegion = 1)
{
    const std::vector<std::tuple<std::string, std::string, std::vector<double>>> numeric = {
        {"region", "Region of the school", {firstRegion, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3}},
        {"school", "School sampled", {1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6}},
        {"pw", "Sampling weight", {10, 10, 12, 12, 8, 8, 9, 9, 7, 7, 20, 20}},
        {"schools", "Schools in the region", {40, 40, 40, 40, 60, 60, 60, 60, 60, 60, 15, 15}},
        {"copies", "Identical questionnaires", {1, 2, 1, 1, 1, 3, 1, 1, 2, 1, 1, 1}},
        {"score", "", {3, 4, 5, 2, 6, 7, 3, 4, 5, 6, 2, 3}},
        {"local", "School number within the region", {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 1, 1}}};
    std::vector<Variable> variables;
    std::vector<core::data::ColumnPtr> columns;
    for (const auto& [name, label, values] : numeric) {
        Variable v;
        v.name = name;
        v.label = label;
        variables.push_back(v);
        columns.push_back(core::data::Column::fromDoubles(values));
    }
    Variable agency;
    agency.name = "agency";
    agency.label = "Type of agency";
    agency.type = core::data::VariableType::String;
    variables.push_back(agency);
    columns.push_back(core::data::Column::fromStrings(
        {"North", "North", "North", "North", "South", "South", "South", "South", "South", "South", "East", "East"}));
    auto dataset = std::make_shared<core::data::Dataset>(std::move(variables), std::move(columns));
    dataset->weightVariable = "copies";
    return dataset;
}

void choose(QComboBox* box, const QString& name)
{
    const int index = box->findText(name, Qt::MatchStartsWith);
    ASSERT_GE(index, 0) << name.toStdString();
    box->setCurrentIndex(index);
}

void chooseStratifiedClusters(widgets::SurveyDesignDialog& dialog)
{
    choose(dialog.weightBox(), QStringLiteral("pw"));
    choose(dialog.strataBox(), QStringLiteral("region"));
    choose(dialog.clusterBox(), QStringLiteral("school"));
}

bool saveDialogScreenshot(QWidget* widget, const QString& name)
{
    const QString folder = QStringLiteral(SL_BINARY_DIR "/tests/dialogs/screenshots");
    QDir().mkpath(folder);
    widget->show();
    if (!QTest::qWaitForWindowExposed(widget)) return false;
    return widget->grab().save(QDir(folder).filePath(name + QStringLiteral(".png")));
}

class SurveyDesignDialogTest : public ::testing::Test {
protected:
    void SetUp() override { tests::ensureApplication(); }
};

TEST_F(SurveyDesignDialogTest, SummaryCountsTheChosenStrataAndClusters)
{
    widgets::SurveyDesignDialog dialog(makeSchoolSurvey());
    chooseStratifiedClusters(dialog);
    const QString summary = dialog.summaryText();
    EXPECT_TRUE(summary.contains(QStringLiteral("Cases: 12"))) << summary.toStdString();
    EXPECT_TRUE(summary.contains(QStringLiteral("Strata: 3\n"))) << summary.toStdString();
    EXPECT_TRUE(summary.contains(QStringLiteral("PSUs (clusters): 6\n"))) << summary.toStdString();
    EXPECT_TRUE(summary.contains(QStringLiteral("Design degrees of freedom: 3\n"))) << summary.toStdString();
    EXPECT_TRUE(summary.contains(QStringLiteral("Strata with a single PSU: stratum 3\n"))) << summary.toStdString();
    EXPECT_TRUE(summary.contains(QStringLiteral("Cases missing a design value: 0"))) << summary.toStdString();

    const auto design = dialog.design();
    EXPECT_EQ(design.weight, 2u);
    EXPECT_EQ(design.strata, 0u);
    EXPECT_EQ(design.cluster, 1u);
    EXPECT_FALSE(design.fpc.has_value());
}

TEST_F(SurveyDesignDialogTest, LonelyStratumDisablesOkUntilAdjusted)
{
    widgets::SurveyDesignDialog dialog(makeSchoolSurvey());
    chooseStratifiedClusters(dialog);
    EXPECT_FALSE(dialog.okButton()->isEnabled());
    EXPECT_TRUE(dialog.summaryText().contains(QStringLiteral("Problem: One stratum has a single PSU")))
        << dialog.summaryText().toStdString();
    EXPECT_TRUE(saveDialogScreenshot(&dialog, QStringLiteral("survey-design")));

    dialog.lonelyPsuBox()->setCurrentIndex(dialog.lonelyPsuBox()->findData(static_cast<int>(core::stats::LonelyPsu::Adjust)));
    EXPECT_TRUE(dialog.okButton()->isEnabled());
    EXPECT_TRUE(dialog.summaryText().contains(QStringLiteral("stratum 3 (adjusted)")));
    EXPECT_TRUE(dialog.summaryText().contains(QStringLiteral("The design can be used.")));
    EXPECT_EQ(dialog.design().lonelyPsu, core::stats::LonelyPsu::Adjust);
    EXPECT_TRUE(saveDialogScreenshot(&dialog, QStringLiteral("survey-design-adjusted")));
}

TEST_F(SurveyDesignDialogTest, WithoutClustersEveryCaseIsAPsu)
{
    widgets::SurveyDesignDialog dialog(makeSchoolSurvey());
    choose(dialog.strataBox(), QStringLiteral("region"));
    const QString summary = dialog.summaryText();
    EXPECT_TRUE(summary.contains(QStringLiteral("PSUs (clusters): 12 (each case is a PSU)"))) << summary.toStdString();
    EXPECT_TRUE(summary.contains(QStringLiteral("Design degrees of freedom: 9\n"))) << summary.toStdString();
    EXPECT_TRUE(dialog.okButton()->isEnabled());
}

TEST_F(SurveyDesignDialogTest, MissingStratumIsCountedAndBlocksOk)
{
    widgets::SurveyDesignDialog dialog(makeSchoolSurvey(std::nan("")));
    choose(dialog.strataBox(), QStringLiteral("region"));
    const QString summary = dialog.summaryText();
    EXPECT_TRUE(summary.contains(QStringLiteral("Cases missing a design value: 1"))) << summary.toStdString();
    EXPECT_TRUE(summary.contains(QStringLiteral("Problem: variable region"))) << summary.toStdString();
    EXPECT_FALSE(dialog.okButton()->isEnabled());

    choose(dialog.strataBox(), QStringLiteral("(none)"));
    EXPECT_TRUE(dialog.okButton()->isEnabled());
}

TEST_F(SurveyDesignDialogTest, SharedClusterCodesNeedNesting)
{
    widgets::SurveyDesignDialog dialog(makeSchoolSurvey());
    choose(dialog.strataBox(), QStringLiteral("region"));
    choose(dialog.clusterBox(), QStringLiteral("local"));
    EXPECT_TRUE(dialog.summaryText().contains(QStringLiteral("more than one stratum"))) << dialog.summaryText().toStdString();
    EXPECT_FALSE(dialog.okButton()->isEnabled());
    dialog.nestBox()->setChecked(true);
    EXPECT_TRUE(dialog.design().nest);
    EXPECT_TRUE(dialog.summaryText().contains(QStringLiteral("PSUs (clusters): 6\n"))) << dialog.summaryText().toStdString();
}

TEST_F(SurveyDesignDialogTest, WeightAndFpcOfferOnlyNumericVariablesWithTheirLabels)
{
    widgets::SurveyDesignDialog dialog(makeSchoolSurvey());
    EXPECT_EQ(dialog.weightBox()->findText(QStringLiteral("agency"), Qt::MatchStartsWith), -1);
    EXPECT_EQ(dialog.fpcBox()->findText(QStringLiteral("agency"), Qt::MatchStartsWith), -1);
    EXPECT_GE(dialog.strataBox()->findText(QStringLiteral("agency — Type of agency")), 0);
    EXPECT_GE(dialog.weightBox()->findText(QStringLiteral("pw — Sampling weight")), 0);
    EXPECT_GE(dialog.weightBox()->findText(QStringLiteral("score")), 0);
    EXPECT_EQ(dialog.weightBox()->currentText(), QStringLiteral("(none)"));
}

TEST_F(SurveyDesignDialogTest, OpensWithTheCurrentDesignAndDescribesItForTheStatusBar)
{
    const auto dataset = makeSchoolSurvey();
    core::stats::DesignVariables current;
    current.strata = 0;
    current.cluster = 1;
    current.fpc = 3;
    current.lonelyPsu = core::stats::LonelyPsu::Adjust;
    widgets::SurveyDesignDialog dialog(dataset, current);
    EXPECT_EQ(dialog.strataBox()->currentText(), QStringLiteral("region — Region of the school"));
    EXPECT_EQ(dialog.fpcBox()->currentText(), QStringLiteral("schools — Schools in the region"));
    EXPECT_TRUE(dialog.okButton()->isEnabled()) << dialog.summaryText().toStdString();
    const auto chosen = dialog.design();
    EXPECT_EQ(chosen.fpc, 3u);
    EXPECT_EQ(chosen.lonelyPsu, core::stats::LonelyPsu::Adjust);
    EXPECT_EQ(widgets::SurveyDesignDialog::statusText(*dataset, chosen),
              QStringLiteral("Survey design: strata region, clusters school, fpc schools"));
    EXPECT_TRUE(widgets::SurveyDesignDialog::statusText(*dataset, {}).isEmpty());
}

TEST_F(SurveyDesignDialogTest, TabFollowsTheChoicesAsShown)
{
    widgets::SurveyDesignDialog dialog(makeSchoolSurvey());
    dialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
    dialog.weightBox()->setFocus();
    const QWidget* expected[] = {dialog.strataBox(), dialog.clusterBox(), dialog.nestBox(), dialog.fpcBox(),
                                 dialog.lonelyPsuBox()};
    for (const QWidget* next : expected) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        EXPECT_EQ(QApplication::focusWidget(), next) << next->accessibleName().toStdString();
    }
}

}  // namespace
