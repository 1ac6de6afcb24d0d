// ctrn's protocol actions that need the clock or the blocks under control,
// on a private fork of the seeded devnet (fixture anvil_protocol_fork: every
// contract and seeded position as deployed, automining one block per
// transaction, no other test on it):
// - stake withdraw: unstake, a withdraw before the unbonding period ends is
//   refused, then evm_increaseTime past it plus one mined block, withdraw;
//   the unlocked balance rises by exactly the withdrawn amount and nothing
//   is left unbonding;
// - proposals cancel: the proposer cancels a text proposal in the block
//   after it was made (before its vote opens); the governor and
//   `proposals show` say canceled;
// - models download of an ipfs:// artifact through --ipfs-gateway pointing
//   at a server this test runs (the hash published on chain is checked).
#include "cli/cli_runner.h"
#include "integration/anvil_accounts.h"
#include "integration/content_server.h"
#include "integration/rpc_client.h"

#include <core/util/uint256.h>

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
QJsonObject object(const RunResult& r) { return QJsonDocument::fromJson(r.out.toUtf8()).object(); }
ctrn::U256 u256(const QJsonValue& decimal) {
    auto v = ctrn::parseU256(decimal.toString().toStdString());
    if (!v) qFatal("not a decimal amount: %s", qPrintable(decimal.toString()));
    return *v;
}
// The seed's first agent ("Atlas Compute", mnemonic account 4).
const char* const kAgent = "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65";
} // namespace

class TestCtrnProtocolFork : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_rpc, m_data, m_password;
    QJsonObject m_contracts;
    std::unique_ptr<TestRpc> m_node;
    const QString m_from = QString::fromLatin1(anvil::kAddr0); // the seed's deployer: CTRN, votes, no stake

    QStringList net(QStringList args) const {
        return args << "--network" << "devnet" << "--rpc" << m_rpc << "--datadir" << m_data << "--json";
    }
    RunResult act(QStringList args) const { return runCtrn(net(args << "--from" << m_from << "--password-file" << m_password << "--yes")); }
    QString call(const char* name, const QString& sig, QStringList args = {}) const {
        auto r = runCast(QStringList{"call", m_contracts[name].toString(), sig} + args + QStringList{"--rpc-url", m_rpc});
        if (r.exitCode != 0) qFatal("cast call %s failed: %s", qPrintable(sig), qPrintable(r.err));
        return r.out.split('\n').first().split(' ').first();
    }
    QString nonce() const { return runCast({"nonce", m_from, "--rpc-url", m_rpc}).out; }
    qlonglong blockNumber() { return m_node->call("eth_blockNumber").toString().toLongLong(nullptr, 16); }
    QJsonObject stakeWithAgent() const {
        auto r = runCtrn(net({"stake", m_from, "--agent", kAgent}));
        if (r.exitCode != 0) qFatal("ctrn stake failed: %s", qPrintable(r.err));
        return object(r);
    }

private slots:
    void initTestCase() {
        m_rpc = TestRpc::fixtureUrl("protocol_fork");
        m_node = std::make_unique<TestRpc>(m_rpc);
        QFile f(qEnvironmentVariable("CTRN_DEVNET_STATE_DIR") + "/devnet.json");
        QVERIFY2(f.open(QIODevice::ReadOnly), "the devnet fixture wrote no manifest");
        QJsonObject manifest = QJsonDocument::fromJson(f.readAll()).object();
        m_contracts = manifest["contracts"].toObject();
        // The devnet's manifest, pointing at the fork.
        manifest["rpc"] = m_rpc;
        writeFile(m_dir, "devnet.json", QJsonDocument(manifest).toJson());
        qputenv("CTRN_DEVNET_DIR", m_dir.path().toUtf8());
        // The fork automines: one block per transaction, none in between.
        QCOMPARE(m_node->call("anvil_getAutomine").toBool(), true);

        m_data = m_dir.filePath("data");
        m_password = writeFile(m_dir, "password", "correct horse battery staple\n");
        auto r = importMnemonicWallet(m_dir, "fork", anvil::kMnemonic, 1, m_password, m_data);
        CTRN_EXPECT_OK(r);
        QCOMPARE(object(r)["accounts"].toArray()[0].toObject()["address"].toString(), m_from);
    }

    void stakeWithdrawAfterTheUnbondingPeriod() {
        const QString amount = "1500000000000000000000"; // 1500 CTRN
        auto r = act({"stake", "add", kAgent, "--amount", "1500"});
        CTRN_EXPECT_OK(r);
        r = act({"stake", "unstake", kAgent, "--amount", "1500"});
        CTRN_EXPECT_OK(r);
        const qlonglong period = object(r)["unbondingPeriod"].toString().toLongLong();
        QVERIFY(period > 0);
        QJsonObject before = stakeWithAgent();
        QJsonObject position = before["positions"].toArray()[0].toObject();
        QCOMPARE(position["bonded"].toString(), QString("0"));
        QCOMPARE(position["unbonding"].toString(), amount);
        const qlonglong releaseAt = position["unbondingReleaseAt"].toString().toLongLong();

        // Before the release time the StakingHub refuses, and nothing is sent.
        QString nonceBefore = nonce();
        auto early = act({"stake", "withdraw", kAgent});
        QCOMPARE(early.exitCode, 1);
        QVERIFY2(early.err.contains("unbonding not finished"), qPrintable(early.err));
        QCOMPARE(nonce(), nonceBefore);

        // Past the release time: the next block's timestamp is after it.
        QJsonObject latest = m_node->call("eth_getBlockByNumber", {"latest", false}).toObject();
        const qlonglong now = latest["timestamp"].toString().toLongLong(nullptr, 16);
        QVERIFY(releaseAt > now);
        m_node->call("evm_increaseTime", {releaseAt - now + 1});
        m_node->call("evm_mine");

        const QString unlockedBefore = before["unlocked"].toString();
        r = act({"stake", "withdraw", kAgent});
        CTRN_EXPECT_OK(r);
        QJsonObject withdrawn = object(r);
        QCOMPARE(withdrawn["status"].toString(), QString("mined"));
        QCOMPARE(withdrawn["amount"].toString(), amount);

        QJsonObject after = stakeWithAgent();
        QCOMPARE(after["balance"].toString(), before["balance"].toString()); // the tokens never left the account
        QCOMPARE(after["unlocked"].toString(), QString::fromStdString(ctrn::toDecimal(u256(before["unlocked"]) + u256(withdrawn["amount"]))));
        QCOMPARE(after["locked"].toString(), QString::fromStdString(ctrn::toDecimal(u256(before["locked"]) - u256(withdrawn["amount"]))));
        QJsonObject left = after["positions"].toArray()[0].toObject();
        QCOMPARE(left["bonded"].toString(), QString("0"));
        QCOMPARE(left["unbonding"].toString(), QString("0"));
        // Without --agent, the account has no stake left: a position still
        // listed only holds rewards that streamed to it while it was bonded
        // (they stay claimable after the stake is gone).
        auto all = runCtrn(net({"stake", m_from}));
        CTRN_EXPECT_OK(all);
        for (const auto& p : object(all)["positions"].toArray()) {
            QCOMPARE(p.toObject()["bonded"].toString(), QString("0"));
            QCOMPARE(p.toObject()["unbonding"].toString(), QString("0"));
            QVERIFY2(p.toObject()["pendingRewards"].toString() != "0", qPrintable(all.out));
        }
        // And a second withdraw has nothing to take.
        nonceBefore = nonce();
        auto again = act({"stake", "withdraw", kAgent});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains("nothing to withdraw"), qPrintable(again.err));
        QCOMPARE(nonce(), nonceBefore);
    }

    void proposerCancelsBeforeVotingStarts() {
        auto create = act({"proposals", "create", "--governor", "token", "--template", "text", "--title", "Withdrawn idea"});
        CTRN_EXPECT_OK(create);
        const QString id = object(create)["proposalId"].toString();
        const qlonglong proposedIn = object(create)["block"].toString().toLongLong();
        auto show = runCtrn(net({"proposals", "show", id}));
        CTRN_EXPECT_OK(show);
        QCOMPARE(object(show)["state"].toString(), QString("pending"));
        QVERIFY(object(show)["voteStart"].toString().toLongLong() > proposedIn + 1); // the cancel's block is before it

        auto cancel = act({"proposals", "cancel", id});
        CTRN_EXPECT_OK(cancel);
        QJsonObject c = object(cancel);
        QCOMPARE(c["block"].toString().toLongLong(), proposedIn + 1);
        QCOMPARE(c["state"].toString(), QString("canceled"));
        QCOMPARE(c["governor"].toString(), QString("TokenGovernor"));
        bool sawEvent = false;
        for (const auto& e : c["events"].toArray()) sawEvent |= e.toObject()["event"].toString() == "ProposalCanceled";
        QVERIFY(sawEvent);
        QCOMPARE(call("TokenGovernor", "state(uint256)(uint8)", {id}), QString("2")); // ProposalState.Canceled

        show = runCtrn(net({"proposals", "show", id}));
        CTRN_EXPECT_OK(show);
        QCOMPARE(object(show)["state"].toString(), QString("canceled"));
        // Canceled is final: a second cancel and a vote are refused before signing.
        QString nonceBefore = nonce();
        auto again = act({"proposals", "cancel", id});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains("cannot cancel: proposal " + id + " is canceled"), qPrintable(again.err));
        m_node->call("anvil_mine", {"0x3"}); // past the would-be vote start
        auto vote = act({"proposals", "vote", id, "--support", "for"});
        QCOMPARE(vote.exitCode, 1);
        QVERIFY2(vote.err.contains("voting is closed: proposal " + id + " is canceled"), qPrintable(vote.err));
        QCOMPARE(nonce(), nonceBefore);
    }

    // A model version whose artifact is on IPFS: `models download` fetches it
    // through the gateway given with --ipfs-gateway (here a server of this
    // test) and keeps it only when its sha256 is the one published on chain.
    void modelDownloadThroughTheIpfsGateway() {
        ContentServer gateway;
        QVERIFY(gateway.isListening());
        QByteArray artifact(100000, '\0');
        for (qsizetype i = 0; i < artifact.size(); ++i) artifact[i] = static_cast<char>(i * 13 % 251);
        const QString cid = "bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi";
        gateway.serve("/ipfs/" + cid + "/weights.bin", {200, artifact, -1});
        const QString sha = "0x" + QCryptographicHash::hash(artifact, QCryptographicHash::Sha256).toHex();

        auto publish = act({"models", "publish", "--name", "Fork Model", "--spdx", "MIT"});
        CTRN_EXPECT_OK(publish);
        const QString model = object(publish)["modelId"].toString();
        QVERIFY(!model.isEmpty());
        auto version = act({"models", "version", model, "--semver", "1.0.0", "--artifact-hash", sha, "--uri",
                            "ipfs://" + cid + "/weights.bin"});
        CTRN_EXPECT_OK(version);

        const QString out = m_dir.filePath("weights.bin");
        auto r = runCtrnLive(net({"models", "download", model, "--out", out, "--ipfs-gateway", gateway.url()}));
        CTRN_EXPECT_OK(r);
        QCOMPARE(object(r)["verified"].toBool(), true);
        QCOMPARE(object(r)["bytes"].toString(), QString::number(artifact.size()));
        QCOMPARE(gateway.requests().last(), "/ipfs/" + cid + "/weights.bin");
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), artifact);
        f.close();

        // The gateway now serves other bytes: refused, exit 1, no file left.
        QByteArray tampered = artifact;
        tampered[500] = static_cast<char>(tampered[500] ^ 1);
        gateway.serve("/ipfs/" + cid + "/weights.bin", {200, tampered, -1});
        const QString out2 = m_dir.filePath("weights2.bin");
        r = runCtrnLive(net({"models", "download", model, "--out", out2, "--ipfs-gateway", gateway.url(), "--no-sync"}));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("artifact hash mismatch"), qPrintable(r.err));
        QVERIFY(!QFile::exists(out2));
        QVERIFY(!QFile::exists(out2 + ".part"));
    }
};

QTEST_GUILESS_MAIN(TestCtrnProtocolFork)
#include "tst_ctrn_protocol_fork.moc"
