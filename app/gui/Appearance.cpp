#include "app/gui/Appearance.h"

#include <QApplication>
#include <QStyle>

namespace sl::gui {

namespace {

// The style and palette the application started with, before any appearance was applied.
struct SystemLook {
    QString style;
    QPalette palette;
};

const SystemLook& systemLook()
{
    static const SystemLook look{QApplication::style()->name(), QApplication::palette()};
    return look;
}

void setLook(const QString& styleName, const QPalette& palette)
{
    QApplication::setStyle(styleName);
    QApplication::setPalette(palette);
}

}  // namespace

bool isDark(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}

QPalette darkPalette()
{
    const QColor window(0x2b, 0x2d, 0x31);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xe6, 0xe7, 0xe9);
    const QColor dimmed(0x8b, 0x8f, 0x96);
    const QColor highlight(0x3d, 0x7e, 0xd6);

    QPalette palette;
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2c));
    palette.setColor(QPalette::ToolTipBase, window);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, dimmed);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3c));
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    palette.setColor(QPalette::Light, QColor(0x4a, 0x4d, 0x53));
    palette.setColor(QPalette::Midlight, QColor(0x3e, 0x41, 0x46));
    palette.setColor(QPalette::Mid, QColor(0x24, 0x25, 0x29));
    palette.setColor(QPalette::Dark, QColor(0x17, 0x18, 0x1a));
    palette.setColor(QPalette::Shadow, QColor(0x0c, 0x0c, 0x0d));
    palette.setColor(QPalette::Highlight, highlight);
    palette.setColor(QPalette::HighlightedText, QColor(0xff, 0xff, 0xff));
    palette.setColor(QPalette::Link, QColor(0x7a, 0xb3, 0xff));
    palette.setColor(QPalette::LinkVisited, QColor(0xb3, 0x9d, 0xf0));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, dimmed);
    palette.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x4a, 0x4d, 0x53));
    return palette;
}

bool usesDarkLook(widgets::Preferences::Appearance appearance, const QPalette& systemPalette)
{
    using Appearance = widgets::Preferences::Appearance;
    return appearance == Appearance::Dark || (appearance == Appearance::FollowSystem && isDark(systemPalette));
}

void applyAppearance(widgets::Preferences::Appearance appearance)
{
    using Appearance = widgets::Preferences::Appearance;
    // While the system's look is untouched, Qt keeps following the system's own changes.
    static bool changed = false;
    const SystemLook& system = systemLook();
    if (usesDarkLook(appearance, system.palette)) {
        setLook(QStringLiteral("Fusion"), darkPalette());
        changed = true;
    } else if (appearance == Appearance::Light && isDark(system.palette)) {
        setLook(QStringLiteral("Fusion"), QPalette(QColor(0xef, 0xef, 0xef)));  // Fusion's own light palette
        changed = true;
    } else if (changed) {
        setLook(system.style, system.palette);
        changed = false;
    }
}

}  // namespace sl::gui
