#include "widgets/document/DatasetDocument.h"

#include "widgets/document/EditCommands.h"

#include <QFileInfo>
#include <QUndoStack>

#include <cmath>

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

void DatasetDocument::replaceDataset(core::data::DatasetPtr edited, const QString& description)
{
    m_undoStack->push(new ReplaceDatasetCommand(this, std::move(edited), description));
}

core::Status DatasetDocument::editCell(size_t variable, size_t caseIndex, const core::transform::CellValue& value)
{
    auto edited = core::transform::withCellValue(*m_dataset, variable, caseIndex, value);
    if (!edited) return edited.error();
    const auto before = core::transform::cellValue(*m_dataset, variable, caseIndex);
    const auto* beforeNumber = std::get_if<double>(&before);
    const auto* number = std::get_if<double>(&value);
    const bool bothMissing = beforeNumber && number && std::isnan(*beforeNumber) && std::isnan(*number);
    if (before == value || bothMissing) return core::Ok{};
    const QString description = tr("Edit %1, case %2")
                                    .arg(QString::fromStdString(m_dataset->variable(variable).name))
                                    .arg(static_cast<qulonglong>(caseIndex) + 1);
    m_undoStack->push(
        new EditCellCommand(this, variable, caseIndex, before, value, std::move(edited).value(), description));
    return core::Ok{};
}

void DatasetDocument::setCurrent(core::data::DatasetPtr dataset)
{
    m_dataset = std::move(dataset);
    emit datasetChanged();
}

}  // namespace sl::widgets
