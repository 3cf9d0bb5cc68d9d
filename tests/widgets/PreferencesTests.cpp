#include "app/gui/Appearance.h"
#include "app/gui/MainWindow.h"
#include "tests/widgets/WidgetTestSupport.h"
#include "widgets/dialogs/PreferencesDialog.h"
#include "widgets/document/DatasetDocument.h"
#include "widgets/panels/WelcomePanel.h"
#include "widgets/views/DataView.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QStyle>
#include <QTabWidget>
#include <QTimer>

#include <gtest/gtest.h>

#include <memory>

using namespace sl;
using widgets::Preferences;

namespace {

// Forgets what earlier tests in this process saved.
void clearSettings()
{
    tests::ensureApplication();
    QSettings().clear();
}

QAction* preferencesAction(gui::MainWindow& window)
{
    for (QAction* action : window.findChildren<QAction*>())
        if (action->menuRole() == QAction::PreferencesRole) return action;
    return nullptr;
}

}  // namespace

TEST(Preferences, SavedChoicesComeBackAndUnknownOnesFallBackToDefaults)
{
    clearSettings();
    const Preferences defaults = Preferences::load();
    EXPECT_EQ(defaults.language, QStringLiteral("system"));
    EXPECT_EQ(defaults.appearance, Preferences::Appearance::FollowSystem);
    EXPECT_TRUE(defaults.showValueLabels);

    Preferences chosen;
    chosen.language = QStringLiteral("fr_CA");
    chosen.appearance = Preferences::Appearance::Dark;
    chosen.showValueLabels = false;
    chosen.save();
    const Preferences loaded = Preferences::load();
    EXPECT_EQ(loaded.language, QStringLiteral("fr_CA"));
    EXPECT_EQ(loaded.appearance, Preferences::Appearance::Dark);
    EXPECT_FALSE(loaded.showValueLabels);

    QSettings().setValue(QStringLiteral("language"), QStringLiteral("klingon"));
    QSettings().setValue(QStringLiteral("appearance"), QStringLiteral("purple"));
    EXPECT_EQ(Preferences::load().language, QStringLiteral("system"));
    EXPECT_EQ(Preferences::load().appearance, Preferences::Appearance::FollowSystem);
    clearSettings();
}

TEST(Preferences, DialogShowsTheChoicesAndSaysWhenTheLanguageChanges)
{
    clearSettings();
    Preferences current;
    current.language = QStringLiteral("en");
    current.appearance = Preferences::Appearance::Light;
    widgets::PreferencesDialog dialog(current);
    dialog.show();
    EXPECT_EQ(dialog.languageBox()->currentData().toString(), QStringLiteral("en"));
    EXPECT_EQ(dialog.appearanceBox()->currentText(), QStringLiteral("Light"));
    EXPECT_TRUE(dialog.valueLabelsBox()->isChecked());
    EXPECT_FALSE(dialog.restartNote()->isVisible());

    dialog.languageBox()->setCurrentIndex(dialog.languageBox()->findData(QStringLiteral("fr_CA")));
    EXPECT_TRUE(dialog.restartNote()->isVisible());
    dialog.appearanceBox()->setCurrentIndex(dialog.appearanceBox()->findText(QStringLiteral("Dark")));
    dialog.valueLabelsBox()->setChecked(false);
    EXPECT_TRUE(tests::saveScreenshot(&dialog, QStringLiteral("preferences")));

    const Preferences chosen = dialog.preferences();
    EXPECT_EQ(chosen.language, QStringLiteral("fr_CA"));
    EXPECT_EQ(chosen.appearance, Preferences::Appearance::Dark);
    EXPECT_FALSE(chosen.showValueLabels);
}

TEST(Preferences, DarkAppearanceFromTheEditMenuAndBackToTheSystem)
{
    clearSettings();
    const QPalette systemPalette = QApplication::palette();
    ASSERT_FALSE(gui::isDark(systemPalette));  // the offscreen platform is light
    auto window = std::make_unique<gui::MainWindow>();
    window->resize(1200, 760);
    window->show();
    window->document()->load(tests::makeSurvey(200), QStringLiteral("/surveys/workforce.sav"));
    QAction* preferences = preferencesAction(*window);
    ASSERT_NE(preferences, nullptr);
    EXPECT_EQ(preferences->text(), QStringLiteral("&Preferences…"));
    EXPECT_EQ(preferences->shortcut(), QKeySequence(QKeySequence::Preferences));

    QTimer::singleShot(50, [] {
        auto* dialog = qobject_cast<widgets::PreferencesDialog*>(QApplication::activeModalWidget());
        ASSERT_NE(dialog, nullptr);
        dialog->appearanceBox()->setCurrentIndex(dialog->appearanceBox()->findText(QStringLiteral("Dark")));
        dialog->valueLabelsBox()->setChecked(false);
        dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
    });
    preferences->trigger();
    EXPECT_TRUE(gui::isDark(QApplication::palette()));
    QApplication::processEvents();
    EXPECT_TRUE(gui::isDark(window->dataView()->palette()));
    EXPECT_EQ(QApplication::style()->name(), QStringLiteral("fusion"));
    EXPECT_EQ(Preferences::load().appearance, Preferences::Appearance::Dark);
    EXPECT_FALSE(window->valueLabelsAction()->isChecked());
    window->valueLabelsAction()->setChecked(true);
    window->welcomePanel()->show();
    EXPECT_TRUE(tests::saveScreenshot(window.get(), QStringLiteral("main_window_dark")));
    const QImage welcome = window->welcomePanel()->grab().toImage();
    EXPECT_LT(QColor(welcome.pixel(8, welcome.height() - 5)).lightness(), 96);  // a dark note, not a light box

    gui::applyAppearance(Preferences::Appearance::FollowSystem);
    EXPECT_FALSE(gui::isDark(QApplication::palette()));
    EXPECT_EQ(QApplication::palette().color(QPalette::Window), systemPalette.color(QPalette::Window));
    clearSettings();
}

TEST(Preferences, FollowingTheSystemGoesDarkOnlyWhenTheSystemPaletteIsDark)
{
    tests::ensureApplication();
    using Appearance = Preferences::Appearance;
    const QPalette light = QApplication::style()->standardPalette();
    const QPalette dark = gui::darkPalette();
    EXPECT_TRUE(gui::isDark(dark));
    EXPECT_FALSE(gui::isDark(light));
    EXPECT_TRUE(gui::usesDarkLook(Appearance::FollowSystem, dark));
    EXPECT_FALSE(gui::usesDarkLook(Appearance::FollowSystem, light));
    EXPECT_TRUE(gui::usesDarkLook(Appearance::Dark, light));
    EXPECT_FALSE(gui::usesDarkLook(Appearance::Light, dark));
}

TEST(MainWindowLayout, RemembersSizeDockAndTab)
{
    clearSettings();
    {
        gui::MainWindow window;
        window.show();
        window.resize(900, 640);
        window.findChild<QDockWidget*>(QStringLiteral("resultsDock"))->hide();
        window.tabs()->setCurrentIndex(1);
        ASSERT_TRUE(tests::waitFor([&] { return window.size() == QSize(900, 640); }, 2000));
        EXPECT_TRUE(window.close());
    }
    gui::MainWindow reopened;
    reopened.show();
    EXPECT_EQ(reopened.size(), QSize(900, 640));
    EXPECT_FALSE(reopened.findChild<QDockWidget*>(QStringLiteral("resultsDock"))->isVisible());
    EXPECT_EQ(reopened.tabs()->currentIndex(), 1);
    EXPECT_TRUE(tests::saveScreenshot(&reopened, QStringLiteral("remembered_layout")));
    reopened.close();
    clearSettings();
}
