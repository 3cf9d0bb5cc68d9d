#include "app/gui/MainWindow.h"

#include "app/gui/Appearance.h"
#include "app/gui/FileController.h"
#include "app/gui/SamplePaths.h"
#include "widgets/dialogs/PreferencesDialog.h"
#include "widgets/dialogs/SurveyDesignDialog.h"
#include "widgets/document/DatasetDocument.h"
#include "widgets/jobs/JobRunner.h"
#include "widgets/models/DatasetTableModel.h"
#include "widgets/models/VariableTableModel.h"
#include "widgets/panels/WelcomePanel.h"
#include "widgets/views/DataView.h"
#include "widgets/views/FindBar.h"
#include "widgets/views/VariableView.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QProgressBar>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace sl::gui {

namespace {

const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kStateKey = QStringLiteral("window/state");
const QString kTabKey = QStringLiteral("window/tab");

QString localFileOf(const QMimeData* mime)
{
    if (!mime || !mime->hasUrls()) return {};
    for (const QUrl& url : mime->urls())
        if (url.isLocalFile() && FileController::canOpen(url.toLocalFile())) return url.toLocalFile();
    return {};
}

}  // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      m_document(new widgets::DatasetDocument(this)),
      m_jobs(new widgets::JobRunner(this)),
      m_files(new FileController(m_document, m_jobs, this)),
      m_dataModel(new widgets::DatasetTableModel(m_document, this)),
      m_variableModel(new widgets::VariableTableModel(m_document, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true);
    createViews();
    createActions();
    createStatusBar();

    connect(m_document, &widgets::DatasetDocument::datasetChanged, this, &MainWindow::updateStatus);
    connect(m_document, &widgets::DatasetDocument::surveyDesignChanged, this, &MainWindow::updateStatus);
    connect(m_document, &widgets::DatasetDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_document, &widgets::DatasetDocument::modifiedChanged, this, &QWidget::setWindowModified);
    connect(m_files, &FileController::recentFilesChanged, this, &MainWindow::updateRecentMenu);
    connect(m_files, &FileController::statusMessage, this, [this](const QString& text) {
        statusBar()->showMessage(text, 8000);
    });
    connect(m_files, &FileController::opened, this, [this] {
        m_welcome->setVisible(m_welcomeOnOpen);
        m_welcomeOnOpen = false;
    });
    connect(m_variableModel, &widgets::VariableTableModel::editRejected, this, [this](const QString& reason) {
        statusBar()->showMessage(reason, 8000);
    });

    resize(1200, 760);
    QSettings settings;
    restoreGeometry(settings.value(kGeometryKey).toByteArray());
    restoreState(settings.value(kStateKey).toByteArray());
    m_tabs->setCurrentIndex(settings.value(kTabKey, 0).toInt());
    m_valueLabelsAction->setChecked(widgets::Preferences::load().showValueLabels);
    updateTitle();
    updateStatus();
    updateRecentMenu();
}

MainWindow::~MainWindow() = default;

void MainWindow::createViews()
{
    m_dataView = new widgets::DataView(this);
    m_dataView->setModel(m_dataModel);
    connect(m_dataView, &widgets::DataView::statusMessage, this,
            [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    m_variableView = new widgets::VariableView(this);
    m_variableView->setModel(m_variableModel);

    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_tabs->setTabPosition(QTabWidget::South);
    m_tabs->addTab(m_dataView, tr("Data View"));
    m_tabs->addTab(m_variableView, tr("Variable View"));

    m_welcome = new widgets::WelcomePanel(this);
    m_welcome->hide();

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(8, 8, 8, 0);
    layout->setSpacing(8);
    layout->addWidget(m_welcome);
    layout->addWidget(m_tabs, 1);
    m_findBar = new widgets::FindBar(m_dataView, central);
    m_findBar->hide();
    layout->addWidget(m_findBar);
    connect(m_findBar, &widgets::FindBar::statusMessage, this,
            [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    setCentralWidget(central);

    auto* results = new QDockWidget(tr("Results"), this);
    results->setObjectName(QStringLiteral("resultsDock"));
    auto* placeholder = new QLabel(tr("Results of your analyses will appear here."), results);
    placeholder->setAlignment(Qt::AlignCenter);
    placeholder->setWordWrap(true);
    placeholder->setMargin(24);
    placeholder->setForegroundRole(QPalette::PlaceholderText);
    placeholder->setMinimumWidth(220);
    results->setWidget(placeholder);
    addDockWidget(Qt::RightDockWidgetArea, results);
    resizeDocks({results}, {300}, Qt::Horizontal);
}

void MainWindow::createActions()
{
    QStyle* s = style();

    auto* openAction = new QAction(s->standardIcon(QStyle::SP_DialogOpenButton), tr("&Open Data…"), this);
    openAction->setShortcut(QKeySequence::Open);
    connect(openAction, &QAction::triggered, this,
            [this] { whenChangesSettled([this] { m_files->chooseAndOpen(); }); });

    auto* saveAction = new QAction(s->standardIcon(QStyle::SP_DialogSaveButton), tr("&Save Data As…"), this);
    saveAction->setShortcuts({QKeySequence::SaveAs, QKeySequence::Save});
    connect(saveAction, &QAction::triggered, this, [this] { m_files->chooseAndSaveAs(); });

    auto* quitAction = new QAction(tr("&Quit"), this);
    quitAction->setShortcut(QKeySequence::Quit);
    quitAction->setMenuRole(QAction::QuitRole);
    connect(quitAction, &QAction::triggered, this, &QWidget::close);

    QUndoStack* undo = m_document->undoStack();
    m_undoAction = undo->createUndoAction(this, tr("&Undo"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_undoAction->setIcon(s->standardIcon(QStyle::SP_ArrowBack));
    m_redoAction = undo->createRedoAction(this, tr("&Redo"));
    m_redoAction->setShortcut(QKeySequence::Redo);
    m_redoAction->setIcon(s->standardIcon(QStyle::SP_ArrowForward));

    m_valueLabelsAction = new QAction(tr("Value &Labels"), this);
    m_valueLabelsAction->setCheckable(true);
    m_valueLabelsAction->setToolTip(tr("Show the label of each code instead of the code"));
    m_valueLabelsAction->setIcon(s->standardIcon(QStyle::SP_FileDialogDetailedView));
    connect(m_valueLabelsAction, &QAction::toggled, this, [this](bool on) {
        m_dataModel->setShowValueLabels(on);
        auto preferences = widgets::Preferences::load();
        preferences.showValueLabels = on;
        preferences.save();
    });

    auto* designAction = new QAction(tr("Survey &Design…"), this);
    designAction->setToolTip(tr("Weights, strata and clusters of a sampled survey, for design-based standard errors"));
    connect(designAction, &QAction::triggered, this, &MainWindow::editSurveyDesign);

    auto* preferencesAction = new QAction(tr("&Preferences…"), this);
    preferencesAction->setShortcut(QKeySequence::Preferences);
    preferencesAction->setMenuRole(QAction::PreferencesRole);
    connect(preferencesAction, &QAction::triggered, this, &MainWindow::editPreferences);

    auto* sampleAction = new QAction(tr("Open &Sample Survey"), this);
    connect(sampleAction, &QAction::triggered, this, [this] { whenChangesSettled([this] { openSample(true); }); });
    auto* aboutAction = new QAction(tr("&About SurveyLens"), this);
    aboutAction->setMenuRole(QAction::AboutRole);
    connect(aboutAction, &QAction::triggered, this, &MainWindow::showAbout);

    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(openAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addAction(saveAction);
    file->addSeparator();
    file->addAction(quitAction);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_valueLabelsAction);
    view->addAction(findChild<QDockWidget*>(QStringLiteral("resultsDock"))->toggleViewAction());

    QMenu* data = menuBar()->addMenu(tr("&Data"));
    data->addAction(designAction);
    createDataViewActions(edit, data);
    edit->addSeparator();
    edit->addAction(preferencesAction);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(sampleAction);
    help->addSeparator();
    help->addAction(aboutAction);

    QToolBar* toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->setIconSize(QSize(18, 18));
    toolbar->addAction(openAction);
    toolbar->addAction(saveAction);
    toolbar->addSeparator();
    toolbar->addAction(m_undoAction);
    toolbar->addAction(m_redoAction);
    // The undo texts name the edit and grow long: the toolbar shows only their arrows.
    for (QAction* action : {m_undoAction, m_redoAction})
        static_cast<QToolButton*>(toolbar->widgetForAction(action))->setToolButtonStyle(Qt::ToolButtonIconOnly);
    toolbar->addSeparator();
    toolbar->addAction(m_valueLabelsAction);
}

void MainWindow::createDataViewActions(QMenu* edit, QMenu* data)
{
    // Copy works while the grid has the focus, so other views keep their own Copy.
    edit->addSeparator();
    QAction* copy = edit->addAction(tr("&Copy"));
    connect(copy, &QAction::triggered, m_dataView, &widgets::DataView::copySelection);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_dataView->addAction(copy);

    // The other actions bring the Data View to the front first.
    auto add = [this](QMenu* menu, const QString& text, const QKeySequence& keys, auto work) {
        QAction* action = menu->addAction(text);
        action->setShortcut(keys);
        connect(action, &QAction::triggered, this, [this, work] {
            m_tabs->setCurrentWidget(m_dataView);
            work();
        });
    };
    add(edit, tr("&Go to Case…"), QKeySequence(Qt::CTRL | Qt::Key_G), [this] { m_dataView->askForCase(); });
    add(edit, tr("&Find…"), QKeySequence::Find, [this] { m_findBar->activate(); });
    data->addSeparator();
    add(data, tr("Sort Cases &Ascending"), {}, [this] { m_dataView->sortByCurrentVariable(Qt::AscendingOrder); });
    add(data, tr("Sort Cases &Descending"), {}, [this] { m_dataView->sortByCurrentVariable(Qt::DescendingOrder); });
    add(data, tr("Show Cases in &File Order"), {}, [this] { m_dataView->restoreCaseOrder(); });
}

void MainWindow::createStatusBar()
{
    m_casesLabel = new QLabel(this);
    m_variablesLabel = new QLabel(this);
    m_weightLabel = new QLabel(this);
    m_designLabel = new QLabel(this);
    m_designLabel->hide();
    m_jobLabel = new QLabel(this);
    m_jobLabel->setContentsMargins(6, 0, 6, 0);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 100);
    m_progress->setFixedWidth(160);
    m_progress->setMaximumHeight(16);
    m_cancelButton = new QToolButton(this);
    m_cancelButton->setText(tr("Cancel"));
    m_cancelButton->setToolTip(tr("Stop the running task"));

    for (QWidget* w : {static_cast<QWidget*>(m_jobLabel), static_cast<QWidget*>(m_progress),
                       static_cast<QWidget*>(m_cancelButton)}) {
        statusBar()->addWidget(w);
        w->hide();
    }
    for (QLabel* label : {m_casesLabel, m_variablesLabel, m_weightLabel, m_designLabel}) {
        label->setContentsMargins(10, 0, 10, 0);
        statusBar()->addPermanentWidget(label);
    }

    connect(m_cancelButton, &QToolButton::clicked, m_jobs, &widgets::JobRunner::cancel);
    connect(m_jobs, &widgets::JobRunner::started, this, [this](const QString& title) {
        m_jobLabel->setText(title);
        m_progress->setValue(0);
        for (QWidget* w : {static_cast<QWidget*>(m_jobLabel), static_cast<QWidget*>(m_progress),
                           static_cast<QWidget*>(m_cancelButton)})
            w->show();
    });
    connect(m_jobs, &widgets::JobRunner::progressChanged, m_progress, &QProgressBar::setValue);
    connect(m_jobs, &widgets::JobRunner::finished, this, [this] {
        m_jobLabel->hide();
        m_progress->hide();
        m_cancelButton->hide();
    });
}

void MainWindow::updateTitle()
{
    setWindowTitle(tr("%1[*] — SurveyLens").arg(m_document->displayName()));
}

void MainWindow::updateStatus()
{
    const auto& dataset = *m_document->dataset();
    const QLocale locale;
    m_casesLabel->setText(tr("%1 cases").arg(locale.toString(static_cast<qulonglong>(dataset.caseCount()))));
    m_variablesLabel->setText(
        tr("%1 variables").arg(locale.toString(static_cast<qulonglong>(dataset.variableCount()))));
    m_weightLabel->setText(dataset.weightVariable.empty()
                               ? tr("Unweighted")
                               : tr("Weighted by %1").arg(QString::fromStdString(dataset.weightVariable)));
    const QString design = m_document->hasSurveyDesign()
                               ? widgets::SurveyDesignDialog::statusText(dataset, m_document->surveyDesign())
                               : QString();
    m_designLabel->setText(design);
    m_designLabel->setVisible(!design.isEmpty());
}

void MainWindow::editPreferences()
{
    widgets::PreferencesDialog dialog(widgets::Preferences::load(), this);
    if (dialog.exec() != QDialog::Accepted) return;
    const auto preferences = dialog.preferences();
    preferences.save();
    applyAppearance(preferences.appearance);
    m_valueLabelsAction->setChecked(preferences.showValueLabels);
}

void MainWindow::editSurveyDesign()
{
    widgets::SurveyDesignDialog dialog(m_document->dataset(), m_document->surveyDesign(), this);
    if (dialog.exec() == QDialog::Accepted) m_document->setSurveyDesign(dialog.design());
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = m_files->recentFiles();
    for (const QString& path : files) {
        QAction* action = m_recentMenu->addAction(QFileInfo(path).fileName());
        action->setToolTip(path);
        action->setStatusTip(path);
        connect(action, &QAction::triggered, this, [this, path] { whenChangesSettled([this, path] {
            openFile(path);
        }); });
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

void MainWindow::openFile(const QString& path)
{
    m_files->open(path);
}

void MainWindow::openSample(bool welcome)
{
    const QString path = sampleSurveyPath();
    if (path.isEmpty()) {
        statusBar()->showMessage(tr("The sample survey is not installed."), 8000);
        return;
    }
    m_welcomeOnOpen = welcome;
    m_files->open(path);
}

QMessageBox::StandardButton MainWindow::askAboutChanges()
{
    return QMessageBox::question(
        this, tr("Unsaved Changes"),
        tr("%1 has changes that are not saved. Save them first?").arg(m_document->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
}

void MainWindow::whenChangesSettled(std::function<void()> proceed)
{
    const auto answer = m_document->isModified() ? askAboutChanges() : QMessageBox::Discard;
    if (answer == QMessageBox::Save) m_files->chooseAndSaveAs(std::move(proceed));
    if (answer == QMessageBox::Discard) proceed();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    const auto answer = m_document->isModified() ? askAboutChanges() : QMessageBox::Discard;
    if (answer != QMessageBox::Discard) {
        event->ignore();
        if (answer == QMessageBox::Save) m_files->chooseAndSaveAs([this] { close(); });
        return;
    }
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    settings.setValue(kTabKey, m_tabs->currentIndex());
    m_jobs->cancel();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (!localFileOf(event->mimeData()).isEmpty()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QString path = localFileOf(event->mimeData());
    if (path.isEmpty()) return;
    event->acceptProposedAction();
    whenChangesSettled([this, path] { openFile(path); });
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About SurveyLens"),
        tr("<h3>SurveyLens %1</h3>"
           "<p>Survey analysis for social-work research.</p>"
           "<p>SurveyLens is free software under the GNU General Public License, version 3.</p>"
           "<p>It is built with:</p><ul>"
           "<li>Qt %2 — GNU LGPL version 3</li>"
           "<li>QCustomPlot — GNU GPL version 3</li>"
           "<li>Eigen — Mozilla Public License 2.0</li>"
           "<li>Boost — Boost Software License 1.0</li>"
           "<li>ReadStat — MIT License</li></ul>")
            .arg(QStringLiteral(SL_VERSION), QString::fromLatin1(qVersion())));
}

}  // namespace sl::gui
