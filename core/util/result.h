// Result<T>: the value-or-error return type used across every core layer.
// Nothing in core throws across a layer boundary; functions that can fail on
// input return Result<T>, whose error carries a typed code and a one-line
// human message (what ctrn prints on stderr and the app shows).
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace ctrn {

enum class ErrorCode {
    InvalidInput,    // malformed hex, bad length, out-of-range value
    InvalidEncoding, // RLP/ABI/JSON that does not decode (truncated, non-canonical, trailing bytes)
    InvalidChecksum, // EIP-55, Base58Check, BIP39 checksum
    InvalidKey,      // private/public key outside the curve's domain
    InvalidSignature,
    WrongPassword,   // keystore MAC mismatch
    Unsupported,     // a well-formed input we do not handle (unknown KDF, cipher, tx type)
    VerificationFailed,
    Io,
    Network,         // transport failure: refused, reset, HTTP error, malformed reply
    Timeout,         // no answer within the request's deadline (a network error too)
    NodeError,       // the node answered with a JSON-RPC error object
    WrongChain,      // the node serves a different chain id than expected
    Reverted,        // a call or gas estimate reverted; the message has the decoded reason
    NotFound,        // a wallet, account or transaction that is not there
    Internal,
};

struct Error {
    ErrorCode code = ErrorCode::Internal;
    std::string message;
};

inline Error makeError(ErrorCode code, std::string message) { return Error{code, std::move(message)}; }

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_data(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { assert(ok()); return std::get<0>(m_data); }
    const T& value() const& { assert(ok()); return std::get<0>(m_data); }
    T&& value() && { assert(ok()); return std::get<0>(std::move(m_data)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const { assert(!ok()); return std::get<1>(m_data); }

    // Prefixes the error message with context ("keystore: ...").
    Result withContext(const std::string& context) && {
        if (!ok()) std::get<1>(m_data).message = context + ": " + std::get<1>(m_data).message;
        return std::move(*this);
    }

private:
    std::variant<T, Error> m_data;
};

// Result<void> spelled as Result<Ok>.
struct Ok {};
using Status = Result<Ok>;

} // namespace ctrn

// Early-return helpers: CTRN_TRY(expr) propagates an error; CTRN_ASSIGN binds
// the value. They keep call sites flat instead of nesting if/else per step.
#define CTRN_CONCAT_INNER(a, b) a##b
#define CTRN_CONCAT(a, b) CTRN_CONCAT_INNER(a, b)
// __COUNTER__ keeps the temporary's name unique even when a CTRN_TRY sits
// inside another one's expression (a lambda), so -Wshadow stays quiet.
#define CTRN_TRY_IMPL(tmp, expr)                      \
    do {                                              \
        auto&& tmp = (expr);                          \
        if (!tmp.ok()) return tmp.error();            \
    } while (0)
#define CTRN_TRY(expr) CTRN_TRY_IMPL(CTRN_CONCAT(ctrn_try_, __COUNTER__), expr)
#define CTRN_ASSIGN_IMPL(tmp, decl, expr)      \
    auto tmp = (expr);                         \
    if (!tmp.ok()) return tmp.error();         \
    decl = std::move(tmp).value()
#define CTRN_ASSIGN(decl, expr) CTRN_ASSIGN_IMPL(CTRN_CONCAT(ctrn_assign_, __COUNTER__), decl, expr)
