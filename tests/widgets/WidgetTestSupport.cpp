#include "tests/widgets/WidgetTestSupport.h"

#include <QApplication>
#include <QDir>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

namespace sl::tests {

using namespace core::data;

namespace {
QTemporaryDir& sharedTemporaryDir()
{
    static QTemporaryDir dir;
    return dir;
}
}  // namespace

void ensureApplication()
{
    if (QApplication::instance()) return;
    static int argc = 1;
    static char name[] = "widgets_tests";
    static char* argv[] = {name, nullptr};
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    new QApplication(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("SurveyLensTests"));
    QApplication::setApplicationName(QStringLiteral("SurveyLensTests"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, sharedTemporaryDir().path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, sharedTemporaryDir().path());
}

DatasetPtr makeSurvey(size_t cases)
{
    std::vector<Variable> variables(6);
    variables[0].name = "id";
    variables[0].label = "Respondent number";
    variables[0].format = {5, 8, 0};

    variables[1].name = "gender";
    variables[1].label = "Gender of the social worker";
    variables[1].measure = MeasureLevel::Nominal;
    variables[1].format = {5, 1, 0};
    variables[1].valueLabels.set(1, "Woman");
    variables[1].valueLabels.set(2, "Man");
    variables[1].valueLabels.set(3, "Another gender");
    variables[1].valueLabels.set(9, "Refused");
    variables[1].missing.values = {9};

    variables[2].name = "satisfaction";
    variables[2].label = "How satisfied are you with your job?";
    variables[2].measure = MeasureLevel::Ordinal;
    variables[2].format = {5, 1, 0};
    const char* levels[] = {"Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied"};
    for (int i = 0; i < 5; ++i) variables[2].valueLabels.set(i + 1, levels[i]);
    variables[2].valueLabels.set(8, "Don't know");
    variables[2].missing.range = std::pair{8.0, 9.0};

    variables[3].name = "caseload";
    variables[3].label = "Open cases this month";
    variables[3].format = {5, 8, 1};

    variables[4].name = "agency";
    variables[4].label = "Type of agency";
    variables[4].type = VariableType::String;
    variables[4].measure = MeasureLevel::Nominal;
    variables[4].stringWidth = 20;
    variables[4].format = {1, 20, 0};
    variables[4].alignment = Alignment::Left;

    variables[5].name = "wt";
    variables[5].label = "Survey weight";
    variables[5].format = {5, 8, 3};

    NumericColumnBuilder id, gender, satisfaction, caseload, weight;
    StringColumnBuilder agency;
    const char* agencies[] = {"Child welfare", "Hospital", "School", "Mental health"};
    for (size_t i = 0; i < cases; ++i) {
        id.append(static_cast<double>(i + 1));
        gender.append(i % 10 == 4 ? 9.0 : static_cast<double>(i % 3 + 1));
        satisfaction.append(i % 7 == 6 ? 8.0 : static_cast<double>(i % 5 + 1));
        if (i % 6 == 2)
            caseload.appendMissing();
        else
            caseload.append(12.5 + static_cast<double>(i % 17));
        agency.append(agencies[i % 4]);
        weight.append(0.5 + static_cast<double>(i % 4) * 0.25);
    }
    std::vector<ColumnPtr> columns = {id.finish(),       gender.finish(), satisfaction.finish(),
                                      caseload.finish(), agency.finish(), weight.finish()};
    auto dataset = std::make_shared<Dataset>(std::move(variables), std::move(columns));
    dataset->weightVariable = "wt";
    return dataset;
}

bool saveScreenshot(QWidget* widget, const QString& name)
{
    const QString folder = QStringLiteral(SL_BINARY_DIR "/tests/widgets/screenshots");
    QDir().mkpath(folder);
    QApplication::processEvents();
    return widget->grab().save(QDir(folder).filePath(name + QStringLiteral(".png")));
}

bool waitFor(const std::function<bool()>& condition, int milliseconds)
{
    return QTest::qWaitFor(condition, milliseconds);
}

QString temporaryFolder()
{
    static int counter = 0;
    const QString path = sharedTemporaryDir().filePath(QStringLiteral("case%1").arg(++counter));
    QDir().mkpath(path);
    return path;
}

}  // namespace sl::tests
