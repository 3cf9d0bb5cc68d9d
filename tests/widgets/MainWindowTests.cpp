#include "app/gui/FileController.h"
#include "app/gui/MainWindow.h"
#include "app/gui/SamplePaths.h"
#include "core/io/DataFile.h"
#include "tests/widgets/WidgetTestSupport.h"
#include "widgets/document/DatasetDocument.h"
#include "widgets/jobs/JobRunner.h"
#include "widgets/models/DatasetTableModel.h"
#include "widgets/models/VariableTableModel.h"
#include "widgets/panels/WelcomePanel.h"
#include "widgets/views/DataView.h"
#include "widgets/views/VariableView.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QStatusBar>
#include <QTabWidget>
#include <QThread>
#include <QTimer>
#include <QToolButton>
#include <QUrl>

#include <gtest/gtest.h>

#include <memory>

using namespace sl;
using gui::MainWindow;

namespace {

std::unique_ptr<MainWindow> showWindow(core::data::DatasetPtr dataset = nullptr)
{
    tests::ensureApplication();
    auto window = std::make_unique<MainWindow>();
    window->resize(1200, 760);
    window->show();
    if (dataset) window->document()->load(std::move(dataset), QStringLiteral("/surveys/workforce.sav"));
    return window;
}

QMessageBox* visibleMessageBox(QWidget* parent)
{
    for (auto* box : parent->findChildren<QMessageBox*>())
        if (box->isVisible()) return box;
    return nullptr;
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

}  // namespace

TEST(MainWindow, ValueLabelsToggleSwitchesCodesAndLabels)
{
    auto window = showWindow();
    window->valueLabelsAction()->setChecked(false);
    window->document()->load(tests::makeSurvey(200), QStringLiteral("/surveys/workforce.sav"));
    const QModelIndex gender = window->dataModel()->index(0, 1);
    EXPECT_EQ(gender.data().toString(), QStringLiteral("1"));
    // Columns are wide enough for the labels even while codes are shown.
    const QFontMetrics metrics = window->dataView()->fontMetrics();
    EXPECT_GT(window->dataView()->columnWidth(2), metrics.horizontalAdvance(QStringLiteral("Very dissatisfied")));
    EXPECT_TRUE(tests::saveScreenshot(window.get(), QStringLiteral("data_view_codes")));

    window->valueLabelsAction()->trigger();
    EXPECT_TRUE(window->dataModel()->showsValueLabels());
    EXPECT_EQ(gender.data().toString(), QStringLiteral("Woman"));
    EXPECT_TRUE(tests::saveScreenshot(window.get(), QStringLiteral("data_view_labels")));
    EXPECT_TRUE(window->windowTitle().startsWith(QStringLiteral("workforce.sav")));
}

TEST(MainWindow, StatusBarShowsCasesVariablesAndWeight)
{
    auto window = showWindow(tests::makeSurvey(1234));
    QStringList texts;
    for (auto* label : window->statusBar()->findChildren<QLabel*>()) texts << label->text();
    const QString all = texts.join(QLatin1Char('|'));
    EXPECT_TRUE(all.contains(QStringLiteral("1,234 cases")) || all.contains(QStringLiteral("1234 cases")))
        << all.toStdString();
    EXPECT_TRUE(all.contains(QStringLiteral("6 variables"))) << all.toStdString();
    EXPECT_TRUE(all.contains(QStringLiteral("Weighted by wt"))) << all.toStdString();
}

TEST(MainWindow, StatusBarShowsTheActiveSurveyDesignAndForgetsItOnOpen)
{
    auto window = showWindow(tests::makeSurvey(300));
    auto statusTexts = [&] {
        QStringList texts;
        for (auto* label : window->statusBar()->findChildren<QLabel*>())
            if (label->isVisible()) texts << label->text();
        return texts.join(QLatin1Char('|'));
    };
    EXPECT_FALSE(statusTexts().contains(QStringLiteral("Survey design"))) << statusTexts().toStdString();
    core::stats::DesignVariables design;
    design.weight = window->document()->dataset()->indexOf("wt");
    window->document()->setSurveyDesign(design);
    EXPECT_TRUE(statusTexts().contains(QStringLiteral("Survey design"))) << statusTexts().toStdString();
    EXPECT_TRUE(statusTexts().contains(QStringLiteral("wt"))) << statusTexts().toStdString();
    EXPECT_TRUE(tests::saveScreenshot(window.get(), QStringLiteral("survey_design_status")));

    window->document()->load(tests::makeSurvey(10), QStringLiteral("/surveys/other.sav"));
    EXPECT_FALSE(window->document()->hasSurveyDesign());
    EXPECT_FALSE(statusTexts().contains(QStringLiteral("Survey design"))) << statusTexts().toStdString();
}

TEST(MainWindow, EditLabelThenUndoFromEditMenu)
{
    auto window = showWindow(tests::makeSurvey(50));
    window->tabs()->setCurrentWidget(window->variableView());
    auto* model = window->variableModel();
    EXPECT_FALSE(window->isWindowModified());

    ASSERT_TRUE(
        model->setData(model->index(2, widgets::VariableTableModel::Label), QStringLiteral("Job satisfaction")));
    EXPECT_TRUE(window->isWindowModified());
    EXPECT_EQ(window->undoAction()->text(), QStringLiteral("&Undo Change label of satisfaction"));
    EXPECT_EQ(window->dataModel()->headerData(2, Qt::Horizontal, Qt::ToolTipRole).toString(),
              QStringLiteral("Job satisfaction"));
    EXPECT_TRUE(tests::saveScreenshot(window.get(), QStringLiteral("variable_view_edited")));

    window->undoAction()->trigger();
    EXPECT_EQ(window->document()->dataset()->variable(2).label, "How satisfied are you with your job?");
    EXPECT_FALSE(window->isWindowModified());
    EXPECT_TRUE(window->redoAction()->isEnabled());
}

TEST(MainWindow, CorruptFileShowsTheErrorAndItsPlace)
{
    auto window = showWindow();
    const QString path = tests::temporaryFolder() + QStringLiteral("/broken.sav");
    writeFile(path, QByteArray("$FL2@(#) broken header, not an SPSS file"));
    const auto expected = core::io::openDataFile(QFile::encodeName(path).toStdString());
    ASSERT_FALSE(expected.hasValue());

    window->openFile(path);
    ASSERT_TRUE(tests::waitFor([&] { return visibleMessageBox(window.get()) != nullptr; }));
    QMessageBox* box = visibleMessageBox(window.get());
    EXPECT_EQ(box->text().toStdString(), expected.error().message);
    ASSERT_FALSE(expected.error().where.empty());
    EXPECT_TRUE(box->detailedText().contains(QString::fromStdString(expected.error().where)));
    EXPECT_TRUE(tests::saveScreenshot(box, QStringLiteral("open_error")));
    EXPECT_EQ(window->document()->dataset()->variableCount(), 0u);
    box->close();
}

TEST(MainWindow, CancelStopsASlowLoad)
{
    auto window = showWindow(tests::makeSurvey(20));
    window->files()->setLoader([](const std::string&, const core::io::OpenOptions& options)
                                   -> core::Expected<core::data::DatasetPtr> {
        for (int step = 0; step < 1000; ++step) {
            if (options.cancel->isCancelled())
                return core::makeError(core::ErrorCode::Cancelled, "Opening was cancelled.");
            options.progress->report(step / 1000.0);
            QThread::msleep(10);
        }
        return tests::makeSurvey(1);
    });

    window->openFile(QStringLiteral("/surveys/huge.csv"));
    ASSERT_TRUE(tests::waitFor([&] { return window->progressBar()->value() > 5; }));
    EXPECT_TRUE(window->cancelButton()->isVisible());
    EXPECT_TRUE(tests::saveScreenshot(window.get(), QStringLiteral("loading_progress")));

    QElapsedTimer timer;
    timer.start();
    window->cancelButton()->click();
    ASSERT_TRUE(tests::waitFor([&] { return !window->jobs()->isBusy(); }, 3000));
    EXPECT_LT(timer.elapsed(), 3000);
    EXPECT_FALSE(window->cancelButton()->isVisible());
    EXPECT_EQ(window->document()->dataset()->caseCount(), 20u);  // the open dataset stays
    EXPECT_EQ(visibleMessageBox(window.get()), nullptr);
    EXPECT_TRUE(window->statusBar()->currentMessage().contains(QStringLiteral("cancelled")));
}

TEST(MainWindow, OpensCsvInTheBackgroundAndRemembersIt)
{
    auto window = showWindow();
    const QString path = tests::temporaryFolder() + QStringLiteral("/visits.csv");
    writeFile(path, QByteArray("client,visits,score\n1,3,4.5\n2,5,3.25\n3,,2\n"));

    window->openFile(path);
    ASSERT_TRUE(tests::waitFor([&] { return window->document()->dataset()->caseCount() == 3; }));
    EXPECT_EQ(window->document()->filePath(), path);
    EXPECT_TRUE(window->windowTitle().startsWith(QStringLiteral("visits.csv")));
    EXPECT_EQ(window->files()->recentFiles().value(0), QFileInfo(path).absoluteFilePath());
    EXPECT_TRUE(window->dataModel()->index(2, 1).data().toString().isEmpty());
}

TEST(MainWindow, SavesAsCsvInTheBackgroundAndClearsTheModifiedMark)
{
    auto window = showWindow(tests::makeSurvey(25));
    auto* model = window->variableModel();
    ASSERT_TRUE(model->setData(model->index(3, widgets::VariableTableModel::Decimals), 2));
    EXPECT_TRUE(window->isWindowModified());

    const QString path = tests::temporaryFolder() + QStringLiteral("/saved.csv");
    bool saved = false;
    window->files()->saveAs(path, [&saved] { saved = true; });
    ASSERT_TRUE(tests::waitFor([&] { return saved; }));
    EXPECT_FALSE(window->isWindowModified());
    EXPECT_TRUE(window->windowTitle().startsWith(QStringLiteral("saved.csv")));

    const auto reread = core::io::openDataFile(QFile::encodeName(path).toStdString());
    ASSERT_TRUE(reread.hasValue()) << reread.error().describe();
    EXPECT_EQ(reread.value()->caseCount(), 25u);
    EXPECT_EQ(reread.value()->variableCount(), 6u);
}

TEST(MainWindow, OpensADroppedDataFile)
{
    auto window = showWindow();
    const QString path = tests::temporaryFolder() + QStringLiteral("/dropped.tsv");
    writeFile(path, QByteArray("team\tcases\nNorth\t12\nSouth\t9\n"));

    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    QDragEnterEvent enter(QPoint(200, 200), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window.get(), &enter);
    EXPECT_TRUE(enter.isAccepted());
    QDropEvent drop(QPointF(200, 200), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window.get(), &drop);
    ASSERT_TRUE(tests::waitFor([&] { return window->document()->dataset()->caseCount() == 2; }));
    EXPECT_EQ(window->document()->filePath(), path);

    QMimeData image;
    image.setUrls({QUrl::fromLocalFile(tests::temporaryFolder() + QStringLiteral("/photo.png"))});
    QDragEnterEvent refused(QPoint(200, 200), Qt::CopyAction, &image, Qt::LeftButton, Qt::NoModifier);
    refused.setAccepted(false);
    QApplication::sendEvent(window.get(), &refused);
    EXPECT_FALSE(refused.isAccepted());
}

// Answers the next modal question with `button`, after saving its picture as `screenshot`.
void answerNextQuestion(QMessageBox::StandardButton button, const QString& screenshot)
{
    QTimer::singleShot(50, [button, screenshot] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        ASSERT_NE(box, nullptr);
        if (!screenshot.isEmpty()) {
            EXPECT_TRUE(tests::saveScreenshot(box, screenshot));
        }
        box->button(button)->click();
    });
}

TEST(MainWindow, AsksAboutUnsavedChangesOnClose)
{
    auto window = showWindow(tests::makeSurvey(10));
    auto* model = window->variableModel();
    ASSERT_TRUE(model->setData(model->index(0, widgets::VariableTableModel::Label), QStringLiteral("Case number")));

    answerNextQuestion(QMessageBox::Cancel, QStringLiteral("unsaved_changes"));
    EXPECT_FALSE(window->close());
    EXPECT_TRUE(window->isVisible());

    answerNextQuestion(QMessageBox::Discard, QString());
    EXPECT_TRUE(window->close());
    EXPECT_FALSE(window->isVisible());
}

TEST(MainWindow, AboutNamesEveryLicence)
{
    auto window = showWindow();
    QAction* about = nullptr;
    for (auto* action : window->findChildren<QAction*>())
        if (action->menuRole() == QAction::AboutRole) about = action;
    ASSERT_NE(about, nullptr);

    QString text;
    QTimer::singleShot(50, [&text] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        ASSERT_NE(box, nullptr);
        text = box->text();
        EXPECT_TRUE(tests::saveScreenshot(box, QStringLiteral("about")));
        box->accept();
    });
    about->trigger();
    for (const char* licence : {"SurveyLens is free software under the GNU General Public License, version 3",
                                "— GNU LGPL version 3", "QCustomPlot — GNU GPL version 3",
                                "Eigen — Mozilla Public License 2.0", "Boost — Boost Software License 1.0",
                                "ReadStat — MIT License"})
        EXPECT_TRUE(text.contains(QString::fromUtf8(licence))) << licence;
}

TEST(MainWindow, ScrollsThroughOneMillionCases)
{
    auto dataset = tests::makeSurvey(1'000'000);
    auto window = showWindow(dataset);
    EXPECT_EQ(window->dataModel()->rowCount(), 1'000'000);

    QElapsedTimer timer;
    timer.start();
    window->dataView()->scrollToBottom();
    QApplication::processEvents();
    window->dataView()->verticalScrollBar()->setValue(window->dataView()->verticalScrollBar()->maximum() / 2);
    EXPECT_TRUE(tests::saveScreenshot(window.get(), QStringLiteral("data_view_million")));
    EXPECT_LT(timer.elapsed(), 5000);  // generous: a shared machine; per-row work would take minutes
    EXPECT_EQ(dataset.use_count(), 4);  // this test, the document and both models share one Dataset
}

TEST(MainWindow, WelcomePanelIsDismissed)
{
    auto window = showWindow(tests::makeSurvey(60));
    window->welcomePanel()->show();
    EXPECT_TRUE(tests::saveScreenshot(window.get(), QStringLiteral("welcome")));
    auto* gotIt = window->welcomePanel()->findChild<QPushButton*>();
    ASSERT_NE(gotIt, nullptr);
    gotIt->click();
    EXPECT_FALSE(window->welcomePanel()->isVisible());
}

TEST(MainWindow, OpensTheSampleSurveyWithWelcome)
{
    if (gui::sampleSurveyPath().isEmpty()) GTEST_SKIP() << "resources/sample/socialwork_sample.sav is not built";
    auto window = showWindow();
    window->openSample(true);
    ASSERT_TRUE(tests::waitFor([&] { return window->document()->dataset()->caseCount() > 0; }));
    EXPECT_TRUE(window->welcomePanel()->isVisible());
    window->valueLabelsAction()->setChecked(true);
    EXPECT_TRUE(tests::saveScreenshot(window.get(), QStringLiteral("sample_survey")));
    window->tabs()->setCurrentWidget(window->variableView());
    EXPECT_TRUE(tests::saveScreenshot(window.get(), QStringLiteral("sample_variables")));
    window->variableView()->horizontalScrollBar()->setValue(window->variableView()->horizontalScrollBar()->maximum());
    EXPECT_TRUE(tests::saveScreenshot(window.get(), QStringLiteral("sample_variables_measure")));
}
