// The SurveyLens desktop application.
#include "app/gui/Appearance.h"
#include "app/gui/Language.h"
#include "app/gui/MainWindow.h"
#include "widgets/dialogs/PreferencesDialog.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("SurveyLens"));
    QApplication::setApplicationName(QStringLiteral("SurveyLens"));
    QApplication::setApplicationVersion(QStringLiteral(SL_VERSION));

    const auto preferences = sl::widgets::Preferences::load();
    sl::gui::installTranslations(preferences.language);
    sl::gui::applyAppearance(preferences.appearance);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Survey analysis for social-work research."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QApplication::translate("main", "A data file to open (.sav, .zsav, .csv, .tsv)."));
    parser.process(app);

    sl::gui::MainWindow window;
    window.show();

    QSettings settings;
    const QString firstStartKey = QStringLiteral("firstStartDone");
    if (!parser.positionalArguments().isEmpty())
        window.openFile(parser.positionalArguments().first());
    else if (!settings.value(firstStartKey, false).toBool())
        window.openSample(true);
    settings.setValue(firstStartKey, true);

    return app.exec();
}
