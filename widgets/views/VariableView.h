#pragma once
// The Variable View table: one row per variable. Type and measure level are picked from a list,
// value labels and missing values are edited in their own dialogs (double-click or F2).
#include <QTableView>

namespace sl::widgets {

class VariableView : public QTableView {
    Q_OBJECT
public:
    explicit VariableView(QWidget* parent = nullptr);

    void setModel(QAbstractItemModel* model) override;
    using QTableView::edit;

    // Opens the value-labels or missing-values dialog of the variable in `row`; OK applies it as
    // one undoable edit.
    void editValueLabels(int row);
    void editMissingValues(int row);

protected:
    bool edit(const QModelIndex& index, EditTrigger trigger, QEvent* event) override;

private:
    // Shows why an edit was refused beside the current cell (the main window also puts it in the status bar).
    void showRejection(const QString& reason);
    void fitNames();
};

}  // namespace sl::widgets
