#include "widgets/views/DataView.h"

#include "widgets/models/DatasetTableModel.h"

#include <QHeaderView>

#include <algorithm>

namespace sl::widgets {

namespace {
constexpr int kMinColumnChars = 8;
constexpr int kMaxColumnChars = 28;
}  // namespace

DataView::DataView(QWidget* parent) : QTableView(parent)
{
    setAlternatingRowColors(true);
    setWordWrap(false);
    setSelectionBehavior(QAbstractItemView::SelectItems);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    setTextElideMode(Qt::ElideRight);
    auto* rows = verticalHeader();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(fontMetrics().height() + 10);
    rows->setDefaultAlignment(Qt::AlignRight | Qt::AlignVCenter);
    horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    horizontalHeader()->setHighlightSections(false);
}

void DataView::setModel(QAbstractItemModel* model)
{
    if (model == this->model()) return;
    if (this->model()) this->model()->disconnect(this);
    QTableView::setModel(model);
    if (!model) return;
    connect(model, &QAbstractItemModel::modelReset, this, &DataView::fitColumnsToVariables);
    fitColumnsToVariables();
}

// Widths come from the header, the longest value label and a sample of the first rows,
// never from all cases.
void DataView::fitColumnsToVariables()
{
    const QFontMetrics metrics = fontMetrics();
    const QFontMetrics headerMetrics = horizontalHeader()->fontMetrics();
    const int charWidth = metrics.horizontalAdvance(QLatin1Char('0'));
    const int sampleRows = std::min(model()->rowCount(), 50);
    for (int c = 0; c < model()->columnCount(); ++c) {
        int width = headerMetrics.horizontalAdvance(model()->headerData(c, Qt::Horizontal).toString()) + 24;
        const QString longestLabel =
            model()->headerData(c, Qt::Horizontal, DatasetTableModel::LongestValueLabelRole).toString();
        width = std::max(width, metrics.horizontalAdvance(longestLabel) + 16);
        for (int r = 0; r < sampleRows; ++r)
            width = std::max(width, metrics.horizontalAdvance(model()->index(r, c).data().toString()) + 16);
        setColumnWidth(c, std::clamp(width, kMinColumnChars * charWidth, kMaxColumnChars * charWidth));
    }
}

}  // namespace sl::widgets
