// The devnet faucet: gives an account ETH and CTRN on the local devnet so a
// new wallet can try sending at once: an ETH transfer and a CTRN ERC-20
// transfer from the treasury (the TimelockController holds the treasury's
// 400M CTRN, and the devnet seeds it with ETH), sent by anvil impersonation.
// Real transactions, so supply, votes and Transfer events stay what a real
// transfer gives, and no cheat code rewrites the head's state under a
// light-client proof.
// It refuses anything but the devnet: the node must be anvil, on the
// manifest's chain id, and the manifest must be the devnet's.
#pragma once

#include <core/chain/address.h>
#include <core/chain/deployment.h>
#include <core/chain/hash.h>
#include <core/rpc/node.h>
#include <core/util/result.h>
#include <core/util/uint256.h>

#include <chrono>
#include <functional>

namespace ctrn::wallet {

inline constexpr std::uint64_t kDevnetChainId = 31337;

struct FaucetGrant {
    U256 eth = 0;  // wei added to the account's balance
    U256 ctrn = 0; // CTRN units transferred
    chain::Hash ctrnTransaction; // the treasury's CTRN transfer, mined
};

struct FaucetOptions {
    U256 eth;  // default 10 ETH
    U256 ctrn; // default 1,000 CTRN
    std::chrono::milliseconds mineTimeout{30000};
    // How to wait between receipt polls (tests may replace it).
    std::function<void(std::chrono::milliseconds)> sleep;
    FaucetOptions();
};

// Funds `account`; returns once both transfers are mined.
Result<FaucetGrant> fundFromDevnetFaucet(rpc::EthNode& node, const chain::Deployment& devnet, const chain::Address& account,
                                         const FaucetOptions& options = {});

// Why the faucet would refuse this node and manifest, or Ok: the checks
// fundFromDevnetFaucet makes first (the app hides the button otherwise).
Status checkDevnet(rpc::EthNode& node, const chain::Deployment& devnet);

} // namespace ctrn::wallet
