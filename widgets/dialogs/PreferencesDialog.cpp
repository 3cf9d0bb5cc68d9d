#include "widgets/dialogs/PreferencesDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSettings>
#include <QVBoxLayout>

#include <algorithm>

namespace sl::widgets {

namespace {

const QString kLanguageKey = QStringLiteral("language");
const QString kAppearanceKey = QStringLiteral("appearance");
const QString kValueLabelsKey = QStringLiteral("view/valueLabels");
const QStringList kLanguages = {QStringLiteral("system"), QStringLiteral("en"), QStringLiteral("fr_CA")};
const QStringList kAppearances = {QStringLiteral("system"), QStringLiteral("light"), QStringLiteral("dark")};

void selectData(QComboBox* box, const QVariant& data)
{
    box->setCurrentIndex(std::max(0, box->findData(data)));
}

}  // namespace

Preferences Preferences::load()
{
    const QSettings settings;
    Preferences preferences;
    const QString language = settings.value(kLanguageKey).toString();
    if (kLanguages.contains(language)) preferences.language = language;
    const auto appearance = kAppearances.indexOf(settings.value(kAppearanceKey).toString());
    if (appearance >= 0) preferences.appearance = static_cast<Appearance>(appearance);
    preferences.showValueLabels = settings.value(kValueLabelsKey, true).toBool();
    return preferences;
}

void Preferences::save() const
{
    QSettings settings;
    settings.setValue(kLanguageKey, language);
    settings.setValue(kAppearanceKey, kAppearances.at(static_cast<int>(appearance)));
    settings.setValue(kValueLabelsKey, showValueLabels);
}

PreferencesDialog::PreferencesDialog(const Preferences& current, QWidget* parent)
    : QDialog(parent),
      m_startLanguage(current.language),
      m_language(new QComboBox(this)),
      m_appearance(new QComboBox(this)),
      m_valueLabels(new QCheckBox(tr("Show &value labels instead of codes by default"), this)),
      m_restartNote(new QLabel(tr("SurveyLens will use the new language the next time it starts."), this))
{
    setWindowTitle(tr("Preferences"));
    setMinimumWidth(520);

    m_language->addItem(tr("Same as the system"), kLanguages.at(0));
    // Each language is named in itself, so that anyone can find their own.
    m_language->addItem(QStringLiteral("English"), kLanguages.at(1));
    m_language->addItem(QStringLiteral("Français (Canada)"), kLanguages.at(2));
    selectData(m_language, current.language);

    m_appearance->addItem(tr("Follow the system"), static_cast<int>(Preferences::Appearance::FollowSystem));
    m_appearance->addItem(tr("Light"), static_cast<int>(Preferences::Appearance::Light));
    m_appearance->addItem(tr("Dark"), static_cast<int>(Preferences::Appearance::Dark));
    selectData(m_appearance, static_cast<int>(current.appearance));

    m_valueLabels->setChecked(current.showValueLabels);
    m_restartNote->setWordWrap(true);
    m_restartNote->setForegroundRole(QPalette::PlaceholderText);
    // The note keeps its room while hidden, so the dialog does not jump when it appears.
    QSizePolicy notePolicy = m_restartNote->sizePolicy();
    notePolicy.setRetainSizeWhenHidden(true);
    m_restartNote->setSizePolicy(notePolicy);
    m_restartNote->setVisible(false);
    connect(m_language, &QComboBox::currentIndexChanged, this,
            [this] { m_restartNote->setVisible(m_language->currentData().toString() != m_startLanguage); });

    auto* form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);
    form->addRow(QString(), m_restartNote);
    form->addRow(tr("&Appearance:"), m_appearance);
    form->addRow(QString(), m_valueLabels);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(buttons);
}

Preferences PreferencesDialog::preferences() const
{
    Preferences preferences;
    preferences.language = m_language->currentData().toString();
    preferences.appearance = static_cast<Preferences::Appearance>(m_appearance->currentData().toInt());
    preferences.showValueLabels = m_valueLabels->isChecked();
    return preferences;
}

}  // namespace sl::widgets
