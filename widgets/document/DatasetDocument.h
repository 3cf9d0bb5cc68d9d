#pragma once
// The open dataset: the current immutable version, where it lives on disk, and the edits
// that can be undone. Every edit replaces the current version with a new one.
#include "core/common/Expected.h"
#include "core/data/Dataset.h"
#include "core/stats/SurveyDesign.h"
#include "core/transform/CellEdit.h"

#include <QObject>
#include <QString>

class QUndoStack;

namespace sl::widgets {

class DatasetDocument : public QObject {
    Q_OBJECT
public:
    explicit DatasetDocument(QObject* parent = nullptr);

    const core::data::DatasetPtr& dataset() const { return m_dataset; }
    QString filePath() const { return m_filePath; }
    // The file name for titles, or "Untitled".
    QString displayName() const;
    bool isModified() const;
    QUndoStack* undoStack() const { return m_undoStack; }

    // Replaces the whole document (a file was opened): forgets the undo history.
    void load(core::data::DatasetPtr dataset, const QString& filePath);
    // Records that the current version was saved to `filePath`.
    void markSaved(const QString& filePath);

    // Replaces the metadata of variable `index` as one undoable edit named `description`.
    void editVariable(size_t index, core::data::Variable variable, const QString& description);
    // Makes `edited` (a version made from the current one, such as a variable of another type) current
    // as one undoable edit named `description`.
    void replaceDataset(core::data::DatasetPtr edited, const QString& description);
    // Puts `value` into case `caseIndex` (0-based) of variable `variable` as one undoable edit named
    // like "Edit age, case 12". Nothing changes when the value is refused or equals the current one.
    core::Status editCell(size_t variable, size_t caseIndex, const core::transform::CellValue& value);

    // The sampling design that design-based analyses use; empty (no variable chosen) when none.
    const core::stats::DesignVariables& surveyDesign() const { return m_surveyDesign; }
    bool hasSurveyDesign() const;
    void setSurveyDesign(const core::stats::DesignVariables& design);

    // Used by undo commands: makes `dataset` the current version.
    void setCurrent(core::data::DatasetPtr dataset);

signals:
    void datasetChanged();
    void filePathChanged(const QString& filePath);
    void modifiedChanged(bool modified);
    void surveyDesignChanged();

private:
    core::data::DatasetPtr m_dataset;
    QString m_filePath;
    QUndoStack* m_undoStack;
    core::stats::DesignVariables m_surveyDesign;
};

}  // namespace sl::widgets
