// core/wallet: EIP-681 payment URIs, the KeyRing's idle lock (on an
// injected clock), nonces across a restart, and WalletManager over a real
// data directory (anvil's well-known mnemonic, light scrypt so it is fast),
// and contract calls through WalletService (estimate, journal, broadcast,
// receipt) on a fake node.
#include <core/crypto/keccak.h>
#include <core/crypto/secp256k1.h>
#include <core/util/hex.h>
#include <core/wallet/eip681.h>
#include <core/wallet/wallet_manager.h>
#include <core/wallet/wallet_service.h>

#include "unit/fake_node.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QTemporaryDir>
#include <QtTest>

using namespace ctrn;
using namespace ctrn::wallet;

namespace {

const char* kMnemonic = "test test test test test test test test test test test junk";
const char* kKey0 = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
const char* kAddr0 = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
const char* kAddr1 = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const char* kAddr2 = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";

chain::Address addr(const char* hex) { return *chain::Address::fromHex(hex); }
U256 u256(const char* decimal) { return *parseU256(decimal); }
bool contains(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

std::unique_ptr<storage::WalletStore> openStore(const QString& path) {
    auto s = storage::WalletStore::open(path.toStdString());
    if (!s) qFatal("%s", s.error().message.c_str());
    return std::move(s).value();
}

// Every file under `dir` with its SHA-256. SQLite's -shm file is left out:
// it is a shared-memory index that readers write their read marks into, so
// it changes on any read and holds no data of ours.
std::map<QString, QByteArray> fileHashes(const QString& dir) {
    std::map<QString, QByteArray> out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QString path = it.next();
        if (path.endsWith("-shm")) continue;
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) qFatal("cannot read %s", qPrintable(path));
        out[path] = QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
    }
    return out;
}

chain::Transaction transfer(std::uint64_t nonce) {
    chain::Transaction tx;
    tx.type = chain::TxType::DynamicFee;
    tx.chainId = U256(31337);
    tx.nonce = nonce;
    tx.maxFeePerGas = 2000000000;
    tx.maxPriorityFeePerGas = 1000000000;
    tx.gas = 21000;
    tx.to = addr(kAddr1);
    tx.value = 1;
    return tx;
}

} // namespace

class TestWallet : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;

private slots:
    // ---- EIP-681 -------------------------------------------------------

    void eip681EthValueInWei() {
        auto r = parseEip681("ethereum:0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266?value=1000000000000000000");
        QVERIFY2(r, r ? "" : r.error().message.c_str());
        QCOMPARE(r->target, addr(kAddr0));
        QVERIFY(!r->chainId);
        QVERIFY(!r->function);
        QCOMPARE(*r->value, u256("1000000000000000000"));
        QCOMPARE(makeEip681(*r), std::string("ethereum:0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266?value=1000000000000000000"));
    }

    void eip681ScientificValueAndChainId() {
        auto r = parseEip681("ethereum:0x70997970c51812dc3a010c7d01b50e0d17dc79c8@31337?value=2.014e18");
        QVERIFY2(r, r ? "" : r.error().message.c_str());
        QCOMPARE(*r->chainId, std::uint64_t{31337});
        QCOMPARE(*r->value, u256("2014000000000000000"));
        std::string uri = makeEip681(*r);
        QCOMPARE(uri, std::string("ethereum:0x70997970C51812dc3A010C7d01b50e0d17dc79C8@31337?value=2014000000000000000"));
        auto back = parseEip681(uri);
        QVERIFY(back);
        QCOMPARE(back->target, r->target);
        QCOMPARE(*back->chainId, *r->chainId);
        QCOMPARE(*back->value, *r->value);
        // Other spellings of whole numbers.
        QCOMPARE(*parseEip681("ethereum:0x70997970C51812dc3A010C7d01b50e0d17dc79C8?value=5e0")->value, u256("5"));
        QCOMPARE(*parseEip681("ethereum:0x70997970C51812dc3A010C7d01b50e0d17dc79C8?value=1.50E3")->value, u256("1500"));
    }

    void eip681Erc20Transfer() {
        std::string uri = "ethereum:0x5FbDB2315678afecb367f032d93F642f64180aa3@31337/transfer?address=0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC&uint256=2.5e18";
        auto r = parseEip681(uri);
        QVERIFY2(r, r ? "" : r.error().message.c_str());
        QCOMPARE(r->target, addr("0x5FbDB2315678afecb367f032d93F642f64180aa3"));
        QCOMPARE(*r->function, std::string("transfer"));
        QCOMPARE(*r->recipient, addr(kAddr2));
        QCOMPARE(*r->amount, u256("2500000000000000000"));
        QCOMPARE(*r->chainId, std::uint64_t{31337});
        QVERIFY(!r->value);
        std::string made = makeEip681(*r);
        QCOMPARE(made, std::string("ethereum:0x5FbDB2315678afecb367f032d93F642f64180aa3@31337/transfer?address="
                                   "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC&uint256=2500000000000000000"));
        auto back = parseEip681(made);
        QVERIFY(back);
        QCOMPARE(*back->recipient, *r->recipient);
        QCOMPARE(*back->amount, *r->amount);
        QCOMPARE(makeEip681(*back), made);
    }

    void eip681Malformed_data() {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<QString>("message");
        const QString a = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
        QTest::newRow("scheme") << "bitcoin:" + a << "URI must start with 'ethereum:'";
        QTest::newRow("ens") << "ethereum:alice.eth?value=1" << "ENS names are not supported";
        QTest::newRow("short address") << "ethereum:0x1234" << "EIP-681: target:";
        QTest::newRow("bad checksum") << "ethereum:0x70997970c51812dc3A010C7d01b50e0d17dc79C8" << "EIP-681: target:";
        QTest::newRow("chain id 0") << "ethereum:" + a + "@0" << "invalid chain id '0'";
        QTest::newRow("chain id text") << "ethereum:" + a + "@main" << "invalid chain id 'main'";
        QTest::newRow("fraction of wei") << "ethereum:" + a + "?value=1.5" << "value is not a whole number of the smallest unit";
        QTest::newRow("negative") << "ethereum:" + a + "?value=-1" << "value must be a non-negative number";
        QTest::newRow("not a number") << "ethereum:" + a + "?value=lots" << "value is not a number: 'lots'";
        QTest::newRow("huge exponent") << "ethereum:" + a + "?value=1e999" << "exponent too large";
        QTest::newRow("no value") << "ethereum:" + a + "?value" << "parameter 'value' has no value";
        QTest::newRow("other function") << "ethereum:" + a + "/approve?address=" + a + "&uint256=1" << "function 'approve' is not supported (only transfer)";
        QTest::newRow("transfer without amount") << "ethereum:" + a + "/transfer?address=" + a << "transfer needs address= and uint256=";
        QTest::newRow("transfer unknown param") << "ethereum:" + a + "/transfer?address=" + a + "&uint256=1&memo=hi" << "unknown parameter 'memo' for transfer";
        QTest::newRow("transfer bad address") << "ethereum:" + a + "/transfer?address=0xnope&uint256=1" << "EIP-681: address:";
    }
    void eip681Malformed() {
        QFETCH(QString, uri);
        QFETCH(QString, message);
        auto r = parseEip681(uri.toStdString());
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::InvalidInput);
        QVERIFY2(contains(r.error().message, message.toStdString()), r.error().message.c_str());
    }

    // ---- KeyRing -------------------------------------------------------

    void keyRingLocksAfterIdleTimeout() {
        auto now = std::chrono::steady_clock::time_point{} + std::chrono::hours(1);
        KeyRing ring(std::chrono::seconds(60), [&] { return now; });
        std::map<chain::Address, crypto::PrivateKey> keys;
        keys.emplace(addr(kAddr0), *crypto::PrivateKey::fromHex(kKey0));
        QVERIFY(!ring.isUnlocked(addr(kAddr0)));
        ring.unlock(std::move(keys));
        QVERIFY(ring.isUnlocked(addr(kAddr0)));
        now += std::chrono::seconds(59);
        auto s1 = ring.sign(addr(kAddr0), transfer(0));
        QVERIFY(s1);
        QCOMPARE(s1->tx.nonce, U256(0));
        // Each use restarts the timer: 59 s after the signature it is still open.
        now += std::chrono::seconds(59);
        QVERIFY(ring.sign(addr(kAddr0), transfer(1)));
        now += std::chrono::seconds(60);
        QVERIFY(!ring.isUnlocked(addr(kAddr0)));
        auto s2 = ring.sign(addr(kAddr0), transfer(2));
        QVERIFY(!s2);
        QCOMPARE(s2.error().message, std::string("wallet is locked for ") + kAddr0);
        // An account never unlocked gets the same answer.
        auto s3 = ring.sign(addr(kAddr1), transfer(0));
        QVERIFY(!s3);
        QVERIFY(contains(s3.error().message, "wallet is locked"));
    }

    void keyRingExplicitLock() {
        KeyRing ring(std::chrono::seconds(300));
        std::map<chain::Address, crypto::PrivateKey> keys;
        keys.emplace(addr(kAddr0), *crypto::PrivateKey::fromHex(kKey0));
        ring.unlock(std::move(keys));
        QVERIFY(ring.sign(addr(kAddr0), transfer(0)));
        ring.lock();
        QVERIFY(!ring.sign(addr(kAddr0), transfer(0)));
    }

    // ---- NonceManager --------------------------------------------------

    void nonceSurvivesRestart() {
        QString path = m_tmp.filePath("nonce.sqlite");
        auto node = std::make_shared<FakeNode>();
        std::uint64_t pending = 5;
        node->handlers["eth_getTransactionCount"] = [&](const Json& params) {
            if (params[1] != "pending") qFatal("nonces must come from the pending block, not %s", params[1].dump().c_str());
            return Json(toQuantityHex(U256(pending)));
        };
        rpc::ClientOptions options;
        options.sleep = [](std::chrono::milliseconds) {};
        rpc::RpcClient client({"fake"}, node, options);
        rpc::EthNode eth(client);
        const auto from = addr(kAddr0);
        {
            auto store = openStore(path);
            NonceManager nonces(eth, *store, 31337);
            QCOMPARE(*nonces.next(from), std::uint64_t{5}); // nothing journaled: the node's count
            for (std::uint64_t n : {5, 6}) {
                storage::TxRecord t;
                t.hash = "0x" + std::string(63, '0') + std::to_string(n);
                t.chainId = 31337;
                t.from = from.checksummed();
                t.nonce = n;
                t.raw = {0x02};
                t.createdAt = storage::unixNow();
                QVERIFY(store->journalInsert(t));
            }
            // Signed while the node had not seen them: journal highest + 1.
            QCOMPARE(*nonces.next(from), std::uint64_t{7});
        }
        {
            // A new process over the same file: the journal still decides.
            auto store = openStore(path);
            NonceManager nonces(eth, *store, 31337);
            QCOMPARE(*nonces.next(from), std::uint64_t{7});
            // Another chain's journal does not count.
            NonceManager other(eth, *store, 1);
            QCOMPARE(*other.next(from), std::uint64_t{5});
            // The node ahead (sent from elsewhere): the node's count.
            pending = 10;
            QCOMPARE(*nonces.next(from), std::uint64_t{10});
            // Node unreachable: an error, never a guess.
            node->down = true;
            auto r = nonces.next(from);
            QVERIFY(!r);
            QCOMPARE(r.error().code, ErrorCode::Network);
        }
    }

    // ---- Contract calls ------------------------------------------------

    void contractCallIsEstimatedJournaledSentAndAwaited() {
        auto store = openStore(m_tmp.filePath("call.sqlite"));
        auto node = std::make_shared<FakeNode>();
        node->results["eth_getBalance"] = "0x56bc75e2d63100000"; // 100 ETH
        node->results["eth_getTransactionCount"] = "0x3";
        node->results["eth_feeHistory"] = Json::parse(R"({"baseFeePerGas":["0x3b9aca00","0x3b9aca00"],"reward":[["0x1","0x2","0x3"]]})");
        Json estimated;
        node->handlers["eth_estimateGas"] = [&](const Json& p) {
            estimated = p[0];
            return Json("0x186a0"); // 100000
        };
        std::string raw;
        std::size_t journaledAtBroadcast = 0;
        node->handlers["eth_sendRawTransaction"] = [&](const Json& p) {
            raw = p[0].get<std::string>();
            journaledAtBroadcast = store->journal(31337)->size();
            return Json(toHex(ByteView(crypto::keccak256(*fromHex(raw)))));
        };
        int polls = 0;
        node->handlers["eth_getTransactionReceipt"] = [&](const Json&) {
            if (++polls < 2) return Json(nullptr); // pending once
            return Json{{"blockNumber", "0x9"}, {"status", "0x1"}, {"gasUsed", "0x15f90"}};
        };
        rpc::ClientOptions options;
        options.sleep = [](std::chrono::milliseconds) {};
        rpc::RpcClient client({"fake"}, node, options);
        rpc::EthNode eth(client);
        KeyRing ring;
        std::map<chain::Address, crypto::PrivateKey> keys;
        keys.emplace(addr(kAddr0), *crypto::PrivateKey::fromHex(kKey0));
        ring.unlock(std::move(keys));
        WalletService service(eth, *store, ring, 31337);

        ContractCallRequest request;
        request.from = addr(kAddr0);
        request.to = addr(kAddr2);
        request.data = {0xde, 0xad, 0xbe, 0xef};
        request.value = 5;
        request.kind = "stake";
        auto sent = service.sendCall(request);
        QVERIFY2(sent, sent ? "" : sent.error().message.c_str());
        QVERIFY(sent->broadcast);
        // The estimate ran the very call (so a revert is refused before signing).
        QCOMPARE(estimated["data"].get<std::string>(), std::string("0xdeadbeef"));
        QCOMPARE(QString::fromStdString(estimated["to"].get<std::string>()).toLower(), QString(kAddr2).toLower());
        QCOMPARE(journaledAtBroadcast, std::size_t{1}); // journal first, then broadcast
        auto decoded = chain::decodeTransaction(*fromHex(raw));
        QVERIFY(decoded);
        QCOMPARE(decoded->tx.to->checksummed(), std::string(kAddr2));
        QCOMPARE(toHex(decoded->tx.data), std::string("0xdeadbeef"));
        QCOMPARE(decoded->tx.value, U256(5));
        QCOMPARE(decoded->tx.nonce, U256(3));
        QCOMPARE(decoded->tx.gas, U256(120000)); // estimate + 20 %

        auto receipt = service.waitForReceipt(sent->hash, std::chrono::seconds(5), std::chrono::milliseconds(0));
        QVERIFY2(receipt, receipt ? "" : receipt.error().message.c_str());
        QVERIFY(receipt->success);
        QCOMPARE(receipt->blockNumber, std::uint64_t{9});
        QVERIFY(store->journal(31337)->empty());
        auto history = store->history(31337, std::nullopt, 10);
        QVERIFY(history);
        QCOMPARE(history->size(), std::size_t{1});
        QCOMPARE(history->front().kind, std::string("stake"));
        QCOMPARE(history->front().status, std::string("mined"));

        // A call the node will not estimate is neither signed nor sent.
        node->handlers.erase("eth_estimateGas");
        node->methods.clear();
        auto refused = service.sendCall(request);
        QVERIFY(!refused);
        QVERIFY(std::find(node->methods.begin(), node->methods.end(), "eth_sendRawTransaction") == node->methods.end());
        QVERIFY(store->journal(31337)->empty());
    }

    // ---- WalletManager -------------------------------------------------

    void walletManagerHdAccountsAndRename() {
        QString dir = m_tmp.filePath("wm");
        QVERIFY(QDir().mkpath(dir));
        auto store = openStore(dir + "/wallet.sqlite");
        WalletManager wm(dir.toStdString(), *store, crypto::KeystoreParams::lightScrypt());
        auto pw = asView("correct horse");

        auto created = wm.createHd("fresh", pw, 12);
        QVERIFY2(created, created ? "" : created.error().message.c_str());
        QCOMPARE(QString::fromUtf8(created->asString().data(), static_cast<int>(created->asString().size())).split(' ').size(), 12);

        auto dev = wm.importMnemonic("dev", kMnemonic, pw, 1);
        QVERIFY2(dev, dev ? "" : dev.error().message.c_str());
        QCOMPARE(dev->accounts.size(), std::size_t(1));
        QCOMPARE(dev->accounts[0].address, std::string(kAddr0));
        auto a1 = wm.addHdAccount("dev", pw);
        QVERIFY(a1);
        QCOMPARE(a1->address, std::string(kAddr1));
        QCOMPARE(*a1->hdIndex, std::int64_t{1});
        auto a2 = wm.addHdAccount("dev", pw);
        QVERIFY(a2);
        QCOMPARE(a2->address, std::string(kAddr2));
        QCOMPARE((*store->wallet("dev"))->nextHdIndex, std::uint32_t{3});

        // The keys behind the accounts are anvil's.
        auto keys = wm.decryptKeys("dev", pw);
        QVERIFY(keys);
        QCOMPARE(keys->size(), std::size_t(3));
        QCOMPARE(std::string(keys->at(addr(kAddr0)).toHex().asString()), std::string(kKey0));

        // The same account cannot be in two wallets.
        auto dup = wm.importKey("dup", *crypto::PrivateKey::fromHex(kKey0), pw);
        QVERIFY(!dup);
        QVERIFY2(contains(dup.error().message, "is already in wallet 'dev'"), dup.error().message.c_str());

        QVERIFY(wm.rename("dev", "devnet"));
        QVERIFY(!*store->wallet("dev"));
        QCOMPARE(store->accounts("devnet")->size(), std::size_t(3));
        QVERIFY(QFile::exists(QString::fromStdString(wm.walletDir("devnet")) + "/mnemonic.json"));
        QVERIFY(wm.decryptKeys("devnet", pw)); // the secret moved with it
        auto clash = wm.rename("fresh", "devnet");
        QVERIFY(!clash);
        QCOMPARE(clash.error().message, std::string("a wallet named 'devnet' already exists"));
        QVERIFY(*store->wallet("fresh"));
        QVERIFY(!wm.rename("nobody", "x"));
        QVERIFY(!wm.rename("fresh", "../escape"));

        auto list = wm.list();
        QVERIFY(list);
        QCOMPARE(list->size(), std::size_t(2));
    }

    void watchOnlyHasNoKeys() {
        QString dir = m_tmp.filePath("watch");
        QVERIFY(QDir().mkpath(dir));
        auto store = openStore(dir + "/wallet.sqlite");
        WalletManager wm(dir.toStdString(), *store, crypto::KeystoreParams::lightScrypt());
        auto w = wm.importWatch("watcher", addr(kAddr2));
        QVERIFY(w);
        QCOMPARE(w->accounts.size(), std::size_t(1));
        QVERIFY(w->accounts[0].watchOnly);
        QCOMPARE(w->wallet.kind, std::string("watch"));
        QVERIFY(QDir(QString::fromStdString(wm.walletDir("watcher"))).entryList(QDir::Files | QDir::Hidden).isEmpty());
        auto keys = wm.decryptKeys("watcher", asView("anything"));
        QVERIFY(!keys);
        QVERIFY2(contains(keys.error().message, "is watch-only: it holds no keys"), keys.error().message.c_str());
        QVERIFY(!wm.addHdAccount("watcher", asView("anything")));
        QVERIFY(!wm.exportKeystore("watcher", addr(kAddr2), asView("anything")));
    }

    void wrongPasswordChangesNothing() {
        QString dir = m_tmp.filePath("pw");
        QVERIFY(QDir().mkpath(dir));
        auto store = openStore(dir + "/wallet.sqlite");
        WalletManager wm(dir.toStdString(), *store, crypto::KeystoreParams::lightScrypt());
        QVERIFY(wm.importMnemonic("dev", kMnemonic, asView("right"), 1));
        QVERIFY(wm.importKey("single", *crypto::PrivateKey::fromHex("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"),
                             asView("right")));
        QVERIFY(store->database().exec("PRAGMA wal_checkpoint(TRUNCATE)"));
        const auto before = fileHashes(dir);
        QVERIFY(before.size() >= 3);

        auto expectWrong = [](const auto& r, const char* what) {
            QVERIFY2(!r, what);
            QCOMPARE(r.error().code, ErrorCode::WrongPassword);
            QCOMPARE(r.error().message, std::string("wrong password"));
        };
        expectWrong(wm.addHdAccount("dev", asView("wrong")), "addHdAccount");
        expectWrong(wm.decryptKeys("dev", asView("wrong")), "decryptKeys hd");
        expectWrong(wm.decryptKeys("single", asView("wrong")), "decryptKeys key");
        expectWrong(wm.exportKeystore("dev", addr(kAddr0), asView("wrong")), "exportKeystore");

        QCOMPARE(fileHashes(dir), before);
        QCOMPARE((*store->wallet("dev"))->nextHdIndex, std::uint32_t{1});
        QCOMPARE(store->accounts("dev")->size(), std::size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestWallet)
#include "tst_wallet.moc"
