#include <core/wallet/devnet_faucet.h>

#include <core/encoding/abi.h>
#include <core/wallet/wallet_service.h>

#include <thread>

namespace ctrn::wallet {
namespace {

const U256 kEther = U256(1000000000) * U256(1000000000);

// Gas the treasury needs for one ERC-20 transfer at the node's fees; the
// faucet tops the treasury's ETH up to this much if it has less, so the
// transfer can pay for itself.
Result<U256> transferGasCost(rpc::EthNode& node, const rpc::CallRequest& call, U256& gas, rpc::Fee& fee) {
    CTRN_ASSIGN(gas, node.estimateGasWithMargin(call));
    CTRN_ASSIGN(auto estimates, node.estimateFees());
    fee = estimates.fast;
    return gas * fee.maxFeePerGas;
}

// Stops the impersonation however fundFromDevnetFaucet leaves.
struct Impersonation {
    rpc::RpcClient& client;
    std::string account;
    ~Impersonation() { (void)client.send("anvil_stopImpersonatingAccount", Json::array({account})); }
};

} // namespace

FaucetOptions::FaucetOptions() : eth(U256(10) * kEther), ctrn(U256(1000) * kEther) {}

Status checkDevnet(rpc::EthNode& node, const chain::Deployment& devnet) {
    if (devnet.name != "devnet" || devnet.chainId != kDevnetChainId)
        return makeError(ErrorCode::Unsupported, "the faucet only works on the local devnet (this is '" + devnet.name + "', chain " +
                                                     std::to_string(devnet.chainId) + ")");
    auto& client = node.client();
    if (client.chainId() != kDevnetChainId)
        return makeError(ErrorCode::Unsupported, "the faucet only works on the local devnet (chain " + std::to_string(kDevnetChainId) +
                                                     "); the node is on chain " + std::to_string(client.chainId().value_or(0)));
    CTRN_ASSIGN(auto version, client.call("web3_clientVersion"));
    if (!version.is_string() || version.get<std::string>().rfind("anvil", 0) != 0)
        return makeError(ErrorCode::Unsupported, "the faucet only works on the local devnet's anvil node, not on " +
                                                     (version.is_string() ? version.get<std::string>() : std::string("this node")));
    return Ok{};
}

Result<FaucetGrant> fundFromDevnetFaucet(rpc::EthNode& node, const chain::Deployment& devnet, const chain::Address& account,
                                         const FaucetOptions& options) {
    CTRN_TRY(checkDevnet(node, devnet));
    CTRN_ASSIGN(auto token, devnet.contract("ComputroniumToken"));
    CTRN_ASSIGN(auto treasury, devnet.contract("TimelockController"));
    auto& client = node.client();

    // ETH: added to what the account has (anvil_setBalance sets, so read first).
    CTRN_ASSIGN(auto before, node.balance(account));
    CTRN_TRY(client.send("anvil_setBalance", Json::array({account.checksummed(), toQuantityHex(before.unverifiedValue() + options.eth)})));

    // CTRN: a transfer from the treasury, impersonated.
    CTRN_ASSIGN(auto data, erc20TransferData(account, options.ctrn));
    rpc::CallRequest call{treasury, token, 0, data};
    CTRN_ASSIGN(auto treasuryCtrn, node.tokenBalance(token, treasury));
    if (treasuryCtrn.unverifiedValue() < options.ctrn)
        return makeError(ErrorCode::InvalidInput, "the devnet treasury has no CTRN left to give");
    U256 gas;
    rpc::Fee fee;
    CTRN_ASSIGN(U256 cost, transferGasCost(node, call, gas, fee));
    CTRN_ASSIGN(auto treasuryEth, node.balance(treasury));
    if (treasuryEth.unverifiedValue() < cost)
        CTRN_TRY(client.send("anvil_setBalance", Json::array({treasury.checksummed(), toQuantityHex(cost)})));
    CTRN_TRY(client.send("anvil_impersonateAccount", Json::array({treasury.checksummed()})));
    Impersonation stop{client, treasury.checksummed()};
    Json tx = rpc::callRequestToJson(call);
    tx["gas"] = toQuantityHex(gas);
    tx["maxFeePerGas"] = toQuantityHex(fee.maxFeePerGas);
    tx["maxPriorityFeePerGas"] = toQuantityHex(fee.maxPriorityFeePerGas);
    CTRN_ASSIGN(auto sent, client.send("eth_sendTransaction", Json::array({tx})));
    if (!sent.is_string()) return makeError(ErrorCode::Network, "eth_sendTransaction: malformed answer");
    CTRN_ASSIGN(auto hash, chain::Hash::fromHex(sent.get<std::string>()));

    // One-second blocks: poll the receipt until it is mined.
    auto sleep = options.sleep ? options.sleep : [](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); };
    const auto step = std::chrono::milliseconds(200);
    for (auto waited = std::chrono::milliseconds(0); waited <= options.mineTimeout; waited += step) {
        CTRN_ASSIGN(auto receipt, node.receipt(hash));
        if (receipt) {
            if (!receipt->success) return makeError(ErrorCode::Reverted, "the treasury's CTRN transfer " + hash.hex() + " failed");
            return FaucetGrant{options.eth, options.ctrn, hash};
        }
        sleep(step);
    }
    return makeError(ErrorCode::Timeout, "the treasury's CTRN transfer " + hash.hex() + " was not mined in time");
}

} // namespace ctrn::wallet
