#pragma once
// The import dialog of File > Open: the settings core detected for a CSV/TSV file, a Qualtrics export, a
// workbook with several sheets or a .sav file, as controls the user can change, and a preview of the first
// rows read with those settings. OK hands the chosen settings to the loading path.
#include "core/io/DataFile.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QStringList>

#include <memory>
#include <string>

class QCheckBox;
class QFormLayout;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace sl::widgets {

class ImportDialog : public QDialog {
    Q_OBJECT
public:
    enum class Kind { Csv, Qualtrics, Xlsx, Sav };

    // The dialog for `path`, or null when the file has nothing to choose (Stata, SAS, .por, a one-sheet
    // workbook, a file that cannot be read: those open directly and report their own errors).
    static std::unique_ptr<ImportDialog> forFile(const QString& path, QWidget* parent = nullptr);
    ~ImportDialog() override;

    Kind kind() const { return m_kind; }
    // How to open the file with the settings shown.
    core::io::OpenOptions options() const;
    // True while a preview is being read in the background.
    bool isReadingPreview() const;

    QComboBox* encodingBox() const { return m_encoding; }
    QComboBox* delimiterBox() const { return m_delimiter; }
    QComboBox* decimalPointBox() const { return m_decimalPoint; }
    QComboBox* thousandsSeparatorBox() const { return m_thousands; }
    QCheckBox* headerBox() const { return m_header; }
    QCheckBox* dropTestResponsesBox() const { return m_dropTest; }
    QCheckBox* dropUnfinishedBox() const { return m_dropUnfinished; }
    QCheckBox* dropIdentifyingBox() const { return m_dropIdentifying; }
    QLineEdit* choiceTextEdit() const { return m_choiceText; }
    QComboBox* sheetBox() const { return m_sheet; }
    QTableWidget* previewTable() const { return m_preview; }

private:
    struct Preview;

    ImportDialog(Kind kind, QString path, std::string head, QStringList sheets, QWidget* parent);
    void buildCsvControls(QFormLayout* form);
    void buildQualtricsControls(QFormLayout* form);
    void buildXlsxControls(QFormLayout* form);
    void buildSavControls(QFormLayout* form);
    void refreshPreview();
    void previewCsv();
    void startBackgroundPreview();
    void showPreview(const Preview& preview);
    void chooseChoiceTextFile();

    Kind m_kind;
    QString m_path;
    std::string m_head;  // the first bytes of a text file, enough for its preview
    QStringList m_sheets;
    bool m_detectedShown = false;

    QComboBox* m_encoding = nullptr;
    QComboBox* m_delimiter = nullptr;
    QComboBox* m_decimalPoint = nullptr;
    QComboBox* m_thousands = nullptr;
    QCheckBox* m_header = nullptr;
    QCheckBox* m_dropTest = nullptr;
    QCheckBox* m_dropUnfinished = nullptr;
    QCheckBox* m_dropIdentifying = nullptr;
    QLineEdit* m_choiceText = nullptr;
    QComboBox* m_sheet = nullptr;
    QLabel* m_status = nullptr;
    QTableWidget* m_preview = nullptr;

    std::shared_ptr<core::CancelToken> m_previewCancel;
    QFutureWatcher<std::shared_ptr<const Preview>>* m_previewWatcher = nullptr;
};

}  // namespace sl::widgets
