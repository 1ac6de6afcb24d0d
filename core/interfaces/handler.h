// interfaces::Handler: the one way a caller learns of something later
// (a new head, a transaction changing state). Subscribing returns a Handler;
// destroying it (or disconnect()) unsubscribes, so a view model that goes
// away can never be called back. Also the small callback list the
// implementations use to keep their subscribers.
#pragma once

#include <functional>
#include <map>
#include <memory>

namespace ctrn::interfaces {

class Handler {
public:
    virtual ~Handler() = default;
    // Stops the callbacks; safe to call more than once.
    virtual void disconnect() = 0;
};

// A Handler that runs `cleanup` once, on disconnect() or destruction.
std::unique_ptr<Handler> makeHandler(std::function<void()> cleanup);

// Subscribers to one kind of notification. The list outlives none of its
// Handlers' reach: they hold it weakly, so a Handler destroyed after its
// service is harmless.
template <typename... Args>
class CallbackList {
public:
    std::unique_ptr<Handler> add(std::function<void(Args...)> fn) {
        const auto id = m_state->next++;
        m_state->callbacks.emplace(id, std::move(fn));
        std::weak_ptr<State> weak = m_state;
        return makeHandler([weak, id] {
            if (auto state = weak.lock()) state->callbacks.erase(id);
        });
    }
    void notify(const Args&... args) const {
        // A copy: a callback may disconnect itself (or another) while we run.
        auto callbacks = m_state->callbacks;
        for (const auto& [id, fn] : callbacks)
            if (m_state->callbacks.count(id)) fn(args...);
    }
    std::size_t size() const { return m_state->callbacks.size(); }

private:
    struct State {
        std::map<std::uint64_t, std::function<void(Args...)>> callbacks;
        std::uint64_t next = 0;
    };
    std::shared_ptr<State> m_state = std::make_shared<State>();
};

} // namespace ctrn::interfaces
