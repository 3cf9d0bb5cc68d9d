#pragma once
// How a dialog tells the user whether what they typed can be used: a green or red line of text,
// in shades that stay readable on a light and a dark palette.
#include <QColor>
#include <QPalette>

class QLabel;
class QWidget;

namespace sl::widgets {

// Green when `good`, else red; lighter shades when the palette's window colour is dark.
QColor statusColor(const QPalette& palette, bool good);

// A word-wrapped plain-text label, coloured for problems.
QLabel* makeProblemLabel(QWidget* parent);

}  // namespace sl::widgets
