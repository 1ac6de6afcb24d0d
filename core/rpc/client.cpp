#include <core/rpc/client.h>

#include <core/rpc/revert.h>
#include <core/util/hex.h>
#include <core/util/uint256.h>

#include <map>
#include <thread>

namespace ctrn::rpc {
namespace {

std::string shorten(const std::string& body) {
    std::string s = body.substr(0, 120);
    for (char& c : s)
        if (c == '\n' || c == '\r') c = ' ';
    return body.size() > 120 ? s + "…" : s;
}

} // namespace

Result<Json> interpretReply(const Json& reply) {
    if (!reply.is_object()) return makeError(ErrorCode::Network, "malformed JSON-RPC reply: not an object");
    if (auto it = reply.find("error"); it != reply.end() && !it->is_null()) {
        const Json& err = *it;
        std::string message = err.is_object() && err.contains("message") && err["message"].is_string()
                                  ? err["message"].get<std::string>()
                                  : err.dump();
        std::int64_t code = err.is_object() && err.contains("code") && err["code"].is_number_integer()
                                ? err["code"].get<std::int64_t>()
                                : 0;
        // Reverts carry the returned data in error.data (geth, anvil,
        // Erigon); some nodes nest it one level deeper.
        const Json* data = nullptr;
        if (err.is_object() && err.contains("data")) {
            data = &err["data"];
            if (data->is_object() && data->contains("data")) data = &(*data)["data"];
        }
        bool revert = message.find("revert") != std::string::npos || code == 3;
        if (revert && data && data->is_string()) {
            auto bytes = fromHex(data->get<std::string>());
            if (bytes) return makeError(ErrorCode::Reverted, "execution " + decodeRevert(*bytes));
        }
        if (revert) return makeError(ErrorCode::Reverted, "execution reverted: " + message);
        return makeError(ErrorCode::NodeError, "node error " + std::to_string(code) + ": " + message);
    }
    if (!reply.contains("result")) return makeError(ErrorCode::Network, "malformed JSON-RPC reply: no result or error");
    return reply["result"];
}

RpcClient::RpcClient(std::vector<std::string> urls, std::shared_ptr<Transport> transport, ClientOptions options)
    : m_urls(std::move(urls)), m_transport(std::move(transport)), m_options(std::move(options)) {
    if (!m_options.sleep)
        m_options.sleep = [](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); };
    if (m_options.quorum == 0) m_options.quorum = 1;
}

Result<Json> RpcClient::callOne(const std::string& url, const std::string& body, bool isBatch) {
    auto backoff = m_options.backoff;
    Error last;
    for (int attempt = 0; attempt <= m_options.retries; ++attempt) {
        if (attempt > 0) {
            m_options.sleep(backoff);
            backoff *= 2;
        }
        auto reply = m_transport->post(url, body, m_options.timeout);
        if (!reply) {
            last = reply.error();
            if (last.code == ErrorCode::InvalidInput) return last;
            continue;
        }
        if (reply->status >= 500) {
            last = makeError(ErrorCode::Network, url + ": HTTP " + std::to_string(reply->status));
            continue;
        }
        if (reply->status != 200) {
            // 4xx: the node refuses this request (auth, rate limit, bad
            // path); asking again will not help.
            return makeError(ErrorCode::Network, url + ": HTTP " + std::to_string(reply->status) + " " + shorten(reply->body));
        }
        auto json = parseJson(reply->body);
        if (!json) return makeError(ErrorCode::Network, url + ": malformed JSON in reply: " + shorten(reply->body));
        if (isBatch ? !json->is_array() : !json->is_object())
            return makeError(ErrorCode::Network, url + ": malformed JSON-RPC reply: " + shorten(reply->body));
        return std::move(json).value();
    }
    return last;
}

Result<Json> RpcClient::withFailover(const std::string& body, bool isBatch) {
    if (m_urls.empty()) return makeError(ErrorCode::InvalidInput, "no RPC endpoint configured");
    Error last;
    for (const auto& url : m_urls) {
        auto reply = callOne(url, body, isBatch);
        if (reply) return reply;
        last = reply.error();
        if (last.code == ErrorCode::InvalidInput) return last;
    }
    return last;
}

Result<Json> RpcClient::call(const std::string& method, Json params) {
    Json request = {{"jsonrpc", "2.0"}, {"id", m_nextId++}, {"method", method}, {"params", std::move(params)}};
    std::string body = request.dump();
    if (m_options.quorum <= 1 || m_urls.size() <= 1) {
        CTRN_ASSIGN(auto reply, withFailover(body, false));
        if (reply.contains("id") && reply["id"] != request["id"])
            return makeError(ErrorCode::Network, "malformed JSON-RPC reply: id does not match the request");
        return interpretReply(reply);
    }
    // Quorum: identical answers (results or node errors) from k endpoints.
    std::map<std::string, std::pair<std::size_t, Result<Json>>> answers;
    Error lastTransport;
    for (const auto& url : m_urls) {
        auto reply = callOne(url, body, false);
        if (!reply) { lastTransport = reply.error(); continue; }
        auto result = interpretReply(*reply);
        std::string key = result ? "r" + result->dump() : "e" + result.error().message;
        auto it = answers.find(key);
        if (it == answers.end()) it = answers.emplace(key, std::make_pair(std::size_t{0}, result)).first;
        if (++it->second.first >= m_options.quorum) return it->second.second;
    }
    if (answers.empty()) return lastTransport;
    return makeError(ErrorCode::Network, method + ": quorum not reached (" + std::to_string(m_options.quorum) + " of " +
                                             std::to_string(m_urls.size()) + " endpoints must agree; " +
                                             std::to_string(answers.size()) + " different answers)");
}

Result<Json> RpcClient::send(const std::string& method, Json params) {
    Json request = {{"jsonrpc", "2.0"}, {"id", m_nextId++}, {"method", method}, {"params", std::move(params)}};
    CTRN_ASSIGN(auto reply, withFailover(request.dump(), false));
    return interpretReply(reply);
}

Result<std::vector<Result<Json>>> RpcClient::batch(const std::vector<Request>& requests) {
    std::vector<Result<Json>> out;
    if (requests.empty()) return out;
    Json body = Json::array();
    std::uint64_t first = m_nextId;
    for (const auto& r : requests)
        body.push_back({{"jsonrpc", "2.0"}, {"id", m_nextId++}, {"method", r.method}, {"params", r.params}});
    CTRN_ASSIGN(auto reply, withFailover(body.dump(), true));
    // Replies may come in any order; match them by id.
    std::map<std::uint64_t, const Json*> byId;
    for (const auto& item : reply)
        if (item.is_object() && item.contains("id") && item["id"].is_number_unsigned())
            byId[item["id"].get<std::uint64_t>()] = &item;
    for (std::size_t i = 0; i < requests.size(); ++i) {
        auto it = byId.find(first + i);
        if (it == byId.end())
            out.push_back(makeError(ErrorCode::Network, "malformed JSON-RPC batch reply: no answer for " + requests[i].method));
        else
            out.push_back(interpretReply(*it->second));
    }
    return out;
}

Status RpcClient::connect(std::optional<std::uint64_t> expectedChainId) {
    if (m_urls.empty()) return makeError(ErrorCode::InvalidInput, "no RPC endpoint configured");
    Json request = {{"jsonrpc", "2.0"}, {"id", m_nextId++}, {"method", "eth_chainId"}, {"params", Json::array()}};
    std::string body = request.dump();
    std::vector<std::string> good;
    Error lastError;
    std::optional<std::uint64_t> expected = expectedChainId;
    for (const auto& url : m_urls) {
        auto reply = callOne(url, body, false);
        Result<Json> result = reply ? interpretReply(*reply) : Result<Json>(reply.error());
        if (!result) { lastError = result.error(); continue; }
        if (!result->is_string()) { lastError = makeError(ErrorCode::Network, url + ": eth_chainId returned " + result->dump()); continue; }
        auto id = parseU256(result->get<std::string>());
        if (!id || *id > std::numeric_limits<std::uint64_t>::max()) {
            lastError = makeError(ErrorCode::Network, url + ": eth_chainId returned " + result->dump());
            continue;
        }
        auto chain = static_cast<std::uint64_t>(*id);
        if (!expected) expected = chain;
        if (chain != *expected) {
            lastError = makeError(ErrorCode::WrongChain, "node at " + url + " is on chain " + std::to_string(chain) +
                                                             ", expected chain " + std::to_string(*expected) + "; refused");
            continue;
        }
        good.push_back(url);
    }
    std::size_t needed = std::min(m_options.quorum, m_urls.size());
    if (good.size() < needed) {
        if (good.empty()) return lastError;
        return makeError(ErrorCode::Network, "only " + std::to_string(good.size()) + " of " + std::to_string(m_urls.size()) +
                                                 " endpoints usable, quorum needs " + std::to_string(needed) + ": " +
                                                 lastError.message);
    }
    m_urls = std::move(good);
    m_chainId = expected;
    return Ok{};
}

} // namespace ctrn::rpc
