#pragma once
// The Data View grid: one row per case, one column per variable. Reads cells straight from
// the document's current Dataset; nothing is copied, so a million cases cost nothing extra.
// Sorting reorders only the rows: row r shows case caseAt(r), and the data stay as they are.
// Every cell is editable: the typed text is checked against the variable and becomes one
// undoable edit of the document.
#include "core/data/Dataset.h"
#include "core/transform/CellEdit.h"

#include <QAbstractTableModel>

#include <optional>
#include <string_view>
#include <vector>

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
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    // Reads the typed text: a number, a date or time in the variable's format, a value label's text
    // (stored as its code), empty for system-missing; text for string variables, up to their width.
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    // Shows the cases ordered by a variable's values, missing last; a negative column restores file order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    // The case (0-based) shown in a row, and the row showing a case.
    size_t caseAt(int row) const
    {
        return m_order.empty() ? static_cast<size_t>(row) : m_order[static_cast<size_t>(row)];
    }
    int rowOf(size_t caseIndex) const;
    // Row to case for every row; empty while the cases are shown in file order.
    const std::vector<size_t>& caseOrder() const { return m_order; }
    const core::data::DatasetPtr& dataset() const { return m_dataset; }

    // The text a cell shows for a value of variable v: its label when value labels are shown.
    QString shownText(size_t v, double value) const;
    QString shownText(size_t v, std::string_view text) const;

    bool showsValueLabels() const { return m_showValueLabels; }
    // Shows the label of each coded value instead of the code.
    void setShowValueLabels(bool show);

    // The text of a number as the variable's display format writes it ("3.50", "2024-03-01").
    static QString formatValue(const core::data::Variable& variable, double value);
    // A finite number as the user types it, in their locale's notation or with a decimal point.
    static std::optional<double> numberFromText(const QString& text);

signals:
    // An edit was refused; `reason` says why, for a tooltip and the status bar.
    void editRejected(const QModelIndex& index, const QString& reason);

private:
    // The value that `text` stands for in variable v, or an empty optional with `reason` set.
    std::optional<core::transform::CellValue> valueFromText(size_t v, const QString& text, QString& reason) const;
    QString editText(size_t v, size_t caseIndex) const;
    void followDocument();
    std::vector<size_t> orderFor(const core::data::Dataset& dataset) const;
    // Replaces the row order, moving persistent indexes (the selection) with their cases.
    void applyOrder(std::vector<size_t> order);

    DatasetDocument* m_document;
    core::data::DatasetPtr m_dataset;
    bool m_showValueLabels = false;
    std::vector<size_t> m_order;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

}  // namespace sl::widgets
