// interfaces::Revenue on the seeded devnet, built as the app builds it
// (makeServices over the live manifest and resources/storage-layout): a
// provider's and a staker's shares recomputed from proven inputs — ONE
// eth_getProof of the distributor and one of the token for the screen (the
// proxy counts them) — equal the contract's own claimable() and
// stakeWeightOf() at the proven block, for activity weights (the seeded
// epoch) and for stake weights (a check-in, then the epoch finalized);
// through a node that alters the distributor's proofs every share is a
// mismatch naming the node while Claim all stays offered (the contract
// decides what is paid); a node that lies only in claimable() is flagged
// as a disagreement beside the verified recomputation.
// Moves the devnet's clock (RESOURCE_LOCK devnet_head_state).
#include "wallet_fixture.h"

#include "devnet_services.h"

#include "cli/cli_runner.h"
#include "integration/anvil_accounts.h"
#include "integration/rpc_proxy.h"

#include <core/interfaces/services.h>
#include <core/interfaces/values.h>

using namespace ctrn;

namespace {
const char* kProvider = "0xBcd4042DE499D14e55001CcbB24a551F3b954096"; // index 10: compute and developers activity in epoch 0
const char* kStaker = "0xdF3e18d64BC6A983f673Ab319CCaE4f1a57C7097";   // index 14: stakes since the seed, community activity
const char* kClaimableSelector = "0x10e69d96";                          // claimable(uint256,uint8,address)
}

class TstRevenueDevnet : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    chain::Deployment m_devnet;
    U256 m_claimedEpoch = 0;

    interfaces::Services services(const QString& url, const QString& name) { return devnet::services(m_dir, m_devnet, url, name); }
    QString distributor() const { return QString::fromStdString(m_devnet.contract("RevenueDistributor")->checksummed()); }
    QString castCall(const QString& sig, const QStringList& args, std::uint64_t block) {
        QStringList all{"call", distributor(), sig};
        all << args << QStringList{"--rpc-url", QString::fromStdString(m_devnet.rpc), "--block", QString::number(block)};
        auto r = runCast(all);
        return r.exitCode == 0 ? r.out.section(' ', 0, 0).trimmed() : "error: " + r.err;
    }
    RunResult castSend(const QString& sig, const QStringList& args, int mnemonicIndex) {
        QStringList all{"send", distributor(), sig};
        all << args << QStringList{"--mnemonic", anvil::kMnemonic, "--mnemonic-index", QString::number(mnemonicIndex), "--rpc-url",
                                   QString::fromStdString(m_devnet.rpc)};
        return runCast(all);
    }
    void rpc(const QStringList& args) {
        QStringList all{"rpc"};
        all << args << QStringList{"--rpc-url", QString::fromStdString(m_devnet.rpc)};
        runCast(all);
    }
    static QString dec(const U256& v) { return QString::fromStdString(toDecimal(v)); }

    // Every finalized share of `read` equals the contract's claimable() at the proven block.
    void expectAgreement(const interfaces::RevenueAccount& read, const char* holder) {
        QVERIFY(!read.shares.empty());
        for (const auto& s : read.shares) {
            if (s.open) continue;
            QVERIFY2(s.recomputed.isVerified(), s.why.c_str());
            const std::uint64_t block = s.recomputed.verified().blockNumber();
            const QString contract =
                castCall("claimable(uint256,uint8,address)(uint256)", {dec(s.epoch), QString::number(s.category), holder}, block);
            QCOMPARE(dec(s.recomputed.verified().value()), contract);
            QVERIFY(s.agrees);
        }
        QCOMPARE(read.disagreements, std::size_t(0));
    }

private slots:
    void initTestCase() { QVERIFY(devnet::deployment(m_devnet)); }

    void activitySharesRecomputedWithOneProofPerContract() {
        // A fresh activity share inside the claim window whatever ran before:
        // the marketplace (the recorder, impersonated) records the provider's
        // settled data and compute work, revenue arrives, the epoch ends.
        const QString market = QString::fromStdString(m_devnet.contract("Marketplace")->checksummed());
        const QString treasury = QString::fromStdString(m_devnet.contract("TimelockController")->checksummed());
        const QString token = QString::fromStdString(m_devnet.contract("ComputroniumToken")->checksummed());
        const QString rpcUrl = QString::fromStdString(m_devnet.rpc);
        auto unlocked = [&](const QString& from, const QString& to, const QStringList& call) {
            rpc({"anvil_impersonateAccount", from});
            auto r = runCast(QStringList{"send", "--unlocked", "--from", from, to} + call + QStringList{"--rpc-url", rpcUrl});
            rpc({"anvil_stopImpersonatingAccount", from});
            return r;
        };
        rpc({"anvil_setBalance", market, "0xde0b6b3a7640000"});
        QVERIFY(unlocked(market, distributor(), {"recordActivity(uint8,address,uint256)", "1", kProvider, "50000000000000000000"}).exitCode == 0);
        QVERIFY(unlocked(market, distributor(), {"recordActivity(uint8,address,uint256)", "0", kProvider, "10000000000000000000"}).exitCode == 0);
        QVERIFY(unlocked(treasury, token, {"approve(address,uint256)", distributor(), "1000000000000000000000"}).exitCode == 0);
        QVERIFY(unlocked(treasury, distributor(), {"notifyRevenue(uint256)", "1000000000000000000000"}).exitCode == 0);
        rpc({"evm_increaseTime", "301"});
        rpc({"anvil_mine", "0x1"});
        auto finalize = castSend("finalizeEpoch()", {}, 14); // anyone may
        QVERIFY2(finalize.exitCode == 0, qPrintable(finalize.err));
        rpc({"anvil_mine", "0x1"});

        RpcProxy honest{QUrl(QString::fromStdString(m_devnet.rpc))};
        auto s = services(honest.url(), "honest");
        QVERIFY2(s.verifier && s.revenue, s.verifierError.c_str());
        // Once to let the light client catch up with the finalization (an
        // epoch that moves during a read costs one more round), then counted.
        QVERIFY(s.revenue->overview(*chain::Address::fromHex(kProvider)).ok());
        honest.clearMethods();
        const auto before = s.revenue->proofCalls();
        auto read = s.revenue->overview(*chain::Address::fromHex(kProvider));
        QVERIFY2(read.ok(), read.ok() ? "" : read.error().message.c_str());
        QCOMPARE(int(honest.methods().count("eth_getProof")), 2); // the distributor, the token
        QCOMPARE(s.revenue->proofCalls() - before, std::uint64_t(2));
        QVERIFY(read->pool.totalReceived.isVerified());
        const std::uint64_t block = read->pool.totalReceived.verified().blockNumber();
        QCOMPARE(dec(read->pool.totalReceived.verified().value()), castCall("totalReceived()(uint256)", {}, block));
        QCOMPARE(dec(read->pool.openEpochFunds.verified().value()), castCall("openEpochFunds()(uint256)", {}, block));
        QCOMPARE(dec(read->pool.shareBps[0].verified().value()), castCall("shareBps(uint256)(uint16)", {"0"}, block));
        QVERIFY(read->pool.epochLength > 0);
        QVERIFY(!read->epochs.empty());
        QCOMPARE(dec(read->epochs.back().amount.verified().value()).isEmpty(), false);
        expectAgreement(*read, kProvider);
    }

    void stakeSharesRecomputedAfterACheckInAndFinalize() {
        // The staker's CTRN was locked before the open epoch began: a
        // community check-in records it; five minutes on, the epoch is
        // finalized and its stake part is the staker's to claim.
        auto checkIn = castSend("checkIn(uint8)", {"3"}, 14);
        QVERIFY2(checkIn.exitCode == 0, qPrintable(checkIn.err));
        rpc({"evm_increaseTime", "301"});
        rpc({"anvil_mine", "0x1"});
        auto finalize = castSend("finalizeEpoch()", {}, 14); // anyone may
        QVERIFY2(finalize.exitCode == 0, qPrintable(finalize.err));
        rpc({"anvil_mine", "0x1"});

        auto s = services(QString::fromStdString(m_devnet.rpc), "staker");
        auto read = s.revenue->overview(*chain::Address::fromHex(kStaker));
        QVERIFY2(read.ok(), read.ok() ? "" : read.error().message.c_str());
        expectAgreement(*read, kStaker);
        bool staked = false;
        for (const auto& sh : read->shares) {
            if (sh.open || sh.category != 3 || !sh.myStake.isVerified() || sh.myStake.verified().value() == 0) continue;
            staked = true;
            const std::uint64_t block = sh.myStake.verified().blockNumber();
            QCOMPARE(dec(sh.myStake.verified().value()),
                     castCall("stakeWeightOf(uint256,uint8,address)(uint256)", {dec(sh.epoch), "3", kStaker}, block));
            QVERIFY(sh.entitled.verified().value() > 0);
        }
        QVERIFY2(staked, "no community share with a stake weight after the check-in");
        QVERIFY(read->totalClaimable.isVerified());
        QVERIFY(read->totalClaimable.verified().value() > 0);
        QVERIFY(read->claimBlocked.empty());
    }

    void lyingProofHidesSharesButKeepsClaim() {
        RpcProxy liar{QUrl(QString::fromStdString(m_devnet.rpc))};
        const QString dist = distributor();
        liar.setHook([dist](const QJsonDocument& req) {
            return rewriteResults(req, "eth_getProof", [dist](const QJsonArray& params, QJsonValue v) {
                if (params.at(0).toString().compare(dist, Qt::CaseInsensitive) != 0) return v;
                QJsonObject o = v.toObject();
                QJsonArray storage = o["storageProof"].toArray();
                for (int i = 0; i < storage.size(); ++i) {
                    QJsonObject slot = storage[i].toObject();
                    if (slot["value"].toString() != "0x0") {
                        slot["value"] = "0x3635c9adc5dea00000"; // an epoch total of 1000 CTRN
                        storage[i] = slot;
                        break;
                    }
                }
                o["storageProof"] = storage;
                return QJsonValue(o);
            });
        });
        auto s = services(liar.url(), "liar");
        auto read = s.revenue->overview(*chain::Address::fromHex(kStaker));
        QVERIFY2(read.ok(), read.ok() ? "" : read.error().message.c_str());
        QVERIFY(read->pool.totalReceived.isMismatch());
        QVERIFY(read->totalClaimable.isMismatch());
        QVERIFY2(QString::fromStdString(read->totalClaimable.mismatch().describe()).contains(liar.url()),
                 read->totalClaimable.mismatch().describe().c_str());
        QVERIFY(!read->shares.empty());
        for (const auto& sh : read->shares) QVERIFY(sh.recomputed.isMismatch());
        // The node still says something is claimable: Claim all stays offered.
        QVERIFY2(read->claimBlocked.empty(), read->claimBlocked.c_str());
    }

    void lyingClaimableIsFlagged() {
        RpcProxy liar{QUrl(QString::fromStdString(m_devnet.rpc))};
        liar.setHook([](const QJsonDocument& req) {
            return rewriteResults(req, "eth_call", [](const QJsonArray& params, QJsonValue v) {
                if (!params.at(0).toObject()["data"].toString().startsWith(kClaimableSelector)) return v;
                return QJsonValue(QString("0x") + QString(63, '0') + "7"); // 7 wei
            });
        });
        auto s = services(liar.url(), "flagged");
        auto read = s.revenue->overview(*chain::Address::fromHex(kStaker));
        QVERIFY2(read.ok(), read.ok() ? "" : read.error().message.c_str());
        QVERIFY(read->disagreements >= 1);
        bool flagged = false;
        for (const auto& sh : read->shares) {
            if (sh.open || sh.agrees) continue;
            flagged = true;
            QVERIFY(sh.recomputed.isVerified()); // the recomputation stands, proven
            QCOMPARE(dec(*sh.nodeClaimable), QString("7"));
        }
        QVERIFY(flagged);
    }

    void claimListedProvenAndExported() {
        auto s = services(QString::fromStdString(m_devnet.rpc), "claimer");
        auto read = s.revenue->overview(*chain::Address::fromHex(kStaker));
        QVERIFY2(read.ok(), read.ok() ? "" : read.error().message.c_str());
        // Claimed (cast), the claim is listed from the node's log and proven
        // by the screen's proof: claimed, for exactly what the epoch gave.
        const interfaces::RevenueShare* community = nullptr;
        for (const auto& sh : read->shares)
            if (!sh.open && sh.category == 3 && sh.recomputed.isVerified() && sh.recomputed.verified().value() > 0) community = &sh;
        QVERIFY(community);
        auto claim = castSend("claim(uint256,uint8)", {dec(community->epoch), "3"}, 14);
        QVERIFY2(claim.exitCode == 0, qPrintable(claim.err));
        rpc({"anvil_mine", "0x1"});
        auto after = s.revenue->overview(*chain::Address::fromHex(kStaker));
        QVERIFY2(after.ok(), after.ok() ? "" : after.error().message.c_str());
        bool listed = false;
        for (const auto& c : after->claims) {
            if (c.epoch != community->epoch || c.category != 3) continue;
            listed = true;
            QVERIFY2(c.amount.isVerified(), c.amount.isUnverified() ? c.amount.unverified().why().c_str() : "mismatch");
            QCOMPARE(dec(c.amount.verified().value()), dec(community->recomputed.verified().value()));
            QVERIFY(c.transaction.rfind("0x", 0) == 0);
        }
        QVERIFY(listed);
        // And as CSV, written whole.
        const QString csv = m_dir.filePath("claims.csv");
        auto written = s.revenue->exportClaimsCsv(*chain::Address::fromHex(kStaker), csv.toStdString());
        QVERIFY2(written.ok(), written.ok() ? "" : written.error().message.c_str());
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(f.readAll()).split("\r\n", Qt::SkipEmptyParts);
        QCOMPARE(lines.first(), QString("epoch,category,amount_wei,amount_ctrn,block,transaction,proof"));
        QCOMPARE(std::size_t(lines.size() - 1), *written);
        QVERIFY(lines.join('\n').contains(dec(community->epoch) + ",community," + dec(community->recomputed.verified().value())));
        m_claimedEpoch = community->epoch;
    }

    void lyingClaimLogIsAMismatch() {
        // The node alters the amount of the staker's Claimed log: the proof
        // of the epoch says otherwise, and the claim is shown as a mismatch.
        RpcProxy liar{QUrl(QString::fromStdString(m_devnet.rpc))};
        liar.setHook([](const QJsonDocument& req) {
            return rewriteResults(req, "eth_getLogs", [](const QJsonArray&, QJsonValue v) {
                QJsonArray logs = v.toArray();
                for (int i = 0; i < logs.size(); ++i) {
                    QJsonObject log = logs[i].toObject();
                    log["data"] = QString("0x") + QString(62, '0') + "ff";
                    logs[i] = log;
                }
                return QJsonValue(logs);
            });
        });
        auto s = services(liar.url(), "forged");
        auto read = s.revenue->overview(*chain::Address::fromHex(kStaker));
        QVERIFY2(read.ok(), read.ok() ? "" : read.error().message.c_str());
        bool caught = false;
        for (const auto& c : read->claims)
            if (c.epoch == m_claimedEpoch && c.category == 3) {
                caught = true;
                QVERIFY(c.amount.isMismatch());
                QVERIFY2(QString::fromStdString(c.amount.mismatch().describe()).contains(liar.url()), c.amount.mismatch().describe().c_str());
            }
        QVERIFY(caught);
    }
};

QTEST_MAIN(TstRevenueDevnet)
#include "tst_revenue_devnet.moc"
