// What the wallet and node commands share: the data directory and its
// database, the connection to the node(s) from the common options of CLI.md
// (--rpc URL repeatable, --quorum K, --chain-id N, --timeout-ms T), unlocking
// a wallet from --password-file, and printing JSON (--json) or text.
#pragma once

#include "cli.h"

#include <core/chain/deployment.h>
#include <core/lightclient/header_store.h>
#include <core/lightclient/light_client.h>
#include <core/lightclient/protocol_proofs.h>
#include <core/rpc/client.h>
#include <core/rpc/node.h>
#include <core/rpc/qt_transport.h>
#include <core/storage/wallet_store.h>
#include <core/util/json.h>
#include <core/wallet/wallet_manager.h>
#include <core/wallet/wallet_service.h>

#include <memory>
#include <string>
#include <vector>

namespace ctrn::cli {

// Options every networked command takes (add to Command::valueOptions).
std::vector<std::string> nodeOptions(std::vector<std::string> more = {});
// Options every command touching the data directory takes.
std::vector<std::string> dataOptions(std::vector<std::string> more = {});

inline constexpr std::uint64_t kDevnetChainId = 31337;
inline constexpr const char* kDevnetUrl = "http://127.0.0.1:8545";

struct DataSession {
    std::string dataDir;
    std::unique_ptr<storage::WalletStore> store;
    std::unique_ptr<wallet::WalletManager> wallets;
};

struct NodeSession {
    DataSession data;
    std::unique_ptr<rpc::RpcClient> client;
    std::unique_ptr<rpc::EthNode> node;
    std::uint64_t chainId = 0;
    wallet::KeyRing keys;
    std::unique_ptr<wallet::WalletService> service;
    // The light client (openLightClient): verified headers in
    // DATADIR/lightclient.sqlite, one RpcClient per --rpc endpoint.
    std::unique_ptr<lightclient::HeaderStore> headers;
    std::unique_ptr<lightclient::LightClient> light;
};

// The deployment manifest of network `name`: for the devnet first the running
// devnet's own devnet.json ($CTRN_DEVNET_DIR, else
// $XDG_DATA_HOME/computronium-wallet/devnet), which carries its checkpoint;
// then resources/deployments/NAME.json ($CTRN_RESOURCES_DIR or the source
// tree's resources/).
Result<chain::Deployment> findDeployment(const std::string& name);
// The manifest of --network (default "devnet").
Result<chain::Deployment> selectedDeployment(const Args& args);

// resources/storage-layout ($CTRN_RESOURCES_DIR or the source tree's):
// the contracts' forge storage layouts the light client computes slots from.
std::string storageLayoutDir();

// Opens (creating) the data directory (--datadir or the default).
Result<DataSession> openData(const Args& args);
// openData + connects to the node(s) and checks the chain id.
Result<std::unique_ptr<NodeSession>> openNode(const Args& args);
// The trust anchor for the session's chain: --checkpoint (HASH, or
// NUMBER:HASH; a bare hash is looked up on the node and must hash to
// itself), else a checkpoint the user set before (kept with the network in
// lightclient.sqlite), else the deployment manifest's (with --network, or
// for the default devnet without --rpc), else the one stored.
Result<lightclient::Checkpoint> sessionCheckpoint(NodeSession& session, const Args& args);
// Opens the light client for the session (store, checkpoint, every
// endpoint's chain id). Mismatch when an endpoint serves another chain.
Result<lightclient::Verdict<Ok>> openLightClient(NodeSession& session, const Args& args);
// --verified on protocol reads: proves `fields` of `contract` with the
// session's light client (opened on first use) at its verified head. On
// anything but Verified it prints why (exit 1 for a mismatch, a node behind,
// or no proof possible) and returns nullopt with the exit code set.
std::optional<lightclient::Verified<lightclient::FieldValues>> proveOrReport(NodeSession& session, const Args& args,
                                                                            const chain::Address& contract,
                                                                            const std::vector<lightclient::Field>& fields,
                                                                            int& exitCode);
// A protocol contract's storage layout from storageLayoutDir().
Result<lightclient::StorageLayout> contractLayout(const std::string& contract);

// ctrn's report of a verification outcome: "verification failed (KIND):
// ENDPOINT: what" on stderr, exit 1.
int printMismatch(const lightclient::Mismatch& mismatch);

// Decrypts the wallet holding `account` with --password-file (or stdin)
// and unlocks it in the session's key ring.
Status unlockAccount(NodeSession& session, const Args& args, const chain::Address& account);

// Keystore parameters: standard scrypt, or --light (n=4096) for tests and
// scripts that accept weaker protection of the files.
crypto::KeystoreParams keystoreParams(const Args& args);

// Prints `value` as one JSON document with --json, else as "key: value" lines.
int printOutput(const Args& args, const Json& value);

} // namespace ctrn::cli
