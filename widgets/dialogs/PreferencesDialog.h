#pragma once
// Edit > Preferences: the language SurveyLens speaks, its light or dark appearance, and whether
// the Data View opens showing value labels. The choices live in QSettings.
#include <QDialog>
#include <QString>

class QCheckBox;
class QComboBox;
class QLabel;

namespace sl::widgets {

// What the user chose in Preferences.
struct Preferences {
    enum class Appearance { FollowSystem, Light, Dark };

    // "system" (the system locale), "en" or "fr_CA".
    QString language = QStringLiteral("system");
    Appearance appearance = Appearance::FollowSystem;
    bool showValueLabels = true;

    // The saved choices; the defaults where nothing is saved.
    static Preferences load();
    void save() const;
};

class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(const Preferences& current, QWidget* parent = nullptr);

    // The choices as shown now.
    Preferences preferences() const;

    QComboBox* languageBox() const { return m_language; }
    QComboBox* appearanceBox() const { return m_appearance; }
    QCheckBox* valueLabelsBox() const { return m_valueLabels; }
    // Says that a new language is used from the next start; shown only when the language changes.
    QLabel* restartNote() const { return m_restartNote; }

private:
    QString m_startLanguage;
    QComboBox* m_language;
    QComboBox* m_appearance;
    QCheckBox* m_valueLabels;
    QLabel* m_restartNote;
};

}  // namespace sl::widgets
