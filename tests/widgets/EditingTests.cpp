#include "app/gui/MainWindow.h"
#include "tests/widgets/WidgetTestSupport.h"
#include "widgets/dialogs/MissingValuesDialog.h"
#include "widgets/dialogs/ValueLabelsDialog.h"
#include "widgets/document/DatasetDocument.h"
#include "widgets/models/DatasetTableModel.h"
#include "widgets/models/VariableTableModel.h"
#include "widgets/views/DataView.h"
#include "widgets/views/VariableView.h"

#include <QAction>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QToolTip>
#include <QUndoStack>

#include <gtest/gtest.h>

#include <cmath>

using namespace sl;
using widgets::DataView;
using widgets::DatasetDocument;
using widgets::DatasetTableModel;
using widgets::MissingValuesDialog;
using widgets::ValueLabelsDialog;
using widgets::VariableTableModel;
using widgets::VariableView;

namespace {

// makeSurvey columns: id, gender, satisfaction, caseload, agency, wt.
constexpr int kId = 0, kGender = 1, kSatisfaction = 2, kCaseload = 3, kAgency = 4, kWeight = 5;

// The line edit open in a view; closed editors linger hidden until they are deleted.
QLineEdit* openEditor(const QWidget* view)
{
    for (auto* line : view->findChildren<QLineEdit*>())
        if (line->isVisible()) return line;
    return nullptr;
}

struct Survey {
    bool applicationReady = (tests::ensureApplication(), true);
    DatasetDocument document;
    DatasetTableModel cells{&document};
    VariableTableModel variables{&document};
    explicit Survey(size_t cases = 30) { document.load(tests::makeSurvey(cases), QString()); }

    double number(int variable, size_t caseIndex) const
    {
        return document.dataset()->column(static_cast<size_t>(variable)).number(caseIndex);
    }
    QUndoStack& undo() const { return *document.undoStack(); }
};

// A Data View on screen over a survey, with the keyboard focus in it.
struct Grid : Survey {
    DataView view;
    Grid()
    {
        view.setModel(&cells);
        view.resize(900, 420);
        view.show();
        view.activateWindow();
        view.setFocus();
        tests::waitFor([this] { return view.isVisible(); }, 2000);
    }
    void goTo(int row, int column)
    {
        view.selectionModel()->setCurrentIndex(cells.index(row, column), QItemSelectionModel::ClearAndSelect);
    }
    QLineEdit* visibleEditor() const { return openEditor(&view); }
};

// Enter in an editor commits through a queued call, as Qt's delegates do.
void press(QWidget* widget, Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QTest::keyClick(widget, key, modifiers);
    QCoreApplication::processEvents();
}

QTableWidgetItem* labelItem(ValueLabelsDialog& dialog, int row, int column)
{
    return dialog.table()->item(row, column);
}

}  // namespace

// ---- Cells ----------------------------------------------------------------------------------

TEST(CellEditing, EditACellAndUndoIt)
{
    Survey survey;
    const auto before = survey.document.dataset();
    ASSERT_TRUE(survey.cells.setData(survey.cells.index(3, kCaseload), QStringLiteral("20.25")));
    EXPECT_EQ(survey.number(kCaseload, 3), 20.25);
    EXPECT_EQ(before->column(kCaseload).number(3), 15.5);  // the old version is untouched
    EXPECT_EQ(&survey.document.dataset()->column(kGender), &before->column(kGender));
    EXPECT_EQ(survey.undo().undoText(), QStringLiteral("Edit caseload, case 4"));
    EXPECT_EQ(survey.cells.index(3, kCaseload).data().toString(), QStringLiteral("20.3"));  // F8.1
    EXPECT_EQ(survey.cells.index(3, kCaseload).data(Qt::EditRole).toString(), QStringLiteral("20.25"));
    EXPECT_TRUE(survey.document.isModified());

    survey.undo().undo();
    EXPECT_EQ(survey.number(kCaseload, 3), 15.5);
    EXPECT_FALSE(survey.document.isModified());
    survey.undo().redo();
    EXPECT_EQ(survey.number(kCaseload, 3), 20.25);
}

TEST(CellEditing, EmptyTextIsSystemMissingAndUnchangedTextIsNoEdit)
{
    Survey survey;
    ASSERT_TRUE(survey.cells.setData(survey.cells.index(0, kCaseload), QStringLiteral("  ")));
    EXPECT_TRUE(std::isnan(survey.number(kCaseload, 0)));
    EXPECT_EQ(survey.undo().count(), 1);
    EXPECT_TRUE(survey.cells.setData(survey.cells.index(0, kCaseload), QString()));  // already missing
    EXPECT_TRUE(survey.cells.setData(survey.cells.index(1, kCaseload), QStringLiteral("13.5")));  // as it was
    EXPECT_EQ(survey.undo().count(), 1);
}

TEST(CellEditing, ValueLabelTextIsStoredAsItsCode)
{
    Survey survey;
    survey.cells.setShowValueLabels(true);
    EXPECT_EQ(survey.cells.index(0, kGender).data(Qt::EditRole).toString(), QStringLiteral("Woman"));
    ASSERT_TRUE(survey.cells.setData(survey.cells.index(0, kGender), QStringLiteral("another GENDER")));
    EXPECT_EQ(survey.number(kGender, 0), 3.0);
    EXPECT_EQ(survey.cells.index(0, kGender).data().toString(), QStringLiteral("Another gender"));
    ASSERT_TRUE(survey.cells.setData(survey.cells.index(0, kGender), QStringLiteral("7")));  // a new code
    EXPECT_EQ(survey.number(kGender, 0), 7.0);
    EXPECT_TRUE(survey.document.dataset()->column(kGender).isCoded());
}

TEST(CellEditing, RefusesWhatTheVariableCannotHoldAndSaysWhy)
{
    Survey survey;
    QSignalSpy rejected(&survey.cells, &DatasetTableModel::editRejected);
    EXPECT_FALSE(survey.cells.setData(survey.cells.index(0, kCaseload), QStringLiteral("twelve")));
    EXPECT_FALSE(survey.cells.setData(survey.cells.index(0, kGender), QStringLiteral("Girl")));
    EXPECT_FALSE(survey.cells.setData(survey.cells.index(0, kAgency), QStringLiteral("Regional child welfare office")));
    ASSERT_EQ(rejected.count(), 3);
    EXPECT_TRUE(rejected[0][1].toString().contains(QStringLiteral("caseload takes a number")))
        << rejected[0][1].toString().toStdString();
    EXPECT_TRUE(rejected[1][1].toString().contains(QStringLiteral("value labels")))
        << rejected[1][1].toString().toStdString();
    EXPECT_TRUE(rejected[2][1].toString().contains(QStringLiteral("at most 20 bytes")))
        << rejected[2][1].toString().toStdString();
    EXPECT_EQ(survey.undo().count(), 0);
    EXPECT_EQ(survey.number(kCaseload, 0), 12.5);

    ASSERT_TRUE(survey.cells.setData(survey.cells.index(0, kAgency), QStringLiteral("Prison")));
    EXPECT_EQ(survey.document.dataset()->column(kAgency).text(0), "Prison");
    EXPECT_EQ(survey.undo().undoText(), QStringLiteral("Edit agency, case 1"));
}

TEST(CellEditing, SortedViewEditsTheCaseShownInTheRow)
{
    Survey survey;
    survey.cells.sort(kId, Qt::DescendingOrder);  // row 0 shows case 30
    ASSERT_EQ(survey.cells.caseAt(0), 29u);
    ASSERT_TRUE(survey.cells.setData(survey.cells.index(0, kWeight), QStringLiteral("2.5")));
    EXPECT_EQ(survey.number(kWeight, 29), 2.5);
    EXPECT_EQ(survey.number(kWeight, 0), 0.5);
    EXPECT_EQ(survey.undo().undoText(), QStringLiteral("Edit wt, case 30"));
    EXPECT_EQ(survey.cells.index(0, kWeight).data().toString(), QStringLiteral("2.500"));
}

TEST(CellEditing, EditAndUndoStayQuickOnOneMillionCases)
{
    Survey survey(1'000'000);
    QElapsedTimer timer;
    timer.start();
    ASSERT_TRUE(survey.cells.setData(survey.cells.index(999'999, kGender), QStringLiteral("2")));
    ASSERT_TRUE(survey.cells.setData(survey.cells.index(500'000, kCaseload), QStringLiteral("3.75")));
    survey.undo().undo();
    survey.undo().undo();
    survey.undo().redo();
    const qint64 elapsed = timer.elapsed();
    EXPECT_EQ(survey.number(kGender, 999'999), 2.0);
    EXPECT_TRUE(std::isnan(survey.number(kCaseload, 500'000)));  // that edit stays undone
    EXPECT_LT(elapsed, 3000) << "five edits of a million cases took " << elapsed << " ms";
}

TEST(CellEditing, DateCellTakesAnIsoDate)
{
    Survey survey;
    auto variable = survey.document.dataset()->variable(kCaseload);
    variable.format = {20, 11, 0};  // DATE11
    survey.document.editVariable(kCaseload, variable, QStringLiteral("Make caseload a date"));
    ASSERT_TRUE(survey.cells.setData(survey.cells.index(0, kCaseload), QStringLiteral("2024-03-31")));
    EXPECT_EQ(survey.cells.index(0, kCaseload).data().toString(), QStringLiteral("2024-03-31"));
    EXPECT_EQ(survey.number(kCaseload, 0), 13931222400.0);  // 161,241 days after 14 October 1582
    EXPECT_FALSE(survey.cells.setData(survey.cells.index(0, kCaseload), QStringLiteral("2024-02-30")));
}

// ---- Spreadsheet keys in the Data View ------------------------------------------------------

TEST(DataViewKeys, TypingOverwritesAndEnterCommitsAndMovesDown)
{
    Grid grid;
    grid.goTo(2, kCaseload);
    QTest::keyClick(&grid.view, Qt::Key_4);
    QLineEdit* editor = grid.visibleEditor();
    ASSERT_TRUE(editor);
    QTest::keyClicks(editor, QStringLiteral("2"));
    EXPECT_EQ(editor->text(), QStringLiteral("42"));
    press(editor, Qt::Key_Return);
    EXPECT_EQ(grid.number(kCaseload, 2), 42.0);
    EXPECT_EQ(grid.view.currentIndex(), grid.cells.index(3, kCaseload));
    EXPECT_FALSE(grid.visibleEditor());

    QTest::keyClick(&grid.view, Qt::Key_Return);  // not editing: Enter only moves
    EXPECT_EQ(grid.view.currentIndex(), grid.cells.index(4, kCaseload));
    QTest::keyClick(&grid.view, Qt::Key_Return, Qt::ShiftModifier);
    EXPECT_EQ(grid.view.currentIndex(), grid.cells.index(3, kCaseload));
    EXPECT_EQ(grid.undo().count(), 1);
}

TEST(DataViewKeys, TabCommitsAndMovesRight)
{
    Grid grid;
    grid.goTo(0, kId);
    QTest::keyClicks(&grid.view, QStringLiteral("7"));
    QLineEdit* editor = grid.visibleEditor();
    ASSERT_TRUE(editor);
    QTest::keyClicks(editor, QStringLiteral("01"));
    press(editor, Qt::Key_Tab);
    EXPECT_EQ(grid.number(kId, 0), 701.0);
    EXPECT_EQ(grid.view.currentIndex(), grid.cells.index(0, kGender));
    EXPECT_FALSE(grid.visibleEditor());  // Tab moves; it does not open the next cell
}

TEST(DataViewKeys, ClickingAnotherCellCommitsWithoutMovingOn)
{
    Grid grid;
    grid.goTo(2, kCaseload);
    QTest::keyClick(&grid.view, Qt::Key_3);
    ASSERT_TRUE(grid.visibleEditor());
    QTest::keyClicks(grid.visibleEditor(), QStringLiteral("0"));
    grid.goTo(6, kId);  // as a click does
    QCoreApplication::processEvents();
    EXPECT_EQ(grid.number(kCaseload, 2), 30.0);
    EXPECT_EQ(grid.view.currentIndex(), grid.cells.index(6, kId));
    EXPECT_FALSE(grid.visibleEditor());
}

TEST(DataViewKeys, F2EditsTheValueInPlace)
{
    Grid grid;
    grid.goTo(0, kCaseload);
    QTest::keyClick(&grid.view, Qt::Key_F2);
    QLineEdit* editor = grid.visibleEditor();
    ASSERT_TRUE(editor);
    EXPECT_EQ(editor->text(), QStringLiteral("12.5"));
    editor->end(false);
    QTest::keyClicks(editor, QStringLiteral("5"));
    press(editor, Qt::Key_Enter);
    EXPECT_EQ(grid.number(kCaseload, 0), 12.55);
}

TEST(DataViewKeys, RefusedValueKeepsItsEditorAndSaysWhy)
{
    Grid grid;
    QSignalSpy messages(&grid.view, &DataView::statusMessage);
    grid.goTo(1, kCaseload);
    QTest::keyClicks(&grid.view, QStringLiteral("a"));
    QLineEdit* editor = grid.visibleEditor();
    ASSERT_TRUE(editor);
    QTest::keyClicks(editor, QStringLiteral("bc"));
    press(editor, Qt::Key_Return);
    ASSERT_EQ(messages.count(), 1);
    EXPECT_TRUE(messages[0][0].toString().contains(QStringLiteral("“abc”")));
    EXPECT_EQ(QToolTip::text(), messages[0][0].toString());  // beside the cell, too
    EXPECT_EQ(grid.visibleEditor(), editor);  // still open, to be corrected
    EXPECT_EQ(editor->text(), QStringLiteral("abc"));
    EXPECT_EQ(grid.view.currentIndex(), grid.cells.index(1, kCaseload));
    EXPECT_EQ(grid.undo().count(), 0);

    editor->setText(QStringLiteral("14"));
    press(editor, Qt::Key_Return);
    EXPECT_EQ(grid.number(kCaseload, 1), 14.0);
    EXPECT_EQ(grid.view.currentIndex(), grid.cells.index(2, kCaseload));
}

TEST(DataViewKeys, MainWindowShowsTheRefusalAndUndoesTheEdit)
{
    tests::ensureApplication();
    gui::MainWindow window;
    window.resize(1200, 760);
    window.show();
    window.document()->load(tests::makeSurvey(40), QStringLiteral("/surveys/workforce.sav"));
    window.tabs()->setCurrentWidget(window.dataView());
    DataView* view = window.dataView();
    view->setFocus();
    view->selectionModel()->setCurrentIndex(window.dataModel()->index(3, kCaseload),
                                            QItemSelectionModel::ClearAndSelect);
    QTest::keyClicks(view, QStringLiteral("9"));
    auto* editor = openEditor(view);
    ASSERT_TRUE(editor);
    press(editor, Qt::Key_Return);
    EXPECT_EQ(window.undoAction()->text(), QStringLiteral("&Undo Edit caseload, case 4"));
    EXPECT_TRUE(window.isWindowModified());
    EXPECT_TRUE(tests::saveScreenshot(&window, QStringLiteral("data_view_cell_edited")));

    QTest::keyClicks(view, QStringLiteral("x"));
    editor = openEditor(view);
    ASSERT_TRUE(editor);
    QTest::keyClicks(editor, QStringLiteral("yz"));
    press(editor, Qt::Key_Return);
    EXPECT_TRUE(window.statusBar()->currentMessage().contains(QStringLiteral("caseload takes a number")))
        << window.statusBar()->currentMessage().toStdString();
    EXPECT_TRUE(tests::saveScreenshot(&window, QStringLiteral("data_view_cell_refused")));
    press(editor, Qt::Key_Escape);

    window.undoAction()->trigger();
    EXPECT_EQ(window.document()->dataset()->column(kCaseload).number(3), 15.5);
    EXPECT_FALSE(window.isWindowModified());
}

// ---- Variable metadata ----------------------------------------------------------------------

TEST(VariableEditing, RenameChecksSpssRulesAndUniqueness)
{
    Survey survey;
    QSignalSpy rejected(&survey.variables, &VariableTableModel::editRejected);
    const auto name = [&](int row) { return survey.variables.index(row, VariableTableModel::Name); };
    EXPECT_FALSE(survey.variables.setData(name(kGender), QStringLiteral("SATISFACTION")));  // duplicate
    EXPECT_FALSE(survey.variables.setData(name(kGender), QStringLiteral("2nd")));
    EXPECT_FALSE(survey.variables.setData(name(kGender), QStringLiteral("sex of worker")));
    EXPECT_FALSE(survey.variables.setData(name(kGender), QStringLiteral("with")));
    EXPECT_FALSE(survey.variables.setData(name(kGender), QString(65, QLatin1Char('g'))));
    EXPECT_FALSE(survey.variables.setData(name(kGender), QString()));
    ASSERT_EQ(rejected.count(), 6);
    EXPECT_TRUE(rejected[0][0].toString().contains(QStringLiteral("already named satisfaction")));
    EXPECT_TRUE(rejected[3][0].toString().contains(QStringLiteral("reserved word")));
    EXPECT_EQ(survey.undo().count(), 0);

    EXPECT_TRUE(survey.variables.setData(name(kGender), QStringLiteral("Gender")));  // its own name, new case
    EXPECT_TRUE(survey.variables.setData(name(kGender), QStringLiteral("sex_2024.v@#")));
    EXPECT_EQ(survey.document.dataset()->variable(kGender).name, "sex_2024.v@#");
    EXPECT_EQ(survey.undo().undoText(), QStringLiteral("Rename Gender to sex_2024.v@#"));
    EXPECT_EQ(survey.cells.headerData(kGender, Qt::Horizontal).toString(), QStringLiteral("sex_2024.v@#"));
    survey.undo().undo();
    EXPECT_EQ(survey.document.dataset()->variable(kGender).name, "Gender");
}

TEST(VariableEditing, RenamingTheWeightKeepsTheWeight)
{
    Survey survey;
    ASSERT_TRUE(survey.variables.setData(survey.variables.index(kWeight, VariableTableModel::Name),
                                         QStringLiteral("weight")));
    EXPECT_EQ(survey.document.dataset()->weightVariable, "weight");
    survey.undo().undo();
    EXPECT_EQ(survey.document.dataset()->weightVariable, "wt");
}

TEST(VariableEditing, TypeAndWidthAreCheckedAndUndoable)
{
    Survey survey;
    QSignalSpy rejected(&survey.variables, &VariableTableModel::editRejected);
    const auto cell = [&](int row, int column) { return survey.variables.index(row, column); };
    ASSERT_TRUE(survey.variables.setData(cell(kCaseload, VariableTableModel::Type), VariableTableModel::Date));
    EXPECT_EQ(survey.document.dataset()->variable(kCaseload).format.spssName(), "DATE11");
    EXPECT_EQ(survey.variables.index(kCaseload, VariableTableModel::Type).data().toString(), QStringLiteral("Date"));
    EXPECT_EQ(survey.undo().undoText(), QStringLiteral("Change type of caseload to Date"));
    survey.undo().undo();
    EXPECT_EQ(survey.document.dataset()->variable(kCaseload).format.spssName(), "F8.1");

    EXPECT_FALSE(survey.variables.setData(cell(kAgency, VariableTableModel::Width), 8));  // "Child welfare" is 13
    EXPECT_FALSE(survey.variables.setData(cell(kCaseload, VariableTableModel::Width), 0));
    EXPECT_FALSE(survey.variables.setData(cell(kWeight, VariableTableModel::Width), 4));  // 3 decimals need 5
    ASSERT_EQ(rejected.count(), 3);
    EXPECT_TRUE(rejected[0][0].toString().contains(QStringLiteral("at least 13")))
        << rejected[0][0].toString().toStdString();
    EXPECT_TRUE(survey.variables.setData(cell(kAgency, VariableTableModel::Width), 13));
    EXPECT_EQ(survey.document.dataset()->variable(kAgency).stringWidth, 13);
    EXPECT_TRUE(survey.variables.setData(cell(kCaseload, VariableTableModel::Width), 12));
    EXPECT_EQ(survey.document.dataset()->variable(kCaseload).format.width, 12);
    EXPECT_EQ(survey.undo().count(), 2);
}

TEST(VariableEditing, TypeBetweenNumbersAndTextRebuildsTheColumnUndoably)
{
    Survey survey(8);
    const auto type = [&](int row) { return survey.variables.index(row, VariableTableModel::Type); };
    ASSERT_TRUE(survey.variables.setData(type(kCaseload), VariableTableModel::Text));
    const auto& text = *survey.document.dataset();
    EXPECT_TRUE(text.variable(kCaseload).isString());
    EXPECT_EQ(text.column(kCaseload).text(0), "12.5");
    EXPECT_EQ(text.column(kCaseload).text(2), "");  // system-missing
    EXPECT_EQ(survey.variables.index(kCaseload, VariableTableModel::Type).data().toString(), QStringLiteral("String"));
    EXPECT_EQ(survey.cells.index(0, kCaseload).data().toString(), QStringLiteral("12.5"));
    EXPECT_EQ(survey.undo().undoText(), QStringLiteral("Change type of caseload to String"));
    survey.undo().undo();
    EXPECT_EQ(survey.number(kCaseload, 0), 12.5);

    ASSERT_TRUE(survey.variables.setData(type(kAgency), VariableTableModel::Number));
    EXPECT_TRUE(survey.document.dataset()->variable(kAgency).isNumeric());
    EXPECT_TRUE(std::isnan(survey.number(kAgency, 0)));
    EXPECT_EQ(survey.undo().undoText(),
              QStringLiteral("Change type of agency to Numeric (system-missing where the text was not a number: 8)"));
    survey.undo().undo();
    EXPECT_EQ(survey.document.dataset()->column(kAgency).text(0), "Child welfare");
    survey.undo().redo();
    EXPECT_TRUE(survey.document.dataset()->variable(kAgency).isNumeric());
}

TEST(VariableEditing, MeasureIconsStaySharpAtHighResolution)
{
    tests::ensureApplication();
    for (auto level : {core::data::MeasureLevel::Nominal, core::data::MeasureLevel::Ordinal,
                       core::data::MeasureLevel::Scale}) {
        const QIcon icon = VariableTableModel::measureIcon(level);
        EXPECT_TRUE(icon.availableSizes().contains(QSize(16, 16)));
        EXPECT_TRUE(icon.availableSizes().contains(QSize(64, 64)));
        EXPECT_EQ(icon.pixmap(QSize(32, 32), 2.0).size(), QSize(64, 64));
    }
    // The three symbols at 64 pixels, as a 2x screen shows a 32-pixel icon.
    QPixmap strip(3 * 80, 80);
    strip.fill(Qt::white);
    QPainter painter(&strip);
    int x = 8;
    for (auto level : {core::data::MeasureLevel::Scale, core::data::MeasureLevel::Ordinal,
                       core::data::MeasureLevel::Nominal}) {
        painter.drawPixmap(x, 8, VariableTableModel::measureIcon(level).pixmap(64, 64));
        x += 80;
    }
    painter.end();
    QLabel label;
    label.setPixmap(strip);
    EXPECT_TRUE(tests::saveScreenshot(&label, QStringLiteral("measure_icons_64px")));
}

// ---- Value labels ---------------------------------------------------------------------------

TEST(ValueLabelsEditing, EditAValueLabelAndUndoIt)
{
    Survey survey;
    VariableView view;
    view.setModel(&survey.variables);
    view.resize(1000, 360);
    view.show();
    view.editValueLabels(kGender);
    auto* dialog = view.findChild<ValueLabelsDialog*>();
    ASSERT_TRUE(dialog);
    ASSERT_EQ(dialog->table()->rowCount(), 5);  // four labels and the empty row
    EXPECT_EQ(labelItem(*dialog, 1, ValueLabelsDialog::LabelColumn)->text(), QStringLiteral("Man"));

    labelItem(*dialog, 1, ValueLabelsDialog::LabelColumn)->setText(QStringLiteral("Male"));
    labelItem(*dialog, 4, ValueLabelsDialog::ValueColumn)->setText(QStringLiteral("8"));
    labelItem(*dialog, 4, ValueLabelsDialog::LabelColumn)->setText(QStringLiteral("Prefers to self-describe"));
    EXPECT_EQ(dialog->table()->rowCount(), 6);  // a new empty row
    EXPECT_TRUE(dialog->problem().isEmpty()) << dialog->problem().toStdString();
    EXPECT_TRUE(tests::saveScreenshot(dialog, QStringLiteral("value_labels_dialog")));
    dialog->okButton()->click();

    const auto& labels = survey.document.dataset()->variable(kGender).valueLabels;
    ASSERT_EQ(labels.size(), 5u);
    EXPECT_EQ(*labels.find(2), "Male");
    EXPECT_EQ(*labels.find(8), "Prefers to self-describe");
    EXPECT_EQ(survey.undo().undoText(), QStringLiteral("Change value labels of gender"));
    EXPECT_TRUE(tests::saveScreenshot(&view, QStringLiteral("variable_view_value_labels_edited")));

    survey.undo().undo();
    EXPECT_EQ(*survey.document.dataset()->variable(kGender).valueLabels.find(2), "Man");
    EXPECT_EQ(survey.document.dataset()->variable(kGender).valueLabels.size(), 4u);
}

TEST(ValueLabelsEditing, CodesAreCheckedAgainstTheVariable)
{
    Survey survey;
    ValueLabelsDialog numeric(survey.document.dataset()->variable(kGender));
    labelItem(numeric, 4, ValueLabelsDialog::ValueColumn)->setText(QStringLiteral("refused"));
    labelItem(numeric, 4, ValueLabelsDialog::LabelColumn)->setText(QStringLiteral("Refused again"));
    EXPECT_TRUE(numeric.problem().contains(QStringLiteral("not a number"))) << numeric.problem().toStdString();
    EXPECT_FALSE(numeric.okButton()->isEnabled());
    EXPECT_TRUE(tests::saveScreenshot(&numeric, QStringLiteral("value_labels_refused")));
    labelItem(numeric, 4, ValueLabelsDialog::ValueColumn)->setText(QStringLiteral("2"));
    EXPECT_TRUE(numeric.problem().contains(QStringLiteral("has a label already"))) << numeric.problem().toStdString();
    labelItem(numeric, 4, ValueLabelsDialog::ValueColumn)->setText(QStringLiteral("99"));
    labelItem(numeric, 4, ValueLabelsDialog::LabelColumn)->setText(QString());
    EXPECT_TRUE(numeric.problem().contains(QStringLiteral("give the value"))) << numeric.problem().toStdString();
    labelItem(numeric, 4, ValueLabelsDialog::ValueColumn)->setText(QString());
    EXPECT_TRUE(numeric.okButton()->isEnabled());

    ValueLabelsDialog text(survey.document.dataset()->variable(kAgency));  // width 20
    labelItem(text, 0, ValueLabelsDialog::ValueColumn)->setText(QStringLiteral("Regional child welfare office"));
    labelItem(text, 0, ValueLabelsDialog::LabelColumn)->setText(QStringLiteral("Regional"));
    EXPECT_TRUE(text.problem().contains(QStringLiteral("20 bytes"))) << text.problem().toStdString();
    labelItem(text, 0, ValueLabelsDialog::ValueColumn)->setText(QStringLiteral("School"));
    EXPECT_TRUE(text.problem().isEmpty());
    EXPECT_EQ(*text.valueLabels().findText("School"), "Regional");
}

TEST(ValueLabelsEditing, EnterMovesToTheNextLabel)
{
    Survey survey;
    ValueLabelsDialog dialog(survey.document.dataset()->variable(kGender));
    dialog.show();
    QTableWidget* table = dialog.table();
    table->setFocus();
    table->setCurrentCell(0, ValueLabelsDialog::LabelColumn);
    QTest::keyClick(table, Qt::Key_F2);
    auto* editor = openEditor(table);
    ASSERT_TRUE(editor);
    editor->setText(QStringLiteral("Female"));
    press(editor, Qt::Key_Return);
    EXPECT_EQ(table->item(0, ValueLabelsDialog::LabelColumn)->text(), QStringLiteral("Female"));
    EXPECT_EQ(table->currentRow(), 1);
    EXPECT_EQ(table->currentColumn(), int(ValueLabelsDialog::LabelColumn));
    EXPECT_TRUE(dialog.isVisible());  // Enter did not press OK

    table->setCurrentCell(3, ValueLabelsDialog::LabelColumn);  // the last label: next is the empty row
    QTest::keyClick(table, Qt::Key_F2);
    editor = openEditor(table);
    ASSERT_TRUE(editor);
    press(editor, Qt::Key_Return);
    EXPECT_EQ(table->currentRow(), 4);
    EXPECT_EQ(table->currentColumn(), int(ValueLabelsDialog::ValueColumn));
    editor = openEditor(table);
    ASSERT_TRUE(editor);  // ready for the new code
    editor->setText(QStringLiteral("4"));
    press(editor, Qt::Key_Return);
    EXPECT_EQ(table->currentColumn(), int(ValueLabelsDialog::LabelColumn));
    EXPECT_TRUE(dialog.isVisible());
}

// ---- Missing values -------------------------------------------------------------------------

TEST(MissingValuesEditing, DiscreteCodesOrARangeAsSpss)
{
    Survey survey;
    VariableView view;
    view.setModel(&survey.variables);
    view.resize(1000, 360);
    view.show();
    view.editMissingValues(kSatisfaction);
    auto* dialog = view.findChild<MissingValuesDialog*>();
    ASSERT_TRUE(dialog);
    EXPECT_TRUE(dialog->rangeButton()->isChecked());
    EXPECT_EQ(dialog->lowEdit()->text(), QStringLiteral("8"));
    EXPECT_EQ(dialog->highEdit()->text(), QStringLiteral("9"));

    dialog->highEdit()->setText(QStringLiteral("7"));
    EXPECT_TRUE(dialog->problem().contains(QStringLiteral("above the high end"))) << dialog->problem().toStdString();
    EXPECT_FALSE(dialog->okButton()->isEnabled());
    EXPECT_TRUE(tests::saveScreenshot(dialog, QStringLiteral("missing_values_refused")));
    dialog->highEdit()->setText(QStringLiteral("99"));
    dialog->rangeCodeEdit()->setText(QStringLiteral("-1"));
    EXPECT_TRUE(dialog->okButton()->isEnabled());
    EXPECT_TRUE(tests::saveScreenshot(dialog, QStringLiteral("missing_values_dialog")));
    dialog->okButton()->click();

    const auto& missing = survey.document.dataset()->variable(kSatisfaction).missing;
    ASSERT_TRUE(missing.range);
    EXPECT_EQ(missing.range->second, 99.0);
    EXPECT_EQ(missing.values, std::vector<double>{-1.0});
    EXPECT_EQ(survey.undo().undoText(), QStringLiteral("Change missing values of satisfaction"));
    EXPECT_EQ(survey.variables.index(kSatisfaction, VariableTableModel::Missing).data().toString(),
              QStringLiteral("8 thru 99, -1"));
    survey.undo().undo();
    EXPECT_EQ(survey.document.dataset()->variable(kSatisfaction).missing.range->second, 9.0);
}

TEST(MissingValuesEditing, DiscreteCodesAreNumbersAndTextHasNoRange)
{
    Survey survey;
    MissingValuesDialog numeric(survey.document.dataset()->variable(kCaseload));
    EXPECT_TRUE(numeric.noneButton()->isChecked());
    numeric.discreteButton()->setChecked(true);
    EXPECT_FALSE(numeric.okButton()->isEnabled());  // no value yet
    numeric.discreteEdit(0)->setText(QStringLiteral("99"));
    numeric.discreteEdit(2)->setText(QStringLiteral("n/a"));
    EXPECT_TRUE(numeric.problem().contains(QStringLiteral("not a number")));
    numeric.discreteEdit(2)->setText(QStringLiteral("-9"));
    EXPECT_EQ(numeric.missingValues().values, (std::vector<double>{99.0, -9.0}));

    MissingValuesDialog text(survey.document.dataset()->variable(kAgency));
    text.show();
    EXPECT_FALSE(text.rangeButton()->isVisible());
    text.discreteButton()->setChecked(true);
    text.discreteEdit(0)->setText(QStringLiteral("Unknown"));
    text.discreteEdit(1)->setText(QString(21, QLatin1Char('x')));
    EXPECT_TRUE(text.problem().contains(QStringLiteral("20 bytes")));
    text.discreteEdit(1)->clear();
    EXPECT_EQ(text.missingValues().textValues, std::vector<std::string>{"Unknown"});
    EXPECT_TRUE(tests::saveScreenshot(&text, QStringLiteral("missing_values_text")));

    ASSERT_TRUE(survey.variables.setData(survey.variables.index(kCaseload, VariableTableModel::Label),
                                         QStringLiteral("Open cases")));
    survey.variables.setMissingValues(kCaseload, numeric.missingValues());
    survey.variables.setMissingValues(kCaseload, numeric.missingValues());  // unchanged: no second step
    EXPECT_EQ(survey.undo().count(), 2);
}

TEST(VariableEditing, VariableViewOpensDialogsOnDoubleClick)
{
    Survey survey;
    VariableView view;
    view.setModel(&survey.variables);
    view.resize(1100, 360);
    view.show();
    const QModelIndex values = survey.variables.index(kGender, VariableTableModel::Values);
    const QPoint centre = view.visualRect(values).center();
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, centre);
    QTest::mouseDClick(view.viewport(), Qt::LeftButton, {}, centre);
    auto* dialog = view.findChild<ValueLabelsDialog*>();
    ASSERT_TRUE(dialog);
    EXPECT_TRUE(dialog->isVisible());
    dialog->reject();
    EXPECT_EQ(survey.undo().count(), 0);

    view.setCurrentIndex(survey.variables.index(kAgency, VariableTableModel::Missing));
    view.setFocus();
    QTest::keyClick(&view, Qt::Key_F2);
    EXPECT_TRUE(view.findChild<MissingValuesDialog*>());
}

TEST(VariableEditing, VariableViewScreenshot)
{
    tests::ensureApplication();
    gui::MainWindow window;
    window.resize(1200, 760);
    window.show();
    window.document()->load(tests::makeSurvey(40), QStringLiteral("/surveys/workforce.sav"));
    window.tabs()->setCurrentWidget(window.variableView());
    auto* model = window.variableModel();
    ASSERT_TRUE(model->setData(model->index(kGender, VariableTableModel::Name), QStringLiteral("sex")));
    EXPECT_EQ(window.undoAction()->text(), QStringLiteral("&Undo Rename gender to sex"));
    EXPECT_FALSE(model->setData(model->index(kAgency, VariableTableModel::Name), QStringLiteral("ID")));
    EXPECT_TRUE(window.statusBar()->currentMessage().contains(QStringLiteral("already named id")));
    EXPECT_EQ(QToolTip::text(), window.statusBar()->currentMessage());
    window.variableView()->edit(model->index(kCaseload, VariableTableModel::Type));
    EXPECT_TRUE(tests::saveScreenshot(&window, QStringLiteral("variable_view_rename_refused")));
}
