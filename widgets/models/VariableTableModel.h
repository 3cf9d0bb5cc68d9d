#pragma once
// The Variable View: one row per variable with its name, type, format, labels, missing
// values and measure level. Every column is editable; each edit is checked and becomes one
// undoable step of the document.
#include "core/data/Dataset.h"

#include <QAbstractTableModel>
#include <QIcon>

namespace sl::widgets {

class DatasetDocument;

class VariableTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Type, Width, Decimals, Label, Values, Missing, Measure, ColumnCount };
    // What a variable holds, as the Type column offers it (the edit value of that column).
    enum TypeChoice { Number, Date, DateAndTime, Time, Text, TypeChoiceCount };

    explicit VariableTableModel(DatasetDocument* document, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    const core::data::Variable& variable(int row) const { return m_dataset->variable(static_cast<size_t>(row)); }

    // Replaces the value labels or the missing values of the variable in `row` as one undoable edit.
    void setValueLabels(int row, const core::data::ValueLabels& labels);
    void setMissingValues(int row, const core::data::MissingSpec& missing);

    // Why `name` cannot be the name of the variable in `row`, or an empty string when it can:
    // SPSS rules (a letter first, then letters, digits, _ . @ #; at most 64 bytes; no reserved
    // word) and no other variable of that name, ignoring case.
    QString nameProblem(const QString& name, int row) const;

    static QString measureName(core::data::MeasureLevel level);
    static QIcon measureIcon(core::data::MeasureLevel level);
    static QString typeChoiceName(TypeChoice choice);

signals:
    // An edit was refused; `reason` says why, for the status bar.
    void editRejected(const QString& reason);

private:
    void followDocument();
    // The longest text held by the string variable in `row`, in bytes.
    int longestText(size_t row) const;
    // Changes the variable in `row` between text and numbers, rebuilding its column; false when refused.
    bool convertType(size_t row, TypeChoice choice);
    QString typeText(const core::data::Variable& variable) const;
    QString valueLabelsText(const core::data::Variable& variable) const;
    QString allValueLabelsText(const core::data::Variable& variable) const;
    QString missingText(const core::data::Variable& variable) const;

    DatasetDocument* m_document;
    core::data::DatasetPtr m_dataset;
};

}  // namespace sl::widgets
