#include <core/wallet/devnet_faucet.h>

#include <core/encoding/abi.h>
#include <core/wallet/wallet_service.h>

#include <thread>

namespace ctrn::wallet {
namespace {

const U256 kEther = U256(1000000000) * U256(1000000000);

// The devnet seeds the treasury with ETH, so this is a no-op there; a devnet
// seeded by an older scripts/devnet has none. Then the one cheat is made and
// mined into a block at once, so the head's state is rewritten for as short
// a time as the node allows.
Status topUpTreasury(rpc::EthNode& node, const chain::Address& treasury, const U256& needed) {
    CTRN_ASSIGN(auto balance, node.balance(treasury));
    if (balance.unverifiedValue() >= needed) return Ok{};
    auto& client = node.client();
    CTRN_TRY(client.send("anvil_setBalance", Json::array({treasury.checksummed(), toQuantityHex(needed + U256(1000) * kEther)})));
    CTRN_TRY(client.send("anvil_mine", Json::array({"0x1"})));
    return Ok{};
}

// One-second blocks: polls the receipt until the transaction is mined.
Status waitMined(rpc::EthNode& node, const chain::Hash& hash, const std::string& what, const FaucetOptions& options) {
    auto sleep = options.sleep ? options.sleep : [](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); };
    const auto step = std::chrono::milliseconds(200);
    for (auto waited = std::chrono::milliseconds(0); waited <= options.mineTimeout; waited += step) {
        CTRN_ASSIGN(auto receipt, node.receipt(hash));
        if (receipt) {
            if (!receipt->success) return makeError(ErrorCode::Reverted, "the treasury's " + what + " transfer " + hash.hex() + " failed");
            return Ok{};
        }
        sleep(step);
    }
    return makeError(ErrorCode::Timeout, "the treasury's " + what + " transfer " + hash.hex() + " was not mined in time");
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

    // Both grants are real transactions from the treasury, never an
    // anvil_setBalance on the account: a cheat code rewrites the head's state
    // in place, so until the next block a light-client proof at the head
    // (the Accounts page's) would rightly call the node a liar.
    CTRN_ASSIGN(auto transferData, erc20TransferData(account, options.ctrn));
    std::vector<rpc::CallRequest> calls{{treasury, account, options.eth, {}}, {treasury, token, 0, transferData}};
    CTRN_ASSIGN(auto treasuryCtrn, node.tokenBalance(token, treasury));
    if (treasuryCtrn.unverifiedValue() < options.ctrn)
        return makeError(ErrorCode::InvalidInput, "the devnet treasury has no CTRN left to give");
    CTRN_ASSIGN(auto fees, node.estimateFees());
    const rpc::Fee fee = fees.fast;
    std::vector<U256> gas;
    U256 needed = options.eth;
    for (const auto& call : calls) {
        CTRN_ASSIGN(auto g, node.estimateGasWithMargin(call));
        gas.push_back(g);
        needed += g * fee.maxFeePerGas;
    }
    CTRN_TRY(topUpTreasury(node, treasury, needed));

    CTRN_TRY(client.send("anvil_impersonateAccount", Json::array({treasury.checksummed()})));
    Impersonation stop{client, treasury.checksummed()};
    std::vector<chain::Hash> sent;
    for (std::size_t i = 0; i < calls.size(); ++i) {
        Json tx = rpc::callRequestToJson(calls[i]);
        tx["gas"] = toQuantityHex(gas[i]);
        tx["maxFeePerGas"] = toQuantityHex(fee.maxFeePerGas);
        tx["maxPriorityFeePerGas"] = toQuantityHex(fee.maxPriorityFeePerGas);
        CTRN_ASSIGN(auto answer, client.send("eth_sendTransaction", Json::array({tx})));
        if (!answer.is_string()) return makeError(ErrorCode::Network, "eth_sendTransaction: malformed answer");
        CTRN_ASSIGN(auto hash, chain::Hash::fromHex(answer.get<std::string>()));
        sent.push_back(hash);
    }
    const char* what[] = {"ETH", "CTRN"};
    for (std::size_t i = 0; i < sent.size(); ++i) CTRN_TRY(waitMined(node, sent[i], what[i], options));
    return FaucetGrant{options.eth, options.ctrn, sent[1]};
}

} // namespace ctrn::wallet
