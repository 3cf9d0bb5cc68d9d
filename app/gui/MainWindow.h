#pragma once
// The SurveyLens window: Data View and Variable View tabs, a results dock, menus, the
// toolbar and a status bar with the dataset's size, its weight and background progress.
#include <QMainWindow>
#include <QMessageBox>

#include <functional>

class QAction;
class QLabel;
class QMenu;
class QProgressBar;
class QTabWidget;
class QToolButton;

namespace sl::widgets {
class DataView;
class DatasetDocument;
class DatasetTableModel;
class FindBar;
class JobRunner;
class VariableTableModel;
class VariableView;
class WelcomePanel;
}  // namespace sl::widgets

namespace sl::gui {

class FileController;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    widgets::DatasetDocument* document() const { return m_document; }
    widgets::JobRunner* jobs() const { return m_jobs; }
    FileController* files() const { return m_files; }
    widgets::DataView* dataView() const { return m_dataView; }
    widgets::VariableView* variableView() const { return m_variableView; }
    widgets::FindBar* findBar() const { return m_findBar; }
    widgets::DatasetTableModel* dataModel() const { return m_dataModel; }
    widgets::VariableTableModel* variableModel() const { return m_variableModel; }
    QTabWidget* tabs() const { return m_tabs; }
    QAction* valueLabelsAction() const { return m_valueLabelsAction; }
    QAction* undoAction() const { return m_undoAction; }
    QAction* redoAction() const { return m_redoAction; }
    widgets::WelcomePanel* welcomePanel() const { return m_welcome; }
    QToolButton* cancelButton() const { return m_cancelButton; }
    QProgressBar* progressBar() const { return m_progress; }

    void openFile(const QString& path);
    // Opens the bundled sample survey; `welcome` also shows the welcome note.
    void openSample(bool welcome);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createViews();
    void createActions();
    // Copy, Go to Case, Find and Sort Cases of the Data View.
    void createDataViewActions(QMenu* edit, QMenu* data);
    void createStatusBar();
    void updateTitle();
    void updateStatus();
    void updateRecentMenu();
    // Save, Discard or Cancel for the unsaved changes.
    QMessageBox::StandardButton askAboutChanges();
    // Runs `proceed` once unsaved changes are saved or discarded; does nothing on Cancel.
    void whenChangesSettled(std::function<void()> proceed);
    void showAbout();
    void editSurveyDesign();
    void editPreferences();

    widgets::DatasetDocument* m_document;
    widgets::JobRunner* m_jobs;
    FileController* m_files;
    widgets::DatasetTableModel* m_dataModel;
    widgets::VariableTableModel* m_variableModel;
    widgets::DataView* m_dataView = nullptr;
    widgets::VariableView* m_variableView = nullptr;
    widgets::WelcomePanel* m_welcome = nullptr;
    widgets::FindBar* m_findBar = nullptr;
    QTabWidget* m_tabs = nullptr;
    QAction* m_valueLabelsAction = nullptr;
    QAction* m_undoAction = nullptr;
    QAction* m_redoAction = nullptr;
    QMenu* m_recentMenu = nullptr;
    QLabel* m_casesLabel = nullptr;
    QLabel* m_variablesLabel = nullptr;
    QLabel* m_weightLabel = nullptr;
    QLabel* m_designLabel = nullptr;
    QLabel* m_jobLabel = nullptr;
    QProgressBar* m_progress = nullptr;
    QToolButton* m_cancelButton = nullptr;
    bool m_welcomeOnOpen = false;
};

}  // namespace sl::gui
