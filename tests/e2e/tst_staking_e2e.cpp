// Staking end to end: the real app (AppContext + Main.qml, offscreen) on the
// devnet fixture, driven through the QML items by objectName as a user
// would. A fresh wallet (imported with ctrn, unlocked through the Unlock
// page, funded by the devnet faucet on Accounts) opens Staking › Agents,
// picks an agent and types amounts into the stake form: zero, more than 18
// decimals and more than the unlocked balance are each refused before
// anything is signed (core's sentence; the nonce on chain does not move);
// 100 CTRN is reviewed (the decoded StakingHub.stake call), signed and
// mined, and the chain agrees (cast: stakeOf, lockedOf). On My staking the
// position shows 100 CTRN bonded with its proof; unstaking more than is
// bonded is refused; unstaking 40 starts an unbonding entry shown with its
// release time and countdown, and Withdraw is not offered before it. A
// reward is notified to the agent and the clock moves past the unbonding
// period: Withdraw is offered, signed and mined (nothing unbonding on
// chain), and Claim pays to the wei what was pending.
// Only this test's fresh account is used: the devnet is shared.
#include "e2e_driver.h"

#include <QApplication>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(ComputroniumPlugin)

using namespace e2e;

class TstStakingE2e : public Driver {
    Q_OBJECT

public:
    TstStakingE2e() : Driver(QStringLiteral("staking e2e password")) {}

private:
    QString stakeOf() {
        return cast({"call", m_hub, "stakeOf(address,address)(uint256,uint256)", m_address, m_agent}).split('\n').value(0).section(' ', 0, 0);
    }
    // Types an amount into the form and asks for a review; the refusal (a
    // form error or core's sentence) comes back in `banner`, nothing signed.
    void expectRefused(const QString& field, const QString& button, const QString& banner, const QString& amount, const QString& words) {
        const QString before = nonce();
        type(field, amount, QStringLiteral("amountInput"));
        if (clickable(button)) {
            QVERIFY(click(button));
            QTRY_VERIFY2_WITH_TIMEOUT(text(banner).contains(words, Qt::CaseInsensitive), qPrintable(text(banner)), kTimeout);
        } else {
            // Refused as typed: the field's own error, no review offered.
            QObject* f = item(field);
            QVERIFY2(f->property("error").toString().contains(words, Qt::CaseInsensitive), qPrintable(f->property("error").toString()));
        }
        QCOMPARE(stage(), QStringLiteral("edit"));
        QCOMPARE(nonce(), before);
    }

private slots:
    void initTestCase() {
        launch(QStringLiteral("staker"));
        m_hub = contract("StakingHub");
        m_token = contract("ComputroniumToken");
        m_treasury = contract("TimelockController");
        QVERIFY(!m_hub.isEmpty());
    }

    void unlockAndFund() { unlockWithFaucet(); }

    void stakeThroughTheAgentsPage() {
        goTo(QStringLiteral("agents"));
        auto* model = qobject_cast<QAbstractItemModel*>(item(QStringLiteral("agentsModel")));
        QVERIFY(model);
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() >= 6, kTimeout);
        int row = -1;
        const int nameRole = model->roleNames().key("name"), addressRole = model->roleNames().key("address");
        for (int r = 0; r < model->rowCount(); ++r)
            if (model->index(r, 0).data(nameRole).toString() == QStringLiteral("Atlas Compute")) row = r;
        QVERIFY(row >= 0);
        m_agent = model->index(row, 0).data(addressRole).toString();
        const QString stakeButton = QStringLiteral("stakeWith_%1").arg(row);
        QTRY_VERIFY2_WITH_TIMEOUT(clickable(stakeButton),
                                  qPrintable(QStringLiteral("row %1: found %2 shown %3").arg(row).arg(item(stakeButton) != nullptr).arg(isShown(item(stakeButton)))),
                                  kTimeout);
        QVERIFY(click(stakeButton));
        QTRY_VERIFY_WITH_TIMEOUT(isShown(item(QStringLiteral("stakeForm"))), kTimeout);
        // What can be staked, proven by the light client (the faucet's 1000).
        QTRY_VERIFY2_WITH_TIMEOUT(text(QStringLiteral("stakeUnlockedText")) == QStringLiteral("1000 CTRN"),
                                  qPrintable(text(QStringLiteral("stakeUnlockedText"))), kTimeout);
        QCOMPARE(item(QStringLiteral("stakeUnlocked"))->property("proof").toString(), QStringLiteral("verified"));

        const QString field = QStringLiteral("stakeAmountField"), button = QStringLiteral("stakeReviewButton"), banner = QStringLiteral("stakeError");
        expectRefused(field, button, banner, QStringLiteral("0"), QStringLiteral("must be positive"));
        expectRefused(field, button, banner, QStringLiteral("1.0000000000000000001"), QStringLiteral("decimal"));
        expectRefused(field, button, banner, QStringLiteral("5000"), QStringLiteral("insufficient unlocked balance"));

        const QString before = nonce();
        type(field, QStringLiteral("100"), QStringLiteral("amountInput"));
        QTRY_VERIFY_WITH_TIMEOUT(clickable(button), kTimeout);
        QVERIFY(click(button));
        QTRY_COMPARE_WITH_TIMEOUT(stage(), QStringLiteral("review"), kTimeout);
        QVERIFY2(text(QStringLiteral("txCall")).endsWith(QStringLiteral("stake")), qPrintable(text(QStringLiteral("txCall"))));
        QCOMPARE(text(QStringLiteral("txArgument_amount")), QStringLiteral("100 CTRN"));
        sign();
        QTRY_COMPARE_WITH_TIMEOUT(stage(), QStringLiteral("mined"), kTimeout);
        QCOMPARE(nonce().toInt(), before.toInt() + 1);
        // The chain agrees.
        QCOMPARE(stakeOf(), QStringLiteral("100000000000000000000"));
        QCOMPARE(cast({"call", m_token, "lockedOf(address)(uint256)", m_address}).section(' ', 0, 0), QStringLiteral("100000000000000000000"));
    }

    void positionOnMyStaking() {
        goTo(QStringLiteral("my-staking"));
        QTRY_VERIFY2_WITH_TIMEOUT(text(QStringLiteral("bonded_0Text")) == QStringLiteral("100 CTRN"),
                                  qPrintable(text(QStringLiteral("bonded_0Text")) + QStringLiteral(": ")
                                             + (item(QStringLiteral("bonded_0")) ? item(QStringLiteral("bonded_0"))->property("stateText").toString() : QString())),
                                  kTimeout);
        QCOMPARE(item(QStringLiteral("bonded_0"))->property("proof").toString(), QStringLiteral("verified"));
        QCOMPARE(text(QStringLiteral("lockedFigureText")), QStringLiteral("100 CTRN"));
        QVERIFY(!clickable(QStringLiteral("withdraw_0"))); // nothing unbonding

        QVERIFY(click(QStringLiteral("unstake_0")));
        QTRY_VERIFY_WITH_TIMEOUT(isShown(item(QStringLiteral("unstakeForm"))), kTimeout);
        expectRefused(QStringLiteral("unstakeAmountField"), QStringLiteral("unstakeReviewButton"), QStringLiteral("positionError"), QStringLiteral("200"),
                      QStringLiteral("insufficient stake"));
        type(QStringLiteral("unstakeAmountField"), QStringLiteral("40"), QStringLiteral("amountInput"));
        QVERIFY(click(QStringLiteral("unstakeReviewButton")));
        QTRY_COMPARE_WITH_TIMEOUT(stage(), QStringLiteral("review"), kTimeout);
        sign();
        QTRY_COMPARE_WITH_TIMEOUT(stage(), QStringLiteral("mined"), kTimeout);
        QCOMPARE(stakeOf(), QStringLiteral("60000000000000000000"));
        // The unbonding entry with its release time; no Withdraw before it.
        // (The row shows before its proven entry arrives: wait for both the
        // date and the countdown.)
        QTRY_VERIFY2_WITH_TIMEOUT(text(QStringLiteral("release_0")).startsWith(QStringLiteral("Free on "))
                                      && text(QStringLiteral("release_0")).contains(QStringLiteral(" d ")),
                                  qPrintable(text(QStringLiteral("release_0"))), kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(text(QStringLiteral("unbonding_0Text")), QStringLiteral("40 CTRN"), kTimeout);
        QVERIFY(!clickable(QStringLiteral("withdraw_0")));
        // And core, asked anyway (ctrn on the same wallet: the same rule),
        // refuses before signing and says when.
        const QString before = nonce();
        const auto early = runCtrn({"stake", "withdraw", m_agent, "--from", m_address, "--password-file", m_passwordFile,
                                    "--datadir", m_dir.filePath("data"), "--network", "devnet", "--yes"});
        QCOMPARE(early.exitCode, 1);
        QVERIFY2(early.err.contains("nothing to withdraw until "), qPrintable(early.err));
        QCOMPARE(nonce(), before);
    }

    void withdrawOnceReleasedAndClaimRewards() {
        // A reward for the agent (anyone may notify one: here the devnet's
        // treasury, impersonated), streamed to its stakers over a day; then
        // the clock moves past the unbonding period and that day.
        QVERIFY(!m_treasury.isEmpty());
        QVERIFY(!cast({"rpc", "anvil_impersonateAccount", m_treasury}).startsWith("error"));
        const QString reward = QStringLiteral("100000000000000000000"); // 100 CTRN
        QVERIFY(!cast({"send", "--unlocked", "--from", m_treasury, m_token, "approve(address,uint256)", m_hub, reward}).startsWith("error"));
        QVERIFY(!cast({"send", "--unlocked", "--from", m_treasury, m_hub, "notifyReward(address,uint256)", m_agent, reward}).startsWith("error"));
        cast({"rpc", "anvil_stopImpersonatingAccount", m_treasury});
        const qint64 period = cast({"call", m_hub, "unbondingPeriod()(uint256)"}).section(' ', 0, 0).toLongLong();
        QVERIFY(period > 0);
        QVERIFY(!cast({"rpc", "evm_increaseTime", QString::number(period + 86400 + 60)}).startsWith("error"));
        QVERIFY(!cast({"rpc", "evm_mine"}).startsWith("error"));

        // Released: the page says so at the new head and offers Withdraw.
        QTRY_VERIFY2_WITH_TIMEOUT(clickable(QStringLiteral("withdraw_0")), qPrintable(text(QStringLiteral("release_0"))), kTimeout);
        QVERIFY(text(QStringLiteral("release_0")).startsWith(QStringLiteral("Released on")));
        QVERIFY(click(QStringLiteral("withdraw_0")));
        QTRY_COMPARE_WITH_TIMEOUT(stage(), QStringLiteral("review"), kTimeout);
        QVERIFY2(text(QStringLiteral("txCall")).endsWith(QStringLiteral("withdraw")), qPrintable(text(QStringLiteral("txCall"))));
        sign();
        QTRY_COMPARE_WITH_TIMEOUT(stage(), QStringLiteral("mined"), kTimeout);
        // The chain agrees: nothing unbonding, 60 CTRN still locked.
        QCOMPARE(cast({"call", m_hub, "stakeOf(address,address)(uint256,uint256)", m_address, m_agent}).split('\n').value(1).section(' ', 0, 0),
                 QStringLiteral("0"));
        QCOMPARE(cast({"call", m_token, "lockedOf(address)(uint256)", m_address}).section(' ', 0, 0), QStringLiteral("60000000000000000000"));

        // Rewards: pending (proven) and claimed in one reviewed transaction.
        QTRY_VERIFY_WITH_TIMEOUT(clickable(QStringLiteral("claim_0")), kTimeout);
        const auto pendingOnChain = [&] {
            return cast({"call", m_hub, "pendingRewards(address,address)(uint256)", m_address, m_agent}).section(' ', 0, 0);
        };
        QVERIFY(pendingOnChain() != QStringLiteral("0"));
        const QString balanceBefore = cast({"call", m_token, "balanceOf(address)(uint256)", m_address}).section(' ', 0, 0);
        const QString owed = pendingOnChain(); // the stream has ended: no more accrues
        QVERIFY(click(QStringLiteral("claim_0")));
        QTRY_COMPARE_WITH_TIMEOUT(stage(), QStringLiteral("review"), kTimeout);
        QVERIFY2(text(QStringLiteral("txCall")).endsWith(QStringLiteral("claim")), qPrintable(text(QStringLiteral("txCall"))));
        sign();
        QTRY_COMPARE_WITH_TIMEOUT(stage(), QStringLiteral("mined"), kTimeout);
        QCOMPARE(pendingOnChain(), QStringLiteral("0"));
        const QString balanceAfter = cast({"call", m_token, "balanceOf(address)(uint256)", m_address}).section(' ', 0, 0);
        // To the wei: what was pending is what arrived.
        const auto after = ctrn::parseU256(balanceAfter.toStdString()), before = ctrn::parseU256(balanceBefore.toStdString());
        QVERIFY(after.ok() && before.ok());
        QCOMPARE(QString::fromStdString(ctrn::toDecimal(*after - *before)), owed);
    }

    void cleanupTestCase() { shutDown(); }

private:
    QString m_hub, m_token, m_treasury, m_agent;
};

int main(int argc, char** argv) {
    QApplication app(argc, argv); // as in the app
    TstStakingE2e test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_staking_e2e.moc"
