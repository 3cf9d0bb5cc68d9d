#include "widgets/jobs/JobRunner.h"

#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <atomic>
#include <cmath>

namespace sl::widgets {

// Shared with the worker thread, so it outlives the runner if it must.
struct JobRunner::State {
    core::CancelToken cancel;
    std::atomic<int> percent{0};
};

JobRunner::JobRunner(QObject* parent) : QObject(parent), m_progressTimer(new QTimer(this))
{
    m_progressTimer->setInterval(100);
    connect(m_progressTimer, &QTimer::timeout, this, &JobRunner::reportProgress);
    connect(&m_watcher, &QFutureWatcher<void>::finished, this, [this] {
        m_progressTimer->stop();
        auto done = std::move(m_done);
        m_done = nullptr;
        m_state.reset();
        m_title.clear();
        emit finished();
        done();
    });
}

JobRunner::~JobRunner()
{
    if (m_state) {
        m_state->cancel.cancel();
        m_watcher.disconnect(this);
        m_watcher.waitForFinished();
    }
}

void JobRunner::cancel()
{
    if (m_state) m_state->cancel.cancel();
}

bool JobRunner::start(const QString& title,
                      std::function<void(const core::ProgressSink&, const core::CancelToken&)> work,
                      std::function<void()> done)
{
    if (m_state) return false;
    auto state = std::make_shared<State>();
    m_state = state;
    m_title = title;
    m_done = std::move(done);
    m_lastPercent = -1;
    emit started(title);
    reportProgress();
    m_progressTimer->start();
    m_watcher.setFuture(QtConcurrent::run([state, work = std::move(work)] {
        const core::ProgressSink progress([&state](double fraction) {
            if (std::isfinite(fraction))
                state->percent.store(static_cast<int>(std::lround(std::clamp(fraction, 0.0, 1.0) * 100)));
        });
        work(progress, state->cancel);
    }));
    return true;
}

void JobRunner::reportProgress()
{
    if (!m_state) return;
    const int percent = m_state->percent.load();
    if (percent == m_lastPercent) return;
    m_lastPercent = percent;
    emit progressChanged(percent);
}

}  // namespace sl::widgets
