// Typed Ethereum calls over RpcClient: balances, nonces, calls, gas and fee
// estimation, raw transaction broadcast, receipts. Values the node reports
// about state come back as Unverified<T> until the light client proves them.
#pragma once

#include <core/chain/address.h>
#include <core/chain/hash.h>
#include <core/rpc/client.h>
#include <core/rpc/unverified.h>
#include <core/util/bytes.h>
#include <core/util/result.h>
#include <core/util/uint256.h>

#include <optional>
#include <string>

namespace ctrn::rpc {

// eth_call / eth_estimateGas arguments.
struct CallRequest {
    std::optional<chain::Address> from;
    std::optional<chain::Address> to;
    U256 value = 0;
    Bytes data;
};

struct Fee {
    U256 maxFeePerGas = 0;
    U256 maxPriorityFeePerGas = 0;
};

enum class FeeLevel { Slow, Normal, Fast };

// From eth_feeHistory: the next block's base fee and three EIP-1559 fee
// pairs. maxFeePerGas leaves room for the base fee to rise for a few blocks
// (x1.25 slow, x2 normal and fast) so a transaction is not priced out.
struct FeeEstimates {
    U256 baseFee = 0;
    Fee slow, normal, fast;
    const Fee& level(FeeLevel l) const { return l == FeeLevel::Slow ? slow : l == FeeLevel::Fast ? fast : normal; }
};

std::optional<FeeLevel> parseFeeLevel(std::string_view text); // "slow" | "normal" | "fast"

// Computes the estimates from an eth_feeHistory result (blocks with reward
// percentiles 10, 50, 90). Exposed for tests on recorded answers.
Result<FeeEstimates> feeEstimatesFromHistory(const Json& history);

struct ReceiptInfo {
    chain::Hash transactionHash;
    std::uint64_t blockNumber = 0;
    bool success = false;
    U256 gasUsed = 0;
    U256 effectiveGasPrice = 0;
};

class EthNode {
public:
    explicit EthNode(RpcClient& client) : m_client(client) {}

    RpcClient& client() { return m_client; }
    Result<std::uint64_t> blockNumber();
    Result<Unverified<U256>> balance(const chain::Address& account, const std::string& block = "latest");
    Result<Unverified<U256>> transactionCount(const chain::Address& account, const std::string& block = "latest");
    Result<Unverified<Bytes>> call(const CallRequest& request, const std::string& block = "latest");
    // ERC-20 balanceOf(owner) and decimals().
    Result<Unverified<U256>> tokenBalance(const chain::Address& token, const chain::Address& owner);
    Result<unsigned> tokenDecimals(const chain::Address& token);

    Result<U256> estimateGas(const CallRequest& request);
    // The estimate plus `marginPercent`: state can change between estimate
    // and inclusion, and an out-of-gas transaction still costs its gas.
    Result<U256> estimateGasWithMargin(const CallRequest& request, unsigned marginPercent = 20);
    Result<FeeEstimates> estimateFees();

    Result<chain::Hash> sendRawTransaction(ByteView raw);
    // nullopt while the transaction is not mined.
    Result<std::optional<ReceiptInfo>> receipt(const chain::Hash& hash);
    // Whether the node knows the transaction at all (pending or mined).
    Result<bool> knowsTransaction(const chain::Hash& hash);

private:
    RpcClient& m_client;
};

Json callRequestToJson(const CallRequest& request);

// Whether the node refused an eth_getLogs range for its size ("query
// returned more than 10000 results", "block range", HTTP 413, a timeout ...),
// so that a smaller range may pass. The protocol indexer and the wallet's
// transfer scan both halve their range on it.
bool isRangeTooLarge(const Error& error);

} // namespace ctrn::rpc
