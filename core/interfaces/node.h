// interfaces::Node: what the app asks of the chain — the chain id it is on,
// the head, balances (as the node reports them: Unverified until the light
// client proves them) and fee estimates — and a subscription to new heads.
// Plain values in and out; the implementation is rpc::EthNode over the
// configured endpoints. Not thread-safe: the app calls it from its worker.
#pragma once

#include <core/chain/address.h>
#include <core/interfaces/handler.h>
#include <core/rpc/node.h>
#include <core/rpc/unverified.h>
#include <core/util/result.h>
#include <core/util/uint256.h>

#include <cstdint>
#include <functional>
#include <memory>

namespace ctrn::interfaces {

class Node {
public:
    virtual ~Node() = default;

    // The chain id checked when the connection was made.
    virtual std::uint64_t chainId() = 0;
    // The latest block number.
    virtual Result<std::uint64_t> head() = 0;
    // Wei.
    virtual Result<rpc::Unverified<U256>> balance(const chain::Address& account) = 0;
    // ERC-20 balanceOf, in the token's smallest unit, and its decimals.
    virtual Result<rpc::Unverified<U256>> tokenBalance(const chain::Address& token, const chain::Address& owner) = 0;
    virtual Result<unsigned> tokenDecimals(const chain::Address& token) = 0;
    virtual Result<rpc::FeeEstimates> feeEstimates() = 0;

    // Asks the node for its head once and, when it moved, tells the
    // new-head subscribers. The app's worker calls it on a timer; there is
    // no push subscription over HTTP.
    virtual Status poll() = 0;
    virtual std::unique_ptr<Handler> handleNewHead(std::function<void(std::uint64_t head)> fn) = 0;
};

} // namespace ctrn::interfaces
