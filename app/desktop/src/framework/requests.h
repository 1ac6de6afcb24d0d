// What the two view-model bases (ViewModel, QueryListModel) share: `run`,
// which wraps asyncCall with the page's busy flag, its error line and the
// requestDone signal that tests and QML wait on. A Result<T> answer is
// unwrapped here: its error becomes the page's error (through `describe`
// when the page words some errors itself, e.g. a wrong password) and the
// continuation only ever sees the value. A failed job — no node, the app
// closing — ends the same way, so busy can never stay on.
#pragma once

#include "async_call.h"

#include <QObject>
#include <QString>

#include <functional>
#include <map>
#include <type_traits>

namespace ctrn::desktop {

struct RunOptions {
    // Shows busy while it runs (a review, a send); false for background
    // refreshes that must not grey out the page.
    bool busy = true;
    // Sets the page's error on failure and clears it on success; false for
    // work whose failure the continuation words itself (a side lookup).
    bool reportError = true;
    // The words for a failure (default: errorText).
    std::function<QString(const Error&)> describe;
    // Only the newest request of this slot counts (see Generation); -1: none.
    int slot = -1;
    Lane lane = Lane::Interactive;
    // Called on failure after the error is shown (a flow returns to its
    // last stage, a list stops loading).
    std::function<void(const QString&)> onFailure;
};

// The state behind busy/error/requestDone, implemented by both bases.
class RequestHost {
public:
    virtual ~RequestHost() = default;

    JobRunner* runner() const { return m_runner; }
    bool isBusy() const { return m_busy > 0; }
    QString errorMessage() const { return m_error; }

    // Runs `work(Services&) -> R` on the worker; `done(value)` on the UI
    // thread. `done` may return void or a QString (requestDone's message).
    template <typename R, typename Work, typename Done>
    quint64 run(Work work, Done done, RunOptions options = {}) {
        const Generation* generation = nullptr;
        if (options.slot >= 0) {
            Slot& slot = m_slots[options.slot];
            releaseSlot(slot); // the answer to the one before will be dropped
            slot.generation.begin();
            slot.holdsBusy = options.busy;
            generation = &slot.generation;
        }
        if (options.busy) changeBusy(+1);
        if (options.reportError) applyError({});
        // Busy is given back once per request: by its answer, or, for a
        // slot's request made stale, when the next one starts.
        auto release = [this, options] {
            if (!options.busy) return;
            if (options.slot >= 0) {
                Slot& slot = m_slots[options.slot];
                if (!slot.holdsBusy) return;
                slot.holdsBusy = false;
            }
            changeBusy(-1);
        };
        auto finishFailure = [this, options, release](quint64 id, const QString& message) {
            release();
            if (options.reportError) applyError(message);
            if (options.onFailure) options.onFailure(message);
            emitRequestDone(id, false, message);
        };
        return asyncCall<R>(
            m_runner, receiverObject(), std::move(work),
            [this, done = std::move(done), options, finishFailure, release](quint64 id, R&& result) mutable {
                if constexpr (detail::ResultTraits<R>::value) {
                    if (!result) {
                        const QString message = options.describe ? options.describe(result.error()) : errorText(result.error());
                        return finishFailure(id, message);
                    }
                    using V = typename detail::ResultTraits<R>::Value;
                    release();
                    if (options.reportError) applyError({});
                    if constexpr (std::is_invocable_v<Done&, V&&>) finish(id, done, std::move(*result));
                    else finish(id, done);
                } else {
                    release();
                    finish(id, done, std::move(result));
                }
            },
            finishFailure, CallOptions{options.lane, generation});
    }

    // An input refused before any job: shown as the error, and requestDone
    // (id 0) so a caller waiting on it is not left waiting.
    quint64 refuse(const QString& why) {
        applyError(why);
        emitRequestDone(0, false, why);
        return 0;
    }

    // Makes the answers of `slot` still on their way stale.
    void invalidateSlot(int slot) {
        Slot& s = m_slots[slot];
        releaseSlot(s);
        s.generation.invalidate();
    }

protected:
    explicit RequestHost(JobRunner* runner) : m_runner(runner) {}

    virtual QObject* receiverObject() = 0;
    virtual void busyWasChanged() = 0;
    virtual void errorWasChanged() = 0;
    virtual void emitRequestDone(quint64 id, bool ok, const QString& message) = 0;

    void applyError(const QString& error) {
        if (error == m_error) return;
        m_error = error;
        errorWasChanged();
    }

private:
    template <typename Done, typename... Args>
    void finish(quint64 id, Done& done, Args&&... args) {
        if constexpr (std::is_same_v<std::invoke_result_t<Done&, Args&&...>, QString>) {
            const QString message = done(std::forward<Args>(args)...);
            emitRequestDone(id, true, message);
        } else {
            done(std::forward<Args>(args)...);
            emitRequestDone(id, true, {});
        }
    }
    void changeBusy(int delta) {
        const bool was = m_busy > 0;
        m_busy += delta;
        if (m_busy < 0) m_busy = 0;
        if (was != (m_busy > 0)) busyWasChanged();
    }

    struct Slot {
        Generation generation;
        bool holdsBusy = false; // its newest request has not given busy back yet
    };
    void releaseSlot(Slot& slot) {
        if (!slot.holdsBusy) return;
        slot.holdsBusy = false;
        changeBusy(-1);
    }

    JobRunner* m_runner;
    int m_busy = 0;
    QString m_error;
    std::map<int, Slot> m_slots; // std::map: Slot addresses stay put
};

} // namespace ctrn::desktop
