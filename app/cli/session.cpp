#include "session.h"

#include <core/protocol/logs.h>

#include <filesystem>
#include <iostream>
#include <sys/stat.h>

namespace ctrn::cli {

std::vector<std::string> dataOptions(std::vector<std::string> more) {
    more.push_back("datadir");
    return more;
}

std::vector<std::string> nodeOptions(std::vector<std::string> more) {
    for (const char* o : {"datadir", "rpc", "quorum", "chain-id", "timeout-ms", "network", "checkpoint"}) more.push_back(o);
    return more;
}

Result<DataSession> openData(const Args& args) {
    DataSession s;
    s.dataDir = args.option("datadir").value_or(wallet::defaultDataDir());
    std::error_code ec;
    std::filesystem::create_directories(s.dataDir + "/wallets", ec);
    if (ec) return makeError(ErrorCode::Io, "cannot create data directory " + s.dataDir + ": " + ec.message());
    ::chmod(s.dataDir.c_str(), 0700);
    CTRN_ASSIGN(s.store, storage::WalletStore::open(s.dataDir + "/wallet.sqlite"));
    s.wallets = std::make_unique<wallet::WalletManager>(s.dataDir, *s.store, keystoreParams(args));
    return s;
}

crypto::KeystoreParams keystoreParams(const Args& args) {
    return args.flag("light") ? crypto::KeystoreParams::lightScrypt() : crypto::KeystoreParams::standardScrypt();
}

namespace {
std::uint64_t numberOption(const Args& args, const std::string& name, std::uint64_t fallback) {
    auto v = args.option(name);
    if (!v) return fallback;
    try {
        std::size_t used = 0;
        auto n = std::stoull(*v, &used);
        if (used != v->size()) throw UsageError{"--" + name + " must be a number"};
        return n;
    } catch (const std::logic_error&) {
        throw UsageError{"--" + name + " must be a number"};
    }
}
} // namespace

namespace {

// $CTRN_RESOURCES_DIR, else the source tree's resources/ (ABIs, deployments).
std::filesystem::path resourcesDir() {
    const char* env = std::getenv("CTRN_RESOURCES_DIR");
    return env && *env ? std::filesystem::path(env) : std::filesystem::path(CTRN_RESOURCES_DIR);
}

} // namespace

std::string storageLayoutDir() { return (resourcesDir() / "storage-layout").string(); }

Result<chain::Deployment> findDeployment(const std::string& name) {
    std::vector<std::filesystem::path> candidates;
    auto env = [](const char* n) -> std::string { const char* v = std::getenv(n); return v ? v : ""; };
    if (name == "devnet") {
        if (!env("CTRN_DEVNET_DIR").empty()) {
            candidates.emplace_back(std::filesystem::path(env("CTRN_DEVNET_DIR")) / "devnet.json");
        } else {
            std::string base = !env("XDG_DATA_HOME").empty() ? env("XDG_DATA_HOME") : env("HOME") + "/.local/share";
            candidates.emplace_back(std::filesystem::path(base) / "computronium-wallet/devnet/devnet.json");
        }
    }
    candidates.emplace_back(resourcesDir() / "deployments" / (name + ".json"));
    for (const auto& path : candidates) {
        std::error_code ec;
        if (!std::filesystem::exists(path, ec)) continue;
        CTRN_ASSIGN(std::string text, readTextFile(path.string()));
        auto json = parseJson(text);
        if (!json) return makeError(ErrorCode::InvalidInput, path.string() + ": " + json.error().message);
        return chain::deploymentFromJson(name, *json);
    }
    return makeError(ErrorCode::NotFound, "no deployment manifest for network '" + name + "' (looked for " +
                                              candidates.back().string() + ")");
}

Result<chain::Deployment> selectedDeployment(const Args& args) {
    return findDeployment(args.option("network").value_or("devnet"));
}

Result<std::unique_ptr<NodeSession>> openNode(const Args& args) {
    auto session = std::make_unique<NodeSession>();
    CTRN_ASSIGN(session->data, openData(args));
    std::vector<std::string> urls = args.options("rpc");
    std::uint64_t chainId = numberOption(args, "chain-id", kDevnetChainId);
    // --network NAME: the manifest says which chain and which node, unless
    // --rpc / --chain-id say otherwise.
    if (auto network = args.option("network")) {
        CTRN_ASSIGN(chain::Deployment deployment, findDeployment(*network));
        if (urls.empty()) urls.push_back(deployment.rpc);
        if (!args.option("chain-id")) chainId = deployment.chainId;
    }
    if (urls.empty()) {
        CTRN_ASSIGN(auto net, session->data.store->network(chainId));
        if (net && !net->endpoints.empty()) urls = net->endpoints;
        else urls.push_back(kDevnetUrl);
    }
    rpc::ClientOptions options;
    options.timeout = std::chrono::milliseconds(numberOption(args, "timeout-ms", 10000));
    // Several endpoints form a quorum: by default a majority must agree.
    options.quorum = numberOption(args, "quorum", urls.size() / 2 + 1);
    if (options.quorum > urls.size()) throw UsageError{"--quorum cannot exceed the number of --rpc endpoints"};
    // Reverts of the protocol read as its custom errors (registered by core).
    protocol::registerProtocolErrors();
    session->client = std::make_unique<rpc::RpcClient>(urls, std::make_shared<rpc::QtHttpTransport>(), options);
    CTRN_TRY(session->client->connect(chainId));
    session->chainId = chainId;
    session->node = std::make_unique<rpc::EthNode>(*session->client);
    session->service = std::make_unique<wallet::WalletService>(*session->node, *session->data.store, session->keys, chainId);
    return session;
}

Result<lightclient::Checkpoint> sessionCheckpoint(NodeSession& session, const Args& args) {
    const std::uint64_t chainId = session.chainId;
    if (auto text = args.option("checkpoint")) {
        lightclient::Checkpoint cp;
        cp.source = "user";
        std::string hashText = *text;
        std::optional<std::uint64_t> number;
        if (auto colon = text->find(':'); colon != std::string::npos) {
            const std::string digits = text->substr(0, colon);
            if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos || digits.size() > 19)
                throw UsageError{"--checkpoint NUMBER:HASH needs a decimal block number"};
            number = std::stoull(digits);
            hashText = text->substr(colon + 1);
        }
        auto hash = chain::Hash::fromHex(hashText);
        if (!hash) throw UsageError{"--checkpoint must be a block hash (0x + 64 hex) or NUMBER:HASH"};
        cp.block.hash = *hash;
        if (!number) {
            // Only the number is taken from the node: the block must hash to
            // the hash the user gave, so a node cannot move the anchor.
            CTRN_ASSIGN(Json block, session.client->call("eth_getBlockByHash", Json::array({hash->hex(), false})));
            if (block.is_null()) return makeError(ErrorCode::NotFound, "checkpoint " + hash->hex() + ": the node does not know this block");
            auto h = lightclient::hashHeader(block);
            if (!h || h->hash != *hash)
                return makeError(ErrorCode::VerificationFailed, "checkpoint " + hash->hex() + ": the node's block does not hash to it");
            number = h->header.number;
        }
        cp.block.number = *number;
        return cp;
    }
    CTRN_ASSIGN(auto stored, session.headers->checkpoint(chainId));
    if (stored && stored->source == "user") return *stored;
    // The manifest's checkpoint speaks for the manifest's network: it is used
    // with --network, or for the default devnet when no --rpc points elsewhere.
    const bool manifestNetwork = args.option("network").has_value() || args.options("rpc").empty();
    auto deployment = manifestNetwork ? findDeployment(args.option("network").value_or("devnet"))
                                      : Result<chain::Deployment>(makeError(ErrorCode::NotFound, "no manifest"));
    if (deployment && deployment->chainId == chainId && deployment->checkpoint)
        return lightclient::Checkpoint{{deployment->checkpoint->number, deployment->checkpoint->hash}, "manifest", 0, 0};
    if (stored) return *stored;
    return makeError(ErrorCode::InvalidInput, "no checkpoint for chain " + std::to_string(chainId) +
                                                  ": pass --checkpoint HASH (a block hash you trust) or use a network whose manifest has one");
}

Result<lightclient::Verdict<Ok>> openLightClient(NodeSession& session, const Args& args) {
    CTRN_ASSIGN(session.headers, lightclient::HeaderStore::open(session.data.dataDir + "/lightclient.sqlite"));
    CTRN_ASSIGN(auto checkpoint, sessionCheckpoint(session, args));
    lightclient::LightClientOptions options;
    options.chainId = session.chainId;
    options.checkpoint = checkpoint;
    const auto& urls = session.client->endpoints();
    options.quorum = numberOption(args, "quorum", urls.size() / 2 + 1);
    rpc::ClientOptions clientOptions;
    clientOptions.timeout = std::chrono::milliseconds(numberOption(args, "timeout-ms", 10000));
    session.light = std::make_unique<lightclient::LightClient>(urls, std::make_shared<rpc::QtHttpTransport>(), clientOptions,
                                                               *session.headers, options);
    return session.light->connect();
}

std::optional<lightclient::Verified<lightclient::FieldValues>> proveOrReport(NodeSession& session, const Args& args,
                                                                            const chain::Address& contract,
                                                                            const std::vector<lightclient::Field>& fields,
                                                                            int& exitCode) {
    if (!session.light) {
        auto opened = openLightClient(session, args);
        if (!opened) {
            exitCode = printError(opened.error());
            return std::nullopt;
        }
        if (!*opened) {
            exitCode = printMismatch(opened->mismatch());
            return std::nullopt;
        }
    }
    auto proven = lightclient::proveFields(*session.light, contract, fields);
    if (!proven) {
        exitCode = printError(proven.error());
        return std::nullopt;
    }
    if (proven->isMismatch()) {
        exitCode = printMismatch(proven->mismatch());
        return std::nullopt;
    }
    if (proven->isUnverified()) {
        exitCode = printError("cannot verify: the node does not serve eth_getProof (its answer is unverified)");
        return std::nullopt;
    }
    return proven->verified();
}

Result<lightclient::StorageLayout> contractLayout(const std::string& contract) {
    return lightclient::loadStorageLayout(storageLayoutDir(), contract);
}

int printMismatch(const lightclient::Mismatch& mismatch) {
    return printError("verification failed (" + lightclient::mismatchKindName(mismatch.kind) + "): " + mismatch.describe(), ExitInvalid);
}

Status unlockAccount(NodeSession& session, const Args& args, const chain::Address& account) {
    CTRN_ASSIGN(auto record, session.data.store->account(account.checksummed()));
    if (!record) return makeError(ErrorCode::NotFound, "account " + account.checksummed() + " is not in any wallet");
    if (record->watchOnly) return makeError(ErrorCode::InvalidInput, "account " + account.checksummed() + " is watch-only");
    CTRN_ASSIGN(auto password, readSecret(args, "password-file", "password"));
    CTRN_ASSIGN(auto keys, session.data.wallets->decryptKeys(record->wallet, password.view()));
    session.keys.unlock(std::move(keys));
    return Ok{};
}

namespace {
void printText(const Json& v, const std::string& indent) {
    if (v.is_object()) {
        for (const auto& [k, item] : v.items()) {
            if (item.is_structured()) {
                std::cout << indent << k << ":\n";
                printText(item, indent + "  ");
            } else {
                std::cout << indent << k << ": " << (item.is_string() ? item.get<std::string>() : item.dump()) << '\n';
            }
        }
    } else if (v.is_array()) {
        for (const auto& item : v) {
            if (item.is_structured()) {
                printText(item, indent + "  ");
                std::cout << '\n';
            } else {
                std::cout << indent << (item.is_string() ? item.get<std::string>() : item.dump()) << '\n';
            }
        }
    } else {
        std::cout << indent << (v.is_string() ? v.get<std::string>() : v.dump()) << '\n';
    }
}
} // namespace

int printOutput(const Args& args, const Json& value) {
    if (args.flag("json")) return printResult(value.dump());
    printText(value, "");
    return ExitOk;
}

} // namespace ctrn::cli
