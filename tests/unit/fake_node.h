// A fake Ethereum node for unit tests: a Transport that answers JSON-RPC by
// method name from a table the test fills (and may change between calls),
// so wallet and interface code runs without a network or an anvil. eth_call
// (and eth_estimateGas) can also be answered by the full call data, so a
// test says exactly which call gets which answer, not just which function.
#pragma once

#include <core/rpc/transport.h>
#include <core/util/json.h>

#include <cctype>
#include <functional>
#include <map>
#include <string>
#include <vector>

class FakeNode : public ctrn::rpc::Transport {
public:
    // Thrown by a handler to answer with a JSON-RPC error instead of a result
    // (a node refusing a getLogs range, say).
    struct RpcError {
        int code;
        std::string message;
    };

    // method -> result (a JSON value); a handler wins over a fixed result.
    std::map<std::string, ctrn::Json> results;
    std::map<std::string, std::function<ctrn::Json(const ctrn::Json& params)>> handlers;
    // eth_call by full call data (0x hex, lower case): the result, or for
    // `reverts` the revert data (an eth_estimateGas of that data reverts too).
    std::map<std::string, ctrn::Json> calls;
    std::map<std::string, std::string> reverts;
    std::vector<std::string> methods; // every method asked, in order
    bool down = false;                // refuse every connection

    ctrn::Result<ctrn::rpc::HttpReply> post(const std::string& url, const std::string& body,
                                            std::chrono::milliseconds) override {
        if (down) return ctrn::makeError(ctrn::ErrorCode::Network, url + ": Connection refused");
        auto req = ctrn::parseJson(body);
        if (!req) return ctrn::rpc::HttpReply{400, "bad request"};
        if (req->is_array()) {
            ctrn::Json out = ctrn::Json::array();
            for (const auto& r : *req) out.push_back(answer(r));
            return ctrn::rpc::HttpReply{200, out.dump()};
        }
        return ctrn::rpc::HttpReply{200, answer(*req).dump()};
    }

private:
    ctrn::Json answer(const ctrn::Json& r) {
        std::string method = r["method"].get<std::string>();
        methods.push_back(method);
        ctrn::Json reply = {{"jsonrpc", "2.0"}, {"id", r["id"]}};
        if ((method == "eth_call" || method == "eth_estimateGas") && r["params"].is_array() && !r["params"].empty()) {
            std::string data = r["params"][0].value("data", std::string());
            for (auto& c : data) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (auto rv = reverts.find(data); rv != reverts.end()) {
                reply["error"] = {{"code", 3}, {"message", "execution reverted"}, {"data", rv->second}};
                return reply;
            }
            if (auto c = calls.find(data); method == "eth_call" && c != calls.end()) {
                reply["result"] = c->second;
                return reply;
            }
        }
        if (auto h = handlers.find(method); h != handlers.end()) {
            try {
                reply["result"] = h->second(r["params"]);
            } catch (const RpcError& e) {
                reply["error"] = {{"code", e.code}, {"message", e.message}};
            }
        } else if (auto f = results.find(method); f != results.end()) {
            reply["result"] = f->second;
        } else {
            reply["error"] = {{"code", -32601}, {"message", "the method " + method + " does not exist/is not available"}};
        }
        return reply;
    }
};
