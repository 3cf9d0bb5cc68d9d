#include "widgets/document/DatasetDocument.h"

#include "widgets/document/EditCommands.h"

#include <QFileInfo>
#include <QUndoStack>

namespace sl::widgets {

DatasetDocument::DatasetDocument(QObject* parent)
    : QObject(parent), m_dataset(std::make_shared<core::data::Dataset>()), m_undoStack(new QUndoStack(this))
{
    connect(m_undoStack, &QUndoStack::cleanChanged, this, [this](bool clean) { emit modifiedChanged(!clean); });
}

QString DatasetDocument::displayName() const
{
    return m_filePath.isEmpty() ? tr("Untitled") : QFileInfo(m_filePath).fileName();
}

bool DatasetDocument::isModified() const
{
    return !m_undoStack->isClean();
}

void DatasetDocument::load(core::data::DatasetPtr dataset, const QString& filePath)
{
    m_undoStack->clear();
    m_dataset = std::move(dataset);
    m_filePath = filePath;
    emit filePathChanged(m_filePath);
    emit datasetChanged();
    emit modifiedChanged(false);
}

void DatasetDocument::markSaved(const QString& filePath)
{
    m_undoStack->setClean();
    if (filePath != m_filePath) {
        m_filePath = filePath;
        emit filePathChanged(m_filePath);
    }
}

void DatasetDocument::editVariable(size_t index, core::data::Variable variable, const QString& description)
{
    m_undoStack->push(new EditVariableCommand(this, index, std::move(variable), description));
}

void DatasetDocument::setCurrent(core::data::DatasetPtr dataset)
{
    m_dataset = std::move(dataset);
    emit datasetChanged();
}

}  // namespace sl::widgets
