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
    apply(m_before, m_after);
}

void EditVariableCommand::undo()
{
    apply(m_after, m_before);
}

void EditVariableCommand::apply(const core::data::Variable& from, const core::data::Variable& to)
{
    auto edited = m_document->dataset()->withMetadata(m_index, to);
    if (from.name != to.name) {
        auto renamed = std::make_shared<core::data::Dataset>(*edited);
        if (core::data::sameName(renamed->weightVariable, from.name)) renamed->weightVariable = to.name;
        for (auto& set : renamed->multipleResponseSets)
            for (auto& name : set.variables)
                if (core::data::sameName(name, from.name)) name = to.name;
        edited = std::move(renamed);
    }
    m_document->setCurrent(std::move(edited));
}

ReplaceDatasetCommand::ReplaceDatasetCommand(DatasetDocument* document, core::data::DatasetPtr after,
                                             const QString& description)
    : QUndoCommand(description), m_document(document), m_before(document->dataset()), m_after(std::move(after))
{
}

void ReplaceDatasetCommand::redo()
{
    m_document->setCurrent(m_after);
}

void ReplaceDatasetCommand::undo()
{
    m_document->setCurrent(m_before);
}

EditCellCommand::EditCellCommand(DatasetDocument* document, size_t variable, size_t caseIndex,
                                 core::transform::CellValue before, core::transform::CellValue after,
                                 core::data::DatasetPtr edited, const QString& description)
    : QUndoCommand(description),
      m_document(document),
      m_variable(variable),
      m_case(caseIndex),
      m_before(std::move(before)),
      m_after(std::move(after)),
      m_edited(std::move(edited))
{
}

void EditCellCommand::redo()
{
    if (m_edited) {
        m_document->setCurrent(std::move(m_edited));
        m_edited = nullptr;
        return;
    }
    apply(m_after);
}

void EditCellCommand::undo()
{
    apply(m_before);
}

void EditCellCommand::apply(const core::transform::CellValue& value)
{
    // The undo stack replays edits in order, so the cell holds a value of its own type again.
    auto edited = core::transform::withCellValue(*m_document->dataset(), m_variable, m_case, value);
    if (edited) m_document->setCurrent(std::move(edited).value());
}

}  // namespace sl::widgets
