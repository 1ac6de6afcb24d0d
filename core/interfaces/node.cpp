#include <core/interfaces/backend.h>
#include <core/interfaces/convert.h>

#include <core/wallet/token_balance.h>

namespace ctrn::interfaces {
namespace {

class NodeImpl : public Node {
public:
    explicit NodeImpl(std::shared_ptr<Backend> backend) : m_backend(std::move(backend)) {}

    std::uint64_t chainId() override { return m_backend->chainId; }
    Result<std::uint64_t> head() override { return m_backend->node->blockNumber(); }
    Result<U256> balance(const chain::Address& account) override {
        CTRN_ASSIGN(auto b, m_backend->node->balance(account));
        return b.unverifiedValue();
    }
    Result<U256> tokenBalance(const chain::Address& token, const chain::Address& owner) override {
        CTRN_ASSIGN(auto b, m_backend->node->tokenBalance(token, owner));
        return b.unverifiedValue();
    }
    Result<unsigned> tokenDecimals(const chain::Address& token) override { return m_backend->node->tokenDecimals(token); }
    Result<FeeEstimates> feeEstimates() override {
        CTRN_ASSIGN(auto e, m_backend->node->estimateFees());
        return fromRpc(e);
    }

    Status poll() override {
        CTRN_ASSIGN(std::uint64_t head, m_backend->node->blockNumber());
        // Only a change is news; a node that went back (reorg, other
        // endpoint) is reported too, since the screen shows the head.
        if (m_lastHead && *m_lastHead == head) return Ok{};
        m_lastHead = head;
        m_newHead.notify(head);
        return Ok{};
    }
    std::unique_ptr<Handler> handleNewHead(std::function<void(std::uint64_t)> fn) override { return m_newHead.add(std::move(fn)); }

    Result<TokenInfo> ctrnToken() override {
        if (m_ctrn) return *m_ctrn;
        if (!m_backend->deployment)
            return makeError(ErrorCode::NotFound, "no deployment manifest for chain " + std::to_string(m_backend->chainId) + ", so no CTRN token");
        CTRN_ASSIGN(auto address, m_backend->deployment->contract("ComputroniumToken"));
        TokenInfo info;
        info.address = address.checksummed();
        CTRN_ASSIGN(info.symbol, wallet::tokenSymbol(*m_backend->node, address));
        CTRN_ASSIGN(info.decimals, m_backend->node->tokenDecimals(address));
        m_ctrn = info; // a deployed token's symbol and decimals never change
        return info;
    }

    Result<AccountBalances> balances(const chain::Address& account) override {
        AccountBalances b;
        b.account = account.checksummed();
        CTRN_ASSIGN(b.block, m_backend->node->blockNumber());
        // Every read at the same block, so the parts add up even while
        // blocks arrive between the calls.
        CTRN_ASSIGN(auto eth, m_backend->node->balance(account, toQuantityHex(U256(b.block))));
        b.eth = eth.unverifiedValue();
        if (m_backend->deployment && m_backend->deployment->contracts.count("ComputroniumToken")) {
            CTRN_ASSIGN(auto token, m_backend->deployment->contract("ComputroniumToken"));
            CTRN_ASSIGN(auto ctrn, wallet::lockedTokenBalance(*m_backend->node, token, account, toQuantityHex(U256(b.block))));
            b.hasCtrn = true;
            b.ctrnTotal = ctrn.unverifiedValue().total;
            b.ctrnLocked = ctrn.unverifiedValue().locked;
            b.ctrnFree = ctrn.unverifiedValue().free();
        }
        return b;
    }

    Status faucetAvailable() override {
        if (!m_backend->deployment) return makeError(ErrorCode::Unsupported, "the faucet only works on the local devnet");
        return wallet::checkDevnet(*m_backend->node, *m_backend->deployment);
    }

    Result<FaucetGrant> fundFromFaucet(const chain::Address& account) override {
        if (!m_backend->deployment) return makeError(ErrorCode::Unsupported, "the faucet only works on the local devnet");
        CTRN_ASSIGN(auto grant, wallet::fundFromDevnetFaucet(*m_backend->node, *m_backend->deployment, account));
        return fromWallet(grant);
    }

private:
    std::shared_ptr<Backend> m_backend;
    std::optional<std::uint64_t> m_lastHead;
    CallbackList<std::uint64_t> m_newHead;
    std::optional<TokenInfo> m_ctrn;
};

} // namespace

std::unique_ptr<Node> makeNode(std::shared_ptr<Backend> backend) { return std::make_unique<NodeImpl>(std::move(backend)); }

} // namespace ctrn::interfaces
