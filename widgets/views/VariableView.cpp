#include "widgets/views/VariableView.h"

#include "widgets/models/VariableTableModel.h"

#include <QComboBox>
#include <QHeaderView>
#include <QStyledItemDelegate>

#include <algorithm>

namespace sl::widgets {

namespace {

using core::data::MeasureLevel;

// Edits the Measure column with a list of the three levels, each with its symbol.
class MeasureLevelDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem&, const QModelIndex&) const override
    {
        auto* combo = new QComboBox(parent);
        for (auto level : {MeasureLevel::Nominal, MeasureLevel::Ordinal, MeasureLevel::Scale})
            combo->addItem(VariableTableModel::measureIcon(level), VariableTableModel::measureName(level),
                           static_cast<int>(level));
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
    setItemDelegateForColumn(VariableTableModel::Measure, new MeasureLevelDelegate(this));
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
    fitNames();
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
