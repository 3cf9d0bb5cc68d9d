#pragma once
// Variable View > Value labels: a table of value → label pairs to add, change or remove. Codes
// are checked against the variable (numbers for numeric variables, text up to the width for
// string variables); a wrong row is named under the table and OK waits until it is fixed.
// Enter moves from a value to its label and from a label to the next one; the last row is
// always empty, for a new label.
#include "core/data/Variable.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTableWidget;

namespace sl::widgets {

class ValueLabelsDialog : public QDialog {
    Q_OBJECT
public:
    enum Column { ValueColumn, LabelColumn };

    explicit ValueLabelsDialog(const core::data::Variable& variable, QWidget* parent = nullptr);
    ~ValueLabelsDialog() override;

    // The labels as they stand; meaningful while problem() is empty.
    core::data::ValueLabels valueLabels() const;
    // Why the labels cannot be kept as they are, or an empty string.
    QString problem() const { return m_problem; }

    QTableWidget* table() const { return m_table; }
    QPushButton* okButton() const { return m_ok; }
    QPushButton* removeButton() const { return m_remove; }

private:
    void fill();
    void removeSelected();
    void update();
    // The problem of one row, or an empty string.
    QString rowProblem(int row) const;
    QString cellText(int row, int column) const;

    core::data::Variable m_variable;
    QTableWidget* m_table;
    QLabel* m_message;
    QPushButton* m_ok;
    QPushButton* m_remove;
    QString m_problem;
};

}  // namespace sl::widgets
