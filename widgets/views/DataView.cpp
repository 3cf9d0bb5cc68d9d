#include "widgets/views/DataView.h"

#include "core/transform/FindValue.h"
#include "widgets/models/DatasetTableModel.h"

#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMimeData>
#include <QToolTip>

#include <algorithm>
#include <utility>

namespace sl::widgets {

namespace {
constexpr int kMinColumnChars = 8;
constexpr int kMaxColumnChars = 28;

// Tabs and line breaks inside a cell would split it in a spreadsheet.
QString cellText(const QModelIndex& index)
{
    QString text = index.data().toString();
    text.replace(QLatin1Char('\t'), QLatin1Char(' '));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    text.replace(QLatin1Char('\r'), QLatin1Char(' '));
    return text;
}
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
    auto* columns = horizontalHeader();
    columns->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    columns->setHighlightSections(false);
    // Cases start in file order; clicking a header sorts, a third click restores file order.
    columns->setSortIndicatorClearable(true);
    columns->setSortIndicator(-1, Qt::AscendingOrder);
    setSortingEnabled(true);
    setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                    QAbstractItemView::AnyKeyPressed);
}

void DataView::setModel(QAbstractItemModel* model)
{
    if (model == this->model()) return;
    if (this->model()) this->model()->disconnect(this);
    QTableView::setModel(model);
    if (!model) return;
    connect(model, &QAbstractItemModel::modelReset, this, &DataView::fitColumnsToVariables);
    if (auto* table = datasetModel()) connect(table, &DatasetTableModel::editRejected, this, &DataView::showRejection);
    fitColumnsToVariables();
}

DatasetTableModel* DataView::datasetModel() const
{
    return qobject_cast<DatasetTableModel*>(model());
}

QString DataView::selectedText() const
{
    if (!model() || !selectionModel()) return {};
    const QItemSelection selection = selectionModel()->selection();
    if (selection.isEmpty()) return {};
    int top = model()->rowCount(), bottom = -1, left = model()->columnCount(), right = -1;
    bool wholeColumns = true;
    for (const QItemSelectionRange& range : selection) {
        top = std::min(top, range.top());
        bottom = std::max(bottom, range.bottom());
        left = std::min(left, range.left());
        right = std::max(right, range.right());
        wholeColumns = wholeColumns && range.top() == 0 && range.bottom() == model()->rowCount() - 1;
    }
    QStringList lines;
    QStringList cells;
    if (wholeColumns) {
        for (int c = left; c <= right; ++c)
            cells << (selection.contains(model()->index(0, c)) ? model()->headerData(c, Qt::Horizontal).toString()
                                                                : QString());
        lines << cells.join(QLatin1Char('\t'));
    }
    for (int r = top; r <= bottom; ++r) {
        cells.clear();
        for (int c = left; c <= right; ++c) {
            const QModelIndex index = model()->index(r, c);
            cells << (selection.contains(index) ? cellText(index) : QString());
        }
        lines << cells.join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

void DataView::copySelection()
{
    const QString text = selectedText();
    if (text.isEmpty()) return;
    auto* mime = new QMimeData;
    mime->setText(text);
    QApplication::clipboard()->setMimeData(mime);
}

bool DataView::goToCase(int caseNumber)
{
    auto* table = datasetModel();
    if (!table || caseNumber < 1 || caseNumber > table->rowCount()) return false;
    const int row = table->rowOf(static_cast<size_t>(caseNumber - 1));
    const QModelIndex index = table->index(row, std::max(currentIndex().column(), 0));
    selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    scrollTo(index, QAbstractItemView::PositionAtCenter);
    return true;
}

void DataView::askForCase()
{
    auto* table = datasetModel();
    if (!table || table->rowCount() == 0) return;
    const int current = currentIndex().isValid() ? static_cast<int>(table->caseAt(currentIndex().row())) + 1 : 1;
    bool ok = false;
    const int caseNumber = QInputDialog::getInt(this, tr("Go to Case"), tr("Case number:"), current, 1,
                                                table->rowCount(), 1, &ok);
    if (ok) goToCase(caseNumber);
}

bool DataView::findNext(const QString& text)
{
    auto* table = datasetModel();
    if (!table || text.isEmpty() || table->rowCount() == 0 || table->columnCount() == 0) return false;
    const QModelIndex current = currentIndex();
    const int column = std::max(current.column(), 0);
    const size_t start = current.isValid() ? static_cast<size_t>(current.row()) + 1 : 0;
    const size_t v = static_cast<size_t>(column);
    core::transform::ValueMatch match;
    match.number = [&](double value) { return table->shownText(v, value).contains(text, Qt::CaseInsensitive); };
    match.text = [&](std::string_view value) {
        return table->shownText(v, value).contains(text, Qt::CaseInsensitive);
    };
    const auto found = core::transform::findNextMatch(table->dataset()->column(v), match, start, table->caseOrder());
    if (!found) return false;
    const QModelIndex index = table->index(static_cast<int>(*found), column);
    selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    scrollTo(index);
    return true;
}

void DataView::sortByCurrentVariable(Qt::SortOrder order)
{
    if (!model() || model()->columnCount() == 0) return;
    sortByColumn(std::max(currentIndex().column(), 0), order);
}

void DataView::restoreCaseOrder()
{
    sortByColumn(-1, Qt::AscendingOrder);
}

void DataView::keyPressEvent(QKeyEvent* event)
{
    if (event == QKeySequence::Copy) {
        copySelection();
        event->accept();
        return;
    }
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && state() != EditingState) {
        moveCurrent(event->modifiers() & Qt::ShiftModifier ? MoveUp : MoveDown);
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}

bool DataView::edit(const QModelIndex& index, EditTrigger trigger, QEvent* event)
{
    const bool editing = QTableView::edit(index, trigger, event);
    if (editing) m_editedCell = index;
    return editing;
}

void DataView::closeEditor(QWidget* editor, QAbstractItemDelegate::EndEditHint hint)
{
    const bool rejected = std::exchange(m_editRejected, false);
    // Enter and Tab end the edit with the edited cell still current; a click elsewhere ends it
    // after the current cell moved, and the editor then closes whatever happened.
    const bool byKey = currentIndex() == m_editedCell && hint != QAbstractItemDelegate::NoHint &&
                       hint != QAbstractItemDelegate::RevertModelCache;
    if (rejected && byKey) {
        // The typed text stays so it can be corrected; Escape gives up.
        if (auto* line = qobject_cast<QLineEdit*>(editor)) line->selectAll();
        return;
    }
    QTableView::closeEditor(editor, QAbstractItemDelegate::NoHint);
    if (rejected || !byKey) return;
    switch (hint) {
    case QAbstractItemDelegate::SubmitModelCache:  // Enter
        moveCurrent(QApplication::keyboardModifiers() & Qt::ShiftModifier ? MoveUp : MoveDown);
        break;
    case QAbstractItemDelegate::EditNextItem: moveCurrent(MoveNext); break;         // Tab
    case QAbstractItemDelegate::EditPreviousItem: moveCurrent(MovePrevious); break;  // Shift+Tab
    default: break;
    }
}

void DataView::moveCurrent(CursorAction action)
{
    const QModelIndex next = moveCursor(action, Qt::NoModifier);
    if (!next.isValid()) return;
    selectionModel()->setCurrentIndex(next, QItemSelectionModel::ClearAndSelect);
    scrollTo(next);
}

void DataView::showRejection(const QModelIndex& index, const QString& reason)
{
    m_editRejected = state() == EditingState;
    const QRect cell = visualRect(index);
    QToolTip::showText(viewport()->mapToGlobal(cell.bottomLeft()), reason, viewport(), cell, 10000);
    emit statusMessage(reason);
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
