#include "app/gui/MainWindow.h"
#include "tests/widgets/WidgetTestSupport.h"
#include "widgets/document/DatasetDocument.h"
#include "widgets/models/DatasetTableModel.h"
#include "widgets/views/DataView.h"
#include "widgets/views/FindBar.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QInputDialog>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>
#include <QTimer>

#include <gtest/gtest.h>

using namespace sl;
using widgets::DataView;
using widgets::DatasetDocument;
using widgets::DatasetTableModel;

namespace {

// A Data View over makeSurvey(cases): id, gender, satisfaction, caseload, agency, wt.
struct Grid {
    bool applicationReady = (tests::ensureApplication(), true);
    DatasetDocument document;
    DatasetTableModel model{&document};
    DataView view;
    explicit Grid(size_t cases, bool labels)
    {
        document.load(tests::makeSurvey(cases), QString());
        model.setShowValueLabels(labels);
        view.setModel(&model);
    }
    void select(int top, int left, int bottom, int right)
    {
        view.selectionModel()->select(QItemSelection(model.index(top, left), model.index(bottom, right)),
                                      QItemSelectionModel::ClearAndSelect);
    }
    QString shown(int row, int column) const { return model.index(row, column).data().toString(); }
};

}  // namespace

TEST(DataView, CopiesSelectedCellsAsTabSeparatedText)
{
    Grid grid(10, false);
    grid.select(0, 1, 2, 3);
    // Case 3 has no caseload (system-missing): its cell stays empty.
    EXPECT_EQ(grid.view.selectedText(), QStringLiteral("1\t1\t12.5\n2\t2\t13.5\n3\t3\t\n"));

    grid.model.setShowValueLabels(true);
    grid.view.copySelection();
    EXPECT_EQ(QApplication::clipboard()->text(),
              QStringLiteral("Woman\tVery dissatisfied\t12.5\nMan\tDissatisfied\t13.5\nAnother gender\tNeutral\t\n"));
}

TEST(DataView, CopiesWholeColumnsWithVariableNames)
{
    Grid grid(5, true);
    grid.view.selectColumn(1);
    EXPECT_EQ(grid.view.selectedText(), QStringLiteral("gender\nWoman\nMan\nAnother gender\nWoman\nRefused\n"));
    grid.model.setShowValueLabels(false);
    grid.view.selectionModel()->select(QItemSelection(grid.model.index(0, 4), grid.model.index(4, 4)),
                                       QItemSelectionModel::Select | QItemSelectionModel::Columns);
    EXPECT_EQ(grid.view.selectedText(),
              QStringLiteral("gender\t\t\tagency\n1\t\t\tChild welfare\n2\t\t\tHospital\n3\t\t\tSchool\n"
                             "1\t\t\tMental health\n9\t\t\tChild welfare\n"));
}

TEST(DataView, GoToCaseSelectsItsRow)
{
    Grid grid(50, false);
    grid.view.setCurrentIndex(grid.model.index(0, 2));
    ASSERT_TRUE(grid.view.goToCase(37));
    EXPECT_EQ(grid.view.currentIndex().row(), 36);
    EXPECT_EQ(grid.view.currentIndex().column(), 2);
    EXPECT_TRUE(grid.view.selectionModel()->isRowSelected(36, {}));
    EXPECT_EQ(grid.shown(36, 0), QStringLiteral("37"));
    EXPECT_FALSE(grid.view.goToCase(51));
    EXPECT_FALSE(grid.view.goToCase(0));

    // Sorted, the case moves to another row and is still found by its number.
    grid.view.sortByColumn(0, Qt::DescendingOrder);
    ASSERT_TRUE(grid.view.goToCase(37));
    EXPECT_EQ(grid.view.currentIndex().row(), 13);
    EXPECT_EQ(grid.shown(13, 0), QStringLiteral("37"));
    EXPECT_EQ(grid.model.headerData(13, Qt::Vertical).toString(), QStringLiteral("37"));
}

TEST(DataView, GoToCaseAsksForTheCaseNumber)
{
    Grid grid(50, false);
    grid.view.show();
    QTimer::singleShot(0, [&grid] {
        auto* dialog = grid.view.findChild<QInputDialog*>();
        ASSERT_NE(dialog, nullptr);
        EXPECT_EQ(dialog->intMaximum(), 50);
        dialog->setIntValue(12);
        dialog->accept();
    });
    grid.view.askForCase();
    EXPECT_EQ(grid.view.currentIndex().row(), 11);
    EXPECT_TRUE(grid.view.selectionModel()->isRowSelected(11, {}));
}

TEST(DataView, FindMovesToNextMatchAndWraps)
{
    Grid grid(30, true);
    grid.view.setCurrentIndex(grid.model.index(0, 1));
    // Case-insensitive part of the shown label: "Man" comes before the next "Woman".
    ASSERT_TRUE(grid.view.findNext(QStringLiteral("man")));
    EXPECT_EQ(grid.view.currentIndex(), grid.model.index(1, 1));
    ASSERT_TRUE(grid.view.findNext(QStringLiteral("REFUSED")));
    EXPECT_EQ(grid.view.currentIndex().row(), 4);
    ASSERT_TRUE(grid.view.findNext(QStringLiteral("refused")));
    EXPECT_EQ(grid.view.currentIndex().row(), 14);
    grid.view.setCurrentIndex(grid.model.index(24, 1));
    ASSERT_TRUE(grid.view.findNext(QStringLiteral("refused")));
    EXPECT_EQ(grid.view.currentIndex().row(), 4);  // wrapped
    EXPECT_FALSE(grid.view.findNext(QStringLiteral("nobody")));
    EXPECT_EQ(grid.view.currentIndex().row(), 4);

    // With codes shown, the code is what is found; text columns are searched too.
    grid.model.setShowValueLabels(false);
    EXPECT_FALSE(grid.view.findNext(QStringLiteral("refused")));
    ASSERT_TRUE(grid.view.findNext(QStringLiteral("9")));
    EXPECT_EQ(grid.view.currentIndex().row(), 14);
    grid.view.setCurrentIndex(grid.model.index(5, 4));
    ASSERT_TRUE(grid.view.findNext(QStringLiteral("hosp")));
    EXPECT_EQ(grid.view.currentIndex().row(), 9);
}

TEST(DataView, FindBarReportsValuesNotFound)
{
    Grid grid(20, true);
    widgets::FindBar bar(&grid.view);
    QSignalSpy messages(&bar, &widgets::FindBar::statusMessage);
    grid.view.setCurrentIndex(grid.model.index(0, 2));
    bar.field()->setText(QStringLiteral("neutral"));
    bar.findNext();
    EXPECT_EQ(grid.view.currentIndex().row(), 2);
    EXPECT_EQ(messages.count(), 0);
    bar.field()->setText(QStringLiteral("ecstatic"));
    bar.findNext();
    ASSERT_EQ(messages.count(), 1);
    EXPECT_TRUE(messages.at(0).at(0).toString().contains(QStringLiteral("ecstatic")));
}

TEST(DataView, SortOrdersRowsWithoutChangingTheData)
{
    Grid grid(40, false);
    QAbstractItemModelTester tester(&grid.model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const auto before = grid.document.dataset();
    grid.view.selectRow(5);  // case 6

    grid.view.setCurrentIndex(grid.model.index(5, 3));
    grid.view.sortByCurrentVariable(Qt::AscendingOrder);
    EXPECT_EQ(grid.view.horizontalHeader()->sortIndicatorSection(), 3);
    double previous = -1;
    for (int row = 0; row < grid.model.rowCount(); ++row) {
        const size_t c = grid.model.caseAt(row);
        const double value = before->column(3).number(c);
        if (row < 33) {  // 7 of the 40 caseloads are system-missing and come last
            EXPECT_GE(value, previous) << row;
            previous = value;
        } else {
            EXPECT_TRUE(std::isnan(value)) << row;
            EXPECT_TRUE(grid.shown(row, 3).isEmpty());
        }
        EXPECT_EQ(grid.shown(row, 0).toInt(), static_cast<int>(c) + 1);  // the whole row moves
    }
    // The current cell follows its case.
    EXPECT_EQ(grid.shown(grid.view.currentIndex().row(), 0), QStringLiteral("6"));

    grid.view.sortByColumn(1, Qt::DescendingOrder);
    EXPECT_EQ(grid.shown(0, 1), QStringLiteral("9"));
    EXPECT_EQ(grid.shown(0, 0), QStringLiteral("5"));  // ties keep file order
    grid.view.sortByColumn(4, Qt::AscendingOrder);
    EXPECT_EQ(grid.shown(0, 4), QStringLiteral("Child welfare"));

    // The document holds the same, untouched dataset.
    EXPECT_EQ(grid.document.dataset(), before);
    for (size_t c = 0; c < before->caseCount(); ++c) EXPECT_EQ(before->column(0).number(c), static_cast<double>(c + 1));

    // An edit keeps the sort; a new file keeps it too; file order comes back on request.
    auto gender = before->variable(1);
    gender.label = "Gender";
    grid.document.editVariable(1, gender, QStringLiteral("Change label of gender"));
    EXPECT_EQ(grid.shown(0, 4), QStringLiteral("Child welfare"));
    grid.document.load(tests::makeSurvey(12), QString());
    EXPECT_EQ(grid.shown(0, 4), QStringLiteral("Child welfare"));
    EXPECT_EQ(grid.shown(1, 0), QStringLiteral("5"));
    grid.view.restoreCaseOrder();
    EXPECT_TRUE(grid.model.caseOrder().empty());
    EXPECT_EQ(grid.shown(1, 0), QStringLiteral("2"));
    EXPECT_EQ(grid.view.horizontalHeader()->sortIndicatorSection(), -1);
}

TEST(DataView, ClickingAHeaderSortsByThatVariable)
{
    Grid grid(20, false);
    QAbstractItemModelTester tester(&grid.model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    grid.view.resize(800, 400);
    grid.view.show();
    QHeaderView* header = grid.view.horizontalHeader();
    const QPoint satisfaction(header->sectionViewportPosition(2) + 10, header->height() / 2);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, satisfaction);
    EXPECT_EQ(header->sortIndicatorSection(), 2);
    EXPECT_FALSE(grid.model.caseOrder().empty());
    const auto order = header->sortIndicatorOrder();
    const int first = grid.shown(0, 2).toInt();
    const int last = grid.shown(grid.model.rowCount() - 1, 2).toInt();
    EXPECT_EQ(order == Qt::AscendingOrder ? first < last : first > last, true);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, satisfaction);
    EXPECT_NE(header->sortIndicatorOrder(), order);
    EXPECT_EQ(grid.shown(0, 2).toInt(), last);
}

TEST(DataView, FindAndSortStayFastOnOneMillionCases)
{
    Grid grid(1'000'000, true);
    QElapsedTimer timer;
    timer.start();
    grid.view.sortByColumn(2, Qt::AscendingOrder);
    const qint64 sortMs = timer.restart();
    grid.view.setCurrentIndex(grid.model.index(0, 1));
    ASSERT_TRUE(grid.view.findNext(QStringLiteral("refused")));
    const int found = grid.view.currentIndex().row();
    EXPECT_EQ(grid.shown(found, 1), QStringLiteral("Refused"));
    EXPECT_FALSE(grid.view.findNext(QStringLiteral("nobody")));
    const qint64 findMs = timer.elapsed();
    // Generous on a shared machine; a per-case text comparison would take far longer.
    EXPECT_LT(sortMs, 3000);
    EXPECT_LT(findMs, 3000);
}

TEST(DataView, MainWindowFindBarScreenshot)
{
    tests::ensureApplication();
    gui::MainWindow window;
    window.resize(1200, 760);
    window.show();
    window.document()->load(tests::makeSurvey(200), QStringLiteral("/surveys/workforce.sav"));
    window.valueLabelsAction()->setChecked(true);
    window.dataView()->sortByColumn(2, Qt::DescendingOrder);
    window.dataView()->setCurrentIndex(window.dataModel()->index(0, 2));
    QAction* find = nullptr;
    for (QAction* action : window.findChildren<QAction*>())
        if (action->shortcut() == QKeySequence(QKeySequence::Find)) find = action;
    ASSERT_NE(find, nullptr);
    find->trigger();
    ASSERT_TRUE(window.findBar()->isVisible());
    window.findBar()->field()->setText(QStringLiteral("neutral"));
    window.findBar()->findNext();
    EXPECT_EQ(window.dataView()->currentIndex().data().toString(), QStringLiteral("Neutral"));
    window.findBar()->field()->setText(QStringLiteral("thrilled"));
    window.findBar()->findNext();
    EXPECT_TRUE(window.statusBar()->currentMessage().contains(QStringLiteral("thrilled")));
    EXPECT_TRUE(tests::saveScreenshot(&window, QStringLiteral("data_view_find_sorted")));
}
