// The one async call every view model makes: `work(Services&)` on a worker
// lane, then on the UI thread either `ok(id, R)` or `failed(id, message)` —
// exactly one of them, and neither once the receiver is gone or the answer
// is stale. Before it, each view model kept its own `make_shared<quint64>`
// id, its own copy of the failure path (or none: an Unlock whose job failed
// stayed disabled for good) and its own stale-answer check.
//
// Stale answers: a Generation counts the requests of one kind (a page of a
// list, a review); begin() a new one and the answers to the earlier ones are
// dropped, so an answer for the account shown before a switch, or for the
// amount typed before an edit, never lands.
#pragma once

#include "job_runner.h"

#include <core/util/result.h>

#include <QString>

#include <memory>
#include <type_traits>
#include <utility>

namespace ctrn::desktop {

// A counter of requests of one kind: only the newest one's answer counts.
class Generation {
public:
    // Starts a new request; the ones begun before are stale from now on.
    quint64 begin() { return ++m_current; }
    // Makes every request begun so far stale (a reset, an input changed).
    void invalidate() { ++m_current; }
    quint64 current() const { return m_current; }
    bool isCurrent(quint64 token) const { return token == m_current; }

private:
    quint64 m_current = 0;
};

// The text of an error for the screen: its message, first letter capitalised.
QString errorText(const Error& error);
// Core's text (UTF-8) for the screen.
inline QString qs(const std::string& s) { return QString::fromStdString(s); }

namespace detail {
template <typename T>
struct ResultTraits : std::false_type {};
template <typename T>
struct ResultTraits<Result<T>> : std::true_type {
    using Value = T;
};
} // namespace detail

// What a call may say besides its work and continuations.
struct CallOptions {
    Lane lane = Lane::Interactive;
    // Checked when the answer arrives: a stale answer is dropped (neither
    // continuation runs). Must live as long as the receiver (a member).
    const Generation* generation = nullptr;
};

// Runs `work(Services&) -> R` on the runner; `ok(quint64 id, R&&)` or
// `failed(quint64 id, const QString&)` on the UI thread. Returns the id.
template <typename R, typename Work, typename Ok, typename Failed>
quint64 asyncCall(JobRunner* runner, QObject* receiver, Work work, Ok ok, Failed failed, CallOptions options = {}) {
    // The id is known only once submit returns, but the continuations are
    // built before: they share it through this cell (they run later, on a
    // later event-loop turn, so it is always filled by then).
    auto id = std::make_shared<quint64>(0);
    const Generation* generation = options.generation;
    const quint64 token = generation ? generation->current() : 0;
    auto stale = [generation, token] { return generation && !generation->isCurrent(token); };
    auto failedShared = std::make_shared<Failed>(std::move(failed));
    *id = runner->submit(
        receiver,
        [work = std::move(work), ok = std::move(ok), id, stale](interfaces::Services& s) mutable {
            auto result = std::make_shared<R>(work(s));
            return JobRunner::Continuation([ok, id, stale, result]() mutable {
                if (stale()) return;
                ok(*id, std::move(*result));
            });
        },
        [failedShared, id, stale](const QString& message) {
            if (stale()) return;
            (*failedShared)(*id, message);
        },
        options.lane);
    return *id;
}

} // namespace ctrn::desktop
