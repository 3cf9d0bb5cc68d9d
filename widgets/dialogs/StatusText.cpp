#include "widgets/dialogs/StatusText.h"

#include <QLabel>

namespace sl::widgets {

QColor statusColor(const QPalette& palette, bool good)
{
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    if (good) return dark ? QColor(0x81, 0xc7, 0x84) : QColor(0x1b, 0x6e, 0x20);
    return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20);
}

QLabel* makeProblemLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, statusColor(palette, false));
    label->setPalette(palette);
    return label;
}

}  // namespace sl::widgets
