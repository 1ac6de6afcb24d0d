// core/storage: what opening a wallet database checks (application_id,
// schema version, integrity), what a damaged file gives (an error, never a
// crash), online backup, the journal-to-history move, the address book and
// foreign keys.
#include <core/storage/database.h>
#include <core/storage/wallet_store.h>

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <set>

using namespace ctrn;
using namespace ctrn::storage;

namespace {

std::string pathIn(const QTemporaryDir& dir, const char* name) { return dir.filePath(name).toStdString(); }

std::unique_ptr<WalletStore> openStore(const std::string& path) {
    auto s = WalletStore::open(path);
    if (!s) qFatal("open %s: %s", path.c_str(), s.error().message.c_str());
    return std::move(s).value();
}

std::int64_t pragma(Database& db, const char* name) {
    auto st = db.prepare(std::string("PRAGMA ") + name);
    if (!st || !st->step()) qFatal("PRAGMA %s failed", name);
    return st->int64(0);
}

TxRecord journalEntry(const std::string& hash, std::uint64_t nonce) {
    TxRecord t;
    t.hash = hash;
    t.chainId = 31337;
    t.from = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    t.nonce = nonce;
    t.to = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    t.value = "1000";
    t.raw = Bytes{0x02, 0x01, 0x02};
    t.createdAt = unixNow();
    return t;
}

// A distinct 32-byte hash for i < 256.
std::string hashOf(int i) { return "0x" + std::string(62, '0') + QString::number(i, 16).rightJustified(2, '0').toStdString(); }

bool contains(const std::string& text, const char* what) { return text.find(what) != std::string::npos; }

} // namespace

class TestStorage : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;

private slots:
    void freshDatabaseIsMarkedAndMigrated() {
        auto s = openStore(pathIn(m_tmp, "fresh.sqlite"));
        QCOMPARE(pragma(s->database(), "application_id"), std::int64_t{kWalletApplicationId});
        QCOMPARE(*s->database().userVersion(), std::int64_t{3}); // the latest schema
        QCOMPARE(pragma(s->database(), "foreign_keys"), std::int64_t{1});
        QVERIFY(s->database().integrityCheck());
    }

    void otherApplicationIdRefused() {
        std::string path = pathIn(m_tmp, "other-app.sqlite");
        {
            // Another program's SQLite file: its own application_id and schema.
            OpenOptions other;
            other.applicationId = 0x12345678;
            other.migrations = {[](Database& db) { return db.exec("CREATE TABLE t (x INTEGER)"); }};
            QVERIFY(Database::open(path, other));
        }
        auto s = WalletStore::open(path);
        QVERIFY(!s);
        QCOMPARE(s.error().code, ErrorCode::VerificationFailed);
        QVERIFY2(contains(s.error().message, "is not a Computronium wallet database"), s.error().message.c_str());
    }

    void newerSchemaRefused() {
        std::string path = pathIn(m_tmp, "newer.sqlite");
        {
            auto s = openStore(path);
            QVERIFY(s->database().exec("PRAGMA user_version = 7"));
        }
        auto s = WalletStore::open(path);
        QVERIFY(!s);
        QCOMPARE(s.error().code, ErrorCode::Unsupported);
        QVERIFY2(contains(s.error().message, "was written by a newer version (schema 7, this build knows 3)"), s.error().message.c_str());
        // Refused, not downgraded: the file header (user_version is the
        // big-endian 32-bit word at offset 60) still says 7.
        QFile f(QString::fromStdString(path));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.read(64).mid(60, 4), QByteArray("\0\0\0\x07", 4));
    }

    void integrityCheckOnOpen() {
        // A file whose index disagrees with its table: integrity_check (run
        // by open) names the problem. writable_schema lets us break it.
        std::string path = pathIn(m_tmp, "bad-index.sqlite");
        {
            auto s = openStore(path);
            for (int i = 0; i < 50; ++i) QVERIFY(s->journalInsert(journalEntry(hashOf(i), static_cast<std::uint64_t>(i))));
            auto& db = s->database();
            // Drop the index's definition but keep its pages, then recreate
            // it under the same name over different columns: the b-tree no
            // longer matches the table.
            QVERIFY(db.exec("PRAGMA writable_schema = ON"));
            QVERIFY(db.exec("UPDATE sqlite_schema SET sql = 'CREATE INDEX pending_by_sender ON pending_transactions (value)' "
                            "WHERE name = 'pending_by_sender'"));
            QVERIFY(db.exec("PRAGMA writable_schema = OFF"));
        }
        auto s = WalletStore::open(path);
        QVERIFY(!s);
        QCOMPARE(s.error().code, ErrorCode::VerificationFailed);
        QVERIFY2(contains(s.error().message, "is damaged"), s.error().message.c_str());
    }

    void corruptedFileIsAClearError() {
        std::string path = pathIn(m_tmp, "corrupt.sqlite");
        {
            auto s = openStore(path);
            for (int i = 0; i < 400; ++i)
                QVERIFY(s->setContact({"0x" + std::to_string(1000000 + i), "contact number " + std::to_string(i) + std::string(60, 'x')}));
        }
        QFile f(QString::fromStdString(path));
        QVERIFY(f.size() > 8 * 4096);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.seek(f.size() / 2));
        f.write(QByteArray(4096 * 2, '\xa5'));
        f.close();
        auto s = WalletStore::open(path);
        if (s) {
            // Damage only sqlite's per-page checks can see shows on use.
            auto c = (*s)->contacts();
            QVERIFY(!c);
            QVERIFY2(!c.error().message.empty(), "empty error");
        } else {
            qInfo("refused on open: %s", s.error().message.c_str());
            QCOMPARE(s.error().code, ErrorCode::VerificationFailed);
            QVERIFY2(contains(s.error().message, "is damaged") || contains(s.error().message, "is not a database"),
                     s.error().message.c_str());
            QVERIFY2(contains(s.error().message, path.c_str()), s.error().message.c_str());
        }
    }

    void onlineBackupHoldsTheSameRows() {
        auto s = openStore(pathIn(m_tmp, "live.sqlite"));
        QVERIFY(s->addWallet({"main", "watch", unixNow(), 0}, {{"0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "main", std::nullopt, "", true}}));
        QVERIFY(s->setContact({"0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC", "Carol"}));
        QVERIFY(s->setSetting("theme", "dark"));
        QVERIFY(s->journalInsert(journalEntry(hashOf(1), 0)));
        std::string copyPath = pathIn(m_tmp, "backup.sqlite");
        QVERIFY(s->database().backupTo(copyPath));
        // The live database keeps working after the backup.
        QVERIFY(s->setSetting("theme", "light"));
        auto copy = openStore(copyPath);
        QCOMPARE(copy->wallets()->size(), std::size_t(1));
        QCOMPARE(copy->accounts("main")->at(0).address, std::string("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"));
        QCOMPARE(copy->contacts()->at(0).label, std::string("Carol"));
        QCOMPARE(**copy->setting("theme"), std::string("dark"));
        QCOMPARE(copy->journal(31337)->size(), std::size_t(1));
        QCOMPARE(pragma(copy->database(), "application_id"), std::int64_t{kWalletApplicationId});
    }

    void finishTransactionMovesOnce() {
        auto s = openStore(pathIn(m_tmp, "journal.sqlite"));
        QVERIFY(s->journalInsert(journalEntry(hashOf(7), 3)));
        QCOMPARE(**s->journalMaxNonce(31337, "0xF39FD6E51AAD88F6F4CE6AB8827279CFFFB92266"), std::uint64_t{3});
        QVERIFY(s->finishTransaction(hashOf(7), "mined", 12));
        QVERIFY(s->finishTransaction(hashOf(7), "mined", 12)); // a second reconcile of the same entry
        QVERIFY(s->journal(31337)->empty());
        QVERIFY(!*s->journalMaxNonce(31337, "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"));
        auto h = s->history(31337, std::nullopt, 100);
        QVERIFY(h);
        QCOMPARE(h->size(), std::size_t(1));
        QCOMPARE(h->at(0).status, std::string("mined"));
        QCOMPARE(*h->at(0).blockNumber, std::int64_t{12});
        QVERIFY(!h->at(0).inJournal);
        auto t = s->transaction(hashOf(7));
        QVERIFY(t && *t);
        QCOMPARE((*t)->status, std::string("mined"));
        // A hash that was never journaled moves nothing.
        QVERIFY(s->finishTransaction(hashOf(8), "mined", 13));
        QCOMPARE(s->history(31337, std::nullopt, 100)->size(), std::size_t(1));
    }

    void addressBookCrud() {
        auto s = openStore(pathIn(m_tmp, "book.sqlite"));
        QVERIFY(s->contacts()->empty());
        QVERIFY(s->setContact({"0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "Bob"}));
        QVERIFY(s->setContact({"0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC", "Alice"}));
        auto c = *s->contacts();
        QCOMPARE(c.size(), std::size_t(2));
        QCOMPARE(c[0].label, std::string("Alice")); // ordered by label
        QCOMPARE(c[1].label, std::string("Bob"));
        // Set again: the label changes, no second row.
        QVERIFY(s->setContact({"0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "Bob (work)"}));
        c = *s->contacts();
        QCOMPARE(c.size(), std::size_t(2));
        QCOMPARE(c[1].label, std::string("Bob (work)"));
        QVERIFY(s->removeContact("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC"));
        c = *s->contacts();
        QCOMPARE(c.size(), std::size_t(1));
        QCOMPARE(c[0].address, std::string("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"));
    }

    void foreignKeysEnforced() {
        auto s = openStore(pathIn(m_tmp, "fk.sqlite"));
        // An account of a wallet that does not exist.
        auto r = s->database().exec("INSERT INTO accounts (address, wallet, watch_only) VALUES ('0x01', 'nobody', 1)");
        QVERIFY(!r);
        QVERIFY2(contains(r.error().message, "FOREIGN KEY constraint failed"), r.error().message.c_str());
        auto orphan = s->addAccount({"0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "nobody", std::nullopt, "", true}, std::nullopt);
        QVERIFY(!orphan);
        QCOMPARE(orphan.error().code, ErrorCode::NotFound);
        QCOMPARE(orphan.error().message, std::string("no wallet named 'nobody'"));
        QVERIFY(s->accounts()->empty());
        // Renaming a wallet carries its accounts (ON UPDATE CASCADE).
        QVERIFY(s->addWallet({"a", "watch", unixNow(), 0}, {{"0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "a", std::nullopt, "", true}}));
        auto twice = s->addAccount({"0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "a", std::nullopt, "", true}, std::nullopt);
        QVERIFY(!twice);
        QCOMPARE(twice.error().message, std::string("account 0x70997970C51812dc3A010C7d01b50e0d17dc79C8 is already in a wallet"));
        QVERIFY(s->renameWallet("a", "b"));
        QCOMPARE(s->accounts("b")->size(), std::size_t(1));
        QVERIFY(s->accounts("a")->empty());
        // Endpoints belong to a network.
        QVERIFY(!s->database().exec("INSERT INTO endpoints (chain_id, url, position) VALUES (5, 'http://x', 0)"));
        QVERIFY(s->setNetwork({31337, "devnet", {"http://127.0.0.1:8545", "http://127.0.0.1:8546"}}));
        QCOMPARE((*s->network(31337))->endpoints.size(), std::size_t(2));
    }

    // The History page reads a page at a time: pending first, then newest
    // first, every row exactly once even when a send is journaled between
    // two pages, filtered by account in any letter case, with a total.
    void historyPagesInOrder() {
        auto s = openStore(pathIn(m_tmp, "pages.sqlite"));
        const std::string other = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
        // 60 finished rows over 20 seconds (three per second: ties broken by nonce), 2 pending.
        for (int i = 0; i < 60; ++i) {
            auto t = journalEntry(hashOf(i), static_cast<std::uint64_t>(i));
            t.createdAt = 1000 + i / 3;
            if (i % 4 == 0) t.from = other; // not ours: sent by someone else to kAddr1
            QVERIFY(s->journalInsert(t));
            QVERIFY(s->finishTransaction(hashOf(i), i % 5 == 0 ? "failed" : "mined", 100 + i));
        }
        for (int i = 60; i < 62; ++i) {
            auto t = journalEntry(hashOf(i), static_cast<std::uint64_t>(i));
            t.createdAt = 900; // older than every finished row, still first
            QVERIFY(s->journalInsert(t));
        }
        QCOMPARE(*s->historyCount(31337, std::nullopt), std::uint64_t{62});
        QCOMPARE(*s->historyCount(31337, "0xF39FD6E51AAD88F6F4CE6AB8827279CFFFB92266"), std::uint64_t{62 - 15});
        QCOMPARE(*s->historyCount(1, std::nullopt), std::uint64_t{0});

        std::vector<std::string> seen;
        std::optional<HistoryKey> after;
        for (;;) {
            auto page = s->historyPage(31337, std::nullopt, after, 7);
            QVERIFY2(page, page ? "" : page.error().message.c_str());
            for (const auto& t : *page) seen.push_back(t.hash);
            if (page->size() < 7) break;
            after = historyKey(page->back());
            if (seen.size() == 21) { // a new send arrives mid-scroll: it is above, not inside, what is left
                auto t = journalEntry(hashOf(200), 200);
                t.createdAt = 5000;
                QVERIFY(s->journalInsert(t));
            }
        }
        std::vector<std::string> expected{hashOf(61), hashOf(60)};
        for (int i = 59; i >= 0; --i) expected.push_back(hashOf(i));
        QCOMPARE(seen, expected);
        // The whole list from the top now starts with the new send; the
        // old single-call history() agrees with the pages.
        auto top = s->historyPage(31337, std::nullopt, std::nullopt, 3);
        QCOMPARE(top->at(0).hash, hashOf(200));
        QVERIFY(top->at(0).inJournal);
        QCOMPARE(top->at(2).hash, hashOf(60));
        // The finished rows come in the order history() gives them.
        auto all = *s->history(31337, std::nullopt, 1000);
        auto paged = *s->historyPage(31337, std::nullopt, std::nullopt, 1000);
        QCOMPARE(paged.size(), all.size());
        for (std::size_t i = 3; i < all.size(); ++i) QCOMPARE(paged[i].hash, all[i].hash);

        // One account, typed in lower case.
        auto mine = *s->historyPage(31337, "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266", std::nullopt, 1000);
        QCOMPARE(mine.size(), std::size_t(63 - 15));
        for (const auto& t : mine) QVERIFY(t.from != other);
        QCOMPARE(mine.back().status, std::string("mined"));
        QCOMPARE(*mine.back().blockNumber, std::int64_t{101});
        QVERIFY(s->historyPage(31337, std::nullopt, std::nullopt, 0)->empty());
    }

    void historyMergesFoundTransfers() {
        auto s = openStore(pathIn(m_tmp, "transfers.sqlite"));
        const std::string me = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", other = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
        const std::string token = "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0";
        // Own sends at t = 100, 101, 102 (nonces 0-2); hashOf(1) is a CTRN send.
        for (int i = 0; i < 3; ++i) {
            auto t = journalEntry(hashOf(i), static_cast<std::uint64_t>(i));
            t.createdAt = 100 + i;
            if (i == 1) {
                t.kind = "token";
                t.token = token;
                t.tokenAmount = "5";
            }
            QVERIFY(s->journalInsert(t));
            QVERIFY(s->finishTransaction(hashOf(i), "mined", 10 + i));
        }
        auto transfer = [&](int tx, std::int64_t log, const std::string& from, const std::string& to, std::int64_t block, std::int64_t time) {
            return TokenTransferRecord{me, hashOf(tx), log, token, from, to, "7", block, "0xb" + std::to_string(block), time};
        };
        // Received at t = 101 in blocks 20 and 19 (blocks sharing a second:
        // the newer block first, whatever the log index; own send 1 of the
        // same second after both), own send 1's own log (not listed twice),
        // one sent elsewhere, one to oneself.
        std::vector<TokenTransferRecord> found{transfer(50, 0, other, me, 20, 101), transfer(53, 5, other, me, 19, 101),
                                               transfer(1, 3, me, other, 21, 101), transfer(51, 2, me, other, 22, 103),
                                               transfer(52, 0, me, me, 23, 99)};
        QCOMPARE(*s->storeTransferScan(31337, me, token, 0, found, 30), std::size_t{5});
        QCOMPARE(**s->transferScannedTo(31337, "0xF39FD6E51AAD88F6F4CE6AB8827279CFFFB92266", token), std::int64_t{30});
        QVERIFY(!*s->transferScannedTo(31337, other, token));
        // The same again changes nothing.
        QCOMPARE(*s->storeTransferScan(31337, me, token, 0, found, 30), std::size_t{0});

        const std::vector<std::string> expected{hashOf(51), hashOf(2), hashOf(50), hashOf(53), hashOf(1), hashOf(0), hashOf(52)};
        QCOMPARE(*s->historyCount(31337, me), std::uint64_t{7});
        for (std::size_t size : std::initializer_list<std::size_t>{1, 2, 4, 100}) {
            std::vector<std::string> seen;
            std::optional<HistoryKey> after;
            for (;;) {
                auto page = s->historyPage(31337, me, after, size);
                QVERIFY2(page, page ? "" : page.error().message.c_str());
                for (const auto& t : *page) seen.push_back(t.hash);
                if (page->size() < size) break;
                after = historyKey(page->back());
            }
            QCOMPARE(seen, expected);
        }
        auto rows = *s->historyPage(31337, me, std::nullopt, 100);
        QCOMPARE(rows[0].kind, std::string("sent"));
        QCOMPARE(*rows[0].logIndex, std::int64_t{2});
        QCOMPARE(*rows[0].blockNumber, std::int64_t{22});
        QCOMPARE(rows[0].tokenAmount.value_or(""), std::string("7"));
        QCOMPARE(rows[2].kind, std::string("received"));
        QCOMPARE(*rows[2].blockNumber, std::int64_t{20});
        QCOMPARE(rows[3].from, other);
        QCOMPARE(*rows[3].blockNumber, std::int64_t{19});
        QCOMPARE(rows[6].kind, std::string("self"));
        QVERIFY(!rows[4].logIndex); // the own send, not its log
        // Another account's view holds none of these transfers (only the
        // own sends it received).
        QCOMPARE(*s->historyCount(31337, other), std::uint64_t{3});

        // The other account's view of the same received transfer: in the
        // all-accounts list both rows, apart by account, each once.
        QVERIFY(s->storeTransferScan(31337, other, token, 0,
                                     {TokenTransferRecord{other, hashOf(51), 2, token, me, other, "7", 22, "0xb22", 103}}, 30));
        std::vector<std::string> all;
        std::optional<HistoryKey> after;
        for (;;) {
            auto page = *s->historyPage(31337, std::nullopt, after, 1);
            for (const auto& t : page) all.push_back(t.hash + (t.account ? *t.account : ""));
            if (page.empty()) break;
            after = historyKey(page.back());
        }
        QCOMPARE(all.size(), std::size_t{8});
        QCOMPARE(std::set<std::string>(all.begin(), all.end()).size(), std::size_t{8});
        QCOMPARE(*s->historyCount(31337, std::nullopt), std::uint64_t{8});

        // A rescan from block 22 that no longer finds block 22's transfer
        // (a reorg): gone; what is older stays.
        QCOMPARE(*s->storeTransferScan(31337, me, token, 22, {transfer(52, 0, me, me, 23, 99)}, 31), std::size_t{1});
        QCOMPARE(*s->historyCount(31337, me), std::uint64_t{6});
        // A transfer not involving the account is refused.
        QVERIFY(!s->storeTransferScan(31337, me, token, 40, {transfer(54, 0, other, other, 40, 110)}, 41));
    }

    void accountLabels() {
        auto s = openStore(pathIn(m_tmp, "labels.sqlite"));
        QVERIFY(s->addWallet({"w", "watch", unixNow(), 0}, {{"0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "w", std::nullopt, "", true}}));
        QVERIFY(s->setAccountLabel("0x70997970c51812dc3a010c7d01b50e0d17dc79c8", "Savings"));
        QCOMPARE((*s->account("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"))->label, std::string("Savings"));
        auto missing = s->setAccountLabel("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC", "x");
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestStorage)
#include "tst_storage.moc"
