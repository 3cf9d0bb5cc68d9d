#include "widgets/models/VariableTableModel.h"

#include "core/transform/CellEdit.h"
#include "widgets/document/DatasetDocument.h"
#include "widgets/models/DatasetTableModel.h"

#include <QPainter>
#include <QPixmap>

#include <algorithm>
#include <climits>

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

constexpr int kMaxNameBytes = 64;
constexpr int kMaxNumericWidth = 40;
constexpr int kMaxStringWidth = 32767;
const char* const kReservedWords[] = {"ALL", "AND", "BY", "EQ", "GE", "GT", "LE",
                                      "LT",  "NE",  "NOT", "OR", "TO", "WITH"};

VariableTableModel::TypeChoice typeChoice(const Variable& variable)
{
    const auto& format = variable.format;
    if (variable.isString()) return VariableTableModel::Text;
    if (format.isDate()) return VariableTableModel::Date;
    if (format.isDateTime()) return VariableTableModel::DateAndTime;
    if (format.isTime()) return VariableTableModel::Time;
    return VariableTableModel::Number;
}

// The SPSS display format of a numeric type choice: F8.2, DATE11, DATETIME20, TIME8.
core::data::DisplayFormat numericFormat(VariableTableModel::TypeChoice choice)
{
    switch (choice) {
    case VariableTableModel::Date: return {20, 11, 0};
    case VariableTableModel::DateAndTime: return {22, 20, 0};
    case VariableTableModel::Time: return {21, 8, 0};
    default: return {5, 8, 2};
    }
}

// Small symbols, as in SPSS: a ruler for scale, rising bars for ordinal, three circles for nominal.
// Drawn on a 32-unit grid at `size` pixels, so the icon stays sharp at every screen scale.
QPixmap drawMeasureSymbol(MeasureLevel level, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.scale(size / 32.0, size / 32.0);
    switch (level) {
    case MeasureLevel::Scale:
        p.setPen(QPen(QColor(0x8a, 0x6a, 0x18), 1.2));
        p.setBrush(QColor(0xf0, 0xc4, 0x50));
        p.drawRoundedRect(QRectF(2.5, 9.5, 27, 13), 2, 2);
        p.setPen(QPen(QColor(0x5a, 0x46, 0x10), 1.6, Qt::SolidLine, Qt::FlatCap));
        for (int x = 7; x <= 25; x += 3) p.drawLine(QPointF(x, 10), QPointF(x, (x - 7) % 6 == 0 ? 17 : 14));
        break;
    case MeasureLevel::Ordinal:
        p.setPen(QPen(QColor(0x24, 0x55, 0x8a), 1.2));
        p.setBrush(QColor(0x4a, 0x8c, 0xd0));
        p.drawRect(QRectF(3.5, 19.5, 7, 9));
        p.drawRect(QRectF(12.5, 12.5, 7, 16));
        p.drawRect(QRectF(21.5, 4.5, 7, 24));
        break;
    case MeasureLevel::Nominal: {
        const QColor colors[] = {QColor(0xd0, 0x4e, 0x4e), QColor(0x4c, 0xa0, 0x58), QColor(0x4a, 0x8c, 0xd0)};
        const QPointF centers[] = {{8.5, 22}, {23.5, 22}, {16, 9}};
        for (int i = 0; i < 3; ++i) {
            p.setPen(QPen(colors[i].darker(140), 1.2));
            p.setBrush(colors[i]);
            p.drawEllipse(centers[i], 6.2, 6.2);
        }
        break;
    }
    }
    return pixmap;
}

QIcon drawMeasureIcon(MeasureLevel level)
{
    QIcon icon;
    for (int size : {16, 20, 24, 32, 40, 48, 64, 96}) icon.addPixmap(drawMeasureSymbol(level, size));
    return icon;
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

QString VariableTableModel::typeChoiceName(TypeChoice choice)
{
    switch (choice) {
    case Number: return tr("Numeric");
    case Date: return tr("Date");
    case DateAndTime: return tr("Date and time");
    case Time: return tr("Time");
    case Text: return tr("String");
    case TypeChoiceCount: break;
    }
    return {};
}

QString VariableTableModel::typeText(const Variable& variable) const
{
    return typeChoiceName(typeChoice(variable));
}

QString VariableTableModel::nameProblem(const QString& name, int row) const
{
    if (name.isEmpty()) return tr("A variable needs a name.");
    if (!name.front().isLetter()) return tr("A variable name must start with a letter; “%1” does not.").arg(name);
    for (const QChar c : name)
        if (!c.isLetterOrNumber() && c != QLatin1Char('_') && c != QLatin1Char('.') && c != QLatin1Char('@') &&
            c != QLatin1Char('#'))
            return tr("A variable name can hold letters, digits and _ . @ # only; “%1” holds “%2”.").arg(name, c);
    if (name.toUtf8().size() > kMaxNameBytes)
        return tr("A variable name can be at most %1 bytes long.").arg(kMaxNameBytes);
    for (const char* word : kReservedWords)
        if (name.compare(QLatin1String(word), Qt::CaseInsensitive) == 0)
            return tr("%1 is a reserved word of SPSS syntax and cannot name a variable.").arg(name.toUpper());
    const std::string bytes = name.toStdString();
    for (size_t i = 0; i < m_dataset->variableCount(); ++i)
        if (static_cast<int>(i) != row && core::data::sameName(m_dataset->variable(i).name, bytes))
            return tr("Another variable is already named %1 (names ignore case).")
                .arg(QString::fromStdString(m_dataset->variable(i).name));
    return {};
}

int VariableTableModel::longestText(size_t row) const
{
    const auto& column = m_dataset->column(row);
    size_t longest = 0;
    for (size_t i = 0; i < column.size(); ++i) longest = std::max(longest, column.text(i).size());
    return static_cast<int>(longest);
}

bool VariableTableModel::convertType(size_t row, TypeChoice choice)
{
    const Variable& variable = m_dataset->variable(row);
    const auto type = choice == Text ? core::data::VariableType::String : core::data::VariableType::Numeric;
    auto changed = core::transform::withVariableType(*m_dataset, row, type, variable.format.width);
    if (!changed) {
        emit editRejected(QString::fromStdString(changed.error().describe()));
        return false;
    }
    core::data::DatasetPtr edited = changed->dataset;
    if (choice != Text && choice != Number) {
        Variable converted = edited->variable(row);
        converted.format = numericFormat(choice);
        edited = edited->withMetadata(row, std::move(converted));
    }
    const QString name = QString::fromStdString(variable.name);
    const int unreadable = static_cast<int>(std::min<size_t>(changed->unreadable, INT_MAX));
    const QString description =
        unreadable == 0
            ? tr("Change type of %1 to %2").arg(name, typeChoiceName(choice))
            : tr("Change type of %1 to %2 (system-missing where the text was not a number: %n)", nullptr,
                 unreadable)
                  .arg(name, typeChoiceName(choice));
    m_document->replaceDataset(std::move(edited), description);
    return true;
}

void VariableTableModel::setValueLabels(int row, const core::data::ValueLabels& labels)
{
    if (row < 0 || row >= rowCount()) return;
    Variable variable = m_dataset->variable(static_cast<size_t>(row));
    if (variable.valueLabels == labels) return;
    variable.valueLabels = labels;
    const QString description = tr("Change value labels of %1").arg(QString::fromStdString(variable.name));
    m_document->editVariable(static_cast<size_t>(row), std::move(variable), description);
}

void VariableTableModel::setMissingValues(int row, const core::data::MissingSpec& missing)
{
    if (row < 0 || row >= rowCount()) return;
    Variable variable = m_dataset->variable(static_cast<size_t>(row));
    if (variable.missing == missing) return;
    variable.missing = missing;
    const QString description = tr("Change missing values of %1").arg(QString::fromStdString(variable.name));
    m_document->editVariable(static_cast<size_t>(row), std::move(variable), description);
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
        case Name: return QString::fromStdString(variable.name);
        case Type: return static_cast<int>(typeChoice(variable));
        case Width: return variable.isString() ? variable.stringWidth : variable.format.width;
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
    const Variable& variable = m_dataset->variable(static_cast<size_t>(index.row()));
    const bool plainNumber = typeChoice(variable) == Number;
    const bool fixedWidth = variable.isNumeric() && !plainNumber;  // dates and times have their own width
    switch (index.column()) {
    case Width: return fixedWidth ? flags : flags | Qt::ItemIsEditable;
    case Decimals: return plainNumber ? flags | Qt::ItemIsEditable : flags;
    default: return flags | Qt::ItemIsEditable;
    }
}

bool VariableTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable)) return false;
    const size_t row = static_cast<size_t>(index.row());
    Variable variable = m_dataset->variable(row);
    const QString name = QString::fromStdString(variable.name);
    QString description;

    switch (index.column()) {
    case Name: {
        const QString newName = value.toString().trimmed();
        if (newName.toStdString() == variable.name) return true;
        if (const QString problem = nameProblem(newName, index.row()); !problem.isEmpty()) {
            emit editRejected(problem);
            return false;
        }
        variable.name = newName.toStdString();
        description = tr("Rename %1 to %2").arg(name, newName);
        break;
    }
    case Type: {
        bool ok = false;
        const int choice = value.toInt(&ok);
        if (!ok || choice < 0 || choice >= TypeChoiceCount) {
            emit editRejected(tr("Choose Numeric, Date, Date and time, Time or String."));
            return false;
        }
        if (choice == typeChoice(variable)) return true;
        if ((choice == Text) != variable.isString()) return convertType(row, static_cast<TypeChoice>(choice));
        variable.format = numericFormat(static_cast<TypeChoice>(choice));
        description = tr("Change type of %1 to %2").arg(name, typeChoiceName(static_cast<TypeChoice>(choice)));
        break;
    }
    case Width: {
        bool ok = false;
        const int width = value.toInt(&ok);
        const int maximum = variable.isString() ? kMaxStringWidth : kMaxNumericWidth;
        if (!ok || width < 1 || width > maximum) {
            emit editRejected(tr("Width must be a whole number from 1 to %1.").arg(maximum));
            return false;
        }
        if (variable.isString()) {
            if (width == variable.stringWidth) return true;
            if (const int longest = longestText(row); width < longest) {
                emit editRejected(tr("%1 holds text of %2 bytes, so it needs a width of at least %2.")
                                      .arg(name)
                                      .arg(longest));
                return false;
            }
            variable.stringWidth = width;
            variable.format.width = width;
        } else {
            if (width == variable.format.width) return true;
            const int decimals = variable.format.decimals;
            if (decimals > 0 && width < decimals + 2) {
                emit editRejected(
                    tr("A width of %1 leaves no room for %2 decimals; use at least %3.").arg(width).arg(decimals).arg(
                        decimals + 2));
                return false;
            }
            variable.format.width = width;
        }
        description = tr("Change width of %1").arg(name);
        break;
    }
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
    default: return false;  // value labels and missing values are edited in their dialogs
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

