#include "widgets/dialogs/ImportDialog.h"

#include "core/io/XlsxReader.h"
#include "widgets/models/DatasetTableModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>

namespace sl::widgets {

namespace {

constexpr int kPreviewRows = 20;
constexpr qint64 kTextPreviewBytes = 1 << 20;  // the first megabyte holds far more than 20 rows
constexpr qint64 kMagicBytes = 16;
constexpr int kFieldWidth = 300;
constexpr int kMinColumnWidth = 72;
constexpr int kMaxColumnWidth = 260;

std::string nativePath(const QString& path)
{
    return QFile::encodeName(path).toStdString();
}

QString fromUtf8(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

std::string readHead(const QString& path, qint64 count)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    const QByteArray bytes = count < 0 ? file.readAll() : file.read(count);
    return bytes.toStdString();
}

void selectValue(QComboBox* box, const QVariant& value)
{
    const int index = box->findData(value);
    if (index >= 0) box->setCurrentIndex(index);
}

QCheckBox* checked(QCheckBox* box)
{
    box->setChecked(true);
    return box;
}

}  // namespace

// What the preview table shows: names, labels (tooltips) and the first rows as text, or why it cannot.
struct ImportDialog::Preview {
    QStringList names;
    QStringList labels;
    std::vector<bool> numeric;  // per column: numbers without labels are aligned right
    std::vector<QStringList> rows;
    QString status;
    bool cancelled = false;
};

std::unique_ptr<ImportDialog> ImportDialog::forFile(const QString& path, QWidget* parent)
{
    const std::string native = nativePath(path);
    const std::string head = readHead(path, kMagicBytes);
    switch (core::io::detectFormat(native, head)) {
    case core::io::FileFormat::Csv:
    case core::io::FileFormat::Tsv: {
        std::string text = readHead(path, kTextPreviewBytes);
        const Kind kind = core::io::qualtricsHeaderOf(text) ? Kind::Qualtrics : Kind::Csv;
        return std::unique_ptr<ImportDialog>(new ImportDialog(kind, path, std::move(text), {}, parent));
    }
    case core::io::FileFormat::Sav:
    case core::io::FileFormat::Zsav:
        return std::unique_ptr<ImportDialog>(new ImportDialog(Kind::Sav, path, {}, {}, parent));
    case core::io::FileFormat::Xlsx: {
        auto names = core::io::xlsxSheetNames(readHead(path, -1), QFileInfo(path).fileName().toStdString());
        if (!names || names->size() < 2) return nullptr;
        QStringList sheets;
        for (const auto& name : *names) sheets << fromUtf8(name);
        return std::unique_ptr<ImportDialog>(new ImportDialog(Kind::Xlsx, path, {}, sheets, parent));
    }
    default: return nullptr;
    }
}

ImportDialog::ImportDialog(Kind kind, QString path, std::string head, QStringList sheets, QWidget* parent)
    : QDialog(parent), m_kind(kind), m_path(std::move(path)), m_head(std::move(head)), m_sheets(std::move(sheets))
{
    const QString name = QFileInfo(m_path).fileName();
    setWindowTitle(tr("Import %1").arg(name));
    setObjectName(QStringLiteral("importDialog"));

    auto* intro = new QLabel(this);
    intro->setWordWrap(true);
    switch (m_kind) {
    case Kind::Csv:
        intro->setText(tr("SurveyLens detected how <b>%1</b> is written. Change a setting if the preview "
                          "looks wrong.").arg(name.toHtmlEscaped()));
        break;
    case Kind::Qualtrics:
        intro->setText(tr("<b>%1</b> is a Qualtrics export. Untick a preset to keep those responses or "
                          "columns.").arg(name.toHtmlEscaped()));
        break;
    case Kind::Xlsx:
        intro->setText(tr("<b>%1</b> has %n worksheet(s). Choose the one holding the data.", nullptr,
                          static_cast<int>(m_sheets.size()))
                           .arg(name.toHtmlEscaped()));
        break;
    case Kind::Sav:
        intro->setText(tr("<b>%1</b> is read with the character encoding it records. If its labels show "
                          "wrong letters, choose the encoding it was written in.").arg(name.toHtmlEscaped()));
        break;
    }

    auto* settings = new QGroupBox(tr("Settings"), this);
    auto* form = new QFormLayout(settings);
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    switch (m_kind) {
    case Kind::Csv: buildCsvControls(form); break;
    case Kind::Qualtrics: buildQualtricsControls(form); break;
    case Kind::Xlsx: buildXlsxControls(form); break;
    case Kind::Sav: buildSavControls(form); break;
    }

    auto* previewBox = new QGroupBox(tr("Preview"), this);
    m_status = new QLabel(previewBox);
    m_status->setObjectName(QStringLiteral("previewStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_preview = new QTableWidget(previewBox);
    m_preview->setObjectName(QStringLiteral("previewTable"));
    m_preview->setAccessibleName(tr("Preview of the first rows"));
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->setAlternatingRowColors(true);
    m_preview->setWordWrap(false);
    m_preview->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_preview->verticalHeader()->setDefaultSectionSize(m_preview->fontMetrics().height() + 8);
    auto* previewLayout = new QVBoxLayout(previewBox);
    previewLayout->addWidget(m_status);
    previewLayout->addWidget(m_preview, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Open"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addWidget(intro);
    layout->addWidget(settings);
    layout->addWidget(previewBox, 1);
    layout->addWidget(buttons);
    resize(900, 640);

    m_previewWatcher = new QFutureWatcher<std::shared_ptr<const Preview>>(this);
    connect(m_previewWatcher, &QFutureWatcherBase::finished, this, [this] {
        const auto preview = m_previewWatcher->result();
        if (!preview->cancelled) showPreview(*preview);
    });
    refreshPreview();
}

ImportDialog::~ImportDialog()
{
    if (m_previewCancel) m_previewCancel->cancel();
    m_previewWatcher->waitForFinished();
}

void ImportDialog::buildCsvControls(QFormLayout* form)
{
    m_encoding = new QComboBox(this);
    m_encoding->setAccessibleName(tr("Character encoding"));
    m_encoding->addItem(tr("Detect"), static_cast<int>(core::io::CharacterEncoding::Detect));
    m_encoding->addItem(tr("UTF-8 (Unicode)"), static_cast<int>(core::io::CharacterEncoding::Utf8));
    m_encoding->addItem(tr("UTF-16 (Unicode)"), static_cast<int>(core::io::CharacterEncoding::Utf16));
    m_encoding->addItem(tr("Windows-1252 (Western European)"),
              static_cast<int>(core::io::CharacterEncoding::Windows1252));
    m_encoding->addItem(tr("ISO-8859-1 (Latin-1)"), static_cast<int>(core::io::CharacterEncoding::Latin1));
    form->addRow(tr("&Encoding:"), m_encoding);

    m_delimiter = new QComboBox(this);
    m_delimiter->setAccessibleName(tr("Delimiter between values"));
    m_delimiter->addItem(tr("Detect"), 0);
    m_delimiter->addItem(tr("Comma  ,"), static_cast<int>(','));
    m_delimiter->addItem(tr("Semicolon  ;"), static_cast<int>(';'));
    m_delimiter->addItem(tr("Tab"), static_cast<int>('\t'));
    m_delimiter->addItem(tr("Vertical bar  |"), static_cast<int>('|'));
    form->addRow(tr("&Delimiter:"), m_delimiter);

    m_decimalPoint = new QComboBox(this);
    m_decimalPoint->setAccessibleName(tr("Decimal point"));
    m_decimalPoint->addItem(tr("Detect"), 0);
    m_decimalPoint->addItem(tr("Point  3.5"), static_cast<int>('.'));
    m_decimalPoint->addItem(tr("Comma  3,5"), static_cast<int>(','));
    form->addRow(tr("Decimal &point:"), m_decimalPoint);

    m_thousands = new QComboBox(this);
    m_thousands->setAccessibleName(tr("Thousands separator"));
    m_thousands->addItem(tr("None"), 0);
    m_thousands->addItem(tr("Comma  1,000"), static_cast<int>(','));
    m_thousands->addItem(tr("Point  1.000"), static_cast<int>('.'));
    m_thousands->addItem(tr("Space  1 000"), static_cast<int>(' '));
    m_thousands->addItem(tr("Apostrophe  1'000"), static_cast<int>('\''));
    form->addRow(tr("&Thousands separator:"), m_thousands);

    m_header = checked(new QCheckBox(tr("The first row holds the variable &names"), this));
    m_header->setAccessibleName(tr("Header row"));
    form->addRow(QString(), m_header);

    // A .tsv file is read with tabs, as when it opens directly.
    if (core::io::detectFormat(nativePath(m_path), m_head.substr(0, kMagicBytes)) == core::io::FileFormat::Tsv)
        selectValue(m_delimiter, static_cast<int>('\t'));
    for (QComboBox* box : {m_encoding, m_delimiter, m_decimalPoint, m_thousands}) {
        box->setMinimumWidth(kFieldWidth);
        connect(box, &QComboBox::currentIndexChanged, this, &ImportDialog::refreshPreview);
    }
    connect(m_header, &QCheckBox::toggled, this, &ImportDialog::refreshPreview);
}

void ImportDialog::buildQualtricsControls(QFormLayout* form)
{
    m_dropTest = checked(new QCheckBox(tr("Drop &preview, test and spam responses (Status)"), this));
    m_dropTest->setAccessibleName(tr("Drop preview, test and spam responses"));
    m_dropUnfinished = checked(new QCheckBox(tr("Drop &unfinished responses (Finished)"), this));
    m_dropUnfinished->setAccessibleName(tr("Drop unfinished responses"));
    m_dropIdentifying = checked(
        new QCheckBox(tr("Drop &identifying columns (IP address, names, e-mail, location, reference)"), this));
    m_dropIdentifying->setAccessibleName(tr("Drop identifying columns"));
    form->addRow(tr("Presets:"), m_dropTest);
    form->addRow(QString(), m_dropUnfinished);
    form->addRow(QString(), m_dropIdentifying);

    m_choiceText = new QLineEdit(this);
    m_choiceText->setAccessibleName(tr("Choice text export"));
    m_choiceText->setPlaceholderText(tr("Optional: the same survey exported as choice text"));
    m_choiceText->setClearButtonEnabled(true);
    m_choiceText->setMinimumWidth(kFieldWidth + 120);
    auto* browse = new QPushButton(tr("&Browse…"), this);
    browse->setAccessibleName(tr("Choose the choice text export"));
    connect(browse, &QPushButton::clicked, this, &ImportDialog::chooseChoiceTextFile);
    auto* row = new QHBoxLayout;
    row->addWidget(m_choiceText, 1);
    row->addWidget(browse);
    auto* label = new QLabel(tr("&Value labels from:"), this);
    label->setBuddy(m_choiceText);
    label->setToolTip(tr("The choice texts of this export become the value labels of its numeric codes."));
    form->addRow(label, row);

    for (QCheckBox* box : {m_dropTest, m_dropUnfinished, m_dropIdentifying})
        connect(box, &QCheckBox::toggled, this, &ImportDialog::refreshPreview);
    connect(m_choiceText, &QLineEdit::editingFinished, this, &ImportDialog::refreshPreview);
}

void ImportDialog::buildXlsxControls(QFormLayout* form)
{
    m_sheet = new QComboBox(this);
    m_sheet->setAccessibleName(tr("Worksheet"));
    m_sheet->addItems(m_sheets);
    m_sheet->setMinimumWidth(kFieldWidth);
    form->addRow(tr("&Sheet:"), m_sheet);
    m_header = checked(new QCheckBox(tr("The first row holds the variable &names"), this));
    m_header->setAccessibleName(tr("Header row"));
    form->addRow(QString(), m_header);
    connect(m_sheet, &QComboBox::currentIndexChanged, this, &ImportDialog::refreshPreview);
    connect(m_header, &QCheckBox::toggled, this, &ImportDialog::refreshPreview);
}

void ImportDialog::buildSavControls(QFormLayout* form)
{
    m_encoding = new QComboBox(this);
    m_encoding->setAccessibleName(tr("Character encoding"));
    m_encoding->addItem(tr("As recorded in the file"), QString());
    const std::pair<const char*, QString> encodings[] = {
        {"UTF-8", tr("UTF-8 (Unicode)")},
        {"windows-1252", tr("Windows-1252 (Western European)")},
        {"ISO-8859-1", tr("ISO-8859-1 (Latin-1)")},
        {"ISO-8859-15", tr("ISO-8859-15 (Latin-9)")},
        {"windows-1250", tr("Windows-1250 (Central European)")},
        {"windows-1251", tr("Windows-1251 (Cyrillic)")},
        {"windows-1253", tr("Windows-1253 (Greek)")},
        {"windows-1254", tr("Windows-1254 (Turkish)")},
        {"windows-1255", tr("Windows-1255 (Hebrew)")},
        {"windows-1256", tr("Windows-1256 (Arabic)")},
        {"windows-1257", tr("Windows-1257 (Baltic)")},
        {"windows-1258", tr("Windows-1258 (Vietnamese)")},
        {"windows-874", tr("Windows-874 (Thai)")},
        {"Shift_JIS", tr("Shift_JIS (Japanese)")},
        {"GBK", tr("GBK (Chinese, simplified)")},
        {"Big5", tr("Big5 (Chinese, traditional)")},
        {"EUC-KR", tr("EUC-KR (Korean)")},
    };
    for (const auto& [code, text] : encodings) m_encoding->addItem(text, QString::fromLatin1(code));
    m_encoding->setMinimumWidth(kFieldWidth);
    form->addRow(tr("&Encoding:"), m_encoding);
    connect(m_encoding, &QComboBox::currentIndexChanged, this, &ImportDialog::refreshPreview);
}

core::io::OpenOptions ImportDialog::options() const
{
    core::io::OpenOptions options;
    switch (m_kind) {
    case Kind::Csv:
        options.csv.encoding = static_cast<core::io::CharacterEncoding>(m_encoding->currentData().toInt());
        options.csv.delimiter = static_cast<char>(m_delimiter->currentData().toInt());
        options.csv.decimalPoint = static_cast<char>(m_decimalPoint->currentData().toInt());
        options.csv.thousandsSeparator = static_cast<char>(m_thousands->currentData().toInt());
        options.csv.header = m_header->isChecked();
        break;
    case Kind::Qualtrics:
        options.qualtrics.dropPreviewAndTestResponses = m_dropTest->isChecked();
        options.qualtrics.dropUnfinishedResponses = m_dropUnfinished->isChecked();
        options.qualtrics.dropIdentifyingColumns = m_dropIdentifying->isChecked();
        options.qualtrics.choiceTextPath = nativePath(m_choiceText->text().trimmed());
        break;
    case Kind::Xlsx:
        options.xlsx.sheetName = m_sheet->currentText().toStdString();
        options.xlsx.header = m_header->isChecked();
        break;
    case Kind::Sav: options.savEncoding = m_encoding->currentData().toString().toStdString(); break;
    }
    return options;
}

bool ImportDialog::isReadingPreview() const
{
    return m_previewWatcher->isRunning();
}

void ImportDialog::refreshPreview()
{
    if (m_kind == Kind::Csv) previewCsv();
    else startBackgroundPreview();
}

void ImportDialog::previewCsv()
{
    const auto read = core::io::previewCsvBytes(m_head, options().csv, kPreviewRows);
    Preview preview;
    if (!read) {
        preview.status = fromUtf8(read.error().message);
        showPreview(preview);
        return;
    }
    const core::io::CsvPreview& csv = *read;
    for (const auto& name : csv.names) preview.names << fromUtf8(name);
    for (const auto& type : csv.types) preview.numeric.push_back(type == "numeric");
    for (const auto& row : csv.rows) {
        QStringList cells;
        for (const auto& text : row) cells << fromUtf8(text);
        preview.rows.push_back(cells);
    }
    preview.status = tr("Read as %1, values separated by %2, decimal %3.")
                         .arg(QString::fromLatin1(core::io::toString(csv.encoding)),
                              csv.delimiter == '\t' ? tr("tabs") : QStringLiteral("“%1”").arg(QChar(csv.delimiter)),
                              csv.decimalPoint == ',' ? tr("comma") : tr("point"));
    for (const auto& warning : csv.warnings) preview.status += QLatin1Char('\n') + fromUtf8(warning);
    showPreview(preview);

    if (m_detectedShown) return;
    // The first preview is read with everything detected: show what was detected as the choices.
    m_detectedShown = true;
    for (QComboBox* box : {m_encoding, m_delimiter, m_decimalPoint}) box->blockSignals(true);
    selectValue(m_encoding, static_cast<int>(csv.encoding));
    selectValue(m_delimiter, static_cast<int>(csv.delimiter));
    selectValue(m_decimalPoint, static_cast<int>(csv.decimalPoint));
    for (QComboBox* box : {m_encoding, m_delimiter, m_decimalPoint}) box->blockSignals(false);
}

void ImportDialog::startBackgroundPreview()
{
    if (m_previewCancel) m_previewCancel->cancel();
    m_previewCancel = std::make_shared<core::CancelToken>();
    m_status->setText(tr("Reading the preview…"));
    auto work = [path = nativePath(m_path), options = options(),
                 cancel = m_previewCancel]() mutable -> std::shared_ptr<const Preview> {
        options.cancel = cancel.get();
        auto result = core::io::openDataFile(path, options);
        auto preview = std::make_shared<Preview>();
        preview->cancelled = cancel->isCancelled();
        if (!result) {
            preview->status = fromUtf8(result.error().message);
            return preview;
        }
        const core::data::Dataset& dataset = **result;
        for (size_t v = 0; v < dataset.variableCount(); ++v) {
            preview->names << fromUtf8(dataset.variable(v).name);
            preview->labels << fromUtf8(dataset.variable(v).label);
            // Labelled codes show as words, which read better aligned left.
            preview->numeric.push_back(dataset.variable(v).isNumeric() && dataset.variable(v).valueLabels.empty());
        }
        const size_t rows = std::min<size_t>(dataset.caseCount(), kPreviewRows);
        for (size_t c = 0; c < rows; ++c) {
            QStringList cells;
            // Values show their labels, where a wrong encoding is easiest to see.
            for (size_t v = 0; v < dataset.variableCount(); ++v) {
                const auto& variable = dataset.variable(v);
                const auto& column = dataset.column(v);
                if (column.isString()) {
                    const std::string* label = variable.valueLabels.findText(column.text(c));
                    cells << fromUtf8(label ? std::string_view(*label) : column.text(c));
                    continue;
                }
                const double value = column.number(c);
                const std::string* label = std::isnan(value) ? nullptr : variable.labelOf(value);
                cells << (label                ? fromUtf8(*label)
                          : std::isnan(value) ? QString()
                                              : DatasetTableModel::formatValue(variable, value));
            }
            preview->rows.push_back(cells);
        }
        const QLocale locale;
        preview->status = ImportDialog::tr("The first %1 of %2 cases; %3 variables.")
                              .arg(locale.toString(static_cast<qulonglong>(rows)),
                                   locale.toString(static_cast<qulonglong>(dataset.caseCount())),
                                   locale.toString(static_cast<qulonglong>(dataset.variableCount())));
        for (const auto& warning : dataset.warnings) preview->status += QLatin1Char('\n') + fromUtf8(warning);
        return preview;
    };
    m_previewWatcher->setFuture(QtConcurrent::run(std::move(work)));
}

void ImportDialog::showPreview(const Preview& preview)
{
    m_status->setText(preview.status);
    m_preview->clear();
    m_preview->setColumnCount(static_cast<int>(preview.names.size()));
    m_preview->setRowCount(static_cast<int>(preview.rows.size()));
    // With labels, each column title shows the name above the label.
    const bool labelled = std::any_of(preview.labels.begin(), preview.labels.end(),
                                      [](const QString& label) { return !label.isEmpty(); });
    for (int v = 0; v < preview.names.size(); ++v) {
        const QString label = v < preview.labels.size() ? preview.labels[v] : QString();
        auto* header = new QTableWidgetItem(labelled ? preview.names[v] + QLatin1Char('\n') + label : preview.names[v]);
        if (!label.isEmpty()) header->setToolTip(label);
        m_preview->setHorizontalHeaderItem(v, header);
    }
    for (size_t r = 0; r < preview.rows.size(); ++r) {
        const QStringList& cells = preview.rows[r];
        for (int v = 0; v < cells.size() && v < m_preview->columnCount(); ++v) {
            auto* item = new QTableWidgetItem(cells[v]);
            const bool numeric = static_cast<size_t>(v) < preview.numeric.size() && preview.numeric[v];
            item->setTextAlignment((numeric ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
            m_preview->setItem(static_cast<int>(r), v, item);
        }
    }
    m_preview->resizeColumnsToContents();
    for (int v = 0; v < m_preview->columnCount(); ++v)
        m_preview->setColumnWidth(v, std::clamp(m_preview->columnWidth(v) + 12, kMinColumnWidth, kMaxColumnWidth));
}

void ImportDialog::chooseChoiceTextFile()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Choice Text Export"),
                                                      QFileInfo(m_path).absolutePath(),
                                                      tr("Qualtrics exports (*.csv *.tsv);;All files (*)"));
    if (file.isEmpty()) return;
    m_choiceText->setText(file);
    refreshPreview();
}

}  // namespace sl::widgets
