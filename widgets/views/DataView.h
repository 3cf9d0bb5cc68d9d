#pragma once
// The Data View grid: fixed row heights and column widths taken from each variable's
// display width, so scrolling through a million cases never measures a row. Copies cells as
// tab-separated text, goes to a case, finds values and sorts cases by a variable.
#include <QTableView>

namespace sl::widgets {

class DatasetTableModel;

class DataView : public QTableView {
    Q_OBJECT
public:
    explicit DataView(QWidget* parent = nullptr);

    void setModel(QAbstractItemModel* model) override;

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

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    DatasetTableModel* datasetModel() const;
    void fitColumnsToVariables();
};

}  // namespace sl::widgets
