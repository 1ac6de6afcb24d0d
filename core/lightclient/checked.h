// The three states of a value the app or ctrn shows: Verified<T> (proven
// against a header linked to the trusted checkpoint, with that block's number
// and hash), rpc::Unverified<T> (as a node said it, because no proof was
// possible, e.g. a node without eth_getProof) and Mismatch (the node
// contradicted itself or its proof: there is no value to show, only what
// failed). They are distinct types, and Checked<T> holds exactly one of
// them, so an unverified value cannot pass for a verified one and a
// mismatch cannot be read as a value.
#pragma once

#include <core/chain/hash.h>
#include <core/rpc/unverified.h>

#include <cstdint>
#include <string>
#include <utility>
#include <variant>

namespace ctrn::lightclient {

// What a Mismatch says failed (Helios-style typed proof errors).
enum class MismatchKind {
    HeaderHash,      // a header's fields do not hash to the hash it claims
    HeaderLink,      // a header does not link by parent hash to the verified chain
    HeaderNumber,    // a header is not the block number it was asked for
    Checkpoint,      // the chain does not contain the trusted checkpoint
    AccountProof,    // an account proof does not verify against the state root
    AccountValue,    // the node's claimed account fields differ from the proven ones
    StorageProof,    // a storage proof does not verify against the storage root
    StorageValue,    // the node's claimed slot value differs from the proven one
    ReceiptsRoot,    // the block's receipts do not rebuild the header's receipts root
    ReceiptValue,    // the node's receipt for a transaction differs from the proven one
    TransactionsRoot, // the block's transactions do not rebuild the header's transactions root
    TransactionHash, // a transaction's fields do not hash to the hash the node gives it
    TransactionIndex, // the asked transaction is not the one at its receipt's index
    ChainId,         // the node serves another chain
    Quorum,          // endpoints disagree and fewer than the quorum agree
};

std::string mismatchKindName(MismatchKind kind); // "account proof", ...

struct Mismatch {
    MismatchKind kind = MismatchKind::HeaderHash;
    std::string message;  // one line: what failed, naming the account/slot/block
    std::string endpoint; // the node that said it, when known

    // "endpoint URL: message" (or just the message).
    std::string describe() const { return endpoint.empty() ? message : endpoint + ": " + message; }
};

// A value proven at block (blockNumber, blockHash).
template <typename T>
class Verified {
public:
    Verified(T value, std::uint64_t blockNumber, chain::Hash blockHash)
        : m_value(std::move(value)), m_blockNumber(blockNumber), m_blockHash(blockHash) {}
    const T& value() const& { return m_value; }
    T&& value() && { return std::move(m_value); }
    std::uint64_t blockNumber() const { return m_blockNumber; }
    const chain::Hash& blockHash() const { return m_blockHash; }

private:
    T m_value;
    std::uint64_t m_blockNumber;
    chain::Hash m_blockHash;
};

template <typename T>
class Checked {
public:
    Checked(Verified<T> v) : m_state(std::move(v)) {}
    Checked(rpc::Unverified<T> v) : m_state(std::move(v)) {}
    Checked(Mismatch m) : m_state(std::move(m)) {}

    bool isVerified() const { return m_state.index() == 0; }
    bool isUnverified() const { return m_state.index() == 1; }
    bool isMismatch() const { return m_state.index() == 2; }
    // Each accessor only for its own state (asserts otherwise).
    const Verified<T>& verified() const { return std::get<0>(m_state); }
    const rpc::Unverified<T>& unverified() const { return std::get<1>(m_state); }
    const Mismatch& mismatch() const { return std::get<2>(m_state); }
    const std::variant<Verified<T>, rpc::Unverified<T>, Mismatch>& state() const { return m_state; }

private:
    std::variant<Verified<T>, rpc::Unverified<T>, Mismatch> m_state;
};

// A pure verification step's outcome: the proven value or the Mismatch.
template <typename T>
class Verdict {
public:
    Verdict(T value) : m_data(std::in_place_index<0>, std::move(value)) {}
    Verdict(Mismatch mismatch) : m_data(std::in_place_index<1>, std::move(mismatch)) {}
    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }
    const T& value() const& { return std::get<0>(m_data); }
    T&& value() && { return std::get<0>(std::move(m_data)); }
    const T* operator->() const { return &value(); }
    const T& operator*() const& { return value(); }
    const Mismatch& mismatch() const { return std::get<1>(m_data); }

private:
    std::variant<T, Mismatch> m_data;
};

} // namespace ctrn::lightclient
