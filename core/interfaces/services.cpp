#include <core/interfaces/services.h>

#include <core/interfaces/backend.h>
#include <core/interfaces/convert.h>
#include <core/interfaces/revenue_service.h>
#include <core/interfaces/staking_service.h>
#include <core/rpc/qt_transport.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace ctrn::interfaces {

Result<Services> makeServices(const ServicesOptions& options, std::shared_ptr<rpc::Transport> transport) {
    if (options.urls.empty()) return makeError(ErrorCode::InvalidInput, "no JSON-RPC endpoint configured");
    std::error_code ec;
    std::filesystem::create_directories(options.dataDir, ec);
    if (ec) return makeError(ErrorCode::Io, "cannot create " + options.dataDir + ": " + ec.message());
    auto b = std::make_shared<Backend>();
    CTRN_ASSIGN(b->store, storage::WalletStore::open(options.dataDir + "/wallet.sqlite"));
    auto verifierTransport = transport;
    b->client = std::make_unique<rpc::RpcClient>(options.urls, std::move(transport), toRpc(options.client));
    CTRN_TRY(b->client->connect(options.chainId));
    b->chainId = options.chainId;
    b->deployment = options.deployment;
    b->node = std::make_unique<rpc::EthNode>(*b->client);
    b->keys = std::make_unique<wallet::KeyRing>(options.idleTimeout, options.clock);
    b->wallets = std::make_unique<wallet::WalletManager>(options.dataDir, *b->store, options.keystore);
    b->service = std::make_unique<wallet::WalletService>(*b->node, *b->store, *b->keys, b->chainId);
    Services services{makeNode(b), makeWallet(b), nullptr, {}, makeActions(actionsParts(b)), nullptr};
    const auto& d = options.deployment;
    if (!d || !d->checkpoint) {
        services.verifierError = "this network has no checkpoint to verify from";
    } else if (options.storageLayoutDir.empty()) {
        services.verifierError = "no storage layouts to prove contract state with";
    } else {
        VerifierOptions v;
        v.dataDir = options.dataDir;
        v.urls = options.urls;
        v.chainId = options.chainId;
        v.checkpointNumber = d->checkpoint->number;
        v.checkpointHash = d->checkpoint->hash;
        v.checkpointSource = "manifest";
        v.client = options.client;
        v.storageLayoutDir = options.storageLayoutDir;
        if (auto token = d->contract("ComputroniumToken")) v.ctrnToken = *token;
        auto verifier = makeVerifier(v, std::move(verifierTransport));
        if (verifier)
            services.verifier = std::move(verifier).value();
        else
            services.verifierError = verifier.error().message;
    }
    if (d) services.staking = makeStaking(b, services.verifier.get(), options.storageLayoutDir, services.verifierError);
    if (d) services.revenue = makeRevenue(b, services.verifier.get(), options.storageLayoutDir, services.verifierError);
    return services;
}

ActionsParts actionsParts(std::shared_ptr<Backend> backend) {
    ActionsParts parts;
    parts.client = backend->client.get();
    parts.node = backend->node.get();
    parts.store = backend->store.get();
    parts.keys = backend->keys.get();
    parts.wallets = backend->wallets.get();
    parts.service = backend->service.get();
    parts.chainId = backend->chainId;
    parts.deployment = backend->deployment;
    parts.owner = std::move(backend);
    return parts;
}

Result<chain::Deployment> readDeployment(const std::string& name, const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return makeError(ErrorCode::NotFound, "no deployment manifest at " + path);
    std::ostringstream text;
    text << in.rdbuf();
    auto json = parseJson(text.str());
    if (!json) return makeError(ErrorCode::InvalidInput, path + ": " + json.error().message);
    auto deployment = chain::deploymentFromJson(name, *json);
    if (!deployment) return makeError(deployment.error().code, path + ": " + deployment.error().message);
    return deployment;
}

// --- Desktop shell (issue #7, desktop-shell) --------------------------------
std::shared_ptr<rpc::Transport> makeHttpTransport() { return std::make_shared<rpc::QtHttpTransport>(); }

Result<std::uint64_t> queryChainId(const std::string& url, std::shared_ptr<rpc::Transport> transport,
                                   NodeOptions options) {
    rpc::RpcClient client({url}, std::move(transport), toRpc(options));
    // Without an expected id connect() learns it from the node.
    CTRN_TRY(client.connect(std::nullopt));
    if (!client.chainId()) return makeError(ErrorCode::NodeError, url + " did not report a chain id");
    return *client.chainId();
}
// --- end desktop shell -------------------------------------------------------

std::string defaultDataDir() { return wallet::defaultDataDir(); }

} // namespace ctrn::interfaces
