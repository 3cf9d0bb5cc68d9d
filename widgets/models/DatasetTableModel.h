#pragma once
// The Data View grid: one row per case, one column per variable. Reads cells straight from
// the document's current Dataset; nothing is copied, so a million cases cost nothing extra.
#include "core/data/Dataset.h"

#include <QAbstractTableModel>

namespace sl::widgets {

class DatasetDocument;

class DatasetTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    // Horizontal header role: the variable's longest value label, so a column can be wide
    // enough for labels and codes alike.
    static constexpr int LongestValueLabelRole = Qt::UserRole + 1;

    explicit DatasetTableModel(DatasetDocument* document, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    bool showsValueLabels() const { return m_showValueLabels; }
    // Shows the label of each coded value instead of the code.
    void setShowValueLabels(bool show);

    // The text of a number as the variable's display format writes it ("3.50", "2024-03-01").
    static QString formatValue(const core::data::Variable& variable, double value);

private:
    void followDocument();

    DatasetDocument* m_document;
    core::data::DatasetPtr m_dataset;
    bool m_showValueLabels = false;
};

}  // namespace sl::widgets
