#include "widgets/dialogs/ValueLabelsDialog.h"

#include "widgets/dialogs/StatusText.h"
#include "widgets/models/DatasetTableModel.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <functional>

namespace sl::widgets {

namespace {

constexpr int kMaxLabelBytes = 120;  // what an SPSS file holds per value label

// Enter goes from a value to its label, and from a label to the next row: to its label when the
// row already has a value, to its value when the row is the empty one for a new label.
class LabelTable : public QTableWidget {
public:
    using QTableWidget::QTableWidget;
    using QTableWidget::edit;

protected:
    bool edit(const QModelIndex& index, EditTrigger trigger, QEvent* event) override
    {
        const bool editing = QTableWidget::edit(index, trigger, event);
        if (editing) m_editedCell = index;
        return editing;
    }
    void closeEditor(QWidget* editor, QAbstractItemDelegate::EndEditHint hint) override
    {
        // A click on another row also ends the edit this way, after the current cell moved.
        if (hint != QAbstractItemDelegate::SubmitModelCache || currentIndex() != m_editedCell) {
            QTableWidget::closeEditor(editor, hint);
            return;
        }
        QTableWidget::closeEditor(editor, QAbstractItemDelegate::NoHint);
        moveAfterEnter();
    }
    void keyPressEvent(QKeyEvent* event) override
    {
        const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
        if (enter && state() != EditingState && currentIndex().isValid()) {
            edit(currentIndex());  // rather than pressing OK
            event->accept();
            return;
        }
        QTableWidget::keyPressEvent(event);
    }

private:
    void moveAfterEnter()
    {
        const int row = currentRow();
        if (currentColumn() == ValueLabelsDialog::ValueColumn) {
            setCurrentCell(row, ValueLabelsDialog::LabelColumn);
        } else if (row + 1 < rowCount()) {
            const QTableWidgetItem* nextValue = item(row + 1, ValueLabelsDialog::ValueColumn);
            const bool newRow = !nextValue || nextValue->text().trimmed().isEmpty();
            setCurrentCell(row + 1, newRow ? ValueLabelsDialog::ValueColumn : ValueLabelsDialog::LabelColumn);
        }
        edit(currentIndex());
    }

    QPersistentModelIndex m_editedCell;
};

}  // namespace

ValueLabelsDialog::ValueLabelsDialog(const core::data::Variable& variable, QWidget* parent)
    : QDialog(parent), m_variable(variable)
{
    const QString name = QString::fromStdString(variable.name);
    setWindowTitle(tr("Value Labels: %1").arg(name));
    auto* intro = new QLabel(variable.isString()
                                 ? tr("Give a label to each text value of %1 (at most %n bytes each).", nullptr,
                                      variable.stringWidth)
                                       .arg(name)
                                 : tr("Give a label to each numeric code of %1.").arg(name),
                             this);
    intro->setWordWrap(true);

    m_table = new LabelTable(0, 2, this);
    m_table->setObjectName(QStringLiteral("valueLabelsTable"));
    m_table->setHorizontalHeaderLabels({tr("Value"), tr("Label")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 12);
    m_table->setColumnWidth(ValueColumn, fontMetrics().horizontalAdvance(QLatin1Char('0')) * 14);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                             QAbstractItemView::AnyKeyPressed);
    m_table->setMinimumSize(fontMetrics().horizontalAdvance(QLatin1Char('0')) * 56, fontMetrics().height() * 16);

    m_remove = new QPushButton(tr("&Remove"), this);
    m_remove->setAutoDefault(false);
    m_remove->setToolTip(tr("Remove the selected labels"));
    connect(m_remove, &QPushButton::clicked, this, &ValueLabelsDialog::removeSelected);

    m_message = makeProblemLabel(this);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setAutoDefault(false);
    buttons->button(QDialogButtonBox::Cancel)->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* removeRow = new QHBoxLayout;
    removeRow->addWidget(m_message, 1);
    removeRow->addWidget(m_remove, 0, Qt::AlignTop);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->setSpacing(10);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addLayout(removeRow);
    layout->addWidget(buttons);

    fill();
    connect(m_table, &QTableWidget::itemChanged, this, &ValueLabelsDialog::update);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ValueLabelsDialog::update);
    update();
    m_table->setCurrentCell(m_table->rowCount() - 1, ValueColumn);
}

ValueLabelsDialog::~ValueLabelsDialog()
{
    m_table->disconnect(this);  // the table's selection ends while it is deleted, after this dialog's part
}

void ValueLabelsDialog::fill()
{
    auto addRow = [this](const QString& value, const QString& label) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, ValueColumn, new QTableWidgetItem(value));
        m_table->setItem(row, LabelColumn, new QTableWidgetItem(label));
    };
    for (const auto& [value, label] : m_variable.valueLabels.numeric())
        addRow(QString::number(value, 'g', 15), QString::fromStdString(label));
    for (const auto& [value, label] : m_variable.valueLabels.text())
        addRow(QString::fromStdString(value), QString::fromStdString(label));
    addRow({}, {});
}

QString ValueLabelsDialog::cellText(int row, int column) const
{
    const QTableWidgetItem* item = m_table->item(row, column);
    return item ? item->text() : QString();
}

void ValueLabelsDialog::removeSelected()
{
    QList<int> rows;
    for (const QModelIndex& index : m_table->selectionModel()->selectedRows()) rows << index.row();
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (int row : rows)
        if (row < m_table->rowCount() - 1) m_table->removeRow(row);
    update();
}

QString ValueLabelsDialog::rowProblem(int row) const
{
    const QString value = cellText(row, ValueColumn);
    const QString label = cellText(row, LabelColumn).trimmed();
    if (m_variable.isString()) {
        const int bytes = static_cast<int>(value.toUtf8().size());
        if (m_variable.stringWidth > 0 && bytes > m_variable.stringWidth)
            return tr("Row %1: “%2” is longer than the %3 bytes %4 can hold.")
                .arg(row + 1)
                .arg(value)
                .arg(m_variable.stringWidth)
                .arg(QString::fromStdString(m_variable.name));
    } else if (value.trimmed().isEmpty()) {
        return tr("Row %1: the label “%2” needs a value.").arg(row + 1).arg(label);
    } else if (!DatasetTableModel::numberFromText(value.trimmed())) {
        return tr("Row %1: “%2” is not a number, and %3 holds numbers.")
            .arg(row + 1)
            .arg(value.trimmed(), QString::fromStdString(m_variable.name));
    }
    if (label.isEmpty()) return tr("Row %1: give the value “%2” a label, or remove it.").arg(row + 1).arg(value);
    if (label.toUtf8().size() > kMaxLabelBytes)
        return tr("Row %1: a value label can hold at most %2 bytes.").arg(row + 1).arg(kMaxLabelBytes);
    return {};
}

void ValueLabelsDialog::update()
{
    const QSignalBlocker blocker(m_table);
    // Keep exactly one empty row at the end, for a new label.
    auto isEmptyRow = [this](int row) {
        return cellText(row, ValueColumn).isEmpty() && cellText(row, LabelColumn).trimmed().isEmpty();
    };
    const int last = m_table->rowCount() - 1;
    if (last < 0 || !isEmptyRow(last)) {
        m_table->insertRow(last + 1);
        m_table->setItem(last + 1, ValueColumn, new QTableWidgetItem);
        m_table->setItem(last + 1, LabelColumn, new QTableWidgetItem);
    }

    m_problem.clear();
    QSet<QString> seen;
    for (int row = 0; row < m_table->rowCount() - 1 && m_problem.isEmpty(); ++row) {
        if (isEmptyRow(row)) continue;
        m_problem = rowProblem(row);
        if (!m_problem.isEmpty()) break;
        const QString value = cellText(row, ValueColumn);
        const QString key =
            m_variable.isString() ? value : QString::number(*DatasetTableModel::numberFromText(value), 'g', 17);
        if (seen.contains(key))
            m_problem = tr("Row %1: the value “%2” has a label already.").arg(row + 1).arg(value.trimmed());
        seen.insert(key);
    }
    m_message->setText(m_problem);
    m_ok->setEnabled(m_problem.isEmpty());
    const auto selected = m_table->selectionModel()->selectedRows();
    m_remove->setEnabled(std::any_of(selected.begin(), selected.end(), [this](const QModelIndex& index) {
        return index.row() < m_table->rowCount() - 1;
    }));
}

core::data::ValueLabels ValueLabelsDialog::valueLabels() const
{
    core::data::ValueLabels labels;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QString value = cellText(row, ValueColumn);
        const std::string label = cellText(row, LabelColumn).trimmed().toStdString();
        if (label.empty()) continue;
        if (m_variable.isString()) {
            labels.setText(value.toStdString(), label);
        } else if (const auto number = DatasetTableModel::numberFromText(value.trimmed())) {
            labels.set(*number, label);
        }
    }
    return labels;
}

}  // namespace sl::widgets
