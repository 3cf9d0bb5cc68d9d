#pragma once
// Undoable edits of a DatasetDocument. Each one swaps between two immutable dataset versions.
#include "core/data/Dataset.h"
#include "core/transform/CellEdit.h"

#include <QUndoCommand>

namespace sl::widgets {

class DatasetDocument;

// New metadata (name, label, measure level, decimals, value labels, ...) for one variable.
// A new name also follows into the weight variable and the multiple-response sets.
class EditVariableCommand : public QUndoCommand {
public:
    EditVariableCommand(DatasetDocument* document, size_t index, core::data::Variable after,
                        const QString& description);

    void redo() override;
    void undo() override;

private:
    void apply(const core::data::Variable& from, const core::data::Variable& to);

    DatasetDocument* m_document;
    size_t m_index;
    core::data::Variable m_before;
    core::data::Variable m_after;
};

// A whole new version of the dataset, for edits that rebuild a column (a variable's type).
class ReplaceDatasetCommand : public QUndoCommand {
public:
    ReplaceDatasetCommand(DatasetDocument* document, core::data::DatasetPtr after, const QString& description);

    void redo() override;
    void undo() override;

private:
    DatasetDocument* m_document;
    core::data::DatasetPtr m_before;
    core::data::DatasetPtr m_after;
};

// A new value in one cell. Keeps the two values, not the two columns, so a long undo history of a
// large file costs little memory; undo and redo rebuild the edited column.
class EditCellCommand : public QUndoCommand {
public:
    // `edited` is the dataset with the new value already in place, used by the first redo.
    EditCellCommand(DatasetDocument* document, size_t variable, size_t caseIndex, core::transform::CellValue before,
                    core::transform::CellValue after, core::data::DatasetPtr edited, const QString& description);

    void redo() override;
    void undo() override;

private:
    void apply(const core::transform::CellValue& value);

    DatasetDocument* m_document;
    size_t m_variable;
    size_t m_case;
    core::transform::CellValue m_before;
    core::transform::CellValue m_after;
    core::data::DatasetPtr m_edited;
};

}  // namespace sl::widgets
