#include "widgets/models/DatasetTableModel.h"

#include "core/transform/CaseOrder.h"
#include "widgets/document/DatasetDocument.h"

#include <QColor>
#include <QGuiApplication>
#include <QPalette>
#include <QDateTime>
#include <QTimeZone>
#include <QLocale>

#include <algorithm>
#include <limits>

namespace sl::widgets {

namespace {

// User-missing values: the palette's text colour, faded, so they read as greyed in light and dark windows.
QColor userMissingColor()
{
    QColor color = QGuiApplication::palette().color(QPalette::Text);
    color.setAlphaF(0.5);
    return color;
}

int clampToInt(size_t n)
{
    return static_cast<int>(std::min<size_t>(n, std::numeric_limits<int>::max()));
}

// SPSS dates count seconds from 14 October 1582.
const QDateTime& spssEpoch()
{
    static const QDateTime epoch(QDate(1582, 10, 14), QTime(0, 0), Qt::UTC);
    return epoch;
}

QDateTime spssDateTime(double seconds)
{
    return spssEpoch().addMSecs(static_cast<qint64>(std::llround(seconds * 1000.0)));
}

// The time zone a variable's date-times were recorded in (they are stored in UTC), or UTC when unknown.
QTimeZone recordedZone(const core::data::Variable& variable)
{
    if (variable.timeZone.empty()) return QTimeZone::utc();
    const QTimeZone zone(QByteArray::fromStdString(variable.timeZone));
    return zone.isValid() ? zone : QTimeZone::utc();
}

std::optional<double> spssSeconds(const QDateTime& dateTime)
{
    if (!dateTime.isValid()) return std::nullopt;
    return static_cast<double>(spssEpoch().msecsTo(dateTime)) / 1000.0;
}

// "[-]hh:mm" or "[-]hh:mm:ss" as seconds.
std::optional<double> durationSeconds(QString text)
{
    const bool negative = text.startsWith(QLatin1Char('-'));
    if (negative) text.remove(0, 1);
    const QStringList parts = text.split(QLatin1Char(':'));
    if (parts.size() < 2 || parts.size() > 3) return std::nullopt;
    double seconds = 0;
    for (const QString& part : parts) {
        bool ok = false;
        const double value = part.toDouble(&ok);
        if (!ok || value < 0) return std::nullopt;
        seconds = seconds * 60 + value;
    }
    if (parts.size() == 2) seconds *= 60;
    return negative ? -seconds : seconds;
}

QString formatTime(double seconds)
{
    const bool negative = seconds < 0;
    const qint64 total = std::llround(std::abs(seconds));
    return QStringLiteral("%1%2:%3:%4")
        .arg(negative ? QStringLiteral("-") : QString())
        .arg(total / 3600, 2, 10, QLatin1Char('0'))
        .arg((total / 60) % 60, 2, 10, QLatin1Char('0'))
        .arg(total % 60, 2, 10, QLatin1Char('0'));
}

}  // namespace

DatasetTableModel::DatasetTableModel(DatasetDocument* document, QObject* parent)
    : QAbstractTableModel(parent), m_document(document), m_dataset(document->dataset())
{
    connect(m_document, &DatasetDocument::datasetChanged, this, &DatasetTableModel::followDocument);
}

int DatasetTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : clampToInt(m_dataset->caseCount());
}

int DatasetTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : clampToInt(m_dataset->variableCount());
}

QString DatasetTableModel::formatValue(const core::data::Variable& variable, double value)
{
    const auto& format = variable.format;
    if (format.isDate()) return spssDateTime(value).date().toString(Qt::ISODate);
    if (format.isDateTime())
        return spssDateTime(value).toTimeZone(recordedZone(variable)).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (format.isTime()) return formatTime(value);
    return QString::number(value, 'f', std::clamp(format.decimals, 0, 16));
}

QString DatasetTableModel::shownText(size_t v, double value) const
{
    const auto& variable = m_dataset->variable(v);
    const std::string* label = m_showValueLabels ? variable.labelOf(value) : nullptr;
    return label ? QString::fromStdString(*label) : formatValue(variable, value);
}

QString DatasetTableModel::shownText(size_t v, std::string_view text) const
{
    const std::string* label = m_showValueLabels ? m_dataset->variable(v).valueLabels.findText(text) : nullptr;
    return label ? QString::fromStdString(*label)
                 : QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

QVariant DatasetTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid()) return {};
    const size_t v = static_cast<size_t>(index.column());
    const size_t c = caseAt(index.row());
    const auto& variable = m_dataset->variable(v);
    const auto& column = m_dataset->column(v);

    switch (role) {
    case Qt::EditRole: return editText(v, c);
    case Qt::DisplayRole:
        if (column.isString()) return shownText(v, column.text(c));
        if (std::isnan(column.number(c))) return {};
        return shownText(v, column.number(c));
    case Qt::ToolTipRole: {
        QString code;
        const std::string* label = nullptr;
        if (column.isString()) {
            const auto text = column.text(c);
            code = QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
            label = variable.valueLabels.findText(text);
        } else {
            const double value = column.number(c);
            if (std::isnan(value)) return tr("System-missing");
            code = formatValue(variable, value);
            label = variable.labelOf(value);
        }
        QString tip = label ? tr("%1 = %2").arg(code, QString::fromStdString(*label)) : code;
        if (m_dataset->isMissing(v, c)) tip = tr("%1 (user-missing)").arg(tip);
        return tip;
    }
    case Qt::ForegroundRole:
        if (m_dataset->isMissing(v, c)) return userMissingColor();  // system-missing cells are blank anyway
        return {};
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignVCenter | (column.isString() ? Qt::AlignLeft : Qt::AlignRight));
    default:
        return {};
    }
}

QVariant DatasetTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole && section >= 0 && section < rowCount())
            return static_cast<qulonglong>(caseAt(section) + 1);
        if (role == Qt::TextAlignmentRole) return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    if (section < 0 || static_cast<size_t>(section) >= m_dataset->variableCount()) return {};
    const auto& variable = m_dataset->variable(static_cast<size_t>(section));
    if (role == Qt::DisplayRole) return QString::fromStdString(variable.name);
    if (role == Qt::ToolTipRole)
        return QString::fromStdString(variable.label.empty() ? variable.name : variable.label);
    if (role == LongestValueLabelRole) {
        QString longest;
        auto consider = [&longest](const std::string& label) {
            const QString text = QString::fromStdString(label);
            if (text.size() > longest.size()) longest = text;
        };
        for (const auto& entry : variable.valueLabels.numeric()) consider(entry.second);
        for (const auto& entry : variable.valueLabels.text()) consider(entry.second);
        return longest;
    }
    return {};
}

std::optional<double> DatasetTableModel::numberFromText(const QString& text)
{
    bool ok = false;
    double value = QLocale().toDouble(text.trimmed(), &ok);
    if (!ok) value = QLocale::c().toDouble(text.trimmed(), &ok);
    if (!ok || !std::isfinite(value)) return std::nullopt;
    return value;
}

Qt::ItemFlags DatasetTableModel::flags(const QModelIndex& index) const
{
    const Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    return index.isValid() ? flags | Qt::ItemIsEditable : flags;
}

// The text an editor starts with: what the cell shows, with all the digits of the number.
QString DatasetTableModel::editText(size_t v, size_t caseIndex) const
{
    const auto& variable = m_dataset->variable(v);
    const auto& column = m_dataset->column(v);
    if (column.isString()) {
        const auto text = column.text(caseIndex);
        return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
    }
    const double value = column.number(caseIndex);
    if (std::isnan(value)) return {};
    const std::string* label = m_showValueLabels ? variable.labelOf(value) : nullptr;
    if (label) return QString::fromStdString(*label);
    const auto& format = variable.format;
    if (format.isDate() || format.isDateTime() || format.isTime()) return formatValue(variable, value);
    return QString::number(value, 'g', 15);
}

std::optional<core::transform::CellValue> DatasetTableModel::valueFromText(size_t v, const QString& typed,
                                                                          QString& reason) const
{
    const auto& variable = m_dataset->variable(v);
    const QString name = QString::fromStdString(variable.name);
    if (variable.isString()) {
        const QByteArray bytes = typed.toUtf8();
        if (variable.stringWidth > 0 && bytes.size() > variable.stringWidth) {
            reason = tr("%1 holds at most %2 bytes of text; “%3” has %4. Widen it in the Variable View.")
                         .arg(name)
                         .arg(variable.stringWidth)
                         .arg(typed)
                         .arg(bytes.size());
            return std::nullopt;
        }
        return bytes.toStdString();
    }
    const QString text = typed.trimmed();
    if (text.isEmpty()) return core::data::kSysmis;
    const auto& format = variable.format;
    std::optional<double> value;
    QString expected;
    if (format.isDate()) {
        value = spssSeconds(QDateTime(QDate::fromString(text, Qt::ISODate), QTime(0, 0), Qt::UTC));
        expected = tr("a date such as 2024-03-31");
    } else if (format.isDateTime()) {
        QDateTime dateTime = QDateTime::fromString(text, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        if (!dateTime.isValid()) dateTime = QDateTime::fromString(text, Qt::ISODate);
        dateTime.setTimeZone(recordedZone(variable));
        value = spssSeconds(dateTime);
        expected = tr("a date and time such as 2024-03-31 14:30:00");
    } else if (format.isTime()) {
        value = durationSeconds(text);
        expected = tr("a time such as 14:30:00");
    } else {
        value = numberFromText(text);
        expected = tr("a number");
    }
    if (value) return *value;
    for (const auto& [code, label] : variable.valueLabels.numeric())
        if (text.compare(QString::fromStdString(label), Qt::CaseInsensitive) == 0) return code;
    reason = variable.valueLabels.empty()
                 ? tr("%1 takes %2; “%3” is not one. Leave the cell empty for system-missing.")
                       .arg(name, expected, text)
                 : tr("%1 takes %2 or one of its value labels; “%3” is neither. Leave the cell empty for "
                      "system-missing.")
                       .arg(name, expected, text);
    return std::nullopt;
}

bool DatasetTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || !index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return false;
    const size_t v = static_cast<size_t>(index.column());
    if (value.toString() == editText(v, caseAt(index.row()))) return true;  // left as it was
    QString reason;
    const auto cell = valueFromText(v, value.toString(), reason);
    if (!cell) {
        emit editRejected(index, reason);
        return false;
    }
    const auto status = m_document->editCell(v, caseAt(index.row()), *cell);
    if (!status) {
        emit editRejected(index, QString::fromStdString(status.error().describe()));
        return false;
    }
    return true;
}

void DatasetTableModel::setShowValueLabels(bool show)
{
    if (show == m_showValueLabels) return;
    m_showValueLabels = show;
    if (rowCount() > 0 && columnCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), {Qt::DisplayRole});
}

void DatasetTableModel::sort(int column, Qt::SortOrder order)
{
    m_sortColumn = column;
    m_sortOrder = order;
    applyOrder(orderFor(*m_dataset));
}

int DatasetTableModel::rowOf(size_t caseIndex) const
{
    if (m_order.empty()) return static_cast<int>(caseIndex);
    const auto found = std::find(m_order.begin(), m_order.end(), caseIndex);
    return found == m_order.end() ? -1 : static_cast<int>(found - m_order.begin());
}

std::vector<size_t> DatasetTableModel::orderFor(const core::data::Dataset& dataset) const
{
    if (m_sortColumn < 0 || static_cast<size_t>(m_sortColumn) >= dataset.variableCount()) return {};
    using core::transform::SortDirection;
    return core::transform::sortedCaseOrder(
        dataset.column(static_cast<size_t>(m_sortColumn)),
        m_sortOrder == Qt::AscendingOrder ? SortDirection::Ascending : SortDirection::Descending);
}

void DatasetTableModel::applyOrder(std::vector<size_t> order)
{
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<size_t> casesBefore;
    casesBefore.reserve(static_cast<size_t>(before.size()));
    for (const QModelIndex& index : before) casesBefore.push_back(caseAt(index.row()));
    m_order = std::move(order);
    std::vector<int> rowOfCase;
    if (!before.isEmpty() && !m_order.empty()) {
        rowOfCase.resize(m_order.size());
        for (size_t r = 0; r < m_order.size(); ++r) rowOfCase[m_order[r]] = static_cast<int>(r);
    }
    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype i = 0; i < before.size(); ++i) {
        const size_t c = casesBefore[static_cast<size_t>(i)];
        after.append(index(m_order.empty() ? static_cast<int>(c) : rowOfCase[c], before[i].column()));
    }
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void DatasetTableModel::followDocument()
{
    auto next = m_document->dataset();
    const bool sameShape =
        next->caseCount() == m_dataset->caseCount() && next->variableCount() == m_dataset->variableCount();
    if (!sameShape) {
        beginResetModel();
        m_order = orderFor(*next);
        m_dataset = std::move(next);
        endResetModel();
        return;
    }
    m_dataset = std::move(next);
    if (columnCount() == 0) return;
    emit headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
    if (!m_order.empty()) applyOrder(orderFor(*m_dataset));  // an edit may have changed the sorted values
    if (rowCount() > 0) emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

}  // namespace sl::widgets
