// The wallet pages' list models on fixtures (tests/models/fixtures), under
// QAbstractItemModelTester: HistoryModel pages through 10,000 rows with
// fetchMore (pending first, newest first, each row once, total known from
// the first page) and formats amounts exactly; AddressBookModel adds,
// relabels, refuses a bad checksum or an empty label, removes;
// AccountsModel lists the wallet's accounts with ETH and CTRN free/locked
// and renames and switches them.
#include "wallet_fixture.h"

#include "accounts_model.h"
#include "address_book_model.h"
#include "history_model.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace ctrn::desktop;

class TstWalletModels : public QObject {
    Q_OBJECT

private slots:
    void historyPagesThroughTenThousandRows() {
        QTemporaryDir dir;
        auto services = fixture::services(dir, fixture::recordedNode(), false);
        fixture::fillHistory(dir.filePath(QStringLiteral("data")).toStdString(), 10000);
        fixture::Runner runner(services);
        AccountsModel accounts(&runner);
        accounts.refresh(); // learns the CTRN token (address, decimals) for the amounts
        QVERIFY(runner.drain());

        HistoryModel model(&runner, &accounts);
        model.setPageSize(200);
        model.setAccount(QString::fromLatin1(fixture::kAccount0));
        QVERIFY(runner.drain());
        QCOMPARE(model.rowCount(), 200); // one page, not everything
        // The tester checks every signal from here on; it also asks for
        // more whenever it may, as a greedy view would.
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.total(), qulonglong(10001));
        // Pending on top, then the newest finished row.
        QCOMPARE(model.data(model.index(0), HistoryModel::StatusRole).toString(), QStringLiteral("pending"));
        QVERIFY(model.data(model.index(0), HistoryModel::PendingRole).toBool());
        QCOMPARE(model.data(model.index(0), HistoryModel::AmountRole).toString(), QStringLiteral("1 CTRN"));
        QCOMPARE(model.data(model.index(1), HistoryModel::HashRole).toString(), QStringLiteral("0x%1").arg(9999, 64, 16, QChar(u'0')));

        // Scroll to the end the way a ListView does.
        do {
            if (model.canFetchMore({})) model.fetchMore({});
            QVERIFY(runner.drain());
        } while (model.canFetchMore({}) || model.loading());
        QCOMPARE(model.rowCount(), 10001);
        QSet<QString> hashes;
        for (int i = 0; i < model.rowCount(); ++i) hashes.insert(model.data(model.index(i), HistoryModel::HashRole).toString());
        QCOMPARE(hashes.size(), 10001);
        // The oldest row is the fixture's first: a CTRN transfer, exact.
        const auto last = model.index(10000);
        QCOMPARE(model.data(last, HistoryModel::AmountRole).toString(), QStringLiteral("12.5 CTRN"));
        QCOMPARE(model.data(last, HistoryModel::StatusRole).toString(), QStringLiteral("mined"));
        QCOMPARE(model.data(last, HistoryModel::BlockRole).toLongLong(), 120);
        QCOMPARE(model.data(model.index(9999), HistoryModel::AmountRole).toString(), QStringLiteral("1.5 ETH"));
        QCOMPARE(model.data(model.index(9998), HistoryModel::AmountRole).toString(), QStringLiteral("0.000000000000000001 ETH"));
        const auto details = model.details(10000);
        QCOMPARE(details.value(QStringLiteral("token")).toString(), QString::fromLatin1(fixture::kToken));
        QCOMPARE(details.value(QStringLiteral("nonce")).toString(), QStringLiteral("0"));

        // A refresh starts over from the top.
        model.refresh();
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(runner.drain());
        QVERIFY(model.rowCount() >= 200);
        // An account that neither sent nor received any of them has nothing.
        model.setAccount(QStringLiteral("0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65"));
        QVERIFY(runner.drain());
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.total(), qulonglong(0));
        QVERIFY(!model.canFetchMore({}));
    }

    void historyExportsCsv() {
        QTemporaryDir dir;
        auto services = fixture::services(dir, fixture::recordedNode(), false);
        fixture::fillHistory(dir.filePath(QStringLiteral("data")).toStdString(), 4);
        fixture::Runner runner(services);
        HistoryModel model(&runner, nullptr);
        QSignalSpy done(&model, &HistoryModel::requestDone);
        const QString path = dir.filePath(QStringLiteral("out.csv"));
        model.exportCsv(QUrl::fromLocalFile(path).toString());
        QVERIFY(runner.drain());
        QCOMPARE(done.count(), 1);
        QVERIFY(done.at(0).at(1).toBool());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(f.readAll()).count(QStringLiteral("\r\n")), 6); // header + 5 rows
    }

    void addressBook() {
        QTemporaryDir dir;
        auto services = fixture::services(dir, fixture::recordedNode(), false);
        fixture::Runner runner(services);
        AddressBookModel model(&runner);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.refresh();
        QVERIFY(runner.drain());
        QVERIFY(model.loaded());
        QCOMPARE(model.rowCount(), 0);

        model.save(QStringLiteral("0x70997970c51812dc3a010c7d01b50e0d17dc79c8"), QStringLiteral("Bob"));
        model.save(QStringLiteral("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC"), QStringLiteral("  Alice "));
        QVERIFY(runner.drain());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.data(model.index(0), AddressBookModel::LabelRole).toString(), QStringLiteral("Alice")); // by label, trimmed
        QCOMPARE(model.data(model.index(1), AddressBookModel::AddressRole).toString(),
                 QStringLiteral("0x70997970C51812dc3A010C7d01b50e0d17dc79C8")); // stored EIP-55
        QCOMPARE(model.labelFor(QStringLiteral("0x70997970C51812DC3A010C7D01B50E0D17DC79C8")), QStringLiteral("Bob"));

        // Edit = save again: one entry, new label.
        model.save(QStringLiteral("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"), QStringLiteral("Bob (work)"));
        QVERIFY(runner.drain());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.labelFor(QStringLiteral("0x70997970C51812dc3A010C7d01b50e0d17dc79C8")), QStringLiteral("Bob (work)"));

        // Refused before core is asked, with a message naming the problem.
        QSignalSpy done(&model, &AddressBookModel::requestDone);
        model.save(QStringLiteral("0x70997970C51812dc3A010C7d01b50e0d17dc79c8"), QStringLiteral("Typo"));
        QCOMPARE(model.error(), QStringLiteral("Invalid address: Invalid address: bad EIP-55 checksum"));
        model.save(QStringLiteral("0x90F79bf6EB2c4f870365E785982E1f101E93b906"), QStringLiteral(" "));
        QCOMPARE(model.error(), QStringLiteral("Give the address a label."));
        QCOMPARE(done.count(), 2);
        QCOMPARE(runner.pending(), 0);

        model.remove(QStringLiteral("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC"));
        QVERIFY(runner.drain());
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(model.error().isEmpty());
    }

    void accounts() {
        QTemporaryDir dir;
        auto services = fixture::services(dir, fixture::recordedNode());
        fixture::Runner runner(services);
        AccountsModel model(&runner);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setWallet(QStringLiteral("demo"));
        QVERIFY(runner.drain());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.currentAddress(), QString::fromLatin1(fixture::kAccount0)); // the first, at start
        QVERIFY(model.balancesLoaded());
        QCOMPARE(model.ethBalance(), QStringLiteral("100"));
        QCOMPARE(model.ctrnTotal(), QStringLiteral("5000"));
        QCOMPARE(model.ctrnLocked(), QStringLiteral("1200"));
        QCOMPARE(model.ctrnFree(), QStringLiteral("3800"));
        QCOMPARE(model.ctrnLockedShare(), 0.24);
        QCOMPARE(model.ctrnAddress(), QString::fromLatin1(fixture::kToken));
        QVERIFY(model.faucetAvailable()); // the recorded node is the devnet's anvil
        QCOMPARE(model.data(model.index(1), AccountsModel::HdIndexRole).toInt(), 1);
        QCOMPARE(model.data(model.index(1), AccountsModel::CtrnFreeRole).toString(), QStringLiteral("3800"));

        // Switch.
        const QString second = model.data(model.index(1), AccountsModel::AddressRole).toString();
        QSignalSpy current(&model, &AccountsModel::currentChanged);
        model.select(second);
        QCOMPARE(model.currentAddress(), second);
        QVERIFY(model.data(model.index(1), AccountsModel::CurrentRole).toBool());
        QVERIFY(!model.data(model.index(0), AccountsModel::CurrentRole).toBool());
        model.select(QStringLiteral("0x90F79bf6EB2c4f870365E785982E1f101E93b906")); // not ours: ignored
        QCOMPARE(model.currentAddress(), second);

        // Rename.
        model.renameAccount(second, QStringLiteral(" Savings "));
        QVERIFY(runner.drain());
        QCOMPARE(model.currentLabel(), QStringLiteral("Savings"));
        QCOMPARE(services.wallet->listWallets()->at(0).accounts[1].label, std::string("Savings"));

        // Add: a wrong password adds nothing and says so.
        QSignalSpy done(&model, &AccountsModel::requestDone);
        model.addAccount(QStringLiteral("wrong"));
        QVERIFY(runner.drain());
        QCOMPARE(done.last().at(1).toBool(), false);
        QCOMPARE(model.error(), QStringLiteral("Wrong password: no account was added."));
        model.addAccount(QStringLiteral("pw"));
        QVERIFY(runner.drain());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.data(model.index(2), AccountsModel::HdIndexRole).toInt(), 2);
    }
};

QTEST_MAIN(TstWalletModels)
#include "tst_wallet_models.moc"
