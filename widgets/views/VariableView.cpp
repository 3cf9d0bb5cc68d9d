#include "widgets/views/VariableView.h"

#include "widgets/dialogs/MissingValuesDialog.h"
#include "widgets/dialogs/ValueLabelsDialog.h"
#include "widgets/models/VariableTableModel.h"

#include <QComboBox>
#include <QHeaderView>
#include <QStyledItemDelegate>
#include <QToolTip>

#include <algorithm>

namespace sl::widgets {

namespace {

using core::data::MeasureLevel;

// Edits a column whose values come from a short list (type, measure level).
class ChoiceDelegate : public QStyledItemDelegate {
public:
    struct Choice {
        QIcon icon;
        QString text;
        int value;
    };
    ChoiceDelegate(QList<Choice> choices, QObject* parent) : QStyledItemDelegate(parent), m_choices(std::move(choices))
    {
    }

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem&, const QModelIndex&) const override
    {
        auto* combo = new QComboBox(parent);
        for (const Choice& choice : m_choices) combo->addItem(choice.icon, choice.text, choice.value);
        return combo;
    }
    void setEditorData(QWidget* editor, const QModelIndex& index) const override
    {
        auto* combo = static_cast<QComboBox*>(editor);
        combo->setCurrentIndex(combo->findData(index.data(Qt::EditRole)));
    }
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override
    {
        model->setData(index, static_cast<QComboBox*>(editor)->currentData(), Qt::EditRole);
    }

private:
    QList<Choice> m_choices;
};

struct ColumnWidth {
    int column;
    int chars;
};
constexpr ColumnWidth kColumnWidths[] = {
    {VariableTableModel::Name, 14},    {VariableTableModel::Type, 10},   {VariableTableModel::Width, 7},
    {VariableTableModel::Decimals, 9}, {VariableTableModel::Label, 34},  {VariableTableModel::Values, 28},
    {VariableTableModel::Missing, 14}, {VariableTableModel::Measure, 12},
};

constexpr int kMinNameChars = 12;
constexpr int kMaxNameChars = 32;

}  // namespace

VariableView::VariableView(QWidget* parent) : QTableView(parent)
{
    setAlternatingRowColors(true);
    setWordWrap(false);
    setTextElideMode(Qt::ElideRight);
    setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                    QAbstractItemView::AnyKeyPressed);
    QList<ChoiceDelegate::Choice> measures;
    for (auto level : {MeasureLevel::Nominal, MeasureLevel::Ordinal, MeasureLevel::Scale})
        measures.append({VariableTableModel::measureIcon(level), VariableTableModel::measureName(level),
                         static_cast<int>(level)});
    setItemDelegateForColumn(VariableTableModel::Measure, new ChoiceDelegate(measures, this));
    QList<ChoiceDelegate::Choice> types;
    for (int choice = 0; choice < VariableTableModel::TypeChoiceCount; ++choice)
        types.append(
            {QIcon(), VariableTableModel::typeChoiceName(static_cast<VariableTableModel::TypeChoice>(choice)), choice});
    setItemDelegateForColumn(VariableTableModel::Type, new ChoiceDelegate(types, this));
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 12);
    verticalHeader()->setDefaultAlignment(Qt::AlignRight | Qt::AlignVCenter);
    horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setStretchLastSection(true);
}

void VariableView::setModel(QAbstractItemModel* model)
{
    if (model == this->model()) return;
    if (this->model()) this->model()->disconnect(this);
    QTableView::setModel(model);
    if (!model) return;
    const int charWidth = fontMetrics().horizontalAdvance(QLatin1Char('0'));
    for (const auto& [column, chars] : kColumnWidths) setColumnWidth(column, chars * charWidth);
    connect(model, &QAbstractItemModel::modelReset, this, &VariableView::fitNames);
    if (auto* variables = qobject_cast<VariableTableModel*>(model))
        connect(variables, &VariableTableModel::editRejected, this, &VariableView::showRejection);
    fitNames();
}

bool VariableView::edit(const QModelIndex& index, EditTrigger trigger, QEvent* event)
{
    const int column = index.column();
    if (column != VariableTableModel::Values && column != VariableTableModel::Missing)
        return QTableView::edit(index, trigger, event);
    // Typing a letter does not open a dialog; a double-click, F2 or a request from code does.
    const EditTriggers opening = QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed;
    if (trigger != QAbstractItemView::AllEditTriggers && !(opening & trigger)) return false;
    if (column == VariableTableModel::Values)
        editValueLabels(index.row());
    else
        editMissingValues(index.row());
    return true;
}

void VariableView::editValueLabels(int row)
{
    auto* variables = qobject_cast<VariableTableModel*>(model());
    if (!variables || row < 0 || row >= variables->rowCount()) return;
    auto* dialog = new ValueLabelsDialog(variables->variable(row), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, variables,
            [variables, dialog, row] { variables->setValueLabels(row, dialog->valueLabels()); });
    dialog->open();
}

void VariableView::editMissingValues(int row)
{
    auto* variables = qobject_cast<VariableTableModel*>(model());
    if (!variables || row < 0 || row >= variables->rowCount()) return;
    auto* dialog = new MissingValuesDialog(variables->variable(row), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, variables,
            [variables, dialog, row] { variables->setMissingValues(row, dialog->missingValues()); });
    dialog->open();
}

void VariableView::showRejection(const QString& reason)
{
    const QRect cell = visualRect(currentIndex());
    QToolTip::showText(viewport()->mapToGlobal(cell.bottomLeft()), reason, viewport(), cell, 10000);
}

// Names are short and few compared with cases, so the Name column fits all of them.
void VariableView::fitNames()
{
    const int charWidth = fontMetrics().horizontalAdvance(QLatin1Char('0'));
    resizeColumnToContents(VariableTableModel::Name);
    setColumnWidth(VariableTableModel::Name,
                   std::clamp(columnWidth(VariableTableModel::Name) + charWidth, kMinNameChars * charWidth,
                              kMaxNameChars * charWidth));
}

}  // namespace sl::widgets
