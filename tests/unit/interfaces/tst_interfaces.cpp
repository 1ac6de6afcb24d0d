// core/interfaces driven as the app will drive them, over a fake node
// (tests/unit/fake_node.h): the chain id check, node values, the new-head
// subscription and its Handler, and a wallet's life — import, unlock (and
// the idle lock on an injected clock), send, sync, history, address book,
// status notifications.
#include <core/crypto/keccak.h>
#include <core/interfaces/services.h>
#include <core/util/hex.h>

#include "interfaces_tests.h"
#include "unit/fake_node.h"

#include <QTemporaryDir>
#include <QtTest>

#include <set>

using namespace ctrn;
using namespace ctrn::interfaces;

namespace {
const char* kMnemonic = "test test test test test test test test test test test junk";
const char* kAddr0 = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
const char* kAddr1 = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const char* kToken = "0x5FbDB2315678afecb367f032d93F642f64180aa3";

chain::Address addr(const char* hex) { return *chain::Address::fromHex(hex); }
std::string word(std::uint64_t v) { return "0x" + std::string(48, '0') + QString::number(v, 16).rightJustified(16, '0').toStdString(); }

// A small chain: a head, balances, a token, a mempool that mines on demand.
struct FakeChain {
    std::shared_ptr<FakeNode> node = std::make_shared<FakeNode>();
    std::uint64_t head = 5;
    std::set<std::string> pool, mined;
    std::vector<std::string> raws;

    FakeChain() {
        node->results["eth_chainId"] = "0x7a69";
        node->results["eth_getBalance"] = "0x56bc75e2d63100000"; // 100 ETH
        node->results["eth_estimateGas"] = "0x5208";
        node->results["eth_feeHistory"] = Json::parse(R"({"baseFeePerGas":["0x3b9aca00","0x3b9aca00"],"reward":[["0x1","0x2","0x3"]]})");
        node->handlers["eth_blockNumber"] = [this](const Json&) { return Json(toQuantityHex(U256(head))); };
        node->handlers["eth_getTransactionCount"] = [this](const Json&) { return Json(toQuantityHex(U256(mined.size()))); };
        node->handlers["eth_call"] = [](const Json& p) {
            std::string data = p[0]["data"].get<std::string>();
            if (data.rfind("0x70a08231", 0) == 0) return Json(word(5000)); // balanceOf
            if (data.rfind("0x313ce567", 0) == 0) return Json(word(6));    // decimals
            return Json("0x");
        };
        node->handlers["eth_sendRawTransaction"] = [this](const Json& p) {
            std::string raw = p[0].get<std::string>();
            raws.push_back(raw);
            std::string hash = toHex(ByteView(crypto::keccak256(*fromHex(raw))));
            pool.insert(hash);
            return Json(hash);
        };
        node->handlers["eth_getTransactionReceipt"] = [this](const Json& p) {
            if (!mined.count(p[0].get<std::string>())) return Json(nullptr);
            return Json{{"blockNumber", toQuantityHex(U256(head))}, {"status", "0x1"}, {"gasUsed", "0x5208"}};
        };
        node->handlers["eth_getTransactionByHash"] = [this](const Json& p) {
            std::string h = p[0].get<std::string>();
            return pool.count(h) || mined.count(h) ? Json{{"hash", h}} : Json(nullptr);
        };
    }
    void mineAll() {
        ++head;
        mined.insert(pool.begin(), pool.end());
        pool.clear();
    }
};

} // namespace

class TestInterfaces : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;
    std::chrono::steady_clock::time_point m_now = std::chrono::steady_clock::time_point{} + std::chrono::hours(1);

    ServicesOptions options(const char* dir) {
        ServicesOptions o;
        o.dataDir = m_tmp.filePath(dir).toStdString();
        o.urls = {"http://fake"};
        o.client.sleep = [](std::chrono::milliseconds) {};
        o.keystore = crypto::KeystoreParams::lightScrypt();
        o.idleTimeout = std::chrono::seconds(300);
        o.clock = [this] { return m_now; };
        return o;
    }

private slots:
    void wrongChainRefused() {
        FakeChain chain;
        chain.node->results["eth_chainId"] = "0x1";
        auto s = makeServices(options("wrong"), chain.node);
        QVERIFY(!s);
        QCOMPARE(s.error().code, ErrorCode::WrongChain);
        auto none = makeServices(ServicesOptions{}, chain.node);
        QVERIFY(!none);
    }

    void nodeValues() {
        FakeChain chain;
        auto s = makeServices(options("node"), chain.node);
        QVERIFY2(s, s ? "" : s.error().message.c_str());
        Node& node = *s->node;
        QCOMPARE(node.chainId(), std::uint64_t{31337});
        QCOMPARE(*node.head(), std::uint64_t{5});
        QCOMPARE(*node.balance(addr(kAddr0)), *parseU256("100000000000000000000"));
        QCOMPARE(*node.tokenBalance(addr(kToken), addr(kAddr0)), U256(5000));
        QCOMPARE(*node.tokenDecimals(addr(kToken)), 6u);
        auto fees = node.feeEstimates();
        QVERIFY(fees);
        QCOMPARE(fees->baseFee, U256(1000000000));
        QCOMPARE(fees->normal.maxPriorityFeePerGas, U256(2));
        QCOMPARE(fees->normal.maxFeePerGas, U256(2000000002));
        chain.node->down = true;
        auto down = node.head();
        QVERIFY(!down);
        QCOMPARE(down.error().code, ErrorCode::Network);
    }

    void newHeadSubscription() {
        FakeChain chain;
        auto s = makeServices(options("heads"), chain.node);
        QVERIFY(s);
        std::vector<std::uint64_t> seen;
        auto handler = s->node->handleNewHead([&](std::uint64_t h) { seen.push_back(h); });
        QVERIFY(s->node->poll());
        QVERIFY(s->node->poll()); // unchanged: no news
        chain.head = 6;
        QVERIFY(s->node->poll());
        QCOMPARE(seen, (std::vector<std::uint64_t>{5, 6}));
        handler->disconnect();
        chain.head = 7;
        QVERIFY(s->node->poll());
        QCOMPARE(seen.size(), std::size_t(2));
        // Destroyed after the Node it came from: harmless.
        auto late = s->node->handleNewHead([&](std::uint64_t) { seen.push_back(0); });
        s->node.reset();
        late.reset();
        QCOMPARE(seen.size(), std::size_t(2));
    }

    void walletLifecycle() {
        FakeChain chain;
        auto s = makeServices(options("wallet"), chain.node);
        QVERIFY(s);
        Wallet& w = *s->wallet;
        std::vector<std::pair<std::string, std::string>> changes;
        auto handler = w.handleTransactionChanged([&](const std::string& h, const std::string& st) { changes.emplace_back(h, st); });

        auto imported = w.importMnemonic("dev", kMnemonic, asView("pw"), 2);
        QVERIFY2(imported, imported ? "" : imported.error().message.c_str());
        auto list = w.listWallets();
        QVERIFY(list);
        QCOMPARE(list->size(), std::size_t(1));
        QCOMPARE(list->at(0).kind, std::string("hd"));
        QCOMPARE(list->at(0).accounts.size(), std::size_t(2));
        QCOMPARE(list->at(0).accounts[1].address, std::string(kAddr1));
        QCOMPARE(*list->at(0).accounts[1].hdIndex, std::uint32_t{1});

        SendRequest req;
        req.from = addr(kAddr0);
        req.to = addr(kAddr1);
        req.amount = 12345;
        auto locked = w.send(req);
        QVERIFY(!locked);
        QVERIFY(locked.error().message.find("wallet is locked") != std::string::npos);
        auto wrong = w.unlock("dev", asView("nope"));
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().code, ErrorCode::WrongPassword);
        QVERIFY(!w.isUnlocked(addr(kAddr0)));
        QVERIFY(w.unlock("dev", asView("pw")));
        QVERIFY(w.isUnlocked(addr(kAddr0)));

        auto sent = w.send(req);
        QVERIFY2(sent, sent ? "" : sent.error().message.c_str());
        QVERIFY(sent->broadcast);
        QCOMPARE(sent->nonce, std::uint64_t{0});
        QCOMPARE(chain.raws.size(), std::size_t(1));
        const std::string hash = sent->hash.hex();
        QCOMPARE(changes.size(), std::size_t(1));
        QCOMPARE(changes[0], std::make_pair(hash, std::string("pending")));
        auto pending = w.history(addr(kAddr0));
        QVERIFY(pending);
        QCOMPARE(pending->size(), std::size_t(1));
        QVERIFY(pending->at(0).inJournal);

        chain.mineAll();
        auto report = w.sync();
        QVERIFY(report);
        QCOMPARE(report->mined, std::vector<std::string>{hash});
        QCOMPARE(changes.back(), std::make_pair(hash, std::string("mined")));
        auto final_ = w.history(std::nullopt);
        QVERIFY(final_);
        QCOMPARE(final_->size(), std::size_t(1));
        QCOMPARE(final_->at(0).status, std::string("mined"));
        QVERIFY(w.sync()); // nothing left to settle, no new notification
        QCOMPARE(changes.size(), std::size_t(2));

        // The key ring forgets the keys after the idle timeout.
        m_now += std::chrono::seconds(301);
        QVERIFY(!w.isUnlocked(addr(kAddr0)));
        QVERIFY(!w.send(req));
        QVERIFY(w.unlock("dev", asView("pw")));
        w.lock();
        QVERIFY(!w.isUnlocked(addr(kAddr0)));

        auto added = w.addAccount("dev", asView("pw"));
        QVERIFY(added);
        QCOMPARE(*added->hdIndex, std::uint32_t{2});
        QVERIFY(w.rename("dev", "main"));
        QCOMPARE(w.listWallets()->at(0).name, std::string("main"));
        auto watch = w.importWatch("watcher", addr("0x90F79bf6EB2c4f870365E785982E1f101E93b906"));
        QVERIFY(watch);
        QVERIFY(watch->accounts[0].watchOnly);
    }

    void addressBook() {
        FakeChain chain;
        auto s = makeServices(options("book"), chain.node);
        QVERIFY(s);
        Wallet& w = *s->wallet;
        QVERIFY(w.setContact({"0x70997970c51812dc3a010c7d01b50e0d17dc79c8", "Bob"}));
        QVERIFY(w.setContact({kAddr1, "Bob (work)"})); // same address, other case: one entry
        auto c = w.contacts();
        QVERIFY(c);
        QCOMPARE(c->size(), std::size_t(1));
        QCOMPARE(c->at(0).address, std::string(kAddr1));
        QCOMPARE(c->at(0).label, std::string("Bob (work)"));
        QVERIFY(!w.setContact({"0x1234", "short"}));
        QVERIFY(!w.setContact({kAddr0, ""}));
        QVERIFY(w.removeContact("0x70997970c51812dc3a010c7d01b50e0d17dc79c8"));
        QVERIFY(w.contacts()->empty());
    }
};

std::unique_ptr<QObject> makeInterfacesTests() { return std::make_unique<TestInterfaces>(); }

#include "tst_interfaces.moc"
