#pragma once
// Light or dark: the application's style and palette for the appearance chosen in Preferences.
// Qt 6.4 has no colour-scheme setting, so the system's choice is read from its palette.
#include "widgets/dialogs/PreferencesDialog.h"

#include <QPalette>

namespace sl::gui {

// True when a palette draws light text on a dark window.
bool isDark(const QPalette& palette);

// The dark palette SurveyLens uses with the Fusion style.
QPalette darkPalette();

// Whether an appearance uses the dark look on a system whose palette is `systemPalette`.
bool usesDarkLook(widgets::Preferences::Appearance appearance, const QPalette& systemPalette);

// Dark: Fusion with darkPalette(). Light: the system's style with its standard light palette.
// Following the system: the system's own style and palette, or dark when that palette is dark.
void applyAppearance(widgets::Preferences::Appearance appearance);

}  // namespace sl::gui
