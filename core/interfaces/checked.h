// interfaces::Checked<T>: a figure as the app may show it, in exactly one of
// three states — Verified (proven against a header linked to the trusted
// checkpoint, with that block), Unverified (as the node said it, and why no
// proof was possible) or Mismatch (the node contradicted its proof: no value
// at all, only what failed and which node said it). The interfaces' own
// copy of core/lightclient's states, so that app/ sees plain values and
// never a light-client type; the verifier converts at the boundary.
#pragma once

#include <core/chain/hash.h>

#include <cstdint>
#include <string>
#include <utility>
#include <variant>

namespace ctrn::interfaces {

struct Mismatch {
    std::string kind;     // "account proof", "storage value", "header link", ...
    std::string message;  // one line: what failed, naming the account/slot/block
    std::string endpoint; // the node that said it, when known

    // "endpoint URL: message" (or just the message).
    std::string describe() const { return endpoint.empty() ? message : endpoint + ": " + message; }
};

template <typename T>
class Verified {
public:
    Verified(T value, std::uint64_t blockNumber, chain::Hash blockHash)
        : m_value(std::move(value)), m_blockNumber(blockNumber), m_blockHash(blockHash) {}
    const T& value() const& { return m_value; }
    std::uint64_t blockNumber() const { return m_blockNumber; }
    const chain::Hash& blockHash() const { return m_blockHash; }

private:
    T m_value;
    std::uint64_t m_blockNumber;
    chain::Hash m_blockHash;
};

template <typename T>
class Unverified {
public:
    explicit Unverified(T value, std::string why = {}) : m_value(std::move(value)), m_why(std::move(why)) {}
    const T& unverifiedValue() const& { return m_value; }
    // Why there is no proof ("this node does not serve proofs"), when known.
    const std::string& why() const { return m_why; }

private:
    T m_value;
    std::string m_why;
};

template <typename T>
class Checked {
public:
    Checked(Verified<T> v) : m_state(std::move(v)) {}
    Checked(Unverified<T> v) : m_state(std::move(v)) {}
    Checked(Mismatch m) : m_state(std::move(m)) {}

    bool isVerified() const { return m_state.index() == 0; }
    bool isUnverified() const { return m_state.index() == 1; }
    bool isMismatch() const { return m_state.index() == 2; }
    // Each accessor only for its own state (std::get throws otherwise: a bug).
    const Verified<T>& verified() const { return std::get<0>(m_state); }
    const Unverified<T>& unverified() const { return std::get<1>(m_state); }
    const Mismatch& mismatch() const { return std::get<2>(m_state); }

private:
    std::variant<Verified<T>, Unverified<T>, Mismatch> m_state;
};

} // namespace ctrn::interfaces
