// The desktop app end to end: the same AppContext and Main.qml the
// executable loads (loadMainWindow), offscreen, on a fresh data directory,
// connected to the devnet fixture, driven through the QML items by
// objectName as a user would — typing into the fields with key events,
// clicking buttons, reading what the items show; no view-model property is
// set behind the UI's back: onboarding creates a wallet (the shown words
// typed back), the devnet faucet funds it (and its CTRN grant, found on
// chain, is listed in History as received), the Send page shows the light
// client's proof of the balance, a CTRN transfer is reviewed, confirmed,
// mined and listed in History once; a wrong password, an invalid recipient
// and an amount above the balance each show a message and send nothing (the
// account's nonce on chain does not move); the account selected survives a
// restart of the app (a new AppContext and window on the same data). Only the wallet
// created here and a freshly generated recipient are used: the devnet is
// shared with tests running in parallel.
#include "accounts_model.h"
#include "e2e_driver.h"

#include <QApplication>
#include <QRandomGenerator>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(ComputroniumPlugin)

using namespace ctrn::desktop;
using namespace e2e;

namespace {
const QString kPassword = QStringLiteral("correct horse battery staple");
} // namespace

class TstDesktopE2e : public Driver {
    Q_OBJECT

public:
    TstDesktopE2e() : Driver(kPassword) {}

private:
    QString mode() const { return m_window->property("mode").toString(); }
    // castLocal for conversions that need no node (cast: on the devnet).
    static QString castLocal(const QStringList& args) {
        const auto r = runCast(args);
        return r.exitCode == 0 ? r.out : QStringLiteral("error: ") + r.err;
    }
    QString ctrnOf(const QString& address) {
        return cast({QStringLiteral("call"), m_token, QStringLiteral("balanceOf(address)(uint256)"), address}).section(QLatin1Char(' '), 0, 0);
    }
    // A tap at the middle of the item named `name`, as a mouse does.
    void tap(const QString& name) {
        auto* it = qobject_cast<QQuickItem*>(item(name));
        QVERIFY2(it && it->isVisible(), qPrintable(name));
        const QPointF centre = it->mapToScene(QPointF(it->width() / 2, it->height() / 2));
        QTest::mouseClick(m_window, Qt::LeftButton, Qt::NoModifier, centre.toPoint());
    }
    void startApp() { openApp(); }
    // A History row's value by role name.
    static QVariant cell(QAbstractItemModel* model, int row, const QByteArray& role) {
        return model->index(row, 0).data(model->roleNames().key(role));
    }
    // Fills the send form as a user does: the CTRN segment, then typing.
    void fillSend(const QString& recipient, const QString& amount) {
        QVERIFY(click(QStringLiteral("option_CTRN")));
        type(QStringLiteral("recipientField"), recipient, QStringLiteral("addressInput"));
        type(QStringLiteral("amountField"), amount, QStringLiteral("amountInput"));
    }
    // The flow's password stage: Continue from the review, type, sign.
    void sign(const QString& password) {
        QTRY_VERIFY_WITH_TIMEOUT(clickable(QStringLiteral("txContinue")), kTimeout);
        QVERIFY(click(QStringLiteral("txContinue")));
        QTRY_COMPARE_WITH_TIMEOUT(stage(), QStringLiteral("password"), kTimeout);
        type(QStringLiteral("txPassword"), password, QStringLiteral("passwordInput"));
        QVERIFY(click(QStringLiteral("txConfirm")));
    }

private slots:
    void initTestCase() {
        QFile f(qEnvironmentVariable("CTRN_DEVNET_DIR") + QStringLiteral("/devnet.json"));
        QVERIFY2(f.open(QIODevice::ReadOnly), "the devnet fixture wrote no manifest");
        const QJsonObject manifest = QJsonDocument::fromJson(f.readAll()).object();
        m_rpc = manifest.value(QStringLiteral("rpc")).toString();
        m_token = manifest.value(QStringLiteral("contracts")).toObject().value(QStringLiteral("ComputroniumToken")).toString();
        QVERIFY(!m_rpc.isEmpty() && !m_token.isEmpty());

        // A recipient nobody else uses: 20 random bytes, EIP-55 checksummed.
        QByteArray raw(20, Qt::Uninitialized);
        for (auto& b : raw) b = static_cast<char>(QRandomGenerator::global()->bounded(256));
        m_recipient = castLocal({QStringLiteral("to-check-sum-address"), QStringLiteral("0x") + QString::fromLatin1(raw.toHex())});
        QVERIFY2(m_recipient.startsWith(QStringLiteral("0x")) && m_recipient.size() == 42, qPrintable(m_recipient));

        QVERIFY(m_dir.isValid());
        startApp();
    }

    void onboardingCreatesWallet() {
        QTRY_COMPARE_WITH_TIMEOUT(mode(), QStringLiteral("onboarding"), kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(clickable(QStringLiteral("createChoice")), kTimeout);
        QVERIFY(click(QStringLiteral("createChoice")));
        QTRY_VERIFY_WITH_TIMEOUT(isShown(item(QStringLiteral("passwordField"))), kTimeout);
        type(QStringLiteral("nameField"), QStringLiteral("e2e"));
        type(QStringLiteral("passwordField"), kPassword, QStringLiteral("passwordInput"));
        type(QStringLiteral("repeatField"), kPassword, QStringLiteral("passwordInput"));
        QVERIFY(click(QStringLiteral("createButton")));

        // The phrase, as shown.
        QTRY_VERIFY_WITH_TIMEOUT(isShown(item(QStringLiteral("word11"))), kTimeout);
        QStringList words;
        for (int i = 0; i < 12; ++i) words << text(QStringLiteral("word%1").arg(i));
        QVERIFY(!words.contains(QString()));
        QVERIFY(!click(QStringLiteral("continueButton"))); // not before ticking "written down"
        item(QStringLiteral("savedCheck"))->setProperty("checked", true);
        QVERIFY(click(QStringLiteral("continueButton")));

        // Type back the words asked for; a wrong word is refused first.
        QStringList asked;
        for (int i = 0; i < 12; ++i)
            if (isShown(item(QStringLiteral("answer%1").arg(i)))) asked << QString::number(i);
        QCOMPARE(asked.size(), 3);
        for (const QString& i : asked) type(QStringLiteral("answer") + i, QStringLiteral("wrong"));
        QVERIFY(click(QStringLiteral("confirmButton")));
        QVERIFY(text(QStringLiteral("mismatchBanner")).contains(QStringLiteral("do not match")));
        for (const QString& i : asked) type(QStringLiteral("answer") + i, words[i.toInt()]);
        QVERIFY(click(QStringLiteral("confirmButton")));

        QTRY_COMPARE_WITH_TIMEOUT(mode(), QStringLiteral("shell"), kTimeout);
        QCOMPARE(m_context->session()->currentWallet(), QStringLiteral("e2e"));
        QTRY_VERIFY_WITH_TIMEOUT(text(QStringLiteral("currentAddress")).startsWith(QStringLiteral("0x")), kTimeout);
        m_address = text(QStringLiteral("currentAddress"));
        QCOMPARE(castLocal({QStringLiteral("to-check-sum-address"), m_address}), m_address);
    }

    void faucetFunds() {
        QCOMPARE(m_window->property("currentPage").toString(), QStringLiteral("accounts"));
        QCOMPARE(cast({QStringLiteral("balance"), m_address}), QStringLiteral("0"));
        QTRY_VERIFY_WITH_TIMEOUT(clickable(QStringLiteral("faucetButton")), kTimeout);
        QVERIFY(click(QStringLiteral("faucetButton")));
        QTRY_VERIFY_WITH_TIMEOUT(cast({QStringLiteral("balance"), m_address}) != QStringLiteral("0") && ctrnOf(m_address) != QStringLiteral("0"),
                                 kTimeout);
        // The page shows what the chain holds.
        QTRY_VERIFY_WITH_TIMEOUT(text(QStringLiteral("ethBalance")) != QStringLiteral("0") && !text(QStringLiteral("ethBalance")).isEmpty()
                                     && isShown(item(QStringLiteral("ctrnTotal"))) && text(QStringLiteral("ctrnTotal")) != QStringLiteral("0"),
                                 kTimeout);
        // ...and the light client proves it (at a block after the faucet's).
        QTRY_VERIFY2_WITH_TIMEOUT(text(QStringLiteral("verificationState")).startsWith(QStringLiteral("Verified by the light client"))
                                      && !text(QStringLiteral("verificationState")).contains(QStringLiteral(": 0 ETH")),
                                  qPrintable(text(QStringLiteral("verificationState"))), kTimeout);
        const QString shownEth = text(QStringLiteral("ethBalance")), shownCtrn = text(QStringLiteral("ctrnTotal"));
        const QString chainEth = castLocal({QStringLiteral("from-wei"), cast({QStringLiteral("balance"), m_address})});
        const QString chainCtrn = castLocal({QStringLiteral("from-wei"), ctrnOf(m_address)});
        QVERIFY2(chainEth.startsWith(shownEth.section(QLatin1Char(' '), 0, 0).remove(QLatin1Char(','))),
                 qPrintable(shownEth + QStringLiteral(" vs ") + chainEth + QStringLiteral(" | ") + text(QStringLiteral("verificationState"))));
        QVERIFY2(chainCtrn.startsWith(shownCtrn.section(QLatin1Char(' '), 0, 0).remove(QLatin1Char(','))),
                 qPrintable(shownCtrn + QStringLiteral(" vs ") + chainCtrn));
    }

    void wrongPasswordSendsNothing() {
        goTo(QStringLiteral("send"));
        QTRY_VERIFY_WITH_TIMEOUT(isShown(item(QStringLiteral("fee_normal"))), kTimeout); // the fee presets loaded
        // The balance offered is proven by the light client, as on Accounts.
        QTRY_VERIFY2_WITH_TIMEOUT(text(QStringLiteral("sendVerification")).startsWith(QStringLiteral("Verified by the light client at block")),
                                  qPrintable(text(QStringLiteral("sendVerification"))), kTimeout);
        QVERIFY(clickable(QStringLiteral("amountMax")));
        QVERIFY2(text(QStringLiteral("sendAvailable")).startsWith(QStringLiteral("Free to send: 1000 CTRN"))
                     || text(QStringLiteral("sendAvailable")).startsWith(QStringLiteral("Balance: ")),
                 qPrintable(text(QStringLiteral("sendAvailable"))));
        const QString before = nonce();
        fillSend(m_recipient, QStringLiteral("1.5"));
        QTRY_VERIFY_WITH_TIMEOUT(clickable(QStringLiteral("reviewButton")), kTimeout);
        QVERIFY(click(QStringLiteral("reviewButton")));
        QTRY_COMPARE_WITH_TIMEOUT(stage(), QStringLiteral("review"), kTimeout);
        sign(QStringLiteral("not the password"));
        QTRY_VERIFY_WITH_TIMEOUT(!text(QStringLiteral("txError")).isEmpty(), kTimeout);
        QVERIFY2(text(QStringLiteral("txError")).contains(QStringLiteral("password"), Qt::CaseInsensitive), qPrintable(text(QStringLiteral("txError"))));
        QVERIFY(isShown(item(QStringLiteral("txError"))));
        QCOMPARE(stage(), QStringLiteral("password"));
        QCOMPARE(nonce(), before);
        QVERIFY(click(QStringLiteral("txBack"))); // password -> review
        QVERIFY(click(QStringLiteral("txBack"))); // review -> edit
        QTRY_COMPARE_WITH_TIMEOUT(stage(), QStringLiteral("edit"), kTimeout);
    }

    void sendCtrn() {
        const QString before = nonce();
        fillSend(m_recipient, QStringLiteral("1.5"));
        QTRY_VERIFY_WITH_TIMEOUT(clickable(QStringLiteral("reviewButton")), kTimeout);
        QVERIFY(click(QStringLiteral("reviewButton")));
        QTRY_COMPARE_WITH_TIMEOUT(stage(), QStringLiteral("review"), kTimeout);
        // The decoded call: a CTRN transfer of 1.5 to the recipient.
        const QString summary = text(QStringLiteral("txSummary"));
        QVERIFY2(summary.contains(QStringLiteral("1.5")) && summary.contains(QStringLiteral("CTRN")), qPrintable(summary));
        QVERIFY2(text(QStringLiteral("txCall")).endsWith(QStringLiteral("transfer")), qPrintable(text(QStringLiteral("txCall"))));
        QCOMPARE(text(QStringLiteral("txArgument_value")), QStringLiteral("1.5 CTRN"));
        QVERIFY2(text(QStringLiteral("txArgument_to")).contains(m_recipient, Qt::CaseInsensitive), qPrintable(text(QStringLiteral("txArgument_to"))));
        QVERIFY(!text(QStringLiteral("txGasLimit")).isEmpty());
        sign(kPassword);
        QTRY_COMPARE_WITH_TIMEOUT(stage(), QStringLiteral("mined"), kTimeout);
        QVERIFY(isShown(item(QStringLiteral("txStatus"))));
        m_txHash = text(QStringLiteral("txHash"));
        QVERIFY2(m_txHash.startsWith(QStringLiteral("0x")) && m_txHash.size() == 66, qPrintable(m_txHash));
        QCOMPARE(ctrnOf(m_recipient), QStringLiteral("1500000000000000000"));
        QCOMPARE(nonce().toInt(), before.toInt() + 1);

        goTo(QStringLiteral("history"));
        QObject* history = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((history = item(QStringLiteral("historyModel"))) != nullptr, kTimeout);
        auto* model = qobject_cast<QAbstractItemModel*>(history);
        QVERIFY(model);
        const auto listed = [&] {
            for (int r = 0; r < model->rowCount(); ++r)
                if (model->index(r, 0).data(Qt::UserRole + 1).toString().compare(m_txHash, Qt::CaseInsensitive) == 0) return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(listed(), kTimeout);
        // The faucet's grant, found on chain: received, 1000 CTRN, from the
        // treasury, at a block. The send is listed once (its own Transfer
        // log is the same transaction).
        const auto grant = [&] {
            for (int r = 0; r < model->rowCount(); ++r)
                if (cell(model, r, "direction").toString() == QStringLiteral("in") && cell(model, r, "amount").toString() == QStringLiteral("1000 CTRN")
                    && cell(model, r, "found").toBool() && cell(model, r, "block").toLongLong() > 0)
                    return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(grant(), kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(!history->property("scanning").toBool(), kTimeout);
        QVERIFY2(history->property("scanError").toString().isEmpty(), qPrintable(history->property("scanError").toString()));
        int sends = 0;
        for (int r = 0; r < model->rowCount(); ++r)
            if (cell(model, r, "hash").toString().compare(m_txHash, Qt::CaseInsensitive) == 0) {
                ++sends;
                QCOMPARE(cell(model, r, "direction").toString(), QStringLiteral("out"));
                QCOMPARE(cell(model, r, "counterparty").toString(), m_recipient);
            }
        QCOMPARE(sends, 1);
        goTo(QStringLiteral("send"));
        QTRY_COMPARE_WITH_TIMEOUT(stage(), QStringLiteral("edit"), kTimeout); // a new page: a new send
        QTRY_VERIFY_WITH_TIMEOUT(isShown(item(QStringLiteral("fee_normal"))), kTimeout); // the fee presets loaded
    }

    void invalidRecipientRefused_data() {
        QTest::addColumn<QString>("recipient");
        QString badChecksum = m_recipient;
        for (int i = 2; i < badChecksum.size(); ++i) {
            const QChar c = badChecksum[i];
            if (c.isLetter()) {
                badChecksum[i] = c.isUpper() ? c.toLower() : c.toUpper();
                break;
            }
        }
        QTest::newRow("bad checksum") << badChecksum;
        QTest::newRow("malformed") << QStringLiteral("0x1234");
    }
    void invalidRecipientRefused() {
        QFETCH(QString, recipient);
        const QString before = nonce();
        fillSend(recipient, QStringLiteral("1"));
        // The message is on screen under the field.
        QTRY_VERIFY_WITH_TIMEOUT(!item(QStringLiteral("recipientField"))->property("error").toString().isEmpty(), kTimeout);
        const QString shown = item(QStringLiteral("recipientField"))->property("error").toString();
        QVERIFY2(shown.contains(QStringLiteral("address"), Qt::CaseInsensitive) || shown.contains(QStringLiteral("checksum"), Qt::CaseInsensitive),
                 qPrintable(shown));
        QVERIFY(!click(QStringLiteral("reviewButton"))); // not offered for an invalid address
        QTest::qWait(0);
        QCOMPARE(stage(), QStringLiteral("edit"));
        QCOMPARE(nonce(), before);
    }

    void amountAboveBalanceRefused() {
        const QString before = nonce();
        fillSend(m_recipient, QStringLiteral("1000000000"));
        click(QStringLiteral("reviewButton"));
        QTRY_VERIFY_WITH_TIMEOUT(clickable(QStringLiteral("reviewButton"))
                                     && (!item(QStringLiteral("amountField"))->property("error").toString().isEmpty()
                                         || !text(QStringLiteral("sendError")).isEmpty()),
                                 kTimeout);
        const QString shown = item(QStringLiteral("amountField"))->property("error").toString() + text(QStringLiteral("sendError"));
        QVERIFY2(shown.contains(QStringLiteral("balance"), Qt::CaseInsensitive) || shown.contains(QStringLiteral("more than"), Qt::CaseInsensitive)
                     || shown.contains(QStringLiteral("enough"), Qt::CaseInsensitive),
                 qPrintable(shown));
        QCOMPARE(stage(), QStringLiteral("edit"));
        QCOMPARE(nonce(), before);
    }

    void selectedAccountSurvivesRestart() {
        goTo(QStringLiteral("accounts"));
        type(QStringLiteral("addAccountPassword"), kPassword, QStringLiteral("passwordInput"));
        QVERIFY(click(QStringLiteral("addAccountButton")));
        QTRY_VERIFY_WITH_TIMEOUT(item(QStringLiteral("accountRow1")) != nullptr, kTimeout);
        const QString second = item(QStringLiteral("accountRow1"))->property("address").toString();
        QVERIFY(second.startsWith(QStringLiteral("0x")) && second != m_address);
        // A tap on a row: the first, then the second.
        tap(QStringLiteral("accountRow0"));
        QTRY_COMPARE_WITH_TIMEOUT(text(QStringLiteral("currentAddress")), m_address, kTimeout);
        tap(QStringLiteral("accountRow1"));
        QTRY_COMPARE_WITH_TIMEOUT(text(QStringLiteral("currentAddress")), second, kTimeout);

        // Quit and start again on the same data: locked, then unlocked.
        m_engine.reset();
        m_context->drain();
        m_context.reset();
        m_window = nullptr;
        startApp();
        QTRY_COMPARE_WITH_TIMEOUT(mode(), QStringLiteral("unlock"), kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(isShown(item(QStringLiteral("unlockPassword"))), kTimeout);
        type(QStringLiteral("unlockPassword"), kPassword, QStringLiteral("passwordInput"));
        QTRY_VERIFY_WITH_TIMEOUT(clickable(QStringLiteral("unlockButton")), kTimeout);
        QVERIFY(click(QStringLiteral("unlockButton")));
        QTRY_COMPARE_WITH_TIMEOUT(mode(), QStringLiteral("shell"), kTimeout);
        // The app opens on the account selected before, not on the first.
        QTRY_COMPARE_WITH_TIMEOUT(AccountsModel::instance()->currentAddress(), second, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(text(QStringLiteral("currentAddress")), second, kTimeout);
    }

    void cleanupTestCase() {
        m_engine.reset();
        if (m_context) m_context->drain();
    }

private:
    QString m_token, m_recipient, m_txHash;
};

int main(int argc, char** argv) {
    // A QApplication as in the app: the wallet pages' charts need one.
    QApplication app(argc, argv);
    TstDesktopE2e test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_desktop_e2e.moc"
