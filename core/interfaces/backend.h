// Internal to core/interfaces: the objects one Services owns, shared by its
// Node and Wallet implementations (either may be destroyed first), and the
// factories makeServices uses. Not included by app/.
#pragma once

#include <core/chain/deployment.h>
#include <core/interfaces/node.h>
#include <core/interfaces/actions_parts.h>
#include <core/interfaces/services.h>
#include <core/interfaces/wallet.h>
#include <core/rpc/client.h>
#include <core/rpc/node.h>
#include <core/storage/wallet_store.h>
#include <core/wallet/wallet_manager.h>
#include <core/wallet/wallet_service.h>

#include <memory>

namespace ctrn::interfaces {

struct Backend {
    std::unique_ptr<storage::WalletStore> store;
    std::unique_ptr<rpc::RpcClient> client;
    std::unique_ptr<rpc::EthNode> node;
    std::unique_ptr<wallet::KeyRing> keys;
    std::unique_ptr<wallet::WalletManager> wallets;
    std::unique_ptr<wallet::WalletService> service;
    std::uint64_t chainId = 0;
    std::optional<chain::Deployment> deployment;
};

std::unique_ptr<Node> makeNode(std::shared_ptr<Backend> backend);
// The backend's parts for makeActions, kept alive by `backend`.
ActionsParts actionsParts(std::shared_ptr<Backend> backend);
std::unique_ptr<Wallet> makeWallet(std::shared_ptr<Backend> backend);

} // namespace ctrn::interfaces
