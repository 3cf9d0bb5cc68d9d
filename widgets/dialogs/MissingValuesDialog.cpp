#include "widgets/dialogs/MissingValuesDialog.h"

#include "widgets/dialogs/StatusText.h"
#include "widgets/models/DatasetTableModel.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

#include <cmath>
#include <optional>

namespace sl::widgets {

namespace {

QString numberText(double value)
{
    return QString::number(value, 'g', 15);
}

}  // namespace

MissingValuesDialog::MissingValuesDialog(const core::data::Variable& variable, QWidget* parent)
    : QDialog(parent), m_variable(variable)
{
    const QString name = QString::fromStdString(variable.name);
    setWindowTitle(tr("Missing Values: %1").arg(name));
    auto* intro = new QLabel(
        tr("Cases with these values of %1 count as missing and are left out of analyses.").arg(name), this);
    intro->setWordWrap(true);

    m_none = new QRadioButton(tr("&No missing values"), this);
    m_discrete = new QRadioButton(tr("&Discrete missing values"), this);
    m_range = new QRadioButton(tr("&Range plus one optional discrete missing value"), this);
    const int fieldWidth = fontMetrics().horizontalAdvance(QLatin1Char('0')) * 12;
    auto makeEdit = [this, fieldWidth](const QString& accessibleName) {
        auto* edit = new QLineEdit(this);
        edit->setAccessibleName(accessibleName);
        edit->setMinimumWidth(fieldWidth);
        connect(edit, &QLineEdit::textChanged, this, &MissingValuesDialog::update);
        return edit;
    };
    for (size_t i = 0; i < m_codes.size(); ++i)
        m_codes[i] = makeEdit(tr("Missing value %1").arg(static_cast<int>(i) + 1));
    m_low = makeEdit(tr("Low"));
    m_high = makeEdit(tr("High"));
    m_rangeCode = makeEdit(tr("Discrete value"));

    auto* codes = new QHBoxLayout;
    codes->setContentsMargins(24, 0, 0, 0);
    for (QLineEdit* edit : m_codes) codes->addWidget(edit);
    codes->addStretch();
    auto* range = new QFormLayout;
    range->setContentsMargins(24, 0, 0, 0);
    range->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    range->addRow(tr("&Low:"), m_low);
    range->addRow(tr("&High:"), m_high);
    range->addRow(tr("Discrete &value:"), m_rangeCode);

    m_message = makeProblemLabel(this);
    m_message->setMinimumHeight(fontMetrics().height() * 2);
    m_message->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->setSpacing(10);
    layout->addWidget(intro);
    layout->addWidget(m_none);
    layout->addWidget(m_discrete);
    layout->addLayout(codes);
    layout->addWidget(m_range);
    layout->addLayout(range);
    layout->addWidget(m_message);
    layout->addStretch();
    layout->addWidget(buttons);

    if (variable.isString()) {
        // SPSS has no ranges of text.
        m_range->hide();
        for (int i = 0; i < range->rowCount(); ++i) range->setRowVisible(i, false);
    }
    for (QRadioButton* button : {m_none, m_discrete, m_range})
        connect(button, &QRadioButton::toggled, this, &MissingValuesDialog::update);
    setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('0')) * 60);
    fill();
    update();
}

void MissingValuesDialog::fill()
{
    const auto& missing = m_variable.missing;
    if (missing.empty()) {
        m_none->setChecked(true);
        return;
    }
    if (m_variable.isString()) {
        m_discrete->setChecked(true);
        for (size_t i = 0; i < missing.textValues.size() && i < m_codes.size(); ++i)
            m_codes[i]->setText(QString::fromStdString(missing.textValues[i]));
        return;
    }
    if (missing.range) {
        m_range->setChecked(true);
        m_low->setText(numberText(missing.range->first));
        m_high->setText(numberText(missing.range->second));
        if (!missing.values.empty()) m_rangeCode->setText(numberText(missing.values.front()));
        return;
    }
    m_discrete->setChecked(true);
    for (size_t i = 0; i < missing.values.size() && i < m_codes.size(); ++i)
        m_codes[i]->setText(numberText(missing.values[i]));
}

QString MissingValuesDialog::checkDiscrete() const
{
    bool any = false;
    for (const QLineEdit* edit : m_codes) {
        const QString text = m_variable.isString() ? edit->text() : edit->text().trimmed();
        if (text.isEmpty()) continue;
        any = true;
        if (m_variable.isString()) {
            if (m_variable.stringWidth > 0 && text.toUtf8().size() > m_variable.stringWidth)
                return tr("“%1” is longer than the %2 bytes %3 can hold.")
                    .arg(text)
                    .arg(m_variable.stringWidth)
                    .arg(QString::fromStdString(m_variable.name));
        } else if (!DatasetTableModel::numberFromText(text)) {
            return tr("“%1” is not a number, and %2 holds numbers.").arg(text, QString::fromStdString(m_variable.name));
        }
    }
    return any ? QString() : tr("Type at least one missing value, or choose No missing values.");
}

QString MissingValuesDialog::checkRange() const
{
    const auto low = DatasetTableModel::numberFromText(m_low->text());
    const auto high = DatasetTableModel::numberFromText(m_high->text());
    if (!low || !high) return tr("A range needs a low and a high number.");
    if (*low > *high) return tr("The low end of the range (%1) is above the high end (%2).").arg(
        numberText(*low), numberText(*high));
    if (!m_rangeCode->text().trimmed().isEmpty() && !DatasetTableModel::numberFromText(m_rangeCode->text()))
        return tr("“%1” is not a number.").arg(m_rangeCode->text().trimmed());
    return {};
}

void MissingValuesDialog::update()
{
    for (QLineEdit* edit : m_codes) edit->setEnabled(m_discrete->isChecked());
    for (QLineEdit* edit : {m_low, m_high, m_rangeCode}) edit->setEnabled(m_range->isChecked());
    if (m_discrete->isChecked())
        m_problem = checkDiscrete();
    else if (m_range->isChecked())
        m_problem = checkRange();
    else
        m_problem.clear();
    m_message->setText(m_problem);
    m_ok->setEnabled(m_problem.isEmpty());
}

core::data::MissingSpec MissingValuesDialog::missingValues() const
{
    core::data::MissingSpec missing;
    if (m_discrete->isChecked()) {
        for (const QLineEdit* edit : m_codes) {
            if (m_variable.isString()) {
                if (!edit->text().isEmpty()) missing.textValues.push_back(edit->text().toStdString());
            } else if (const auto value = DatasetTableModel::numberFromText(edit->text())) {
                missing.values.push_back(*value);
            }
        }
    } else if (m_range->isChecked()) {
        const auto low = DatasetTableModel::numberFromText(m_low->text());
        const auto high = DatasetTableModel::numberFromText(m_high->text());
        if (low && high) missing.range = std::pair{*low, *high};
        if (const auto code = DatasetTableModel::numberFromText(m_rangeCode->text())) missing.values.push_back(*code);
    }
    return missing;
}

}  // namespace sl::widgets
