#include "widgets/document/EditCommands.h"

#include "widgets/document/DatasetDocument.h"

namespace sl::widgets {

EditVariableCommand::EditVariableCommand(DatasetDocument* document, size_t index, core::data::Variable after,
                                         const QString& description)
    : QUndoCommand(description),
      m_document(document),
      m_index(index),
      m_before(document->dataset()->variable(index)),
      m_after(std::move(after))
{
}

void EditVariableCommand::redo()
{
    m_document->setCurrent(m_document->dataset()->withMetadata(m_index, m_after));
}

void EditVariableCommand::undo()
{
    m_document->setCurrent(m_document->dataset()->withMetadata(m_index, m_before));
}

}  // namespace sl::widgets
