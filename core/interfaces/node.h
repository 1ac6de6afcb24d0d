// interfaces::Node: what the app asks of the chain — the chain id it is on,
// the head, balances (as the node reports them: Unverified until the light
// client proves them: Node's figures are all unverified) and fee estimates — and a subscription to new heads.
// Plain values in and out; the implementation is rpc::EthNode over the
// configured endpoints. Not thread-safe: the app calls it from its worker.
#pragma once

#include <core/chain/address.h>
#include <core/chain/hash.h>
#include <core/interfaces/handler.h>
#include <core/util/result.h>
#include <core/util/uint256.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace ctrn::rpc {
class Transport; // how JSON-RPC requests travel (HTTP in the app, a fake in tests)
}

namespace ctrn::interfaces {

// How the services talk to the node(s): per-request timeout, retries with
// doubling backoff, and how many endpoints must agree on a read.
struct NodeOptions {
    std::chrono::milliseconds timeout{10000};
    int retries = 2;
    std::chrono::milliseconds backoff{200};
    std::size_t quorum = 1;
    // How to wait between retries (tests replace it to run instantly).
    std::function<void(std::chrono::milliseconds)> sleep;
};

// EIP-1559 fees per gas, wei.
struct Fee {
    U256 maxFeePerGas = 0;
    U256 maxPriorityFeePerGas = 0;
};

enum class FeeLevel { Slow, Normal, Fast };

// The node's fee presets (from eth_feeHistory) and the next block's base fee.
struct FeeEstimates {
    U256 baseFee = 0;
    Fee slow, normal, fast;
    const Fee& level(FeeLevel l) const { return l == FeeLevel::Slow ? slow : l == FeeLevel::Fast ? fast : normal; }
};

// What the devnet faucet gave.
struct FaucetGrant {
    U256 eth = 0;  // wei added to the account's balance
    U256 ctrn = 0; // CTRN units transferred
    chain::Hash ctrnTransaction; // the treasury's CTRN transfer, mined
};

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

class Node {
public:
    virtual ~Node() = default;

    // The chain id checked when the connection was made.
    virtual std::uint64_t chainId() = 0;
    // The latest block number.
    virtual Result<std::uint64_t> head() = 0;
    // Wei.
    virtual Result<U256> balance(const chain::Address& account) = 0;
    // ERC-20 balanceOf, in the token's smallest unit, and its decimals.
    virtual Result<U256> tokenBalance(const chain::Address& token, const chain::Address& owner) = 0;
    virtual Result<unsigned> tokenDecimals(const chain::Address& token) = 0;
    virtual Result<FeeEstimates> feeEstimates() = 0;

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
