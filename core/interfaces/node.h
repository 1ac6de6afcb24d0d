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
#include <core/wallet/devnet_faucet.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace ctrn::interfaces {

// --- Wallet pages (desktop) -------------------------------------------------

// The network's CTRN token (from the deployment manifest) as the pages name it.
struct TokenInfo {
    std::string address; // EIP-55
    std::string symbol;  // "CTRN"
    unsigned decimals = 18;
};

// What an account holds, exact, in the smallest units. CTRN locks staked
// tokens in place: `ctrnLocked` (bonded or unbonding stake) is part of
// `ctrnTotal` but cannot be sent; `ctrnFree` can. As the node reported it
// (unverified) until the light client proves it.
struct AccountBalances {
    std::string account; // EIP-55
    U256 eth = 0;        // wei
    bool hasCtrn = false; // false: this network's manifest names no CTRN token
    U256 ctrnTotal = 0;
    U256 ctrnLocked = 0;
    U256 ctrnFree = 0;
    std::uint64_t block = 0; // the head when read
    bool verified = false;
};

using FaucetGrant = wallet::FaucetGrant;

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

    // --- Wallet pages (desktop) ---
    // The CTRN token of this network (NotFound without a manifest naming it).
    virtual Result<TokenInfo> ctrnToken() = 0;
    // ETH and CTRN (total, locked, free) of `account`.
    virtual Result<AccountBalances> balances(const chain::Address& account) = 0;
    // Ok when the devnet faucet works here (the local devnet's anvil), else
    // why not (Unsupported): the app shows the button only when Ok.
    virtual Status faucetAvailable() = 0;
    // Gives `account` 10 ETH and 1,000 CTRN on the devnet; returns once mined.
    virtual Result<FaucetGrant> fundFromFaucet(const chain::Address& account) = 0;
};

} // namespace ctrn::interfaces
