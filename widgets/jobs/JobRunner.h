#pragma once
// Runs one long task (opening or saving a file, ...) on a worker thread, reports its
// progress and lets the user cancel it. The result comes back on the UI thread.
#include "core/common/Progress.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QTimer;

namespace sl::widgets {

class JobRunner : public QObject {
    Q_OBJECT
public:
    explicit JobRunner(QObject* parent = nullptr);
    ~JobRunner() override;  // cancels a running task and waits for it

    bool isBusy() const { return m_state != nullptr; }
    QString title() const { return m_title; }

    // Starts `work` on a worker thread; `done` receives its result on this object's thread.
    // Returns false (and does nothing) while another task runs.
    template <typename T>
    bool run(const QString& title, std::function<T(const core::ProgressSink&, const core::CancelToken&)> work,
             std::function<void(T)> done)
    {
        auto result = std::make_shared<std::optional<T>>();
        return start(
            title,
            [work = std::move(work), result](const core::ProgressSink& progress, const core::CancelToken& cancel) {
                result->emplace(work(progress, cancel));
            },
            [done = std::move(done), result] { done(std::move(**result)); });
    }

public slots:
    // Asks the running task to stop; it finishes with its own "cancelled" result.
    void cancel();

signals:
    void started(const QString& title);
    void progressChanged(int percent);
    void finished();

private:
    struct State;
    bool start(const QString& title, std::function<void(const core::ProgressSink&, const core::CancelToken&)> work,
               std::function<void()> done);
    void reportProgress();

    std::shared_ptr<State> m_state;  // null when idle
    QString m_title;
    QFutureWatcher<void> m_watcher;
    QTimer* m_progressTimer;
    std::function<void()> m_done;
    int m_lastPercent = -1;
};

}  // namespace sl::widgets
