// interfaces::Staking on the seeded devnet, built as the app builds it
// (makeServices over the live manifest and resources/storage-layout): a
// seeded buyer's positions and balances are proven at one verified block
// with ONE eth_getProof per contract for the whole screen (the proxy counts
// them: StakingHub, token, Reputation), and equal what the node's own
// getters say (stakeOf, pendingRewards, lockedOf) at that block; the agents
// table costs one more (the hub's). Through a node that alters the
// StakingHub's storage proofs every position figure is a mismatch naming
// the node, and so are the balances read after it (a node caught lying is
// not asked again). Read only: the devnet is shared with tests running in parallel.
#include "wallet_fixture.h"

#include "devnet_services.h"

#include "cli/cli_runner.h"
#include "integration/rpc_proxy.h"

#include <core/interfaces/services.h>
#include <core/interfaces/values.h>

using namespace ctrn;

namespace {
const char* kBuyer = "0xdF3e18d64BC6A983f673Ab319CCaE4f1a57C7097"; // seeded: stakes with the first two agents
const char* kAgent = "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65";  // "Atlas Compute"
}

class TstStakingDevnet : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    chain::Deployment m_devnet;

    interfaces::Services services(const QString& url, const QString& name) { return devnet::services(m_dir, m_devnet, url, name); }
    QString castCall(const QString& contract, const QString& sig, const QStringList& args, std::uint64_t block) {
        QStringList all{"call", QString::fromStdString(m_devnet.contract(contract.toStdString())->checksummed()), sig};
        all << args << QStringList{"--rpc-url", QString::fromStdString(m_devnet.rpc), "--block", QString::number(block)};
        auto r = runCast(all);
        return r.exitCode == 0 ? r.out : "error: " + r.err;
    }
    static QString word(const QString& castOut, int line) { return castOut.split('\n').value(line).section(' ', 0, 0); }

private slots:
    void initTestCase() { QVERIFY(devnet::deployment(m_devnet)); }

    void positionsProvenWithOneProofPerContract() {
        RpcProxy honest{QUrl(QString::fromStdString(m_devnet.rpc))};
        auto s = services(honest.url(), "honest");
        QVERIFY2(s.verifier && s.staking, s.verifierError.c_str());
        honest.clearMethods();
        auto read = s.staking->account(*chain::Address::fromHex(kBuyer));
        QVERIFY2(read.ok(), read.ok() ? "" : read.error().message.c_str());
        QCOMPARE(int(honest.methods().count("eth_getProof")), 3);
        QCOMPARE(s.staking->proofCalls(), std::uint64_t(3));
        QVERIFY(read->unlocked.isVerified());
        QVERIFY(read->reputation.isVerified());
        const std::uint64_t block = read->unlocked.verified().blockNumber();
        QVERIFY(read->positions.size() >= 2);
        QVERIFY(read->unbondingPeriod > 0);
        QVERIFY(read->chainTime > 0);
        const auto locked = word(castCall("ComputroniumToken", "lockedOf(address)(uint256)", {kBuyer}, block), 0);
        QCOMPARE(QString::fromStdString(toDecimal(read->locked.verified().value())), locked);
        for (const auto& p : read->positions) {
            QVERIFY(p.bonded.isVerified() && p.principal.isVerified() && p.pendingRewards.isVerified());
            QCOMPARE(p.bonded.verified().blockNumber(), block); // one block for the screen
            const QString agent = QString::fromStdString(p.agent.checksummed());
            const auto stakeOf = castCall("StakingHub", "stakeOf(address,address)(uint256,uint256)", {kBuyer, agent}, block);
            QCOMPARE(QString::fromStdString(toDecimal(p.bonded.verified().value())), word(stakeOf, 0));
            QCOMPARE(QString::fromStdString(toDecimal(p.unbonding.verified().value())), word(stakeOf, 1));
            const auto pending = castCall("StakingHub", "pendingRewards(address,address)(uint256)", {kBuyer, agent}, block);
            QCOMPARE(QString::fromStdString(toDecimal(p.pendingRewards.verified().value())), word(pending, 0));
            QVERIFY(!p.agentName.empty());
        }

        honest.clearMethods();
        auto agents = s.staking->agents(*chain::Address::fromHex(kBuyer));
        QVERIFY2(agents.ok(), agents.ok() ? "" : agents.error().message.c_str());
        QCOMPARE(int(honest.methods().count("eth_getProof")), 1);
        QVERIFY(agents->size() >= 6);
        bool found = false;
        const std::uint64_t agentsBlock = agents->front().totalStake.verified().blockNumber();
        const auto seats = word(castCall("StakingHub", "electedCount()(uint256)", {}, agentsBlock), 0);
        for (const auto& a : *agents) {
            QVERIFY(a.totalStake.isVerified());
            // The election's edge from the same proof: the hub's seat count,
            // a rank for every staked agent, a proven margin.
            QCOMPARE(QString::number(a.seats), seats);
            QVERIFY(a.margin.isVerified());
            QCOMPARE(a.margin.verified().blockNumber(), agentsBlock);
            if (a.totalStake.verified().value() != 0) QVERIFY(a.rank >= 1);
            if (a.address.checksummed() != kAgent) continue;
            found = true;
            QCOMPARE(QString::fromStdString(a.name), QString("Atlas Compute"));
            QVERIFY(a.myStake.isVerified());
            QVERIFY(a.myStake.verified().value() > 0);
        }
        QVERIFY(found);
    }

    void lyingHubIsAMismatchOfEveryPosition() {
        RpcProxy liar{QUrl(QString::fromStdString(m_devnet.rpc))};
        const QString hub = QString::fromStdString(m_devnet.contract("StakingHub")->checksummed());
        liar.setHook([hub](const QJsonDocument& req) {
            return rewriteResults(req, "eth_getProof", [hub](const QJsonArray& params, QJsonValue v) {
                if (params.at(0).toString().compare(hub, Qt::CaseInsensitive) != 0) return v;
                QJsonObject o = v.toObject();
                QJsonArray storage = o["storageProof"].toArray();
                for (int i = 0; i < storage.size(); ++i) {
                    QJsonObject slot = storage[i].toObject();
                    if (slot["value"].toString() != "0x0") {
                        slot["value"] = "0x3635c9adc5dea00000"; // 1000 CTRN
                        storage[i] = slot;
                        break;
                    }
                }
                o["storageProof"] = storage;
                return QJsonValue(o);
            });
        });
        auto s = services(liar.url(), "liar");
        QVERIFY2(s.verifier && s.staking, s.verifierError.c_str());
        auto read = s.staking->account(*chain::Address::fromHex(kBuyer));
        QVERIFY2(read.ok(), read.ok() ? "" : read.error().message.c_str());
        // Caught lying once, the node is trusted for nothing more this
        // session: the balances read after the hub's proof are mismatches
        // naming it too, not figures from a liar.
        QVERIFY(read->unlocked.isMismatch());
        QVERIFY(read->reputation.isMismatch());
        QVERIFY(!read->positions.empty());
        for (const auto& p : read->positions) {
            QVERIFY(p.bonded.isMismatch());
            QVERIFY(p.principal.isMismatch());
            QVERIFY2(QString::fromStdString(p.bonded.mismatch().describe()).contains(liar.url()), p.bonded.mismatch().describe().c_str());
        }
    }
};

QTEST_MAIN(TstStakingDevnet)
#include "tst_staking_devnet.moc"
