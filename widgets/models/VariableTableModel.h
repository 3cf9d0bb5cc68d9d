#pragma once
// The Variable View: one row per variable with its name, type, format, labels, missing
// values and measure level. Label, decimals and measure level are editable; each edit is
// checked and becomes one undoable step of the document.
#include "core/data/Dataset.h"

#include <QAbstractTableModel>
#include <QIcon>

namespace sl::widgets {

class DatasetDocument;

class VariableTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Type, Width, Decimals, Label, Values, Missing, Measure, ColumnCount };

    explicit VariableTableModel(DatasetDocument* document, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    static QString measureName(core::data::MeasureLevel level);
    static QIcon measureIcon(core::data::MeasureLevel level);

signals:
    // An edit was refused; `reason` says why, for the status bar.
    void editRejected(const QString& reason);

private:
    void followDocument();
    QString typeText(const core::data::Variable& variable) const;
    QString valueLabelsText(const core::data::Variable& variable) const;
    QString allValueLabelsText(const core::data::Variable& variable) const;
    QString missingText(const core::data::Variable& variable) const;

    DatasetDocument* m_document;
    core::data::DatasetPtr m_dataset;
};

}  // namespace sl::widgets
