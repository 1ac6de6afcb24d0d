// JSON-RPC 2.0 client over a Transport: several endpoints with failover,
// retry with exponential backoff on transport failure, per-request
// timeouts, batches, an optional quorum (k of n endpoints must return the
// same answer to a read), and the chain id check on connect. Every failure
// is a typed Error: Network (refused, HTTP status, malformed reply), Timeout,
// NodeError (a JSON-RPC error object), Reverted (with the decoded reason),
// WrongChain.
#pragma once

#include <core/rpc/transport.h>
#include <core/util/json.h>
#include <core/util/result.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ctrn::rpc {

struct ClientOptions {
    std::chrono::milliseconds timeout{10000}; // per HTTP request
    int retries = 2;                          // extra attempts per endpoint on transport failure
    std::chrono::milliseconds backoff{200};   // before the first retry; doubles each time
    std::size_t quorum = 1;                   // endpoints that must agree on a read
    // How to wait between retries (tests replace it to run instantly).
    std::function<void(std::chrono::milliseconds)> sleep;
};

struct Request {
    std::string method;
    Json params = Json::array();
};

class RpcClient {
public:
    RpcClient(std::vector<std::string> urls, std::shared_ptr<Transport> transport, ClientOptions options = {});

    // Asks every endpoint for eth_chainId. Endpoints on another chain than
    // `expectedChainId` are dropped; fails with WrongChain ("node at URL is
    // on chain 999, expected 31337") when fewer than the quorum remain, and
    // with the transport's error when none answers. Without an expected id
    // the first answer sets it and the others must match.
    Status connect(std::optional<std::uint64_t> expectedChainId);
    std::optional<std::uint64_t> chainId() const { return m_chainId; }
    const std::vector<std::string>& endpoints() const { return m_urls; }

    // A read: with quorum k > 1, asked of every endpoint and answered only
    // when k agree; otherwise the first endpoint that answers (failover).
    Result<Json> call(const std::string& method, Json params = Json::array());
    // A write (eth_sendRawTransaction): to the first endpoint that answers;
    // never asked twice of a node that did answer, even with an error.
    Result<Json> send(const std::string& method, Json params = Json::array());
    // Several calls in one HTTP request (JSON-RPC batch) to one endpoint,
    // with failover. Each item has its own result or error, in order.
    Result<std::vector<Result<Json>>> batch(const std::vector<Request>& requests);

private:
    Result<Json> callOne(const std::string& url, const std::string& body, bool isBatch);
    Result<Json> withFailover(const std::string& body, bool isBatch);

    std::vector<std::string> m_urls;
    std::shared_ptr<Transport> m_transport;
    ClientOptions m_options;
    std::optional<std::uint64_t> m_chainId;
    std::uint64_t m_nextId = 1;
};

// The Result of one JSON-RPC reply object: its "result", or its "error"
// as NodeError / Reverted with the decoded reason.
Result<Json> interpretReply(const Json& reply);

} // namespace ctrn::rpc
