#pragma once
// Shared pieces of the widget tests: the application object, a small labelled survey held in
// memory, screenshots, and waiting for background work.
#include "core/data/Dataset.h"

#include <QString>

#include <functional>

class QWidget;

namespace sl::tests {

// Creates the QApplication once (offscreen in ctest) with settings kept in a temporary folder.
void ensureApplication();

// A survey with `cases` cases: id, gender (labelled, 9 user-missing), satisfaction (ordinal,
// 8 and 9 user-missing), caseload (scale, some system-missing), agency (text) and a weight.
core::data::DatasetPtr makeSurvey(size_t cases);

// Saves `widget`'s picture as <build>/tests/widgets/screenshots/<name>.png; true when written.
bool saveScreenshot(QWidget* widget, const QString& name);

// Processes events until `condition` holds or `milliseconds` pass; returns the condition.
bool waitFor(const std::function<bool()>& condition, int milliseconds = 10000);

// A fresh temporary folder for this test's files.
QString temporaryFolder();

}  // namespace sl::tests
