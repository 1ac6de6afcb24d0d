// Internal to core/interfaces: the conversions between the interfaces' own
// plain values (what app/ sees) and the core types behind them (storage
// rows, wallet and rpc structs). Not included by app/.
#pragma once

#include <core/interfaces/node.h>
#include <core/interfaces/wallet.h>
#include <core/rpc/client.h>
#include <core/rpc/node.h>
#include <core/storage/wallet_store.h>
#include <core/wallet/devnet_faucet.h>
#include <core/wallet/wallet_service.h>

namespace ctrn::interfaces {

inline rpc::ClientOptions toRpc(const NodeOptions& o) {
    rpc::ClientOptions r;
    r.timeout = o.timeout;
    r.retries = o.retries;
    r.backoff = o.backoff;
    r.quorum = o.quorum;
    r.sleep = o.sleep;
    return r;
}

inline rpc::Fee toRpc(const Fee& f) { return {f.maxFeePerGas, f.maxPriorityFeePerGas}; }
inline Fee fromRpc(const rpc::Fee& f) { return {f.maxFeePerGas, f.maxPriorityFeePerGas}; }
inline rpc::FeeLevel toRpc(FeeLevel l) {
    return l == FeeLevel::Slow ? rpc::FeeLevel::Slow : l == FeeLevel::Fast ? rpc::FeeLevel::Fast : rpc::FeeLevel::Normal;
}
inline FeeEstimates fromRpc(const rpc::FeeEstimates& e) {
    return {e.baseFee, fromRpc(e.slow), fromRpc(e.normal), fromRpc(e.fast)};
}

inline FaucetGrant fromWallet(const wallet::FaucetGrant& g) { return {g.eth, g.ctrn, g.ctrnTransaction}; }

inline wallet::SendRequest toWallet(const SendRequest& r) {
    wallet::SendRequest w;
    w.from = r.from;
    w.to = r.to;
    w.amount = r.amount;
    w.token = r.token;
    w.level = toRpc(r.level);
    if (r.customFee) w.customFee = toRpc(*r.customFee);
    w.gasLimit = r.gasLimit;
    return w;
}

inline SendResult fromWallet(const wallet::SendResult& r) {
    return {r.hash, r.nonce, r.gasLimit, fromRpc(r.fee), r.broadcast, r.broadcastError};
}

inline SyncReport fromWallet(const wallet::ReconcileReport& r) {
    return {r.mined, r.failed, r.dropped, r.replaced, r.rebroadcast, r.pending};
}

inline Transaction fromStorage(const storage::TxRecord& r) {
    Transaction t;
    t.hash = r.hash;
    t.chainId = r.chainId;
    t.from = r.from;
    t.nonce = r.nonce;
    t.to = r.to;
    t.value = r.value;
    t.token = r.token;
    t.tokenAmount = r.tokenAmount;
    t.kind = r.kind;
    t.replaces = r.replaces;
    t.broadcast = r.broadcast;
    t.status = r.status;
    t.blockNumber = r.blockNumber;
    t.createdAt = r.createdAt;
    t.inJournal = r.inJournal;
    t.logIndex = r.logIndex;
    t.account = r.account;
    return t;
}

inline std::vector<Transaction> fromStorage(const std::vector<storage::TxRecord>& rows) {
    std::vector<Transaction> out;
    out.reserve(rows.size());
    for (const auto& r : rows) out.push_back(fromStorage(r));
    return out;
}

inline storage::HistoryKey toStorage(const HistoryKey& k) { return {k.pending, k.createdAt, k.block, k.nonce, k.hash, k.transfer, k.account}; }
inline HistoryKey fromStorage(const storage::HistoryKey& k) { return {k.pending, k.createdAt, k.block, k.nonce, k.hash, k.transfer, k.account}; }

inline storage::TxRecord toStorage(const Transaction& t) {
    storage::TxRecord r;
    r.hash = t.hash;
    r.chainId = t.chainId;
    r.from = t.from;
    r.nonce = t.nonce;
    r.to = t.to;
    r.value = t.value;
    r.token = t.token;
    r.tokenAmount = t.tokenAmount;
    r.kind = t.kind;
    r.replaces = t.replaces;
    r.broadcast = t.broadcast;
    r.status = t.status;
    r.blockNumber = t.blockNumber;
    r.createdAt = t.createdAt;
    r.inJournal = t.inJournal;
    r.logIndex = t.logIndex;
    r.account = t.account;
    return r;
}

} // namespace ctrn::interfaces
