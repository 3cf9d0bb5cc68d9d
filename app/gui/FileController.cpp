#include "app/gui/FileController.h"

#include "widgets/dialogs/ImportDialog.h"
#include "widgets/document/DatasetDocument.h"
#include "widgets/jobs/JobRunner.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>

namespace sl::gui {

namespace {

using core::Expected;
using core::data::DatasetPtr;

constexpr int kMaxRecentFiles = 10;
const QString kRecentFilesKey = QStringLiteral("recentFiles");
const QStringList kOpenSuffixes = {QStringLiteral("sav"), QStringLiteral("zsav"), QStringLiteral("csv"),
                                   QStringLiteral("tsv")};

std::string nativePath(const QString& path)
{
    return QFile::encodeName(path).toStdString();
}

}  // namespace

FileController::FileController(widgets::DatasetDocument* document, widgets::JobRunner* jobs, QWidget* dialogParent)
    : QObject(dialogParent),
      m_document(document),
      m_jobs(jobs),
      m_dialogParent(dialogParent),
      m_loader([](const std::string& path, const core::io::OpenOptions& options) {
          return core::io::openDataFile(path, options);
      }),
      m_presentError([this](const QString& title, const core::Error& error) { showError(title, error); })
{
}

QStringList FileController::recentFiles() const
{
    return QSettings().value(kRecentFilesKey).toStringList();
}

bool FileController::canOpen(const QString& path)
{
    return kOpenSuffixes.contains(QFileInfo(path).suffix().toLower());
}

void FileController::open(const QString& path, const core::io::OpenOptions& chosen)
{
    const QString name = QFileInfo(path).fileName();
    auto work = [loader = m_loader, file = nativePath(path), chosen](const core::ProgressSink& progress,
                                                                     const core::CancelToken& cancel) {
        core::io::OpenOptions options = chosen;
        options.progress = &progress;
        options.cancel = &cancel;
        return loader(file, options);
    };
    auto done = [this, path, name](Expected<DatasetPtr> result) {
        if (!result) {
            if (result.error().code == core::ErrorCode::Cancelled)
                emit statusMessage(tr("Opening %1 was cancelled.").arg(name));
            else
                m_presentError(tr("Could not open %1").arg(name), result.error());
            return;
        }
        const size_t repairs = result.value()->warnings.size();
        m_document->load(std::move(result).value(), path);
        remember(path);
        emit opened(path);
        emit statusMessage(repairs == 0 ? tr("Opened %1.").arg(name)
                                        : tr("Opened %1 with %n repair(s); see the file's notes.", nullptr,
                                             static_cast<int>(repairs))
                                              .arg(name));
    };
    if (!m_jobs->run<Expected<DatasetPtr>>(tr("Opening %1").arg(name), work, done))
        emit statusMessage(tr("Please wait: %1 is still running.").arg(m_jobs->title()));
}

void FileController::chooseAndOpen()
{
    const QString filter = tr("Data files (*.sav *.zsav *.csv *.tsv *.txt *.xlsx *.dta *.sas7bdat *.por);;"
                              "SPSS data (*.sav *.zsav *.por);;Text data and Qualtrics exports (*.csv *.tsv *.txt);;"
                              "Excel workbooks (*.xlsx);;Stata and SAS data (*.dta *.sas7bdat);;All files (*)");
    const QString start = recentFiles().isEmpty() ? QString() : QFileInfo(recentFiles().first()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(m_dialogParent, tr("Open Data"), start, filter);
    if (path.isEmpty()) return;
    auto dialog = widgets::ImportDialog::forFile(path, m_dialogParent);
    if (!dialog) {
        open(path);
        return;
    }
    if (dialog->exec() == QDialog::Accepted) open(path, dialog->options());
}

void FileController::chooseAndSaveAs(std::function<void()> onSaved)
{
    const QString labelsFilter = tr("Comma-separated values with value labels (*.csv)");
    const QString filter = tr("SPSS data (*.sav);;Compressed SPSS data (*.zsav);;Comma-separated values (*.csv);;"
                              "Tab-separated values (*.tsv);;Excel workbook (*.xlsx)") +
                           QStringLiteral(";;") + labelsFilter;
    QString suggested = m_document->filePath();
    if (suggested.isEmpty()) suggested = tr("untitled.sav");
    QString selectedFilter;
    QString path =
        QFileDialog::getSaveFileName(m_dialogParent, tr("Save Data As"), suggested, filter, &selectedFilter);
    if (path.isEmpty()) return;
    if (!canOpen(path)) {
        const auto suffix = selectedFilter.section(QStringLiteral("*."), 1).section(QLatin1Char(')'), 0, 0);
        path += QLatin1Char('.') + (suffix.isEmpty() ? QStringLiteral("sav") : suffix);
    }
    saveAs(path, std::move(onSaved),
           selectedFilter == labelsFilter ? core::io::CsvValues::Labels : core::io::CsvValues::Codes);
}

void FileController::saveAs(const QString& path, std::function<void()> onSaved, core::io::CsvValues csvValues)
{
    const QString name = QFileInfo(path).fileName();
    auto work = [dataset = m_document->dataset(), file = nativePath(path), csvValues](const core::ProgressSink&,
                                                                                       const core::CancelToken&) {
        return core::io::saveDataFile(*dataset, file, csvValues);
    };
    auto done = [this, path, name, onSaved = std::move(onSaved)](core::Status status) {
        if (!status) {
            m_presentError(tr("Could not save %1").arg(name), status.error());
            return;
        }
        m_document->markSaved(path);
        remember(path);
        emit statusMessage(tr("Saved %1.").arg(name));
        if (onSaved) onSaved();
    };
    if (!m_jobs->run<core::Status>(tr("Saving %1").arg(name), work, done))
        emit statusMessage(tr("Please wait: %1 is still running.").arg(m_jobs->title()));
}

void FileController::remember(const QString& path)
{
    QStringList files = recentFiles();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > kMaxRecentFiles) files.removeLast();
    QSettings().setValue(kRecentFilesKey, files);
    emit recentFilesChanged();
}

void FileController::showError(const QString& title, const core::Error& error)
{
    auto* box = new QMessageBox(QMessageBox::Warning, title, QString::fromStdString(error.message), QMessageBox::Ok,
                                m_dialogParent);
    box->setObjectName(QStringLiteral("fileErrorBox"));
    if (!error.where.empty()) box->setDetailedText(tr("Where: %1").arg(QString::fromStdString(error.where)));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

}  // namespace sl::gui
