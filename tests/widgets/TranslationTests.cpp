#include "app/gui/Language.h"
#include "app/gui/MainWindow.h"
#include "tests/widgets/WidgetTestSupport.h"
#include "widgets/document/DatasetDocument.h"

#include <QAction>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

#include <memory>

using namespace sl;

namespace {

struct Message {
    QString context;
    bool plural;
    QString source;
    QString type;  // "unfinished", "vanished", "obsolete" or empty when done
    QStringList forms;  // the translation, or its plural forms
};

std::vector<Message> readTranslation(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    std::vector<Message> messages;
    QString context;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement) continue;
        if (xml.name() == QLatin1String("name")) context = xml.readElementText();
        if (xml.name() == QLatin1String("message"))
            messages.push_back({context, xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes"),
                                {}, {}, {}});
        if (xml.name() == QLatin1String("source")) messages.back().source = xml.readElementText();
        if (xml.name() == QLatin1String("translation")) {
            messages.back().type = xml.attributes().value(QLatin1String("type")).toString();
            if (!messages.back().plural) messages.back().forms << xml.readElementText();
        }
        if (xml.name() == QLatin1String("numerusform")) messages.back().forms << xml.readElementText();
    }
    EXPECT_FALSE(xml.hasError()) << xml.errorString().toStdString();
    return messages;
}

// %1…%99, %n and the [*] of a window title, sorted.
QStringList placeholdersOf(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral(R"(%(\d{1,2}|n)|\[\*\])"));
    QStringList found;
    for (const auto& match : pattern.globalMatch(text)) found << match.captured();
    found.sort();
    return found;
}

// How many keyboard accelerators ("&File") a plain text has; && and rich text do not count.
int acceleratorsIn(const QString& text)
{
    if (text.startsWith(QLatin1Char('<'))) return 0;
    static const QRegularExpression pattern(QStringLiteral(R"((?<!&)&(?!&)(?![a-z]+;)\w)"));
    int count = 0;
    for (auto matches = pattern.globalMatch(text); matches.hasNext(); matches.next()) ++count;
    return count;
}

// The Alt+letter keys of actions that have one, e.g. "Alt+F" for "&Fichier".
QStringList acceleratorKeys(const QList<QAction*>& actions)
{
    QStringList keys;
    for (QAction* action : actions) {
        const QKeySequence key = QKeySequence::mnemonic(action->text());
        if (!key.isEmpty()) keys << key.toString();
    }
    return keys;
}

bool allDifferent(QStringList keys)
{
    const auto count = keys.size();
    keys.removeDuplicates();
    return keys.size() == count;
}

}  // namespace

TEST(Translation, FrenchIsCompleteAndKeepsPlaceholdersAndAccelerators)
{
    const auto messages = readTranslation(QStringLiteral(SL_SOURCE_DIR "/translations/surveylens_fr_CA.ts"));
    ASSERT_GT(messages.size(), 200u);
    for (const Message& message : messages) {
        const std::string where = message.context.toStdString() + ": " + message.source.toStdString();
        EXPECT_TRUE(message.type.isEmpty()) << message.type.toStdString() << " translation of " << where;
        ASSERT_FALSE(message.forms.isEmpty()) << where;
        for (const QString& form : message.forms) {
            EXPECT_FALSE(form.trimmed().isEmpty()) << "empty translation of " << where;
            EXPECT_EQ(placeholdersOf(form), placeholdersOf(message.source))
                << where << " → " << form.toStdString();
            EXPECT_EQ(acceleratorsIn(form), acceleratorsIn(message.source)) << where << " → " << form.toStdString();
        }
    }
}

TEST(Translation, PlaceholderCheckSeesAMissingArgument)
{
    EXPECT_NE(placeholdersOf(QStringLiteral("Pondéré")), placeholdersOf(QStringLiteral("Weighted by %1")));
    EXPECT_NE(placeholdersOf(QStringLiteral("%1 — SurveyLens")),
              placeholdersOf(QStringLiteral("%1[*] — SurveyLens")));
    EXPECT_EQ(acceleratorsIn(QStringLiteral("&Fichier")), 1);
    EXPECT_EQ(acceleratorsIn(QStringLiteral("Édition &gt; Annuler && rétablir")), 0);
}

TEST(Translation, LanguageFollowsThePreference)
{
    EXPECT_EQ(gui::interfaceLocale(QStringLiteral("fr_CA")).language(), QLocale::French);
    EXPECT_EQ(gui::interfaceLocale(QStringLiteral("fr_CA")).territory(), QLocale::Canada);
    EXPECT_EQ(gui::interfaceLocale(QStringLiteral("en")).language(), QLocale::English);
    const bool frenchSystem = QLocale::system().language() == QLocale::French;
    EXPECT_EQ(gui::interfaceLocale(QStringLiteral("system")).language(),
              frenchSystem ? QLocale::French : QLocale::English);
}

TEST(Translation, MainWindowSpeaksFrench)
{
    tests::ensureApplication();
    ASSERT_TRUE(gui::installTranslations(QStringLiteral("fr_CA")));
    auto window = std::make_unique<gui::MainWindow>();
    window->resize(1200, 760);
    window->show();
    window->document()->load(tests::makeSurvey(40), QStringLiteral("/enquetes/effectifs.sav"));
    QStringList menus;
    for (QAction* action : window->menuBar()->actions()) menus << action->text();
    EXPECT_EQ(menus.value(0), QStringLiteral("&Fichier"));
    EXPECT_TRUE(menus.contains(QStringLiteral("D&onnées"))) << menus.join(QLatin1Char('|')).toStdString();
    EXPECT_TRUE(menus.contains(QStringLiteral("Aid&e"))) << menus.join(QLatin1Char('|')).toStdString();
    EXPECT_EQ(window->valueLabelsAction()->text(), QStringLiteral("Étiquettes de &valeurs"));
    // Alt+letter reaches one menu, and one action in each menu.
    EXPECT_TRUE(allDifferent(acceleratorKeys(window->menuBar()->actions())))
        << menus.join(QLatin1Char('|')).toStdString();
    for (QAction* menu : window->menuBar()->actions()) {
        const QStringList keys = acceleratorKeys(menu->menu()->actions());
        EXPECT_TRUE(allDifferent(keys)) << menu->text().toStdString() << ": "
                                        << keys.join(QLatin1Char(' ')).toStdString();
    }
    EXPECT_TRUE(tests::saveScreenshot(window.get(), QStringLiteral("main_window_french")));
    window.reset();

    ASSERT_TRUE(gui::installTranslations(QStringLiteral("en")));
    gui::MainWindow english;
    EXPECT_EQ(english.menuBar()->actions().value(0)->text(), QStringLiteral("&File"));
}
