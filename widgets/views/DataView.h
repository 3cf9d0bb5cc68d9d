#pragma once
// The Data View grid: fixed row heights and column widths taken from each variable's
// display width, so scrolling through a million cases never measures a row. Copies cells as
// tab-separated text, goes to a case, finds values and sorts cases by a variable.
// Cells are edited as in a spreadsheet: typing overwrites, F2 edits the value in place, Enter
// commits and moves down, Tab commits and moves right. A refused value keeps its editor open
// with the reason beside the cell.
#include <QTableView>

namespace sl::widgets {

class DatasetTableModel;

class DataView : public QTableView {
    Q_OBJECT
public:
    explicit DataView(QWidget* parent = nullptr);

    void setModel(QAbstractItemModel* model) override;
    using QTableView::edit;

    // The selected cells as shown, one line per row and tabs between columns, with a first
    // line of variable names when whole columns are selected.
    QString selectedText() const;
    // Puts selectedText() on the clipboard as plain text.
    void copySelection();

    // Scrolls to case `caseNumber` (1-based) and selects it; false when there is no such case.
    bool goToCase(int caseNumber);
    // Asks for a case number and goes to it.
    void askForCase();

    // Selects the next cell of the current variable, after the current cell and wrapping around,
    // whose shown text contains `text` (ignoring case); false when no case matches.
    bool findNext(const QString& text);

    // Sorts the shown cases by the current variable; the data keep their order.
    void sortByCurrentVariable(Qt::SortOrder order);
    // Shows the cases in file order again.
    void restoreCaseOrder();

signals:
    // A message for the status bar, such as why a typed value was refused.
    void statusMessage(const QString& text);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    bool edit(const QModelIndex& index, EditTrigger trigger, QEvent* event) override;
    void closeEditor(QWidget* editor, QAbstractItemDelegate::EndEditHint hint) override;

private:
    DatasetTableModel* datasetModel() const;
    void showRejection(const QModelIndex& index, const QString& reason);
    void moveCurrent(CursorAction action);
    void fitColumnsToVariables();

    bool m_editRejected = false;
    QPersistentModelIndex m_editedCell;  // the cell whose editor is open
};

}  // namespace sl::widgets
