// The composition of core for one data directory and one network: opens the
// wallet database, connects to the node(s) (checking the chain id) and
// returns the Node and Wallet interfaces over them. The app's AppContext
// calls it once; tests pass a fake transport.
#pragma once

#include <core/chain/deployment.h>
#include <core/crypto/keystore.h>
#include <core/interfaces/actions.h>
#include <core/interfaces/node.h>
#include <core/interfaces/revenue.h>
#include <core/interfaces/staking.h>
#include <core/interfaces/verifier.h>
#include <core/interfaces/wallet.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ctrn::interfaces {

struct ServicesOptions {
    std::string dataDir;               // holds wallet.sqlite and wallets/
    std::vector<std::string> urls;     // JSON-RPC endpoints
    std::uint64_t chainId = 31337;     // the node(s) must serve this chain
    NodeOptions client;
    crypto::KeystoreParams keystore;   // for newly written key files
    std::chrono::seconds idleTimeout{300};
    // The key ring's idle clock: tests inject one; default steady_clock.
    std::function<std::chrono::steady_clock::time_point()> clock;
    // The network's deployment manifest (chain/deployment.h): where CTRN
    // lives, and whether this is the devnet (faucet). Absent: ETH only.
    std::optional<chain::Deployment> deployment;
    // resources/storage-layout: with a deployment that has a checkpoint, the
    // services include a light-client Verifier (empty: none).
    std::string storageLayoutDir;
};

struct Services {
    std::unique_ptr<Node> node;
    std::unique_ptr<Wallet> wallet;
    // What the light client proves (balances, CTRN, outcomes); null when the
    // network has no checkpoint or the verifier could not start, and then
    // `verifierError` says why. A failing verifier never stops the wallet.
    std::unique_ptr<Verifier> verifier;
    std::string verifierError;
    // The one action path (actions.h): every send and protocol action.
    std::unique_ptr<Actions> actions;
    // The staking section's reads (staking.h), proven through `verifier`
    // when there is one; null on a network without a deployment.
    std::unique_ptr<Staking> staking;
    // The revenue section's reads (revenue.h), likewise.
    std::unique_ptr<Revenue> revenue;
};

Result<Services> makeServices(const ServicesOptions& options, std::shared_ptr<rpc::Transport> transport);

// --- Wallet pages (desktop-wallet) ---
// The deployment manifest in the file at `path`, as network `name`
// (ServicesOptions::deployment); an unreadable or malformed file names itself.
Result<chain::Deployment> readDeployment(const std::string& name, const std::string& path);

// --- Desktop shell (issue #7, desktop-shell) --------------------------------
// The production transport (HTTP through QtNetwork); create it on the thread
// that will use it.
std::shared_ptr<rpc::Transport> makeHttpTransport();
// The chain id the node at `url` serves (eth_chainId), asked before a
// network is saved so a typo'd endpoint or a wrong chain is caught then.
Result<std::uint64_t> queryChainId(const std::string& url, std::shared_ptr<rpc::Transport> transport,
                                   NodeOptions options = {});
// The default data directory ($XDG_DATA_HOME/computronium-wallet).
std::string defaultDataDir();
// --- end desktop shell -------------------------------------------------------

} // namespace ctrn::interfaces
