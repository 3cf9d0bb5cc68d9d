#pragma once
// Progress and cancellation for long work, without any Qt type.
#include <atomic>
#include <functional>

namespace sl::core {

class CancelToken {
public:
    void cancel() { m_cancelled.store(true, std::memory_order_relaxed); }
    bool isCancelled() const { return m_cancelled.load(std::memory_order_relaxed); }

private:
    std::atomic<bool> m_cancelled{false};
};

// Receives a fraction in [0, 1]. Callers report at most a few hundred times.
class ProgressSink {
public:
    ProgressSink() = default;
    explicit ProgressSink(std::function<void(double)> callback) : m_callback(std::move(callback)) {}
    void report(double fraction) const
    {
        if (m_callback) m_callback(fraction);
    }

private:
    std::function<void(double)> m_callback;
};

}  // namespace sl::core
