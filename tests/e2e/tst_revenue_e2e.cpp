// Revenue end to end: the real app on the devnet fixture, driven through
// the Revenue page as a user would. A fresh wallet (faucet-funded) stakes
// 500 CTRN (with ctrn: staking has its own e2e test); this epoch began
// before the stake, so the page offers no check-in and nothing to claim,
// and says why. The clock passes the epoch's end: the page offers
// Finalize, which is reviewed (the decoded finalizeEpoch call), signed and
// mined (the chain's epoch moves on). The stake now counts: Check in is
// offered and records it (the chain's weight agrees). Revenue arrives, the
// epoch ends and is finalized through the page; the share shows proven,
// recomputed here and equal to the contract's claimable; Claim all pays it
// in one transaction and the balance grows by exactly the amount shown.
// Only this test's fresh account is used; the chain's clock moves
// (RESOURCE_LOCK devnet_head_state).
#include "e2e_driver.h"

#include <core/interfaces/values.h>

#include <QApplication>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(ComputroniumPlugin)

using namespace e2e;

namespace {
const char* kAgent = "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65"; // "Atlas Compute"
const QString kStake = QStringLiteral("500000000000000000000");    // 500 CTRN
}

class TstRevenueE2e : public Driver {
    Q_OBJECT

public:
    TstRevenueE2e() : Driver(QStringLiteral("revenue e2e password")) {}

private:
    QString distributor() const { return contract("RevenueDistributor"); }
    QString currentEpoch() { return call(distributor(), "currentEpoch()(uint256)"); }
    // Finalize through the page: offered once the epoch is over, reviewed, signed, mined.
    void finalizeThroughThePage() {
        const QString before = currentEpoch();
        QTRY_VERIFY_WITH_TIMEOUT(clickable(QStringLiteral("finalizeButton")), kTimeout);
        QVERIFY(click(QStringLiteral("finalizeButton")));
        QTRY_COMPARE_WITH_TIMEOUT(stage(), QStringLiteral("review"), kTimeout);
        QVERIFY2(text(QStringLiteral("txCall")).endsWith(QStringLiteral("finalizeEpoch")), qPrintable(text(QStringLiteral("txCall"))));
        sign();
        QTRY_COMPARE_WITH_TIMEOUT(stage(), QStringLiteral("mined"), kTimeout);
        QCOMPARE(currentEpoch().toULongLong(), before.toULongLong() + 1);
        QVERIFY(click(QStringLiteral("txNew")));
    }

private slots:
    void initTestCase() { launch(QStringLiteral("earner")); }

    void fundAndStake() {
        unlockWithFaucet();
        const auto staked = runCtrn({"stake", "add", kAgent, "--amount", "500", "--from", m_address, "--password-file", m_passwordFile,
                                     "--datadir", m_dir.filePath("data"), "--network", "devnet", "--yes"});
        CTRN_EXPECT_OK(staked);
        QCOMPARE(call(contract("ComputroniumToken"), "lockedOf(address)(uint256)", {m_address}), kStake);
    }

    void nothingYetAndWhy() {
        goTo(QStringLiteral("revenue"));
        QTRY_VERIFY_WITH_TIMEOUT(item(QStringLiteral("revenueModel")) && item(QStringLiteral("revenueModel"))->property("loaded").toBool(), kTimeout);
        // The stake came after this epoch began: it earns from the next one.
        QTRY_VERIFY2_WITH_TIMEOUT(text(QStringLiteral("claimBlocked")).startsWith(QStringLiteral("Nothing to claim")),
                                  qPrintable(text(QStringLiteral("claimBlocked"))), kTimeout);
        QVERIFY(!clickable(QStringLiteral("claimAllButton")));
        QVERIFY(!isShown(item(QStringLiteral("checkInButton"))));
        QCOMPARE(item(QStringLiteral("openFunds"))->property("proof").toString(), QStringLiteral("verified"));
    }

    void finalizeThenCheckIn() {
        advance(301);
        finalizeThroughThePage();
        // Locked since the new epoch began: checking in records it.
        QTRY_VERIFY_WITH_TIMEOUT(clickable(QStringLiteral("checkInButton")), kTimeout);
        QVERIFY(click(QStringLiteral("checkInButton")));
        QTRY_COMPARE_WITH_TIMEOUT(stage(), QStringLiteral("review"), kTimeout);
        QVERIFY2(text(QStringLiteral("txCall")).endsWith(QStringLiteral("checkIn")), qPrintable(text(QStringLiteral("txCall"))));
        sign();
        QTRY_COMPARE_WITH_TIMEOUT(stage(), QStringLiteral("mined"), kTimeout);
        m_epoch = currentEpoch();
        QCOMPARE(call(distributor(), "weights(uint256,uint8,address)(uint256,uint256)", {m_epoch, "3", m_address}), kStake);
        QVERIFY(click(QStringLiteral("txNew")));
        QTRY_VERIFY_WITH_TIMEOUT(!isShown(item(QStringLiteral("checkInButton"))), kTimeout);
    }

    void finalizeAndClaimAll() {
        // Revenue for the epoch (the treasury's, impersonated: anyone may notify revenue).
        const QString treasury = contract("TimelockController"), token = contract("ComputroniumToken");
        QVERIFY(!cast({"rpc", "anvil_impersonateAccount", treasury}).startsWith("error"));
        const QString revenue = QStringLiteral("1000000000000000000000"); // 1000 CTRN
        QVERIFY(!cast({"send", "--unlocked", "--from", treasury, token, "approve(address,uint256)", distributor(), revenue}).startsWith("error"));
        QVERIFY(!cast({"send", "--unlocked", "--from", treasury, distributor(), "notifyRevenue(uint256)", revenue}).startsWith("error"));
        cast({"rpc", "anvil_stopImpersonatingAccount", treasury});
        advance(301);
        finalizeThroughThePage();

        // The share: proven, recomputed here, equal to the contract's.
        const QString row = QStringLiteral("share_%1_community").arg(m_epoch);
        QTRY_VERIFY_WITH_TIMEOUT(item(row + "_figure") != nullptr, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(item(row + "_figure")->property("proof").toString(), QStringLiteral("verified"), kTimeout);
        const QString onChain = call(distributor(), "claimable(uint256,uint8,address)(uint256)", {m_epoch, "3", m_address});
        const auto owed = ctrn::parseU256(onChain.toStdString());
        QVERIFY(owed.ok() && *owed > 0);
        const QString shown = QString::fromStdString(ctrn::interfaces::formatAmount(*owed, 18)) + QStringLiteral(" CTRN");
        QTRY_COMPARE_WITH_TIMEOUT(text(row + "_figureText"), shown, kTimeout);
        QTRY_VERIFY2_WITH_TIMEOUT(text(row + "_node").contains(QStringLiteral("agrees")), qPrintable(text(row + "_node")), kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(text(QStringLiteral("totalClaimableText")), shown, kTimeout);

        const QString balanceBefore = call(token, "balanceOf(address)(uint256)", {m_address});
        QTRY_VERIFY_WITH_TIMEOUT(clickable(QStringLiteral("claimAllButton")), kTimeout);
        QVERIFY(click(QStringLiteral("claimAllButton")));
        QTRY_COMPARE_WITH_TIMEOUT(stage(), QStringLiteral("review"), kTimeout);
        QVERIFY2(text(QStringLiteral("txCall")).endsWith(QStringLiteral("claim")), qPrintable(text(QStringLiteral("txCall"))));
        sign();
        QTRY_COMPARE_WITH_TIMEOUT(stage(), QStringLiteral("mined"), kTimeout);
        // The chain agrees, to the wei.
        QCOMPARE(call(distributor(), "hasClaimed(uint256,uint8,address)(bool)", {m_epoch, "3", m_address}), QStringLiteral("true"));
        const auto after = ctrn::parseU256(call(token, "balanceOf(address)(uint256)", {m_address}).toStdString());
        const auto before = ctrn::parseU256(balanceBefore.toStdString());
        QVERIFY(after.ok() && before.ok());
        QCOMPARE(QString::fromStdString(ctrn::toDecimal(*after - *before)), onChain);
        QVERIFY(click(QStringLiteral("txNew")));
        QTRY_VERIFY_WITH_TIMEOUT(!clickable(QStringLiteral("claimAllButton")), kTimeout);
        // Listed under My claims, proven by the page's proof.
        QTRY_COMPARE_WITH_TIMEOUT(text(QStringLiteral("claim_0_amountText")), shown, kTimeout);
        QCOMPARE(item(QStringLiteral("claim_0_amount"))->property("proof").toString(), QStringLiteral("verified"));
    }

    void cleanupTestCase() { shutDown(); }

private:
    QString m_epoch;
};

int main(int argc, char** argv) {
    QApplication app(argc, argv); // as in the app
    TstRevenueE2e test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_revenue_e2e.moc"
