#include "app/gui/Language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace sl::gui {

namespace {

const QString kTranslatorName = QStringLiteral("surveylensTranslator");

}  // namespace

QLocale interfaceLocale(const QString& language)
{
    const bool french = language == QStringLiteral("fr_CA") ||
                        (language != QStringLiteral("en") && QLocale::system().language() == QLocale::French);
    return french ? QLocale(QLocale::French, QLocale::Canada) : QLocale(QLocale::English, QLocale::Canada);
}

bool installTranslations(const QString& language)
{
    auto* app = QCoreApplication::instance();
    for (auto* old : app->findChildren<QTranslator*>(kTranslatorName, Qt::FindDirectChildrenOnly)) {
        QCoreApplication::removeTranslator(old);
        delete old;
    }
    const QLocale locale = interfaceLocale(language);
    if (locale.language() != QLocale::French) return true;

    // Qt's own texts (standard buttons, file dialogs): optional, from Qt's translations folder.
    auto* qt = new QTranslator(app);
    qt->setObjectName(kTranslatorName);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;

    auto* own = new QTranslator(app);
    own->setObjectName(kTranslatorName);
    if (!own->load(locale, QStringLiteral("surveylens"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        delete own;
        return false;
    }
    QCoreApplication::installTranslator(own);
    return true;
}

}  // namespace sl::gui
