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
    m_surveyDesign = {};  // a design names variables of the file it was made for
    emit filePathChanged(m_filePath);
    emit datasetChanged();
    emit modifiedChanged(false);
    emit surveyDesignChanged();
}

bool DatasetDocument::hasSurveyDesign() const
{
    const auto& d = m_surveyDesign;
    return d.weight || d.strata || d.cluster || d.fpc;
}

void DatasetDocument::setSurveyDesign(const core::stats::DesignVariables& design)
{
    m_surveyDesign = design;
    emit surveyDesignChanged();
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
