// ctrn's door to the one action path: the core objects an Actions works
// over, borrowed. makeServices passes its own; ctrn, whose session owns its
// client, store and key ring, passes those (they must outlive the Actions).
// This header names rpc, storage and wallet types, so only core/interfaces
// itself and ctrn include it; app/desktop cannot (those include roots are
// private to ctrn::interfaces) and gets its Actions from Services.
#pragma once

#include <core/chain/deployment.h>
#include <core/interfaces/actions.h>
#include <core/rpc/client.h>
#include <core/rpc/node.h>
#include <core/storage/wallet_store.h>
#include <core/wallet/wallet_manager.h>
#include <core/wallet/wallet_service.h>

#include <memory>
#include <optional>

namespace ctrn::interfaces {

// What an Actions works over, borrowed: makeServices passes its own;
// ctrn, whose session owns its client, store and key ring, passes those
// (they must outlive the Actions). `owner` keeps borrowed parts alive when
// they are shared (empty for ctrn).
struct ActionsParts {
    rpc::RpcClient* client = nullptr;
    rpc::EthNode* node = nullptr;
    storage::WalletStore* store = nullptr;
    wallet::KeyRing* keys = nullptr;
    wallet::WalletManager* wallets = nullptr;
    wallet::WalletService* service = nullptr;
    std::uint64_t chainId = 0;
    // The network's contracts; absent: sends only.
    std::optional<chain::Deployment> deployment;
    std::shared_ptr<void> owner;
};
std::unique_ptr<Actions> makeActions(ActionsParts parts);

} // namespace ctrn::interfaces
