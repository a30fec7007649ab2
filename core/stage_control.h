#pragma once

// Progress and cancellation for long analysis stages, in plain std types.

#include <atomic>
#include <functional>
#include <string>

namespace greenrenew::core {

struct StageControl {
    /// Called with the fraction done (0..1) of the named step; may be empty.
    std::function<void(const std::string& step, double fraction)> progress;
    /// Checked between parcels; when set, stages return early with partial results.
    const std::atomic<bool>* cancel = nullptr;

    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
    void report(const std::string& step, double fraction) const
    {
        if (progress)
            progress(step, fraction);
    }
};

} // namespace greenrenew::core
