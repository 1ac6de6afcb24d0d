#include <core/wallet/wallet_service.h>

#include <core/chain/u256.h>
#include <core/encoding/abi.h>
#include <core/util/hex.h>

#include <algorithm>
#include <map>
#include <set>
#include <thread>

namespace ctrn::wallet {
namespace {

bool contains(const std::string& text, const char* what) {
    std::string lower = text;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower.find(what) != std::string::npos;
}

// The node's answer to a broadcast it already has.
bool alreadyKnown(const Error& e) { return contains(e.message, "already known") || contains(e.message, "already imported"); }
bool nonceTooLow(const Error& e) { return contains(e.message, "nonce too low") || contains(e.message, "nonce is too low"); }

U256 bump(const U256& v) { return v + v / 8 + 1; }

} // namespace

Result<Bytes> erc20TransferData(const chain::Address& to, const U256& amount) {
    std::vector<encoding::AbiValue> args{encoding::AbiValue::address(to.bytes()), encoding::AbiValue::uint(amount)};
    return encoding::encodeCall("transfer(address,uint256)", args);
}

Result<std::uint64_t> NonceManager::next(const chain::Address& account) {
    CTRN_ASSIGN(auto pending, m_node.transactionCount(account, "pending"));
    auto fromNode = static_cast<std::uint64_t>(pending.unverifiedValue());
    CTRN_ASSIGN(auto journaled, m_store.journalMaxNonce(m_chainId, account.checksummed()));
    if (journaled && *journaled + 1 > fromNode) return *journaled + 1;
    return fromNode;
}

WalletService::WalletService(rpc::EthNode& node, storage::WalletStore& store, KeyRing& keys, std::uint64_t chainId)
    : m_node(node), m_store(store), m_keys(keys), m_chainId(chainId), m_nonces(node, store, chainId) {}

Result<SendResult> WalletService::signJournalBroadcast(const chain::Address& from, chain::Transaction tx, storage::TxRecord record) {
    CTRN_ASSIGN(auto signed_, m_keys.sign(from, std::move(tx)));
    record.hash = signed_.hash.hex();
    record.chainId = m_chainId;
    record.from = from.checksummed();
    record.nonce = static_cast<std::uint64_t>(signed_.tx.nonce);
    record.raw = signed_.raw;
    record.createdAt = storage::unixNow();
    // The journal first: after this commit the transaction can be found
    // again whatever happens to the process or the node.
    CTRN_TRY(m_store.journalInsert(record));
    SendResult out;
    out.hash = signed_.hash;
    out.nonce = record.nonce;
    out.gasLimit = signed_.tx.gas;
    out.fee = {signed_.tx.maxFeePerGas, signed_.tx.maxPriorityFeePerGas};
    auto sent = m_node.sendRawTransaction(signed_.raw);
    if (sent || alreadyKnown(sent.error())) {
        CTRN_TRY(m_store.journalMarkBroadcast(record.hash));
        out.broadcast = true;
        return out;
    }
    const Error& e = sent.error();
    if (e.code == ErrorCode::NodeError || e.code == ErrorCode::Reverted) {
        // The node answered and refused: the transaction exists nowhere
        // else, so it leaves the journal and the user sees why.
        CTRN_TRY(m_store.journalRemove(record.hash));
        return makeError(e.code, "node refused the transaction: " + e.message);
    }
    // Unreachable or timed out: it may or may not have arrived. It stays in
    // the journal; reconcile() rebroadcasts it.
    out.broadcast = false;
    out.broadcastError = e.message;
    return out;
}

Result<SendResult> WalletService::send(const SendRequest& r) {
    if (!m_keys.isUnlocked(r.from)) return makeError(ErrorCode::InvalidInput, "wallet is locked for " + r.from.checksummed());
    CTRN_ASSIGN(auto prepared, prepare(r));
    return submitPrepared(r.from, std::move(prepared.tx), std::move(prepared.record));
}

Result<PreparedSend> WalletService::prepare(const SendRequest& r) {
    storage::TxRecord record;
    record.to = r.to.checksummed();
    chain::Address to = r.to;
    U256 value = 0;
    Bytes data;
    if (r.token) {
        CTRN_ASSIGN(data, erc20TransferData(r.to, r.amount));
        to = *r.token;
        record.kind = "token";
        record.token = r.token->checksummed();
        record.tokenAmount = toDecimal(r.amount);
        CTRN_ASSIGN(auto tokenBalance, m_node.tokenBalance(*r.token, r.from));
        if (tokenBalance.unverifiedValue() < r.amount)
            return makeError(ErrorCode::InvalidInput, "insufficient token balance: have " + toDecimal(tokenBalance.unverifiedValue()) +
                                                          ", sending " + toDecimal(r.amount));
    } else {
        value = r.amount;
        record.value = toDecimal(r.amount);
    }
    return prepareTx(r.from, to, value, std::move(data), TxFees{r.level, r.customFee, r.gasLimit, false}, std::move(record));
}

Result<PreparedSend> WalletService::prepareTx(const chain::Address& from, const chain::Address& to, const U256& value, Bytes data,
                                              const TxFees& fees, storage::TxRecord record) {
    chain::Transaction tx;
    tx.type = chain::TxType::DynamicFee;
    tx.chainId = U256(m_chainId);
    tx.to = to;
    tx.value = value;
    tx.data = std::move(data);
    PreparedSend out;
    CTRN_ASSIGN(out.maxTotalCost, prepareFeesAndGas(from, tx, fees, fees.allowRevert ? &out.reverted : nullptr));
    out.maxGasCost = tx.gas * tx.maxFeePerGas;
    out.tx = std::move(tx);
    out.record = std::move(record);
    return out;
}

Result<SendResult> WalletService::submitPrepared(const chain::Address& from, chain::Transaction tx, storage::TxRecord record) {
    if (!m_keys.isUnlocked(from)) return makeError(ErrorCode::InvalidInput, "wallet is locked for " + from.checksummed());
    CTRN_ASSIGN(tx.nonce, m_nonces.next(from));
    return signJournalBroadcast(from, std::move(tx), std::move(record));
}

Result<U256> WalletService::prepareFeesAndGas(const chain::Address& from, chain::Transaction& tx, const TxFees& fees,
                                              std::optional<std::string>* reverted) {
    rpc::Fee fee;
    if (fees.customFee) {
        fee = *fees.customFee;
        if (fee.maxPriorityFeePerGas > fee.maxFeePerGas)
            return makeError(ErrorCode::InvalidInput, "max priority fee is above the max fee");
    } else {
        CTRN_ASSIGN(auto estimates, m_node.estimateFees());
        fee = estimates.level(fees.level);
    }
    tx.maxFeePerGas = fee.maxFeePerGas;
    tx.maxPriorityFeePerGas = fee.maxPriorityFeePerGas;
    if (fees.gasLimit) {
        tx.gas = *fees.gasLimit;
    } else {
        rpc::CallRequest call{from, tx.to, tx.value, tx.data};
        auto gas = m_node.estimateGasWithMargin(call);
        if (gas) {
            tx.gas = *gas;
        } else if (reverted && gas.error().code == ErrorCode::Reverted) {
            // The review shows the revert; a limit is still needed to say
            // what the transaction could cost.
            *reverted = gas.error().message;
            tx.gas = kRevertedGasLimit;
        } else {
            return gas.error();
        }
    }
    CTRN_ASSIGN(auto balance, m_node.balance(from, "pending"));
    U256 need = tx.value + tx.gas * tx.maxFeePerGas;
    if (balance.unverifiedValue() < need)
        return makeError(ErrorCode::InvalidInput, "insufficient funds: balance " + chain::formatUnits(balance.unverifiedValue(), 18) +
                                                      " ETH, need up to " + chain::formatUnits(need, 18) + " ETH (value + gas)");
    return need;
}

Result<SendResult> WalletService::sendCall(const ContractCallRequest& r) {
    if (!m_keys.isUnlocked(r.from)) return makeError(ErrorCode::InvalidInput, "wallet is locked for " + r.from.checksummed());
    storage::TxRecord record;
    record.to = r.to.checksummed();
    record.value = toDecimal(r.value);
    record.kind = r.kind;
    CTRN_ASSIGN(auto prepared, prepareTx(r.from, r.to, r.value, r.data, TxFees{r.level, r.customFee, r.gasLimit, false}, std::move(record)));
    return submitPrepared(r.from, std::move(prepared.tx), std::move(prepared.record));
}

Result<rpc::ReceiptInfo> WalletService::waitForReceipt(const chain::Hash& hash, std::chrono::milliseconds timeout,
                                                       std::chrono::milliseconds poll) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
        CTRN_ASSIGN(auto receipt, m_node.receipt(hash));
        if (receipt) {
            CTRN_TRY(m_store.finishTransaction(hash.hex(), receipt->success ? "mined" : "failed",
                                               static_cast<std::int64_t>(receipt->blockNumber)));
            return *receipt;
        }
        if (std::chrono::steady_clock::now() >= deadline)
            return makeError(ErrorCode::Timeout, "transaction " + hash.hex() + " still pending after " +
                                                     std::to_string(std::chrono::duration_cast<std::chrono::seconds>(timeout).count()) + " s");
        std::this_thread::sleep_for(poll);
    }
}

Result<SendResult> WalletService::replace(const chain::Hash& hash, rpc::FeeLevel level, bool cancel) {
    CTRN_ASSIGN(auto found, m_store.transaction(hash.hex()));
    if (!found) return makeError(ErrorCode::NotFound, "transaction " + hash.hex() + " is not in this wallet's journal");
    if (!found->inJournal)
        return makeError(ErrorCode::InvalidInput, "transaction " + hash.hex() + " is already final (" + found->status + ")");
    CTRN_ASSIGN(auto decoded, chain::decodeTransaction(found->raw));
    if (auto receipt = m_node.receipt(hash); receipt && *receipt)
        return makeError(ErrorCode::InvalidInput, "transaction " + hash.hex() + " is already mined in block " +
                                                      std::to_string((*receipt)->blockNumber));
    chain::Transaction tx = decoded.tx;
    tx.signature.reset();
    CTRN_ASSIGN(auto estimates, m_node.estimateFees());
    const auto& target = estimates.level(level);
    U256 oldMax = tx.type == chain::TxType::DynamicFee ? tx.maxFeePerGas : tx.gasPrice;
    U256 oldTip = tx.type == chain::TxType::DynamicFee ? tx.maxPriorityFeePerGas : tx.gasPrice;
    tx.type = chain::TxType::DynamicFee;
    tx.maxPriorityFeePerGas = std::max(bump(oldTip), target.maxPriorityFeePerGas);
    tx.maxFeePerGas = std::max({bump(oldMax), target.maxFeePerGas, tx.maxPriorityFeePerGas});
    storage::TxRecord record;
    record.replaces = found->hash;
    if (cancel) {
        tx.to = decoded.from;
        tx.value = 0;
        tx.data.clear();
        tx.accessList.clear();
        tx.gas = 21000;
        record.kind = "cancel";
        record.to = decoded.from.checksummed();
    } else {
        record.kind = "speedup";
        record.to = found->to;
        record.value = found->value;
        record.token = found->token;
        record.tokenAmount = found->tokenAmount;
    }
    CTRN_ASSIGN(auto balance, m_node.balance(decoded.from, "latest"));
    if (balance.unverifiedValue() < tx.value + tx.gas * tx.maxFeePerGas)
        return makeError(ErrorCode::InvalidInput, "insufficient funds for the replacement's fees");
    return signJournalBroadcast(decoded.from, std::move(tx), std::move(record));
}

Result<SendResult> WalletService::speedUp(const chain::Hash& hash, rpc::FeeLevel level) { return replace(hash, level, false); }
Result<SendResult> WalletService::cancel(const chain::Hash& hash, rpc::FeeLevel level) { return replace(hash, level, true); }

Result<ReconcileReport> WalletService::reconcile() {
    ReconcileReport report;
    CTRN_ASSIGN(auto journal, m_store.journal(m_chainId));
    // Pass 1: whatever is mined is final, and settles its nonce for every
    // other journal entry of the same sender.
    std::map<std::pair<std::string, std::uint64_t>, std::string> minedNonce;
    std::set<std::string> done;
    for (const auto& t : journal) {
        CTRN_ASSIGN(auto h, chain::Hash::fromHex(t.hash));
        CTRN_ASSIGN(auto receipt, m_node.receipt(h));
        if (!receipt) continue;
        CTRN_TRY(m_store.finishTransaction(t.hash, receipt->success ? "mined" : "failed",
                                           static_cast<std::int64_t>(receipt->blockNumber)));
        (receipt->success ? report.mined : report.failed).push_back(t.hash);
        minedNonce[{t.from, t.nonce}] = t.hash;
        done.insert(t.hash);
    }
    std::map<std::string, std::uint64_t> confirmedNonce;
    for (const auto& t : journal) {
        if (done.count(t.hash)) continue;
        if (minedNonce.count({t.from, t.nonce})) {
            CTRN_TRY(m_store.finishTransaction(t.hash, "replaced", std::nullopt));
            report.replaced.push_back(t.hash);
            continue;
        }
        if (!confirmedNonce.count(t.from)) {
            CTRN_ASSIGN(auto a, chain::Address::fromHex(t.from));
            CTRN_ASSIGN(auto n, m_node.transactionCount(a, "latest"));
            confirmedNonce[t.from] = static_cast<std::uint64_t>(n.unverifiedValue());
        }
        if (confirmedNonce[t.from] > t.nonce) {
            // Its nonce is used by a transaction we did not journal (sent
            // from elsewhere): this one can never be mined.
            CTRN_TRY(m_store.finishTransaction(t.hash, "dropped", std::nullopt));
            report.dropped.push_back(t.hash);
            continue;
        }
        CTRN_ASSIGN(auto h, chain::Hash::fromHex(t.hash));
        CTRN_ASSIGN(bool known, m_node.knowsTransaction(h));
        if (known) {
            if (!t.broadcast) CTRN_TRY(m_store.journalMarkBroadcast(t.hash));
            report.pending.push_back(t.hash);
            continue;
        }
        auto sent = m_node.sendRawTransaction(t.raw);
        if (sent || alreadyKnown(sent.error())) {
            CTRN_TRY(m_store.journalMarkBroadcast(t.hash));
            report.rebroadcast.push_back(t.hash);
        } else if (sent.error().code == ErrorCode::NodeError && nonceTooLow(sent.error())) {
            CTRN_TRY(m_store.finishTransaction(t.hash, "dropped", std::nullopt));
            report.dropped.push_back(t.hash);
        } else if (sent.error().code == ErrorCode::NodeError) {
            // Typically "replacement transaction underpriced": a sibling with
            // higher fees holds the nonce in the pool. Stays pending.
            report.pending.push_back(t.hash);
        } else {
            return sent.error();
        }
    }
    return report;
}

} // namespace ctrn::wallet
