#include "app/gui/SamplePaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace sl::gui {

QString sampleSurveyPath()
{
    const QString fileName = QStringLiteral("socialwork_sample.sav");
    const QString appDir = QCoreApplication::applicationDirPath();
    const QStringList folders = {
        appDir + QStringLiteral("/../../resources/sample"),  // <build>/app/gui/surveylens
        appDir + QStringLiteral("/../resources/sample"),
        QStringLiteral(SL_SOURCE_DIR "/resources/sample"),
        QStringLiteral("/usr/share/surveylens/sample"),
    };
    for (const QString& folder : folders) {
        const QFileInfo file(QDir(folder).filePath(fileName));
        if (file.isFile()) return file.canonicalFilePath();
    }
    return {};
}

}  // namespace sl::gui
