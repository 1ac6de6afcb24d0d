#include <core/interfaces/backend.h>

namespace ctrn::interfaces {
namespace {

class NodeImpl : public Node {
public:
    explicit NodeImpl(std::shared_ptr<Backend> backend) : m_backend(std::move(backend)) {}

    std::uint64_t chainId() override { return m_backend->chainId; }
    Result<std::uint64_t> head() override { return m_backend->node->blockNumber(); }
    Result<rpc::Unverified<U256>> balance(const chain::Address& account) override { return m_backend->node->balance(account); }
    Result<rpc::Unverified<U256>> tokenBalance(const chain::Address& token, const chain::Address& owner) override {
        return m_backend->node->tokenBalance(token, owner);
    }
    Result<unsigned> tokenDecimals(const chain::Address& token) override { return m_backend->node->tokenDecimals(token); }
    Result<rpc::FeeEstimates> feeEstimates() override { return m_backend->node->estimateFees(); }

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

private:
    std::shared_ptr<Backend> m_backend;
    std::optional<std::uint64_t> m_lastHead;
    CallbackList<std::uint64_t> m_newHead;
};

} // namespace

std::unique_ptr<Node> makeNode(std::shared_ptr<Backend> backend) { return std::make_unique<NodeImpl>(std::move(backend)); }

} // namespace ctrn::interfaces
