#pragma once
// Opening and saving data files for the main window: dialogs, the recent-files list, the
// background job that reads or writes, and the message shown when that fails.
#include "core/common/Error.h"
#include "core/io/DataFile.h"

#include <QObject>
#include <QStringList>

#include <functional>

class QWidget;

namespace sl::widgets {
class DatasetDocument;
class JobRunner;
}  // namespace sl::widgets

namespace sl::gui {

class FileController : public QObject {
    Q_OBJECT
public:
    using Loader = std::function<core::Expected<core::data::DatasetPtr>(const std::string& path,
                                                                        const core::io::OpenOptions& options)>;
    // Shows a failure to the user: a title, the sentence from core and its place.
    using ErrorPresenter = std::function<void(const QString& title, const core::Error& error)>;

    FileController(widgets::DatasetDocument* document, widgets::JobRunner* jobs, QWidget* dialogParent);

    // Replaces how files are read (core::io::openDataFile by default).
    void setLoader(Loader loader) { m_loader = std::move(loader); }
    // Replaces the default non-blocking message box.
    void setErrorPresenter(ErrorPresenter presenter) { m_presentError = std::move(presenter); }

    QStringList recentFiles() const;
    static bool canOpen(const QString& path);

    // Reads `path` in the background with `options` (everything detected by default); the document changes
    // when it succeeds.
    void open(const QString& path, const core::io::OpenOptions& options = {});
    // Asks for a file, shows the import dialog when its format has settings to choose, then opens it.
    void chooseAndOpen();
    // Asks for a file name and saves in the background; `onSaved` runs after a successful save.
    void chooseAndSaveAs(std::function<void()> onSaved = {});
    // A CSV/TSV holds codes, or value labels where defined when `csvValues` says so.
    void saveAs(const QString& path, std::function<void()> onSaved = {},
                core::io::CsvValues csvValues = core::io::CsvValues::Codes);

signals:
    void opened(const QString& path);
    void recentFilesChanged();
    void statusMessage(const QString& text);

private:
    void remember(const QString& path);
    void showError(const QString& title, const core::Error& error);

    widgets::DatasetDocument* m_document;
    widgets::JobRunner* m_jobs;
    QWidget* m_dialogParent;
    Loader m_loader;
    ErrorPresenter m_presentError;
};

}  // namespace sl::gui
