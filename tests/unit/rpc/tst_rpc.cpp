// core/rpc through a fake transport that replays canned HTTP answers:
// malformed JSON, HTTP 500, timeouts, refused connections and JSON-RPC
// errors each become a clear typed error; retries, failover, quorum, batch,
// the chain id check, revert decoding and fee estimation.
#include <core/encoding/abi.h>
#include <core/rpc/client.h>
#include <core/rpc/node.h>
#include <core/rpc/revert.h>
#include <core/util/hex.h>

#include <QFile>
#include <QtTest>

#include <deque>
#include <map>

using namespace ctrn;
using namespace ctrn::rpc;

namespace {

// Answers per URL, in order; the last answer repeats.
class FakeTransport : public Transport {
public:
    std::map<std::string, std::deque<Result<HttpReply>>> answers;
    std::map<std::string, int> calls;
    std::vector<std::string> bodies;

    void add(const std::string& url, Result<HttpReply> r) { answers[url].push_back(std::move(r)); }
    void ok(const std::string& url, const std::string& resultJson) {
        add(url, HttpReply{200, R"({"jsonrpc":"2.0","id":1,"result":)" + resultJson + "}"});
    }
    Result<HttpReply> post(const std::string& url, const std::string& body, std::chrono::milliseconds) override {
        ++calls[url];
        bodies.push_back(body);
        auto& q = answers[url];
        if (q.empty()) return makeError(ErrorCode::Network, url + ": Connection refused");
        auto r = q.front();
        if (q.size() > 1) q.pop_front();
        // Echo the request id so id checks pass for single calls.
        if (r.ok() && body.find("\"id\":") != std::string::npos && r->body.find("\"id\":1,") != std::string::npos && body[0] == '{') {
            auto j = *parseJson(body);
            std::string id = j["id"].dump();
            auto pos = r->body.find("\"id\":1,");
            r->body.replace(pos, 7, "\"id\":" + id + ",");
        }
        return r;
    }
};

ClientOptions fastOptions() {
    ClientOptions o;
    o.sleep = [](std::chrono::milliseconds) {};
    o.retries = 2;
    return o;
}

} // namespace

class TestRpc : public QObject {
    Q_OBJECT
private slots:
    void malformedJsonIsNetworkError() {
        auto t = std::make_shared<FakeTransport>();
        t->add("a", HttpReply{200, "{not json"});
        RpcClient c({"a"}, t, fastOptions());
        auto r = c.call("eth_blockNumber");
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Network);
        QVERIFY(r.error().message.find("malformed JSON") != std::string::npos);
    }
    void http500RetriesThenFails() {
        auto t = std::make_shared<FakeTransport>();
        t->add("a", HttpReply{500, "Internal Server Error"});
        RpcClient c({"a"}, t, fastOptions());
        auto r = c.call("eth_blockNumber");
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Network);
        QVERIFY(r.error().message.find("HTTP 500") != std::string::npos);
        QCOMPARE(t->calls["a"], 3); // first try + 2 retries
    }
    void retryRecovers() {
        auto t = std::make_shared<FakeTransport>();
        t->add("a", HttpReply{503, ""});
        t->ok("a", "\"0x10\"");
        std::vector<std::chrono::milliseconds> waits;
        auto o = fastOptions();
        o.sleep = [&](std::chrono::milliseconds d) { waits.push_back(d); };
        RpcClient c({"a"}, t, o);
        auto r = c.call("eth_blockNumber");
        QVERIFY(r);
        QCOMPARE(r->get<std::string>(), std::string("0x10"));
        QCOMPARE(waits.size(), std::size_t(1));
    }
    void timeoutIsTyped() {
        auto t = std::make_shared<FakeTransport>();
        t->add("a", makeError(ErrorCode::Timeout, "a: no answer within 10 ms"));
        RpcClient c({"a"}, t, fastOptions());
        auto r = c.call("eth_blockNumber");
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Timeout);
    }
    void backoffDoubles() {
        auto t = std::make_shared<FakeTransport>();
        t->add("a", makeError(ErrorCode::Timeout, "timeout"));
        std::vector<long> waits;
        auto o = fastOptions();
        o.retries = 3;
        o.sleep = [&](std::chrono::milliseconds d) { waits.push_back(static_cast<long>(d.count())); };
        RpcClient c({"a"}, t, o);
        QVERIFY(!c.call("eth_blockNumber"));
        QCOMPARE(waits, (std::vector<long>{200, 400, 800}));
    }
    void jsonRpcErrorIsNodeErrorNotRetried() {
        auto t = std::make_shared<FakeTransport>();
        t->add("a", HttpReply{200, R"({"jsonrpc":"2.0","id":1,"error":{"code":-32601,"message":"method not found"}})"});
        RpcClient c({"a", "b"}, t, fastOptions());
        auto r = c.call("eth_foo");
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::NodeError);
        QCOMPARE(r.error().message, std::string("node error -32601: method not found"));
        QCOMPARE(t->calls["a"], 1);
        QCOMPARE(t->calls["b"], 0);
    }
    void failoverToSecondEndpoint() {
        auto t = std::make_shared<FakeTransport>();
        t->ok("b", "\"0x1\"");
        RpcClient c({"a", "b"}, t, fastOptions());
        auto r = c.call("eth_blockNumber");
        QVERIFY(r);
        QCOMPARE(t->calls["a"], 3);
    }
    void wrongChainRefused() {
        auto t = std::make_shared<FakeTransport>();
        t->ok("a", "\"0x3e7\"");
        RpcClient c({"a"}, t, fastOptions());
        auto s = c.connect(31337);
        QVERIFY(!s);
        QCOMPARE(s.error().code, ErrorCode::WrongChain);
        QCOMPARE(s.error().message, std::string("node at a is on chain 999, expected chain 31337; refused"));
    }
    void wrongChainEndpointDropped() {
        auto t = std::make_shared<FakeTransport>();
        t->ok("a", "\"0x3e7\"");
        t->ok("b", "\"0x7a69\"");
        RpcClient c({"a", "b"}, t, fastOptions());
        QVERIFY(c.connect(31337));
        QCOMPARE(c.endpoints(), std::vector<std::string>{"b"});
    }
    void quorumAgrees() {
        auto t = std::make_shared<FakeTransport>();
        t->ok("a", "\"0x5\"");
        t->ok("b", "\"0x6\"");
        t->ok("c", "\"0x5\"");
        auto o = fastOptions();
        o.quorum = 2;
        RpcClient c({"a", "b", "c"}, t, o);
        auto r = c.call("eth_getBalance");
        QVERIFY(r);
        QCOMPARE(r->get<std::string>(), std::string("0x5"));
    }
    void quorumNotReached() {
        auto t = std::make_shared<FakeTransport>();
        t->ok("a", "\"0x5\"");
        t->ok("b", "\"0x6\"");
        t->ok("c", "\"0x7\"");
        auto o = fastOptions();
        o.quorum = 2;
        RpcClient c({"a", "b", "c"}, t, o);
        auto r = c.call("eth_getBalance");
        QVERIFY(!r);
        QVERIFY(r.error().message.find("quorum not reached") != std::string::npos);
    }
    void batchMatchesIds() {
        auto t = std::make_shared<FakeTransport>();
        t->add("a", HttpReply{200, R"([{"jsonrpc":"2.0","id":2,"error":{"code":-32000,"message":"boom"}},{"jsonrpc":"2.0","id":1,"result":"0x1"}])"});
        RpcClient c({"a"}, t, fastOptions());
        auto r = c.batch({{"eth_blockNumber", Json::array()}, {"eth_chainId", Json::array()}});
        QVERIFY(r);
        QCOMPARE(r->size(), std::size_t(2));
        QVERIFY((*r)[0].ok());
        QVERIFY(!(*r)[1].ok());
        QCOMPARE((*r)[1].error().code, ErrorCode::NodeError);
    }
    // The protocol's own errors, registered from the ABIs the contracts
    // build writes to resources/abi/, are decoded by name.
    void protocolErrorsFromAbis() {
        QFile f(CTRN_SOURCE_DIR "/resources/abi/StakingHub.json");
        QVERIFY(f.open(QIODevice::ReadOnly));
        auto abi = parseJson(f.readAll().toStdString());
        QVERIFY(abi.ok());
        QVERIFY(registerAbiErrors(*abi) >= 5);
        auto sel = *encoding::functionSelector("AgentNotRegistered(address)");
        Bytes data(sel.begin(), sel.end());
        Bytes arg(32, 0);
        arg[31] = 0xaa;
        append(data, arg);
        QCOMPARE(decodeRevert(data), std::string("AgentNotRegistered(0x00000000000000000000000000000000000000AA)"));
        // Tuple parameters are spelled out as the selector needs them.
        Json tupleAbi = *parseJson(R"([{"type":"error","name":"BadRune","inputs":[{"name":"r","type":"tuple[]","components":[{"name":"a","type":"address"},{"name":"b","type":"uint16"}]}]}])");
        QCOMPARE(registerAbiErrors(tupleAbi), std::size_t(1));
        auto tupleSel = *encoding::functionSelector("BadRune((address,uint16)[])");
        Bytes empty(tupleSel.begin(), tupleSel.end());
        Bytes offsetAndLength(64, 0);
        offsetAndLength[31] = 0x20;
        append(empty, offsetAndLength);
        QCOMPARE(decodeRevert(empty).rfind("BadRune(", 0), std::size_t(0));
    }

    void revertReasons() {
        // Error(string) "nope"
        auto err = *fromHex("0x08c379a0000000000000000000000000000000000000000000000000000000000000002000000000000000000000000000000000000000000000000000000000000000046e6f706500000000000000000000000000000000000000000000000000000000");
        QCOMPARE(decodeRevert(err), std::string("reverted: nope"));
        auto panic = *fromHex("0x4e487b710000000000000000000000000000000000000000000000000000000000000011");
        QCOMPARE(decodeRevert(panic), std::string("panic 0x11: arithmetic overflow or underflow"));
        QVERIFY(registerCustomError("AlreadyVoted(address)"));
        auto sel = *encoding::functionSelector("AlreadyVoted(address)");
        Bytes custom(sel.begin(), sel.end());
        Bytes arg(32, 0);
        arg[31] = 1;
        append(custom, arg);
        QCOMPARE(decodeRevert(custom), std::string("AlreadyVoted(0x0000000000000000000000000000000000000001)"));
        QCOMPARE(decodeRevert({}), std::string("reverted without a reason"));
        Json reply = *parseJson(R"({"jsonrpc":"2.0","id":1,"error":{"code":3,"message":"execution reverted","data":"0x4e487b710000000000000000000000000000000000000000000000000000000000000012"}})");
        auto r = interpretReply(reply);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Reverted);
        QCOMPARE(r.error().message, std::string("execution panic 0x12: division or modulo by zero"));
    }
    void feeEstimates() {
        Json history = *parseJson(R"({"baseFeePerGas":["0x64","0x64","0xc8"],"reward":[["0x1","0x2","0x3"],["0x0","0x0","0x0"]]})");
        auto f = feeEstimatesFromHistory(history);
        QVERIFY(f);
        QCOMPARE(toDecimal(f->baseFee), std::string("200"));
        QCOMPARE(toDecimal(f->slow.maxPriorityFeePerGas), std::string("1"));
        QCOMPARE(toDecimal(f->normal.maxFeePerGas), std::string("402"));
        QCOMPARE(toDecimal(f->fast.maxFeePerGas), std::string("403"));
        QVERIFY(!feeEstimatesFromHistory(Json::object()));
    }
};

QTEST_GUILESS_MAIN(TestRpc)
#include "tst_rpc.moc"
