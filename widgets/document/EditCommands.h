#pragma once
// Undoable edits of a DatasetDocument. Each one swaps between two immutable dataset versions.
#include "core/data/Dataset.h"

#include <QUndoCommand>

namespace sl::widgets {

class DatasetDocument;

// New metadata (label, measure level, decimals, ...) for one variable.
class EditVariableCommand : public QUndoCommand {
public:
    EditVariableCommand(DatasetDocument* document, size_t index, core::data::Variable after,
                        const QString& description);

    void redo() override;
    void undo() override;

private:
    DatasetDocument* m_document;
    size_t m_index;
    core::data::Variable m_before;
    core::data::Variable m_after;
};

}  // namespace sl::widgets
