// The wallet pages' list models on fixtures (tests/models/fixtures), under
// QAbstractItemModelTester: HistoryModel pages through 10,000 rows with
// fetchMore (pending first, newest first, each row once, total known from
// the first page), formats amounts exactly, and refreshes in place (the
// same rows again: no reset, no signal); AddressBookModel adds,
// relabels, refuses a bad checksum or an empty label, removes;
// AccountsModel lists the wallet's accounts with ETH and CTRN free/locked,
// renames and switches them, and reopens on the account last selected;
// HistoryModel merges the CTRN transfers found on a fake chain's Transfer
// logs with the wallet's own sends (each transfer once, own sends not
// repeated), pages through them, scans only new blocks, drops what a reorg
// removed, and exports them as CSV.
#include "wallet_fixture.h"

#include "accounts_model.h"
#include "address_book_model.h"
#include "history_model.h"
#include "preferences.h"

#include <core/util/uint256.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace ctrn::desktop;

namespace {

// A chain of ERC-20 Transfer logs behind the fake node: eth_blockNumber,
// eth_getLogs (by range, address and topics, as a node filters) and
// eth_getBlockByNumber (hash and time) answer from it.
struct FakeChain {
    struct Log {
        std::uint64_t block = 0;
        std::uint64_t logIndex = 0;
        std::string tx, from, to;
        std::string amount; // decimal
        int extraTopics = 0; // 1: an ERC-721 Transfer (tokenId indexed)
    };
    std::uint64_t head = 20;
    std::vector<Log> logs;
    std::vector<std::uint64_t> fromBlocks; // every eth_getLogs fromBlock asked

    static std::string topicOf(const std::string& address) {
        std::string lower = address.substr(2);
        for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return "0x000000000000000000000000" + lower;
    }
    static std::string blockHash(std::uint64_t n) {
        char buf[67];
        std::snprintf(buf, sizeof buf, "0x%064llx", static_cast<unsigned long long>(0xb10c0000ULL + n));
        return buf;
    }
    static std::int64_t time(std::uint64_t n) { return 1'700'000'000 + static_cast<std::int64_t>(n) - 10; }
    static std::uint64_t number(const ctrn::Json& q) { return static_cast<std::uint64_t>(*ctrn::parseU256(q.get<std::string>())); }

    void install(FakeNode& node) {
        node.handlers["eth_blockNumber"] = [this](const ctrn::Json&) { return ctrn::Json(ctrn::toQuantityHex(ctrn::U256(head))); };
        node.handlers["eth_getBlockByNumber"] = [this](const ctrn::Json& params) {
            const auto n = number(params[0]);
            if (n > head) return ctrn::Json();
            return ctrn::Json{{"number", ctrn::toQuantityHex(ctrn::U256(n))}, {"hash", blockHash(n)},
                              {"timestamp", ctrn::toQuantityHex(ctrn::U256(time(n)))}};
        };
        node.handlers["eth_getLogs"] = [this](const ctrn::Json& params) {
            const auto& f = params[0];
            const auto from = number(f["fromBlock"]), to = number(f["toBlock"]);
            fromBlocks.push_back(from);
            const auto& topics = f["topics"];
            ctrn::Json out = ctrn::Json::array();
            const std::string transfer = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";
            for (const auto& l : logs) {
                if (l.block < from || l.block > to || l.block > head) continue;
                if (topics.size() > 1 && !topics[1].is_null() && topics[1] != topicOf(l.from)) continue;
                if (topics.size() > 2 && !topics[2].is_null() && topics[2] != topicOf(l.to)) continue;
                ctrn::Json t = ctrn::Json::array({transfer, topicOf(l.from), topicOf(l.to)});
                if (l.extraTopics) t.push_back(topicOf(l.from));
                std::string amount = ctrn::toQuantityHex(*ctrn::parseU256(l.amount)).substr(2);
                std::string word = "0x" + std::string(64 - amount.size(), '0') + amount;
                out.push_back({{"address", ctrn::Json(fixture::kToken)},
                               {"topics", t},
                               {"data", l.extraTopics ? "0x" : word},
                               {"blockNumber", ctrn::toQuantityHex(ctrn::U256(l.block))},
                               {"blockHash", blockHash(l.block)},
                               {"transactionHash", l.tx},
                               {"logIndex", ctrn::toQuantityHex(ctrn::U256(l.logIndex))},
                               {"removed", false}});
            }
            return out;
        };
    }
};

std::string txHash(int i) {
    char buf[67];
    std::snprintf(buf, sizeof buf, "0x%064x", i);
    return buf;
}

const char* kAlice = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
const char* kStranger = "0x90F79bf6EB2c4f870365E785982E1f101E93b906";
const char* kShop = "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65";

} // namespace

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

        // A refresh reads the loaded rows again from the top and merges
        // them by key: nothing changed, so no reset and no row signal.
        QSignalSpy reset(&model, &QAbstractItemModel::modelAboutToBeReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.refresh();
        QCOMPARE(model.rowCount(), 10001); // shown while it runs
        QVERIFY(runner.drain());
        QCOMPARE(model.rowCount(), 10001);
        QCOMPARE(reset.size() + inserted.size() + removed.size() + changed.size(), 0);
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

    void historyMergesTransfersFoundOnChain() {
        QTemporaryDir dir;
        auto node = fixture::recordedNode();
        FakeChain chain;
        chain.install(*node);
        auto services = fixture::services(dir, node, false);
        // Own sends 0..5 (one second apart; 0 and 4 are CTRN sends to
        // 0x7099…) and one pending (6), as fillHistory writes them.
        fixture::fillHistory(dir.filePath(QStringLiteral("data")).toStdString(), 6);
        QVERIFY(services.wallet->setContact({kAlice, "Alice"}));
        const std::string me = fixture::kAccount0;
        // Found on chain: Alice paid 7 CTRN (same second as own send 2),
        // a stranger 3 CTRN (the newest), own send 4 again (its own log: not
        // repeated), 1 CTRN sent to a shop from elsewhere (same second as
        // own send 1), an NFT Transfer (same topic 0, ignored) and a
        // transfer between others (never asked for).
        chain.logs = {{12, 0, txHash(0xa1), kAlice, me, "7000000000000000000"},
                      {20, 1, txHash(0xa2), kStranger, me, "3000000000000000000"},
                      {14, 2, txHash(4), me, "0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "12500000000000000000"},
                      {11, 0, txHash(0xa3), me, kShop, "1000000000000000000"},
                      {15, 0, txHash(0xa4), kStranger, me, "1", 1},
                      {16, 0, txHash(0xa5), kStranger, kShop, "5"}};
        fixture::Runner runner(services);
        AccountsModel accounts(&runner);
        accounts.refresh();
        QVERIFY(runner.drain());

        HistoryModel model(&runner, &accounts);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(2); // pages end inside both tables
        model.setAccount(QString::fromLatin1(fixture::kAccount0));
        QVERIFY(runner.drain());
        QVERIFY2(model.scanError().isEmpty(), qPrintable(model.scanError()));
        QVERIFY(!model.scanning());
        do {
            if (model.canFetchMore({})) model.fetchMore({});
            QVERIFY(runner.drain());
        } while (model.canFetchMore({}) || model.loading());

        // pending 6; stranger (t+10); own 5, 4, 3; Alice (t+2: a found
        // transfer lists before the own sends of its second); own 2; the
        // shop (t+1); own 1; own 0.
        auto hashes = [&] {
            QStringList out;
            for (int i = 0; i < model.rowCount(); ++i) out << model.data(model.index(i), HistoryModel::HashRole).toString();
            return out;
        };
        auto q = [](const std::string& h) { return QString::fromStdString(h); };
        const QStringList expected{q(txHash(6)), q(txHash(0xa2)), q(txHash(5)), q(txHash(4)), q(txHash(3)),
                                   q(txHash(0xa1)), q(txHash(2)), q(txHash(0xa3)), q(txHash(1)), q(txHash(0))};
        QCOMPARE(hashes(), expected);
        QCOMPARE(model.total(), qulonglong(10));

        auto role = [&](int row, int r) { return model.data(model.index(row), r); };
        QCOMPARE(role(1, HistoryModel::DirectionRole).toString(), QStringLiteral("in"));
        QCOMPARE(role(1, HistoryModel::CounterpartyRole).toString(), QString::fromLatin1(kStranger));
        QCOMPARE(role(1, HistoryModel::CounterpartyLabelRole).toString(), QString());
        QCOMPARE(role(1, HistoryModel::AmountRole).toString(), QStringLiteral("3 CTRN"));
        QCOMPARE(role(1, HistoryModel::BlockRole).toLongLong(), 20);
        QVERIFY(role(1, HistoryModel::FoundRole).toBool());
        QCOMPARE(role(1, HistoryModel::StatusRole).toString(), QStringLiteral("mined"));
        QCOMPARE(role(5, HistoryModel::CounterpartyLabelRole).toString(), QStringLiteral("Alice"));
        QCOMPARE(role(5, HistoryModel::AmountRole).toString(), QStringLiteral("7 CTRN"));
        QCOMPARE(role(7, HistoryModel::DirectionRole).toString(), QStringLiteral("out"));
        QCOMPARE(role(7, HistoryModel::CounterpartyRole).toString(), QString::fromLatin1(kShop));
        QCOMPARE(role(7, HistoryModel::KindRole).toString(), QStringLiteral("sent"));
        // Own CTRN send 4 is listed once, as the send.
        QCOMPARE(role(3, HistoryModel::KindRole).toString(), QStringLiteral("token"));
        QCOMPARE(role(3, HistoryModel::DirectionRole).toString(), QStringLiteral("out"));
        QVERIFY(!role(3, HistoryModel::FoundRole).toBool());
        const auto details = model.details(5);
        QCOMPARE(details.value(QStringLiteral("logIndex")).toString(), QStringLiteral("0"));
        QCOMPARE(details.value(QStringLiteral("nonce")).toString(), QString());

        // Incremental: the next look starts near the last block scanned
        // (the newest 12 again, for reorgs), not at the deploy block.
        chain.head = 30;
        chain.logs.push_back({29, 0, txHash(0xa6), kAlice, me, "2000000000000000000"});
        chain.fromBlocks.clear();
        model.scan();
        QVERIFY(runner.drain());
        QVERIFY(!chain.fromBlocks.empty());
        QCOMPARE(*std::min_element(chain.fromBlocks.begin(), chain.fromBlocks.end()), std::uint64_t{21 - 12});
        QVERIFY(model.rowCount() >= 2); // reloaded from the top
        QCOMPARE(model.total(), qulonglong(11));
        QCOMPARE(role(1, HistoryModel::HashRole).toString(), q(txHash(0xa6)));

        // A reorg took the stranger's transfer (block 20) away: gone on the next look.
        chain.logs.erase(chain.logs.begin() + 1);
        model.scan();
        QVERIFY(runner.drain());
        QCOMPARE(model.total(), qulonglong(10));

        // CSV: every row, the found ones with their kind and log index.
        const QString path = dir.filePath(QStringLiteral("merged.csv"));
        model.exportCsv(path);
        QVERIFY(runner.drain());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const auto lines = QString::fromUtf8(f.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 11); // header + 10
        QVERIFY(lines[0].endsWith(QStringLiteral(",log_index")));
        QVERIFY2(lines.filter(q(txHash(0xa1)))[0].contains(QStringLiteral(",received,")), qPrintable(lines.filter(q(txHash(0xa1)))[0]));
        QCOMPARE(lines.filter(q(txHash(4))).size(), 1);

        // The chain was reset (a fresh devnet, same chain id, head far below
        // the last scan): what was found before is gone, the new chain's found.
        chain.head = 5;
        chain.logs = {{3, 0, txHash(0xb1), kAlice, me, "4000000000000000000"}};
        model.scan();
        QVERIFY(runner.drain());
        QCOMPARE(model.total(), qulonglong(8)); // the 7 own sends and the new transfer
        do {
            if (model.canFetchMore({})) model.fetchMore({});
            QVERIFY(runner.drain());
        } while (model.canFetchMore({}) || model.loading());
        QCOMPARE(model.rowCount(), 8);
        bool found = false;
        for (int i = 0; i < model.rowCount(); ++i) found |= role(i, HistoryModel::HashRole).toString() == q(txHash(0xb1));
        QVERIFY(found);
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

    void selectedAccountIsRemembered() {
        QTemporaryDir dir;
        auto services = fixture::services(dir, fixture::recordedNode());
        fixture::Runner runner(services);
        const QString ini = dir.filePath(QStringLiteral("desktop.ini"));
        QString second;
        {
            Preferences prefs(ini);
            AccountsModel model(&runner);
            model.setPreferences(&prefs);
            model.setWallet(QStringLiteral("demo"));
            QVERIFY(runner.drain());
            QCOMPARE(model.currentAddress(), QString::fromLatin1(fixture::kAccount0));
            second = model.data(model.index(1), AccountsModel::AddressRole).toString();
            model.select(second);
        }
        // A new app (new preferences object on the same file, new model):
        // the wallet's accounts load and the remembered one is selected.
        Preferences prefs(ini);
        QCOMPARE(prefs.selectedAccount(QStringLiteral("demo")), second);
        AccountsModel model(&runner);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPreferences(&prefs);
        model.setWallet(QStringLiteral("demo"));
        QVERIFY(runner.drain());
        QCOMPARE(model.currentAddress(), second);
        QVERIFY(model.data(model.index(1), AccountsModel::CurrentRole).toBool());
        // Per wallet: another wallet has its own (none yet: its first account).
        QVERIFY(services.wallet->importWatch("watch", *ctrn::chain::Address::fromHex(kShop)));
        model.setWallet(QStringLiteral("watch"));
        QVERIFY(runner.drain());
        QCOMPARE(model.currentAddress(), QString::fromLatin1(kShop));
        model.setWallet(QStringLiteral("demo"));
        QVERIFY(runner.drain());
        QCOMPARE(model.currentAddress(), second);
        // A remembered account the wallet no longer lists falls back to the first.
        prefs.setSelectedAccount(QStringLiteral("demo"), QString::fromLatin1(kStranger));
        AccountsModel fresh(&runner);
        fresh.setPreferences(&prefs);
        fresh.setWallet(QStringLiteral("demo"));
        QVERIFY(runner.drain());
        QCOMPARE(fresh.currentAddress(), QString::fromLatin1(fixture::kAccount0));
    }
};

QTEST_MAIN(TstWalletModels)
#include "tst_wallet_models.moc"
