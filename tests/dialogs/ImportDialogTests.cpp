// The import dialog: the detected settings shown as choices, a preview that follows them, and the choices
// handed to the loading path as OpenOptions.
#include "app/gui/FileController.h"
#include "core/io/SavWriter.h"
#include "core/io/XlsxWriter.h"
#include "tests/widgets/WidgetTestSupport.h"
#include "widgets/dialogs/ImportDialog.h"
#include "widgets/document/DatasetDocument.h"
#include "widgets/jobs/JobRunner.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QLineEdit>
#include <QTableWidget>
#include <QTest>

#include <gtest/gtest.h>

#include <optional>

namespace {

using namespace sl;
using widgets::ImportDialog;

QString writeFile(const QString& name, const QByteArray& bytes)
{
    const QString path = QDir(tests::temporaryFolder()).filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) return {};
    return path;
}

void choose(QComboBox* box, const QString& text)
{
    const int index = box->findText(text, Qt::MatchStartsWith);
    ASSERT_GE(index, 0) << text.toStdString();
    box->setCurrentIndex(index);
}

QString cell(const ImportDialog& dialog, int row, int column)
{
    const QTableWidgetItem* item = dialog.previewTable()->item(row, column);
    return item ? item->text() : QString();
}

QString columnTitle(const ImportDialog& dialog, int column)
{
    const QTableWidgetItem* item = dialog.previewTable()->horizontalHeaderItem(column);
    return item ? item->text() : QString();
}

bool previewRead(const ImportDialog& dialog)
{
    return tests::waitFor([&] { return !dialog.isReadingPreview() && dialog.previewTable()->rowCount() > 0; });
}

bool saveDialogScreenshot(QWidget* widget, const QString& name)
{
    const QString folder = QStringLiteral(SL_BINARY_DIR "/tests/dialogs/screenshots");
    QDir().mkpath(folder);
    widget->show();
    if (!QTest::qWaitForWindowExposed(widget)) return false;
    return widget->grab().save(QDir(folder).filePath(name + QStringLiteral(".png")));
}

class ImportDialogTest : public ::testing::Test {
protected:
    void SetUp() override { tests::ensureApplication(); }
};

TEST_F(ImportDialogTest, ShowsTheDetectedDelimiterOfASemicolonFile)
{
    const QString path = writeFile(QStringLiteral("agencies.csv"),
                                   "agency;caseload;satisfaction\n"
                                   "North;12,5;4\nSouth;30;5\nEast;7,25;2\nWest;18;3\n");
    auto dialog = ImportDialog::forFile(path);
    ASSERT_TRUE(dialog);
    EXPECT_EQ(dialog->kind(), ImportDialog::Kind::Csv);
    EXPECT_EQ(dialog->delimiterBox()->currentData().toInt(), static_cast<int>(';'));
    EXPECT_EQ(dialog->decimalPointBox()->currentData().toInt(), static_cast<int>(','));
    EXPECT_EQ(dialog->options().csv.delimiter, ';');
    ASSERT_EQ(dialog->previewTable()->columnCount(), 3);
    EXPECT_EQ(columnTitle(*dialog, 1), QStringLiteral("caseload"));
    EXPECT_EQ(cell(*dialog, 2, 0), QStringLiteral("East"));
    EXPECT_TRUE(saveDialogScreenshot(dialog.get(), QStringLiteral("import-csv")));

    choose(dialog->delimiterBox(), QStringLiteral("Comma"));
    EXPECT_EQ(dialog->options().csv.delimiter, ',');
    EXPECT_NE(dialog->previewTable()->columnCount(), 3);  // the semicolons no longer split the values

    dialog->headerBox()->setChecked(false);
    EXPECT_FALSE(dialog->options().csv.header);
}

TEST_F(ImportDialogTest, ChangingTheEncodingChangesThePreview)
{
    // Windows-1252 bytes: E9 is "é", which is not UTF-8.
    const QString path = writeFile(QStringLiteral("cities.csv"), "id,city\n1,Montr\xE9" "al\n2,Qu\xE9" "bec\n");
    auto dialog = ImportDialog::forFile(path);
    ASSERT_TRUE(dialog);
    const QString montreal = QStringLiteral("Montr\u00E9al");

    choose(dialog->encodingBox(), QStringLiteral("UTF-8"));
    EXPECT_NE(cell(*dialog, 0, 1), montreal);
    choose(dialog->encodingBox(), QStringLiteral("Windows-1252"));
    EXPECT_EQ(cell(*dialog, 0, 1), montreal);
    EXPECT_EQ(dialog->options().csv.encoding, core::io::CharacterEncoding::Windows1252);
}

TEST_F(ImportDialogTest, QualtricsPresetsReachTheOpenOptions)
{
    // The header rows and first three responses of the shared export; the second response is unfinished.
    QFile shared(QStringLiteral(SL_SHARED_DATA_DIR "/socialwork_synth_qualtrics.csv"));
    ASSERT_TRUE(shared.open(QIODevice::ReadOnly));
    QByteArray bytes;
    for (int line = 0; line < 6; ++line) {
        QByteArray row = shared.readLine();
        if (line == 4) {
            QList<QByteArray> fields = row.split(',');
            ASSERT_EQ(fields[5], "1");  // Finished
            fields[5] = "0";
            row = fields.join(',');
        }
        bytes += row;
    }
    auto dialog = ImportDialog::forFile(writeFile(QStringLiteral("export.csv"), bytes));
    ASSERT_TRUE(dialog);
    ASSERT_EQ(dialog->kind(), ImportDialog::Kind::Qualtrics);
    auto options = dialog->options();
    EXPECT_TRUE(options.qualtrics.dropPreviewAndTestResponses);
    EXPECT_TRUE(options.qualtrics.dropUnfinishedResponses);
    EXPECT_TRUE(options.qualtrics.dropIdentifyingColumns);
    EXPECT_TRUE(options.qualtrics.choiceTextPath.empty());
    ASSERT_TRUE(previewRead(*dialog));
    EXPECT_EQ(columnTitle(*dialog, 0).section(QLatin1Char('\n'), 0, 0), QStringLiteral("StartDate"));
    EXPECT_EQ(dialog->previewTable()->rowCount(), 2);
    EXPECT_TRUE(saveDialogScreenshot(dialog.get(), QStringLiteral("import-qualtrics")));

    dialog->dropUnfinishedBox()->setChecked(false);
    dialog->dropIdentifyingBox()->setChecked(false);
    EXPECT_TRUE(tests::waitFor([&] { return !dialog->isReadingPreview() && dialog->previewTable()->rowCount() == 3; }));
    const QString choiceText = QDir(tests::temporaryFolder()).filePath(QStringLiteral("choices.csv"));
    dialog->choiceTextEdit()->setText(choiceText);
    options = dialog->options();
    EXPECT_TRUE(options.qualtrics.dropPreviewAndTestResponses);
    EXPECT_FALSE(options.qualtrics.dropUnfinishedResponses);
    EXPECT_FALSE(options.qualtrics.dropIdentifyingColumns);
    EXPECT_EQ(options.qualtrics.choiceTextPath, QFile::encodeName(choiceText).toStdString());
}

TEST_F(ImportDialogTest, OffersTheSheetsOfATwoSheetWorkbook)
{
    // The writer puts the cases on a "data" sheet and their description on a "variables" sheet.
    const QString path = QDir(tests::temporaryFolder()).filePath(QStringLiteral("survey.xlsx"));
    ASSERT_TRUE(core::io::writeXlsx(*tests::makeSurvey(30), QFile::encodeName(path).toStdString()));
    auto dialog = ImportDialog::forFile(path);
    ASSERT_TRUE(dialog);
    ASSERT_EQ(dialog->kind(), ImportDialog::Kind::Xlsx);
    ASSERT_EQ(dialog->sheetBox()->count(), 2);
    EXPECT_EQ(dialog->sheetBox()->itemText(0), QStringLiteral("data"));
    EXPECT_EQ(dialog->sheetBox()->itemText(1), QStringLiteral("variables"));
    ASSERT_TRUE(previewRead(*dialog));
    EXPECT_EQ(columnTitle(*dialog, 0), QStringLiteral("id"));
    EXPECT_EQ(dialog->previewTable()->rowCount(), 20);

    choose(dialog->sheetBox(), QStringLiteral("variables"));
    EXPECT_EQ(dialog->options().xlsx.sheetName, "variables");
    ASSERT_TRUE(tests::waitFor([&] { return columnTitle(*dialog, 0) == QStringLiteral("name"); }));
    EXPECT_EQ(cell(*dialog, 1, 0), QStringLiteral("gender"));
    EXPECT_TRUE(saveDialogScreenshot(dialog.get(), QStringLiteral("import-xlsx")));
}

TEST_F(ImportDialogTest, ChosenSettingsReachTheBackgroundLoad)
{
    const QString path = QDir(tests::temporaryFolder()).filePath(QStringLiteral("survey.xlsx"));
    ASSERT_TRUE(core::io::writeXlsx(*tests::makeSurvey(30), QFile::encodeName(path).toStdString()));
    auto dialog = ImportDialog::forFile(path);
    ASSERT_TRUE(dialog);
    choose(dialog->sheetBox(), QStringLiteral("variables"));
    dialog->headerBox()->setChecked(false);

    widgets::DatasetDocument document;
    widgets::JobRunner jobs;
    gui::FileController files(&document, &jobs, nullptr);
    std::optional<core::io::XlsxOptions> received;
    bool sawProgressAndCancel = false;
    files.setLoader([&](const std::string& file, const core::io::OpenOptions& options) {
        received = options.xlsx;
        sawProgressAndCancel = options.progress && options.cancel;
        return core::io::openDataFile(file, options);
    });
    files.open(path, dialog->options());
    ASSERT_TRUE(tests::waitFor([&] { return !jobs.isBusy() && document.dataset()->variableCount() > 0; }));
    ASSERT_TRUE(received);
    EXPECT_EQ(received->sheetName, "variables");
    EXPECT_FALSE(received->header);
    EXPECT_TRUE(sawProgressAndCancel);
    EXPECT_EQ(document.dataset()->variable(0).name, "V1");  // the header row was read as a case
    EXPECT_EQ(document.dataset()->column(0).text(0), "name");
}

TEST_F(ImportDialogTest, SavEncodingDefaultsToTheFilesOwnAndShowsLabels)
{
    const QString path = QDir(tests::temporaryFolder()).filePath(QStringLiteral("survey.sav"));
    ASSERT_TRUE(core::io::writeSav(*tests::makeSurvey(25), QFile::encodeName(path).toStdString()));
    auto dialog = ImportDialog::forFile(path);
    ASSERT_TRUE(dialog);
    ASSERT_EQ(dialog->kind(), ImportDialog::Kind::Sav);
    EXPECT_EQ(dialog->encodingBox()->currentText(), QStringLiteral("As recorded in the file"));
    EXPECT_TRUE(dialog->options().savEncoding.empty());
    ASSERT_TRUE(previewRead(*dialog));
    EXPECT_EQ(columnTitle(*dialog, 1), QStringLiteral("gender\nGender of the social worker"));
    EXPECT_EQ(cell(*dialog, 0, 1), QStringLiteral("Woman"));  // the value label of code 1
    EXPECT_TRUE(saveDialogScreenshot(dialog.get(), QStringLiteral("import-sav")));

    choose(dialog->encodingBox(), QStringLiteral("Windows-1251"));
    EXPECT_EQ(dialog->options().savEncoding, "windows-1251");
}

TEST_F(ImportDialogTest, FilesWithNothingToChooseOpenDirectly)
{
    EXPECT_FALSE(ImportDialog::forFile(QStringLiteral(SL_SHARED_DATA_DIR "/socialwork_synth.dta")));
    EXPECT_FALSE(ImportDialog::forFile(QStringLiteral(SL_SHARED_DATA_DIR "/socialwork_synth.xlsx")));  // one sheet
    EXPECT_FALSE(ImportDialog::forFile(QDir(tests::temporaryFolder()).filePath(QStringLiteral("absent.xlsx"))));
}

TEST_F(ImportDialogTest, EveryControlHasAnAccessibleName)
{
    const QString path = writeFile(QStringLiteral("plain.csv"), "a,b\n1,2\n");
    auto dialog = ImportDialog::forFile(path);
    ASSERT_TRUE(dialog);
    for (QWidget* control : {static_cast<QWidget*>(dialog->encodingBox()), static_cast<QWidget*>(dialog->delimiterBox()),
                             static_cast<QWidget*>(dialog->decimalPointBox()),
                             static_cast<QWidget*>(dialog->thousandsSeparatorBox()),
                             static_cast<QWidget*>(dialog->headerBox()), static_cast<QWidget*>(dialog->previewTable())}) {
        EXPECT_FALSE(control->accessibleName().isEmpty()) << control->metaObject()->className();
        EXPECT_NE(control->focusPolicy() & Qt::TabFocus, 0) << control->metaObject()->className();
    }
}

}  // namespace
