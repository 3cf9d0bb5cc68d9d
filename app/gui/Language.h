#pragma once
// The language SurveyLens speaks: English (the language of its source) or French (Canada),
// chosen in Preferences or, by default, from the system locale.
#include <QLocale>
#include <QString>

namespace sl::gui {

// The locale of the interface for a Preferences language ("system", "en" or "fr_CA"): any French
// system locale gets French (Canada), any other English.
QLocale interfaceLocale(const QString& language);

// Installs SurveyLens's translation (embedded in the program) and Qt's own, when it is installed,
// for that language, replacing those installed before. English needs none. Returns false when the
// French translation cannot be loaded.
bool installTranslations(const QString& language);

}  // namespace sl::gui
