#pragma once
// Variable View > Missing values, as in SPSS: no user-missing values, up to three discrete
// codes, or a range plus one optional code. String variables take up to three text values.
// A wrong entry is named under the choices and OK waits until it is fixed.
#include "core/data/Variable.h"

#include <QDialog>

#include <array>

class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace sl::widgets {

class MissingValuesDialog : public QDialog {
    Q_OBJECT
public:
    explicit MissingValuesDialog(const core::data::Variable& variable, QWidget* parent = nullptr);

    // The missing values as they stand; meaningful while problem() is empty.
    core::data::MissingSpec missingValues() const;
    // Why the entries cannot be kept as they are, or an empty string.
    QString problem() const { return m_problem; }

    QRadioButton* noneButton() const { return m_none; }
    QRadioButton* discreteButton() const { return m_discrete; }
    QRadioButton* rangeButton() const { return m_range; }
    QLineEdit* discreteEdit(int i) const { return m_codes[static_cast<size_t>(i)]; }
    QLineEdit* lowEdit() const { return m_low; }
    QLineEdit* highEdit() const { return m_high; }
    QLineEdit* rangeCodeEdit() const { return m_rangeCode; }
    QPushButton* okButton() const { return m_ok; }

private:
    void fill();
    void update();
    QString checkDiscrete() const;
    QString checkRange() const;

    core::data::Variable m_variable;
    QRadioButton* m_none;
    QRadioButton* m_discrete;
    QRadioButton* m_range;
    std::array<QLineEdit*, 3> m_codes{};
    QLineEdit* m_low;
    QLineEdit* m_high;
    QLineEdit* m_rangeCode;
    QLabel* m_message;
    QPushButton* m_ok;
    QString m_problem;
};

}  // namespace sl::widgets
