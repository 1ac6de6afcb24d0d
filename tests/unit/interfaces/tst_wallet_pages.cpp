// core/interfaces as the desktop wallet pages drive them, over a fake node:
// ETH and CTRN balances split into free and locked (staked) parts, read at
// one block; the review screen's preview (decoded ERC-20 transfer, gas,
// most it can cost) with nothing signed; "max"; a send that checks the
// password first and refuses locked CTRN; paged history and its CSV; the
// devnet faucet and its refusal anywhere else; account labels.
#include <core/crypto/keccak.h>
#include <core/encoding/abi.h>
#include <core/interfaces/services.h>
#include <core/interfaces/values.h>
#include <core/util/hex.h>

#include "interfaces_fixtures.h"
#include "interfaces_tests.h"
#include "unit/fake_node.h"

#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <set>

using namespace ctrn;
using namespace ctrn::interfaces;

namespace {
using namespace fixtures;
const char* kTreasury = "0x5FbDB2315678afecb367f032d93F642f64180aa3";

std::string selector(const char* signature) { return toHex(ByteView(*encoding::functionSelector(signature))); }

bool sameAddress(const Json& a, const char* b) { return QString::fromStdString(a.get<std::string>()).compare(b, Qt::CaseInsensitive) == 0; }
bool has(const std::vector<std::string>& methods, const char* m) { return std::find(methods.begin(), methods.end(), m) != methods.end(); }

// A devnet-like chain: 100 ETH each, CTRN 5,000 with 1,200 locked (staked),
// an anvil that mines whatever it is sent on the next poll.
struct FakeDevnet {
    std::shared_ptr<FakeNode> node = std::make_shared<FakeNode>();
    std::uint64_t head = 40;
    std::set<std::string> pool, mined;
    std::vector<std::string> raws;
    std::vector<Json> callBlocks; // the block tag of every eth_call/eth_getBalance
    std::string clientVersion = "anvil/v1.7.1";
    U256 ctrnTotal = ether("5000"), ctrnLocked = ether("1200");
    U256 treasuryEth = ether("100");
    std::vector<Json> impersonatedSends; // eth_sendTransaction requests

    FakeDevnet() {
        node->results["eth_chainId"] = "0x7a69";
        node->results["eth_estimateGas"] = "0xc350"; // 50,000
        node->results["eth_feeHistory"] = Json::parse(R"({"baseFeePerGas":["0x3b9aca00","0x3b9aca00"],"reward":[["0x1","0x2","0x3"]]})");
        node->handlers["web3_clientVersion"] = [this](const Json&) { return Json(clientVersion); };
        node->handlers["eth_getBalance"] = [this](const Json& p) {
            callBlocks.push_back(p[1]);
            return Json(toQuantityHex(sameAddress(p[0], kTreasury) ? treasuryEth : ether("100")));
        };
        node->handlers["eth_blockNumber"] = [this](const Json&) { return Json(toQuantityHex(U256(head))); };
        node->handlers["eth_getTransactionCount"] = [this](const Json&) { return Json(toQuantityHex(U256(mined.size()))); };
        node->handlers["eth_call"] = [this](const Json& p) {
            callBlocks.push_back(p[1]);
            std::string data = p[0].value("data", std::string("0x")); // a plain transfer has none
            if (data.rfind(selector("balanceOf(address)"), 0) == 0) return Json(word(ctrnTotal));
            if (data.rfind(selector("lockedOf(address)"), 0) == 0) return Json(word(ctrnLocked));
            if (data.rfind(selector("decimals()"), 0) == 0) return Json(word(18));
            if (data.rfind(selector("symbol()"), 0) == 0) // abi-encoded string "CTRN"
                return Json(word(32) + word(4).substr(2) + "4354524e" + std::string(56, '0'));
            return Json("0x");
        };
        auto accept = [this](const std::string& hash) {
            pool.insert(hash);
            return Json(hash);
        };
        node->handlers["eth_sendRawTransaction"] = [this, accept](const Json& p) {
            std::string raw = p[0].get<std::string>();
            raws.push_back(raw);
            return accept(toHex(ByteView(crypto::keccak256(*fromHex(raw)))));
        };
        node->handlers["eth_sendTransaction"] = [this, accept](const Json& p) {
            impersonatedSends.push_back(p[0]);
            return accept("0x" + std::string(62, '0') + toHex(ByteView(Bytes{static_cast<std::uint8_t>(impersonatedSends.size())})).substr(2));
        };
        for (const char* m : {"anvil_setBalance", "anvil_mine", "anvil_impersonateAccount", "anvil_stopImpersonatingAccount"})
            node->results[m] = nullptr;
        node->handlers["eth_getTransactionReceipt"] = [this](const Json& p) {
            mineAll(); // one block later, everything sent is in
            if (!mined.count(p[0].get<std::string>())) return Json(nullptr);
            return Json{{"blockNumber", toQuantityHex(U256(head))}, {"status", "0x1"}, {"gasUsed", "0x5208"}};
        };
        node->handlers["eth_getTransactionByHash"] = [this](const Json& p) {
            std::string h = p[0].get<std::string>();
            return pool.count(h) || mined.count(h) ? Json{{"hash", h}} : Json(nullptr);
        };
    }
    void mineAll() {
        if (pool.empty()) return;
        ++head;
        mined.insert(pool.begin(), pool.end());
        pool.clear();
    }
};

chain::Deployment devnetManifest(const std::string& name = "devnet", std::uint64_t chainId = 31337) {
    chain::Deployment d;
    d.name = name;
    d.chainId = chainId;
    d.rpc = "http://fake";
    d.contracts.emplace("ComputroniumToken", addr(kToken));
    d.contracts.emplace("TimelockController", addr(kTreasury));
    return d;
}

} // namespace

class TestWalletPages : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;

    ServicesOptions options(const char* dir, std::optional<chain::Deployment> deployment = devnetManifest()) {
        ServicesOptions o;
        o.dataDir = m_tmp.filePath(dir).toStdString();
        o.urls = {"http://fake"};
        o.client.sleep = [](std::chrono::milliseconds) {};
        o.keystore = crypto::KeystoreParams::lightScrypt();
        o.deployment = std::move(deployment);
        return o;
    }
    static SendRequest ctrnTransfer(const char* amount) {
        SendRequest r;
        r.from = addr(kAddr0);
        r.to = addr(kAddr1);
        r.amount = ether(amount);
        r.token = addr(kToken);
        return r;
    }

private slots:
    void balancesSplitFreeAndLocked() {
        FakeDevnet chain;
        auto s = makeServices(options("balances"), chain.node);
        QVERIFY2(s, s ? "" : s.error().message.c_str());
        auto b = s->node->balances(addr(kAddr1));
        QVERIFY2(b, b ? "" : b.error().message.c_str());
        QCOMPARE(b->account, std::string(kAddr1));
        QCOMPARE(b->eth, ether("100"));
        QVERIFY(b->hasCtrn);
        QCOMPARE(b->ctrnTotal, ether("5000"));
        QCOMPARE(b->ctrnLocked, ether("1200"));
        QCOMPARE(b->ctrnFree, ether("3800"));
        QCOMPARE(b->block, std::uint64_t{40});
        QVERIFY(!b->verified);
        // Every part read at the block it names, so they add up.
        QCOMPARE(chain.callBlocks.size(), std::size_t(3));
        for (const auto& tag : chain.callBlocks) QCOMPARE(tag.get<std::string>(), std::string("0x28"));
        auto token = s->node->ctrnToken();
        QVERIFY(token);
        QCOMPARE(token->symbol, std::string("CTRN"));
        QCOMPARE(token->decimals, 18u);
        QCOMPARE(token->address, std::string(kToken));

        // Without a manifest: ETH only, and no CTRN to name.
        FakeDevnet plain;
        auto bare = makeServices(options("bare", std::nullopt), plain.node);
        QVERIFY(bare);
        auto eth = bare->node->balances(addr(kAddr1));
        QVERIFY(eth);
        QVERIFY(!eth->hasCtrn);
        QCOMPARE(bare->node->ctrnToken().error().code, ErrorCode::NotFound);
    }

    void previewDecodesTheTransferAndSendsNothing() {
        FakeDevnet chain;
        auto s = makeServices(options("preview"), chain.node);
        QVERIFY(s);
        QVERIFY(s->wallet->importMnemonic("dev", kMnemonic, asView("pw"), 2));
        auto p = s->wallet->preview(ctrnTransfer("12.5"));
        QVERIFY2(p, p ? "" : p.error().message.c_str());
        QCOMPARE(p->method, std::string("transfer(address,uint256)"));
        QCOMPARE(p->to, std::string(kToken));
        QCOMPARE(p->recipient, std::string(kAddr1));
        QCOMPARE(*p->tokenAmount, ether("12.5"));
        QCOMPARE(p->tokenSymbol, std::string("CTRN"));
        QCOMPARE(p->value, U256(0));
        QCOMPARE(p->gasLimit, U256(60000)); // the estimate + 20%
        QCOMPARE(p->fee.maxFeePerGas, U256(2000000002));
        QCOMPARE(p->maxGasCost, U256(60000) * U256(2000000002));
        QCOMPARE(p->maxTotalCost, p->maxGasCost);
        QVERIFY(p->data.rfind(selector("transfer(address,uint256)"), 0) == 0);

        SendRequest eth;
        eth.from = addr(kAddr0);
        eth.to = addr(kAddr1);
        eth.amount = ether("1.5");
        eth.level = interfaces::FeeLevel::Fast;
        auto pe = s->wallet->preview(eth);
        QVERIFY(pe);
        QVERIFY(pe->method.empty());
        QCOMPARE(pe->recipient, std::string(kAddr1));
        QCOMPARE(pe->value, ether("1.5"));
        QCOMPARE(pe->fee.maxFeePerGas, U256(2000000003));
        QCOMPARE(pe->maxTotalCost, ether("1.5") + U256(60000) * U256(2000000003));
        SendRequest tooMuch = eth;
        tooMuch.amount = ether("100.5");
        QCOMPARE(s->wallet->preview(tooMuch).error().message, std::string("amount above balance: sending 100.5 ETH, balance 100 ETH"));
        // A custom fee is used as given.
        eth.customFee = interfaces::Fee{U256(7000000000), U256(1000000000)};
        QCOMPARE(s->wallet->preview(eth)->fee.maxFeePerGas, U256(7000000000));
        QVERIFY(chain.raws.empty()); // previews sign and send nothing
        QVERIFY(s->wallet->history(std::nullopt)->empty());
    }

    void lockedCtrnIsNotSendable() {
        FakeDevnet chain;
        auto s = makeServices(options("locked"), chain.node);
        QVERIFY(s);
        QVERIFY(s->wallet->importMnemonic("dev", kMnemonic, asView("pw"), 1));
        // 4,000 of 5,000: within the balance, above the 3,800 that is free.
        auto p = s->wallet->preview(ctrnTransfer("4000"));
        QVERIFY(!p);
        QCOMPARE(p.error().code, ErrorCode::InvalidInput);
        QCOMPARE(p.error().message, std::string("amount above balance: sending 4000 CTRN, 3800 CTRN free to send (1200 CTRN locked by staking)"));
        auto sent = s->wallet->sendWithPassword(ctrnTransfer("4000"), asView("pw"));
        QVERIFY(!sent);
        QCOMPARE(sent.error().message, p.error().message);
        QVERIFY(chain.raws.empty());
        QCOMPARE(*s->wallet->maxSendable(ctrnTransfer("0")), ether("3800"));
        QVERIFY(s->wallet->preview(ctrnTransfer("3800")));
    }

    void sendChecksThePasswordFirst() {
        FakeDevnet chain;
        auto s = makeServices(options("password"), chain.node);
        QVERIFY(s);
        QVERIFY(s->wallet->importMnemonic("dev", kMnemonic, asView("pw"), 1));
        auto wrong = s->wallet->sendWithPassword(ctrnTransfer("1"), asView("wrong"));
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().code, ErrorCode::WrongPassword);
        QVERIFY(chain.raws.empty());
        QVERIFY(s->wallet->history(std::nullopt)->empty());
        // Not our account: nothing to unlock.
        auto foreign = ctrnTransfer("1");
        foreign.from = addr(kAddr1);
        QCOMPARE(s->wallet->sendWithPassword(foreign, asView("pw")).error().code, ErrorCode::NotFound);

        auto ok = s->wallet->sendWithPassword(ctrnTransfer("12.5"), asView("pw"));
        QVERIFY2(ok, ok ? "" : ok.error().message.c_str());
        QCOMPARE(chain.raws.size(), std::size_t(1));
        auto t = s->wallet->transaction(ok->hash);
        QVERIFY(t && *t);
        QCOMPARE((*t)->kind, std::string("token"));
        QCOMPARE(*(*t)->tokenAmount, std::string("12500000000000000000"));
    }

    void maxSendableEthLeavesTheGas() {
        FakeDevnet chain;
        auto s = makeServices(options("max"), chain.node);
        QVERIFY(s);
        SendRequest r;
        r.from = addr(kAddr0);
        r.to = addr(kAddr1);
        auto max = s->wallet->maxSendable(r);
        QVERIFY(max);
        QCOMPARE(*max, ether("100") - U256(60000) * U256(2000000002));
        r.gasLimit = U256(21000);
        r.customFee = interfaces::Fee{U256(3000000000), U256(1)};
        QCOMPARE(*s->wallet->maxSendable(r), ether("100") - U256(21000) * U256(3000000000));
    }

    void historyPagesAndCsv() {
        FakeDevnet chain;
        auto s = makeServices(options("history"), chain.node);
        QVERIFY(s);
        Wallet& w = *s->wallet;
        QVERIFY(w.importMnemonic("dev", kMnemonic, asView("pw"), 1));
        std::vector<std::string> hashes;
        for (int i = 0; i < 5; ++i) {
            auto sent = w.sendWithPassword(ctrnTransfer("1"), asView("pw"));
            QVERIFY2(sent, sent ? "" : sent.error().message.c_str());
            hashes.push_back(sent->hash.hex());
            if (i == 2) { // the first three are mined, two stay pending
                chain.mineAll();
                QVERIFY(w.sync());
            }
        }
        QCOMPARE(*w.historyCount(addr(kAddr0)), std::uint64_t{5});
        QCOMPARE(*w.historyCount(addr("0x90F79bf6EB2c4f870365E785982E1f101E93b906")), std::uint64_t{0});
        auto first = w.historyPage(addr(kAddr0), std::nullopt, 2);
        QVERIFY(first);
        QCOMPARE(first->size(), std::size_t(2));
        QVERIFY(first->at(0).inJournal && first->at(1).inJournal); // pending first
        auto rest = w.historyPage(std::nullopt, interfaces::historyKey(first->back()), 10);
        QCOMPARE(rest->size(), std::size_t(3));
        QCOMPARE(rest->at(0).status, std::string("mined"));

        const QString path = m_tmp.filePath("history.csv");
        auto rows = w.exportHistoryCsv(addr(kAddr0), path.toStdString());
        QVERIFY2(rows, rows ? "" : rows.error().message.c_str());
        QCOMPARE(*rows, std::uint64_t{5});
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(f.readAll()).split("\r\n", Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 6);
        QCOMPARE(lines[0], QString("hash,status,kind,from,to,value_wei,token,token_amount,nonce,block,created_at_utc,replaces,log_index"));
        const QStringList cells = lines[5].split(',');
        QCOMPARE(cells.size(), 13);
        QCOMPARE(cells[12], QString()); // an own send: no log index
        QCOMPARE(cells[0].toStdString(), hashes[0]); // oldest last
        QCOMPARE(cells[1], QString("mined"));
        QCOMPARE(cells[2], QString("token"));
        QCOMPARE(cells[3], QString(kAddr0));
        QCOMPARE(cells[4], QString(kAddr1));
        QCOMPARE(cells[6], QString(kToken));
        QCOMPARE(cells[7], QString("1000000000000000000")); // exact, not "1"
        QVERIFY(cells[10].endsWith('Z'));
        QCOMPARE(lines[1].split(',')[1], QString("pending"));
    }

    void faucetFundsOnTheDevnet() {
        FakeDevnet chain;
        auto s = makeServices(options("faucet"), chain.node);
        QVERIFY(s);
        QVERIFY(s->node->faucetAvailable());
        auto grant = s->node->fundFromFaucet(addr(kAddr1));
        QVERIFY2(grant, grant ? "" : grant.error().message.c_str());
        QCOMPARE(grant->eth, ether("10"));
        QCOMPARE(grant->ctrn, ether("1000"));
        const auto& m = chain.node->methods;
        // Both grants are real transfers from the treasury: no cheat code
        // rewrites the head's state under a light-client proof.
        QVERIFY(!has(m, "anvil_setBalance"));
        QVERIFY(has(m, "anvil_impersonateAccount"));
        QCOMPARE(chain.impersonatedSends.size(), std::size_t(2));
        const Json& eth = chain.impersonatedSends[0];
        QVERIFY(sameAddress(eth["from"], kTreasury));
        QVERIFY(sameAddress(eth["to"], kAddr1));
        QCOMPARE(eth["value"].get<std::string>(), toQuantityHex(ether("10")));
        const Json& ctrn = chain.impersonatedSends[1];
        QVERIFY(sameAddress(ctrn["to"], kToken));
        QVERIFY(ctrn["data"].get<std::string>().rfind(selector("transfer(address,uint256)"), 0) == 0);
        QCOMPARE(grant->ctrnTransaction.hex(), std::string("0x" + std::string(62, '0') + "02"));
        // The impersonation is always ended.
        QCOMPARE(std::string(m.back()), std::string("anvil_stopImpersonatingAccount"));
    }

    void faucetTopsUpATreasuryWithoutEthAndMinesTheChangeAtOnce() {
        FakeDevnet chain;
        chain.treasuryEth = 0; // a devnet seeded before the treasury held ETH
        auto s = makeServices(options("faucet-topup"), chain.node);
        QVERIFY(s);
        auto grant = s->node->fundFromFaucet(addr(kAddr1));
        QVERIFY2(grant, grant ? "" : grant.error().message.c_str());
        const auto& m = chain.node->methods;
        auto set = std::find(m.begin(), m.end(), "anvil_setBalance");
        QVERIFY(set != m.end());
        QCOMPARE(std::string(*(set + 1)), std::string("anvil_mine")); // the cheat lives in the head for one call at most
        QCOMPARE(chain.impersonatedSends.size(), std::size_t(2));
    }

    void faucetRefusedOffTheDevnet() {
        {
            FakeDevnet chain;
            chain.clientVersion = "Geth/v1.14.0";
            auto s = makeServices(options("geth"), chain.node);
            QVERIFY(s);
            auto r = s->node->fundFromFaucet(addr(kAddr1));
            QVERIFY(!r);
            QCOMPARE(r.error().code, ErrorCode::Unsupported);
            QVERIFY2(r.error().message.find("only works on the local devnet") != std::string::npos, r.error().message.c_str());
            QVERIFY(!s->node->faucetAvailable());
            QVERIFY(!has(chain.node->methods, "anvil_setBalance"));
        }
        {
            FakeDevnet chain; // an anvil, but the manifest is another network's
            auto s = makeServices(options("other", devnetManifest("testnet")), chain.node);
            QVERIFY(s);
            QCOMPARE(s->node->fundFromFaucet(addr(kAddr1)).error().code, ErrorCode::Unsupported);
            QVERIFY(!has(chain.node->methods, "anvil_setBalance"));
        }
        {
            FakeDevnet chain;
            chain.node->results["eth_chainId"] = "0x1";
            auto o = options("mainnet", devnetManifest("devnet", 1));
            o.chainId = 1;
            auto s = makeServices(o, chain.node);
            QVERIFY(s);
            QCOMPARE(s->node->fundFromFaucet(addr(kAddr1)).error().code, ErrorCode::Unsupported);
            QVERIFY(!has(chain.node->methods, "anvil_setBalance"));
        }
        {
            FakeDevnet chain;
            auto s = makeServices(options("nomanifest", std::nullopt), chain.node);
            QVERIFY(s);
            QCOMPARE(s->node->faucetAvailable().error().code, ErrorCode::Unsupported);
        }
    }

    void accountLabelsAndValues() {
        FakeDevnet chain;
        auto s = makeServices(options("labels"), chain.node);
        QVERIFY(s);
        QVERIFY(s->wallet->importMnemonic("dev", kMnemonic, asView("pw"), 2));
        QVERIFY(s->wallet->renameAccount(addr(kAddr1), "Savings"));
        QCOMPARE(s->wallet->listWallets()->at(0).accounts[1].label, std::string("Savings"));
        QCOMPARE(s->wallet->renameAccount(addr(kTreasury), "x").error().code, ErrorCode::NotFound);

        QCOMPARE(*checksumAddress("0x70997970c51812dc3a010c7d01b50e0d17dc79c8"), std::string(kAddr1));
        QCOMPARE(checksumAddress("0x70997970C51812dc3A010C7d01b50e0d17dc79c8").error().code, ErrorCode::InvalidChecksum);
        QCOMPARE(checksumAddress("").error().message, std::string("enter an address"));
        QCOMPARE(formatAmount(ether("12.5"), 18), std::string("12.5"));
        QCOMPARE(parseAmount("1.0000000000000000001", 18).error().code, ErrorCode::InvalidInput);
        QCOMPARE(integerText(*parseInteger("115792089237316195423570985008687907853269984665640564039457584007913129639935")),
                 std::string("115792089237316195423570985008687907853269984665640564039457584007913129639935"));
    }
};

std::unique_ptr<QObject> makeWalletPagesTests() { return std::make_unique<TestWalletPages>(); }

#include "tst_wallet_pages.moc"
