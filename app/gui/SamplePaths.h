#pragma once
// Where the bundled sample survey lives: beside the build, in the source tree, or installed.
#include <QString>

namespace sl::gui {

// The path of socialwork_sample.sav, or an empty string when it cannot be found.
QString sampleSurveyPath();

}  // namespace sl::gui
