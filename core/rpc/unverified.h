// Unverified<T>: a value as a node reported it, before (or without) the
// light-client verifier checking it against a verified header. The value is
// reachable only through unverifiedValue(), so code that shows or trusts a
// node answer says so at the call site; the verifier will add Verified<T>.
#pragma once

#include <utility>

namespace ctrn::rpc {

template <typename T>
class Unverified {
public:
    explicit Unverified(T value) : m_value(std::move(value)) {}
    const T& unverifiedValue() const& { return m_value; }
    T&& unverifiedValue() && { return std::move(m_value); }

private:
    T m_value;
};

} // namespace ctrn::rpc
