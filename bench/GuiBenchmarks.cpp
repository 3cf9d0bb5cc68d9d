// Speed of the window a user waits for: the Data View's model filling a visible page of a
// 1,000,000-case x 40-variable survey, and opening the sample survey to a painted window.
// Runs offscreen; run with ./benchmark (Release build with the GUI).
#include "SyntheticSurvey.h"

#include "app/gui/MainWindow.h"
#include "app/gui/SamplePaths.h"
#include "widgets/document/DatasetDocument.h"
#include "widgets/jobs/JobRunner.h"
#include "widgets/models/DatasetTableModel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSettings>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

namespace {

using namespace sl;
constexpr size_t kCases = 1'000'000;
constexpr int kPageRows = 50;
constexpr int kPageColumns = 20;

// The roles a table view asks of each cell it paints.
constexpr int kCellRoles[] = {Qt::DisplayRole,    Qt::FontRole,       Qt::TextAlignmentRole, Qt::ForegroundRole,
                              Qt::BackgroundRole, Qt::DecorationRole, Qt::CheckStateRole};

const core::data::DatasetPtr& survey()
{
    static const auto dataset = bench::makeSyntheticSurvey(kCases);
    return dataset;
}

// One page of 50 rows x 20 columns, as the Data View shows it after a scroll; the page moves
// through the file so that no page is served from a cache. Argument: value labels shown or not.
void BM_DataViewPage(benchmark::State& state)
{
    widgets::DatasetDocument document;
    document.load(survey(), QStringLiteral("synthetic.sav"));
    widgets::DatasetTableModel model(&document);
    model.setShowValueLabels(state.range(0) != 0);
    const int rows = model.rowCount();
    int top = 0;
    size_t filled = 0;
    for (auto _ : state) {
        for (int row = top; row < top + kPageRows; ++row)
            for (int column = 0; column < kPageColumns; ++column) {
                const QModelIndex index = model.index(row, column);
                for (int role : kCellRoles) {
                    const QVariant value = model.data(index, role);
                    filled += value.isValid() ? 1 : 0;
                    benchmark::DoNotOptimize(value);
                }
            }
        top = (top + 104'729) % (rows - kPageRows);
    }
    state.counters["cells"] = kPageRows * kPageColumns;
    state.counters["answered"] = benchmark::Counter(static_cast<double>(filled), benchmark::Counter::kAvgIterations);
}
BENCHMARK(BM_DataViewPage)->ArgName("labels")->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

// From a new main window to the sample survey read and the whole window painted.
void BM_OpenSampleToPaintedWindow(benchmark::State& state)
{
    if (gui::sampleSurveyPath().isEmpty()) {
        state.SkipWithError("resources/sample/socialwork_sample.sav is not built");
        return;
    }
    size_t cases = 0;
    double firstSeconds = 0;  // the first open pays for fonts, styles and a cold file
    for (auto _ : state) {
        QElapsedTimer timer;
        timer.start();
        gui::MainWindow window;
        window.show();
        window.openSample(false);
        while (window.jobs()->isBusy()) QApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
        window.repaint();
        const double seconds = static_cast<double>(timer.nsecsElapsed()) * 1e-9;
        state.SetIterationTime(seconds);
        if (firstSeconds == 0) firstSeconds = seconds;
        cases = window.document()->dataset()->caseCount();
        if (cases == 0) {
            state.SkipWithError("the sample survey could not be opened");
            break;
        }
    }
    state.counters["cases"] = static_cast<double>(cases);
    state.counters["first_ms"] = firstSeconds * 1e3;
}
BENCHMARK(BM_OpenSampleToPaintedWindow)->UseManualTime()->Unit(benchmark::kMillisecond)->MinTime(2);

}  // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    // Settings go to a temporary folder, so that benchmarks leave the user's own alone.
    QTemporaryDir settingsDir;
    QApplication::setOrganizationName(QStringLiteral("SurveyLensBench"));
    QApplication::setApplicationName(QStringLiteral("SurveyLensBench"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());

    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
