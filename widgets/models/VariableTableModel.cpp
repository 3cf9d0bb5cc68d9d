#include "widgets/models/VariableTableModel.h"

#include "widgets/document/DatasetDocument.h"
#include "widgets/models/DatasetTableModel.h"

#include <QPainter>
#include <QPixmap>

namespace sl::widgets {

namespace {

using core::data::MeasureLevel;
using core::data::Variable;

constexpr int kMaxLabelBytes = 256;  // what an SPSS file can hold
constexpr int kMaxDecimals = 16;
constexpr int kShownValueLabels = 3;
constexpr int kMaxToolTipLines = 40;

QString number(double value)
{
    return QString::number(value, 'g', 15);
}

// Small drawn symbols, as in SPSS: a ruler for scale, rising bars for ordinal, dots for nominal.
QIcon drawMeasureIcon(MeasureLevel level)
{
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    switch (level) {
    case MeasureLevel::Scale:
        p.setBrush(QColor(0xe0, 0xb0, 0x40));
        p.drawRoundedRect(QRectF(3, 10, 26, 12), 2, 2);
        p.setPen(QPen(QColor(0x5a, 0x46, 0x10), 2));
        for (int x = 8; x <= 24; x += 4) p.drawLine(x, 10, x, x % 8 == 0 ? 17 : 14);
        break;
    case MeasureLevel::Ordinal:
        p.setBrush(QColor(0x3f, 0x7f, 0xbf));
        p.drawRect(QRectF(4, 20, 6, 8));
        p.drawRect(QRectF(13, 13, 6, 15));
        p.drawRect(QRectF(22, 5, 6, 23));
        break;
    case MeasureLevel::Nominal: {
        const QColor colors[] = {QColor(0xc0, 0x50, 0x50), QColor(0x50, 0x9a, 0x5a), QColor(0x3f, 0x7f, 0xbf)};
        const QPointF centers[] = {{9, 21}, {23, 21}, {16, 9}};
        for (int i = 0; i < 3; ++i) {
            p.setBrush(colors[i]);
            p.drawEllipse(centers[i], 6, 6);
        }
        break;
    }
    }
    return QIcon(pixmap);
}

}  // namespace

VariableTableModel::VariableTableModel(DatasetDocument* document, QObject* parent)
    : QAbstractTableModel(parent), m_document(document), m_dataset(document->dataset())
{
    connect(m_document, &DatasetDocument::datasetChanged, this, &VariableTableModel::followDocument);
}

int VariableTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_dataset->variableCount());
}

int VariableTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString VariableTableModel::measureName(MeasureLevel level)
{
    switch (level) {
    case MeasureLevel::Nominal: return tr("Nominal");
    case MeasureLevel::Ordinal: return tr("Ordinal");
    case MeasureLevel::Scale: return tr("Scale");
    }
    return {};
}

QIcon VariableTableModel::measureIcon(MeasureLevel level)
{
    static const QIcon icons[] = {drawMeasureIcon(MeasureLevel::Nominal), drawMeasureIcon(MeasureLevel::Ordinal),
                                  drawMeasureIcon(MeasureLevel::Scale)};
    return icons[static_cast<int>(level)];
}

QString VariableTableModel::typeText(const Variable& variable) const
{
    if (variable.isString()) return tr("String");
    if (variable.format.isDate()) return tr("Date");
    if (variable.format.isDateTime()) return tr("Date and time");
    if (variable.format.isTime()) return tr("Time");
    return tr("Numeric");
}

QString VariableTableModel::valueLabelsText(const Variable& variable) const
{
    QStringList parts;
    for (const auto& [value, label] : variable.valueLabels.numeric()) {
        if (parts.size() == kShownValueLabels) break;
        parts << tr("%1 = %2").arg(DatasetTableModel::formatValue(variable, value), QString::fromStdString(label));
    }
    for (const auto& [value, label] : variable.valueLabels.text()) {
        if (parts.size() == kShownValueLabels) break;
        parts << tr("%1 = %2").arg(QString::fromStdString(value), QString::fromStdString(label));
    }
    if (parts.isEmpty()) return tr("None");
    const auto rest = static_cast<qsizetype>(variable.valueLabels.size()) - parts.size();
    QString text = parts.join(QStringLiteral("; "));
    if (rest > 0) text += tr("; … (%n more)", nullptr, static_cast<int>(rest));
    return text;
}

QString VariableTableModel::allValueLabelsText(const Variable& variable) const
{
    QStringList lines;
    for (const auto& [value, label] : variable.valueLabels.numeric())
        lines << tr("%1 = %2").arg(DatasetTableModel::formatValue(variable, value), QString::fromStdString(label));
    for (const auto& [value, label] : variable.valueLabels.text())
        lines << tr("%1 = %2").arg(QString::fromStdString(value), QString::fromStdString(label));
    if (lines.size() > kMaxToolTipLines) {
        const auto hidden = lines.size() - kMaxToolTipLines + 1;
        lines.resize(kMaxToolTipLines - 1);
        lines << tr("… and %n more", nullptr, static_cast<int>(hidden));
    }
    return lines.isEmpty() ? tr("None") : lines.join(QLatin1Char('\n'));
}

QString VariableTableModel::missingText(const Variable& variable) const
{
    const auto& missing = variable.missing;
    if (missing.empty()) return tr("None");
    QStringList parts;
    if (missing.range) parts << tr("%1 thru %2").arg(number(missing.range->first), number(missing.range->second));
    for (double value : missing.values) parts << number(value);
    for (const auto& text : missing.textValues) parts << QStringLiteral("\"%1\"").arg(QString::fromStdString(text));
    return parts.join(QStringLiteral(", "));
}

QVariant VariableTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || static_cast<size_t>(index.row()) >= m_dataset->variableCount()) return {};
    const Variable& variable = m_dataset->variable(static_cast<size_t>(index.row()));
    const int column = index.column();

    if (role == Qt::DecorationRole && column == Measure) return measureIcon(variable.measure);
    if (role == Qt::TextAlignmentRole) {
        const bool numeric = column == Width || column == Decimals;
        return QVariant::fromValue(Qt::AlignVCenter | (numeric ? Qt::AlignRight : Qt::AlignLeft));
    }
    if (role == Qt::EditRole) {
        switch (column) {
        case Decimals: return variable.format.decimals;
        case Label: return QString::fromStdString(variable.label);
        case Measure: return static_cast<int>(variable.measure);
        default: break;
        }
    }
    if (role == Qt::ToolTipRole && column == Values) return allValueLabelsText(variable);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::EditRole) return {};

    switch (column) {
    case Name: return QString::fromStdString(variable.name);
    case Type: return typeText(variable);
    case Width: return variable.isString() ? variable.stringWidth : variable.format.width;
    case Decimals: return variable.isString() ? QVariant() : QVariant(variable.format.decimals);
    case Label: return QString::fromStdString(variable.label);
    case Values: return valueLabelsText(variable);
    case Missing: return missingText(variable);
    case Measure: return measureName(variable.measure);
    default: return {};
    }
}

QVariant VariableTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole) return {};
    if (orientation == Qt::Vertical) return section + 1;
    switch (section) {
    case Name: return tr("Name");
    case Type: return tr("Type");
    case Width: return tr("Width");
    case Decimals: return tr("Decimals");
    case Label: return tr("Label");
    case Values: return tr("Value labels");
    case Missing: return tr("Missing values");
    case Measure: return tr("Measure");
    default: return {};
    }
}

Qt::ItemFlags VariableTableModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (!index.isValid() || static_cast<size_t>(index.row()) >= m_dataset->variableCount()) return flags;
    const bool isString = m_dataset->variable(static_cast<size_t>(index.row())).isString();
    if (index.column() == Label || index.column() == Measure || (index.column() == Decimals && !isString))
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool VariableTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable)) return false;
    const size_t row = static_cast<size_t>(index.row());
    Variable variable = m_dataset->variable(row);
    const QString name = QString::fromStdString(variable.name);
    QString description;

    switch (index.column()) {
    case Label: {
        const QByteArray label = value.toString().trimmed().toUtf8();
        if (label.contains('\n')) {
            emit editRejected(tr("A variable label must fit on one line."));
            return false;
        }
        if (label.size() > kMaxLabelBytes) {
            emit editRejected(tr("A variable label can hold at most %1 bytes.").arg(kMaxLabelBytes));
            return false;
        }
        if (label.toStdString() == variable.label) return true;
        variable.label = label.toStdString();
        description = tr("Change label of %1").arg(name);
        break;
    }
    case Decimals: {
        bool ok = false;
        const int decimals = value.toInt(&ok);
        if (!ok || decimals < 0 || decimals > kMaxDecimals) {
            emit editRejected(tr("Decimals must be a whole number from 0 to %1.").arg(kMaxDecimals));
            return false;
        }
        if (decimals == variable.format.decimals) return true;
        variable.format.decimals = decimals;
        variable.format.width = std::max(variable.format.width, decimals + 2);
        description = tr("Change decimals of %1").arg(name);
        break;
    }
    case Measure: {
        bool ok = false;
        const int level = value.toInt(&ok);
        if (!ok || level < 0 || level > static_cast<int>(MeasureLevel::Scale)) {
            emit editRejected(tr("Choose Nominal, Ordinal or Scale."));
            return false;
        }
        const auto measure = static_cast<MeasureLevel>(level);
        if (measure == MeasureLevel::Scale && variable.isString()) {
            emit editRejected(tr("%1 holds text, so it can be Nominal or Ordinal but not Scale.").arg(name));
            return false;
        }
        if (measure == variable.measure) return true;
        variable.measure = measure;
        description = tr("Change measure of %1 to %2").arg(name, measureName(measure));
        break;
    }
    default: return false;
    }
    m_document->editVariable(row, std::move(variable), description);
    return true;
}

void VariableTableModel::followDocument()
{
    auto next = m_document->dataset();
    if (next->variableCount() != m_dataset->variableCount()) {
        beginResetModel();
        m_dataset = std::move(next);
        endResetModel();
        return;
    }
    m_dataset = std::move(next);
    if (rowCount() > 0) emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

}  // namespace sl::widgets

