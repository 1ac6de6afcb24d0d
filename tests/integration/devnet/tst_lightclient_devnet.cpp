// core/lightclient on the seeded devnet: protocol state proven from storage
// — slots computed from resources/storage-layout (forge's layouts) — equals
// what `cast call` reads through the contracts' own getters at the same
// verified block: CTRN balances, locked stakes, delegated votes (ERC20Votes
// checkpoints), stake positions, proposal tallies and state inputs, listing
// prices and licences. ctrn balance --token CTRN --verified, stake
// --verified and proposals show --verified agree too.
#include "cli/cli_runner.h"
#include "integration/rpc_proxy.h"

#include <core/crypto/keccak.h>
#include <core/lightclient/protocol_proofs.h>
#include <core/util/hex.h>
#include <core/rpc/qt_transport.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace ctrn;
using namespace ctrn::lightclient;

namespace {

// The first word of cast's answer ("123 [1.23e2]" -> 123).
U256 castNumber(const QStringList& args) {
    auto r = runCast(args);
    if (r.exitCode != 0) qFatal("cast %s: %s", qPrintable(args.join(' ')), qPrintable(r.err));
    QString first = r.out.split(' ').first();
    if (first == "true") return 1;
    if (first == "false") return 0;
    auto v = parseU256(first.toStdString());
    if (!v) qFatal("cast said %s", qPrintable(r.out));
    return *v;
}

// Word `index` of a raw ABI-encoded return value.
U256 castWord(const QStringList& args, int index) {
    auto r = runCast(args);
    if (r.exitCode != 0) qFatal("cast %s: %s", qPrintable(args.join(' ')), qPrintable(r.err));
    QString hex = r.out.mid(2 + index * 64, 64);
    return *parseU256(("0x" + hex).toStdString());
}

} // namespace

class TestLightClientDevnet : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QJsonObject m_manifest;
    QString m_rpc, m_block;
    std::unique_ptr<HeaderStore> m_store;
    std::unique_ptr<LightClient> m_light;

    QString contract(const char* name) const { return m_manifest["contracts"].toObject()[name].toString(); }
    chain::Address address(const char* name) const { return *chain::Address::fromHex(contract(name).toStdString()); }
    QString account(int i) const { return m_manifest["accounts"].toObject()["addresses"].toArray()[i].toString(); }
    chain::Address accountAddress(int i) const { return *chain::Address::fromHex(account(i).toStdString()); }
    StorageLayout layout(const std::string& name) {
        auto l = loadStorageLayout(std::string(CTRN_SOURCE_DIR) + "/resources/storage-layout", name);
        if (!l) qFatal("%s", l.error().message.c_str());
        return std::move(l).value();
    }
    QStringList at(QStringList args) const { return args << "--rpc-url" << m_rpc << "--block" << m_block; }
    FieldValues prove(const char* contractName, const std::vector<Field>& fields) {
        auto r = proveFields(*m_light, address(contractName), fields);
        if (!r) qFatal("%s", r.error().message.c_str());
        if (!r->isVerified()) qFatal("not verified: %s", r->isMismatch() ? r->mismatch().describe().c_str() : "unverified");
        if (QString::number(r->verified().blockNumber()) != m_block) qFatal("proven at another block");
        return r->verified().value();
    }

private slots:
    void initTestCase() {
        QFile f(qEnvironmentVariable("CTRN_DEVNET_DIR") + "/devnet.json");
        QVERIFY2(f.open(QIODevice::ReadOnly), "the devnet fixture wrote no manifest");
        m_manifest = QJsonDocument::fromJson(f.readAll()).object();
        m_rpc = m_manifest["rpc"].toString();
        auto cp = m_manifest["checkpoint"].toObject();
        QVERIFY2(!cp.isEmpty(), "the live manifest has no checkpoint");
        m_store = std::move(HeaderStore::open(m_dir.filePath("lc.sqlite").toStdString())).value();
        LightClientOptions options;
        options.chainId = 31337;
        options.checkpoint = {{static_cast<std::uint64_t>(cp["number"].toInteger()), *chain::Hash::fromHex(cp["hash"].toString().toStdString())},
                              "manifest", 0, 0};
        m_light = std::make_unique<LightClient>(std::vector<std::string>{m_rpc.toStdString()}, std::make_shared<rpc::QtHttpTransport>(),
                                                rpc::ClientOptions{}, *m_store, options);
        auto c = m_light->connect();
        QVERIFY(c.ok() && c->ok());
        auto head = m_light->syncHead();
        const std::string why = !head.ok() ? head.error().message : !head->ok() ? head->mismatch().describe() : std::string();
        QVERIFY2(head.ok() && head->ok(), why.c_str());
        m_block = QString::number((*head)->header.number);
    }

    void ctrnBalancesLockedStakesAndVotes() {
        auto token = layout("ComputroniumToken");
        U256 anyVotes = 0, anyLocked = 0;
        for (int i : {0, 4, 5, 6, 14}) {
            auto fields = tokenAccountFields(token, accountAddress(i));
            QVERIFY(fields.ok());
            auto v = prove("ComputroniumToken", *fields);
            QCOMPARE(v["balance"], castNumber(at({"call", contract("ComputroniumToken"), "balanceOf(address)(uint256)", account(i)})));
            QCOMPARE(v["locked"], castNumber(at({"call", contract("ComputroniumToken"), "lockedOf(address)(uint256)", account(i)})));
            auto votes = proveVotes(*m_light, address("ComputroniumToken"), token, accountAddress(i));
            QVERIFY(votes.ok() && votes->isVerified());
            QCOMPARE(votes->verified().value(), castNumber(at({"call", contract("ComputroniumToken"), "getVotes(address)(uint256)", account(i)})));
            anyVotes += votes->verified().value();
            anyLocked += v["locked"];
        }
        QVERIFY(anyVotes > 0); // the seeded delegations are really read
        Q_UNUSED(anyLocked);
    }

    void stakePositions() {
        auto hub = layout("StakingHub");
        U256 anyBonded = 0;
        for (int agent = 4; agent <= 9; ++agent) {
            auto fields = stakeFields(hub, accountAddress(agent), accountAddress(agent));
            QVERIFY(fields.ok());
            auto v = prove("StakingHub", *fields);
            // agents(a): registered, commissionBps, registeredAt, name, metadataURI, bondedStake, ...
            QCOMPARE(v["agentBondedStake"], castWord(at({"call", contract("StakingHub"), "agents(address)", account(agent)}), 5));
            QCOMPARE(v["agentRegistered"], castWord(at({"call", contract("StakingHub"), "agents(address)", account(agent)}), 0));
            // positions(d, a): shares, unbondingShares, unbondingReleaseAt, principal, ...
            QCOMPARE(v["principal"], castWord(at({"call", contract("StakingHub"), "positions(address,address)", account(agent), account(agent)}), 3));
            QCOMPARE(v["shares"], castWord(at({"call", contract("StakingHub"), "positions(address,address)", account(agent), account(agent)}), 0));
            anyBonded += v["agentBondedStake"];
        }
        QVERIFY(anyBonded > 0);
    }

    void proposalTalliesAndStateInputs() {
        for (const char* governorName : {"TokenGovernor", "QuadraticGovernor", "MemberGovernor"}) {
            auto governor = layout(governorName);
            U256 count = castNumber(at({"call", contract(governorName), "proposalCount()(uint256)"}));
            for (U256 i = 0; i < count; ++i) {
                U256 id = castWord(at({"call", contract(governorName), "proposalDetailsAt(uint256)", QString::fromStdString(toDecimal(i))}), 0);
                QString idText = QString::fromStdString(toDecimal(id));
                auto fields = proposalFields(governor, id, accountAddress(4));
                QVERIFY(fields.ok());
                auto v = prove(governorName, *fields);
                QStringList votes = at({"call", contract(governorName), "proposalVotes(uint256)", idText});
                QCOMPARE(v["againstVotes"], castWord(votes, 0));
                QCOMPARE(v["forVotes"], castWord(votes, 1));
                QCOMPARE(v["abstainVotes"], castWord(votes, 2));
                QCOMPARE(v["voteStart"], castNumber(at({"call", contract(governorName), "proposalSnapshot(uint256)(uint256)", idText})));
                QCOMPARE(v["proposer"], castWord(at({"call", contract(governorName), "proposalProposer(uint256)", idText}), 0));
                QCOMPARE(v["etaSeconds"], castNumber(at({"call", contract(governorName), "proposalEta(uint256)(uint256)", idText})));
                QCOMPARE(v["hasVoted"], castNumber(at({"call", contract(governorName), "hasVoted(uint256,address)(bool)", idText, account(4)})));
            }
        }
    }

    void listingPricesAndLicences() {
        auto market = layout("Marketplace");
        U256 count = castNumber(at({"call", contract("Marketplace"), "listingCount()(uint256)"}));
        QVERIFY(count > 0);
        int licences = 0;
        for (U256 id = 1; id <= count; ++id) {
            QString idText = QString::fromStdString(toDecimal(id));
            QStringList listing = at({"call", contract("Marketplace"), "listings(uint256)", idText});
            auto fields = listingFields(market, id);
            QVERIFY(fields.ok());
            auto v = prove("Marketplace", *fields);
            QCOMPARE(v["provider"], castWord(listing, 0));
            QCOMPARE(v["kind"], castWord(listing, 1));
            QCOMPARE(v["active"], castWord(listing, 2));
            QCOMPARE(v["price"], castWord(listing, 5));
            for (int buyer = 14; buyer <= 19; ++buyer) {
                auto withLicence = listingFields(market, id, accountAddress(buyer));
                QVERIFY(withLicence.ok());
                auto l = prove("Marketplace", {withLicence->back()});
                QCOMPARE(l["licence"], castNumber(at({"call", contract("Marketplace"), "hasLicence(address,uint256)(bool)", account(buyer), idText})));
                if (l["licence"] == 1) ++licences;
            }
        }
        QVERIFY(licences > 0); // settled purchases granted some
    }

    void ctrnStakeVerified() {
        const QString agent = account(4);
        auto r = runCtrn({"stake", agent, "--agent", agent, "--verified", "--network", "devnet", "--datadir", m_dir.filePath("data"), "--json"});
        CTRN_EXPECT_OK(r);
        auto j = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(j["verified"].toBool(), true);
        const QString block = j["block"].toString();
        auto cast = [&](QStringList args) { return castNumber(args << "--rpc-url" << m_rpc << "--block" << block); };
        QCOMPARE(*parseU256(j["balance"].toString().toStdString()), cast({"call", contract("ComputroniumToken"), "balanceOf(address)(uint256)", agent}));
        QCOMPARE(*parseU256(j["locked"].toString().toStdString()), cast({"call", contract("ComputroniumToken"), "lockedOf(address)(uint256)", agent}));
        auto position = j["positions"].toArray()[0].toObject();
        QStringList pos{"call", contract("StakingHub"), "positions(address,address)", agent, agent, "--rpc-url", m_rpc, "--block", block};
        QCOMPARE(*parseU256(position["principal"].toString().toStdString()), castWord(pos, 3));
        QCOMPARE(*parseU256(position["shares"].toString().toStdString()), castWord(pos, 0));
        QCOMPARE(*parseU256(position["unbondingShares"].toString().toStdString()), castWord(pos, 1));
        // The values the hub derives (stakeOf), computed from proven words.
        QStringList stakeOf{"call", contract("StakingHub"), "stakeOf(address,address)", agent, agent, "--rpc-url", m_rpc, "--block", block};
        QCOMPARE(*parseU256(position["bonded"].toString().toStdString()), castWord(stakeOf, 0));
        QCOMPARE(*parseU256(position["unbonding"].toString().toStdString()), castWord(stakeOf, 1));
        QVERIFY(*parseU256(position["bonded"].toString().toStdString()) > 0);
    }

    void ctrnProposalVerified() {
        U256 id = castWord(at({"call", contract("TokenGovernor"), "proposalDetailsAt(uint256)", "0"}), 0);
        QString idText = QString::fromStdString(toDecimal(id));
        auto r = runCtrn({"proposals", "show", idText, "--governor", "token", "--voter", account(4), "--verified", "--network", "devnet",
                          "--datadir", m_dir.filePath("data"), "--json"});
        CTRN_EXPECT_OK(r);
        auto j = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(j["verified"].toBool(), true);
        QStringList votes{"call", contract("TokenGovernor"), "proposalVotes(uint256)", idText, "--rpc-url", m_rpc, "--block", j["block"].toString()};
        auto v = j["votes"].toObject();
        QCOMPARE(*parseU256(v["againstVotes"].toString().toStdString()), castWord(votes, 0));
        QCOMPARE(*parseU256(v["forVotes"].toString().toStdString()), castWord(votes, 1));
        QCOMPARE(*parseU256(v["abstainVotes"].toString().toStdString()), castWord(votes, 2));
        QStringList deadline{"call", contract("TokenGovernor"), "proposalDeadline(uint256)(uint256)", idText, "--rpc-url", m_rpc, "--block",
                             j["block"].toString()};
        QCOMPARE(*parseU256(j["voteEnd"].toString().toStdString()), castNumber(deadline));
    }

    // listings show --verified: the indexed listing agrees with its proven
    // storage, and a buyer's licence is proven (or proven absent).
    void ctrnListingVerified() {
        auto r = runCtrn({"listings", "show", "1", "--verified", "--buyer", account(14), "--network", "devnet", "--datadir",
                          m_dir.filePath("data"), "--json"});
        CTRN_EXPECT_OK(r);
        auto j = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(j["verified"].toBool(), true);
        auto chainSide = j["onChain"].toObject();
        QStringList listing{"call", contract("Marketplace"), "listings(uint256)", "1", "--rpc-url", m_rpc, "--block", chainSide["block"].toString()};
        QCOMPARE(*parseU256(chainSide["price"].toObject()["wei"].toString().toStdString()), castWord(listing, 5));
        QCOMPARE(chainSide["price"].toObject()["wei"], j["price"].toObject()["wei"]);
        QCOMPARE(chainSide["provider"].toString(), j["provider"].toString());
        QStringList licence{"call", contract("Marketplace"), "hasLicence(address,uint256)(bool)", account(14), "1", "--rpc-url", m_rpc,
                            "--block", chainSide["block"].toString()};
        auto l = runCast(licence);
        QCOMPARE(chainSide["licence"].toBool(), l.out.trimmed() == "true");
    }

    // index verify (the index in verified mode): every indexed governance
    // event is found in its transaction's receipt, proven through the
    // receipt trie of a header linked to the checkpoint.
    void indexVerifiesGovernanceEvents() {
        auto r = runCtrn({"index", "verify", "--network", "devnet", "--datadir", m_dir.filePath("index-honest"), "--json"});
        CTRN_EXPECT_OK(r);
        auto j = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(j["scope"].toString(), QString("governance"));
        QVERIFY(j["events"].toInt() > 10); // the seeded proposals and votes
        QCOMPARE(j["verified"].toInt(), j["events"].toInt());
        QVERIFY(j["problems"].toArray().isEmpty());
    }

    // A node that alters the weight of votes in its eth_getLogs answers
    // poisons the index; index verify names each altered vote, exit 1.
    void indexVerifyCatchesAlteredVotes() {
        const std::string signature = "VoteCast(address,uint256,uint8,uint256,string)";
        const QString voteCast = QString::fromStdString(toHex(crypto::keccak256(ByteView(
            reinterpret_cast<const std::uint8_t*>(signature.data()), signature.size()))));
        RpcProxy proxy{QUrl(m_rpc)};
        int altered = 0;
        proxy.setHook([&](const QJsonDocument& request) {
            return rewriteResults(request, "eth_getLogs", [&](const QJsonArray&, QJsonValue result) {
                QJsonArray out;
                for (const auto& l : result.toArray()) {
                    QJsonObject log = l.toObject();
                    if (log["topics"].toArray().first().toString().toLower() == voteCast) {
                        // data: proposalId, support, weight, reason...; the
                        // weight's last hex digit changes.
                        QString data = log["data"].toString();
                        const qsizetype at = 2 + 64 * 3 - 1;
                        data[at] = data[at] == QChar('0') ? QChar('1') : QChar('0');
                        log["data"] = data;
                        ++altered;
                    }
                    out.append(log);
                }
                return QJsonValue(out);
            });
        });
        auto r = runCtrnLive({"index", "verify", "--rpc", proxy.url(), "--network", "devnet", "--datadir", m_dir.filePath("index-lied"),
                              "--json"});
        QVERIFY(altered > 0);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("not proven") && r.err.contains("VoteCast"), qPrintable(r.err));
        auto problems = QJsonDocument::fromJson(r.out.toUtf8()).object()["problems"].toArray();
        QVERIFY(!problems.isEmpty() && problems.size() <= altered); // a range may be asked for twice
        for (const auto& p : problems) QCOMPARE(p.toObject()["event"].toString(), QString("VoteCast"));
    }

    void ctrnBalanceVerifiedThroughCtrn() {
        auto r = runCtrn({"balance", account(14), "--token", "CTRN", "--verified", "--network", "devnet", "--datadir", m_dir.filePath("data"), "--json"});
        CTRN_EXPECT_OK(r);
        auto j = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(j["verified"].toBool(), true);
        QStringList call{"call", contract("ComputroniumToken"), "balanceOf(address)(uint256)", account(14), "--rpc-url", m_rpc,
                         "--block", j["block"].toString()};
        QCOMPARE(*parseU256(j["balance"].toString().toStdString()), castNumber(call));
    }
};

QTEST_GUILESS_MAIN(TestLightClientDevnet)
#include "tst_lightclient_devnet.moc"
