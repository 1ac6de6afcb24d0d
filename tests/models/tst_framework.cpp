// The desktop framework (app/desktop/src/framework) on the recorded-devnet
// fixtures: the one async call (success, failure, a stale answer dropped,
// a receiver gone), the view-model base (busy and the error follow a
// failed job; a superseded request gives busy back), the list-model base
// under QAbstractItemModelTester (keyset paging, a refresh with the same
// keys updates in place with no reset, inserts/removes/moves by key,
// refreshes coalesced, pages of a cleared list dropped), the Checked
// presenter, and Unlock after the node drops (SessionController on a
// FakeNode that goes down: busy clears, the error shows, Unlock works
// again once the node is back).
#include "wallet_fixture.h"

#include "app_context.h"
#include "checked_value.h"
#include "query_list_model.h"
#include "session_controller.h"
#include "view_model.h"

#include <core/interfaces/checked.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace ctrn;
using namespace ctrn::desktop;

namespace {

class TestViewModel : public ViewModel {
public:
    using ViewModel::ViewModel;
    // Work answering `answer` (an error when empty) in slot `slot`.
    quint64 ask(std::optional<int> answer, int slot = -1) {
        return run<Result<int>>(
            [answer](interfaces::Services&) -> Result<int> {
                if (!answer) return makeError(ErrorCode::Network, "the node went away");
                return *answer;
            },
            [this](int v) {
                got.push_back(v);
                return QString::number(v);
            },
            RunOptions{.slot = slot});
    }
    std::vector<int> got;
};

struct Item {
    QString key;
    QString value;
};

// A list over `data` (shared with the test, read on the "worker").
class TestList : public QueryList<Item> {
public:
    TestList(JobRunner* runner, std::shared_ptr<std::vector<Item>> data) : QueryList<Item>(runner, nullptr), m_data(std::move(data)) {
        setRoles({{Qt::UserRole + 1, "key"}, {Qt::UserRole + 2, "value"}});
    }
    void forget() { clear(); }
    int queries = 0;

protected:
    Query query() const override {
        auto* self = const_cast<TestList*>(this);
        return [data = m_data, self](interfaces::Services&, const std::optional<Item>& after, std::size_t limit) -> Result<Rows> {
            ++self->queries;
            Rows out;
            bool started = !after;
            for (const auto& i : *data) {
                if (!started) {
                    started = i.key == after->key;
                    continue;
                }
                out.push_back(i);
                if (limit && out.size() == limit) break;
            }
            return out;
        };
    }
    QString keyOf(const Item& i) const override { return i.key; }
    QVariant value(const Item& i, int role) const override {
        if (role == Qt::UserRole + 1) return i.key;
        if (role == Qt::UserRole + 2 || role == Qt::DisplayRole) return i.value;
        return {};
    }
    bool sameRow(const Item& a, const Item& b) const override { return a.key == b.key && a.value == b.value; }

private:
    std::shared_ptr<std::vector<Item>> m_data;
};

QStringList keys(const QAbstractItemModel& m) {
    QStringList out;
    for (int i = 0; i < m.rowCount(); ++i) out << m.index(i, 0).data(Qt::UserRole + 1).toString();
    return out;
}

} // namespace

class TstFramework : public QObject {
    Q_OBJECT

private slots:
    void asyncCallOkFailedStale() {
        QTemporaryDir dir;
        auto services = fixture::services(dir, fixture::recordedNode(), false);
        fixture::Runner runner(services);
        QObject receiver;
        int ok = 0, failed = 0;
        quint64 okId = 0;
        QString why;
        auto onOk = [&](quint64 id, Result<std::uint64_t> head) {
            ++ok;
            okId = id;
            QVERIFY(head.ok());
            QCOMPARE(*head, std::uint64_t(0x2a));
        };
        auto onFailed = [&](quint64, const QString& message) {
            ++failed;
            why = message;
        };
        // Success: the work's answer, with the id the call returned.
        const quint64 id = asyncCall<Result<std::uint64_t>>(&runner, &receiver, [](interfaces::Services& s) { return s.node->head(); }, onOk, onFailed);
        QVERIFY(runner.drain());
        QCOMPARE(ok, 1);
        QCOMPARE(okId, id);
        QCOMPARE(failed, 0);
        // Failure of the job itself (no services): only the failure path.
        runner.failWith = QStringLiteral("not connected to a node");
        asyncCall<Result<std::uint64_t>>(&runner, &receiver, [](interfaces::Services& s) { return s.node->head(); }, onOk, onFailed);
        QVERIFY(runner.drain());
        QCOMPARE(ok, 1);
        QCOMPARE(failed, 1);
        QCOMPARE(why, QStringLiteral("not connected to a node"));
        runner.failWith.clear();
        // Stale: a newer request of the same kind began; neither runs.
        Generation generation;
        asyncCall<Result<std::uint64_t>>(&runner, &receiver, [](interfaces::Services& s) { return s.node->head(); }, onOk, onFailed,
                                         CallOptions{Lane::Interactive, &generation});
        generation.begin();
        QVERIFY(runner.drain());
        QCOMPARE(ok, 1);
        QCOMPARE(failed, 1);
        // A receiver gone: nothing runs (a runner of its own: the fixture's
        // job dies with its receiver, so it never counts as finished).
        {
            fixture::Runner lost(services);
            {
                QObject shortLived;
                asyncCall<int>(&lost, &shortLived, [](interfaces::Services&) { return 1; }, [&](quint64, int) { ++ok; }, onFailed);
            }
            QTest::qWait(20);
        }
        QCOMPARE(ok, 1);
        // The Long lane is a lane of the same runner.
        asyncCall<int>(&runner, &receiver, [](interfaces::Services&) { return 1; }, [&](quint64, int) { ++ok; }, onFailed,
                       CallOptions{Lane::Long, nullptr});
        QVERIFY(runner.drain());
        QCOMPARE(ok, 2);
        QCOMPARE(runner.longJobs(), 1);
    }

    void viewModelBusyAndError() {
        QTemporaryDir dir;
        auto services = fixture::services(dir, fixture::recordedNode(), false);
        fixture::Runner runner(services);
        TestViewModel vm(&runner);
        QSignalSpy done(&vm, &ViewModel::requestDone);
        QSignalSpy busy(&vm, &ViewModel::busyChanged);

        // A refusal from core: busy on, then off, the error shown.
        const quint64 id = vm.ask(std::nullopt);
        QVERIFY(vm.busy());
        QVERIFY(runner.drain());
        QVERIFY(!vm.busy());
        QCOMPARE(vm.error(), QStringLiteral("The node went away"));
        QCOMPARE(done.size(), 1);
        QCOMPARE(done.last().at(0).toULongLong(), id);
        QCOMPARE(done.last().at(1).toBool(), false);
        QCOMPARE(busy.size(), 2);

        // Success clears it; the message is what the continuation returned.
        vm.ask(7);
        QVERIFY(vm.error().isEmpty()); // cleared as the new request starts
        QVERIFY(runner.drain());
        QCOMPARE(done.last().at(1).toBool(), true);
        QCOMPARE(done.last().at(2).toString(), QStringLiteral("7"));

        // A job that cannot run at all (the node dropped): busy off, the
        // reason shown — never a button disabled for good.
        runner.failWith = QStringLiteral("not connected to a node");
        vm.ask(8);
        QVERIFY(vm.busy());
        QVERIFY(runner.drain());
        QVERIFY(!vm.busy());
        QCOMPARE(vm.error(), QStringLiteral("not connected to a node"));
        runner.failWith.clear();

        // A slot: only the newest answer lands, and busy is given back once.
        vm.got.clear();
        vm.ask(1, 5);
        vm.ask(2, 5);
        QVERIFY(vm.busy());
        QVERIFY(runner.drain());
        QVERIFY(!vm.busy());
        QCOMPARE(vm.got, std::vector<int>{2});
        // Invalidated: the answer on its way is dropped and busy ends now.
        vm.ask(3, 5);
        vm.invalidateSlot(5);
        QVERIFY(!vm.busy());
        QVERIFY(runner.drain());
        QCOMPARE(vm.got, std::vector<int>{2});
    }

    void listModelPagesRefreshesInPlace() {
        QTemporaryDir dir;
        auto services = fixture::services(dir, fixture::recordedNode(), false);
        fixture::Runner runner(services);
        auto data = std::make_shared<std::vector<Item>>();
        for (int i = 0; i < 10; ++i) data->push_back({QStringLiteral("k%1").arg(i), QStringLiteral("v%1").arg(i)});
        TestList list(&runner, data);
        QAbstractItemModelTester tester(&list, QAbstractItemModelTester::FailureReportingMode::QtTest);
        list.setPageSize(3);
        list.refresh();
        QVERIFY(runner.drain());
        QCOMPARE(list.rowCount(), 3); // one page
        QVERIFY(list.loaded());
        QVERIFY(list.canFetchMore({}));
        while (list.canFetchMore({})) {
            list.fetchMore({});
            QVERIFY(!list.canFetchMore({})); // one page at a time
            QVERIFY(runner.drain());
        }
        QCOMPARE(list.rowCount(), 10);
        QCOMPARE(keys(list).first(), QStringLiteral("k0"));
        QCOMPARE(keys(list).last(), QStringLiteral("k9"));

        // The same keys again, one value changed: no reset, one dataChanged.
        QSignalSpy reset(&list, &QAbstractItemModel::modelAboutToBeReset);
        QSignalSpy changed(&list, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&list, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&list, &QAbstractItemModel::rowsRemoved);
        (*data)[4].value = QStringLiteral("changed");
        list.refresh();
        QVERIFY(runner.drain());
        QCOMPARE(reset.size(), 0);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 4);
        QCOMPARE(inserted.size() + removed.size(), 0);
        QCOMPARE(list.rowCount(), 10); // everything loaded stays loaded
        QCOMPARE(list.index(4, 0).data(Qt::UserRole + 2).toString(), QStringLiteral("changed"));

        // A new row on top, one gone, one moved: by key, still no reset.
        data->insert(data->begin(), {QStringLiteral("new"), QStringLiteral("n")});
        data->erase(data->begin() + 3); // k2
        std::swap((*data)[5], (*data)[8]);
        list.refresh();
        QVERIFY(runner.drain());
        QCOMPARE(reset.size(), 0);
        QStringList expected;
        for (const auto& i : *data) expected << i.key; // the 10 rows loaded, asked for again
        QCOMPARE(keys(list), expected);
        QVERIFY(list.canFetchMore({}));

        // Coalesced: asked five times while one runs, it runs once more.
        const int before = list.refreshesStarted();
        for (int i = 0; i < 5; ++i) list.refreshSoon();
        QVERIFY(runner.drain());
        QCOMPARE(list.refreshesStarted() - before, 2);

        // Cleared while a page is on its way (another account): the page
        // for the old rows is dropped.
        list.fetchMore({});
        list.forget();
        QVERIFY(runner.drain());
        QCOMPARE(list.rowCount(), 0);
        QVERIFY(!list.loaded());
    }

    void checkedPresenter() {
        using interfaces::Checked;
        Result<Checked<U256>> verified{Checked<U256>(interfaces::Verified<U256>(U256(1500000), 42, chain::Hash{}))};
        auto v = presentChecked(verified, 6); // a 6-decimal token
        QCOMPARE(v.state, QStringLiteral("verified"));
        QCOMPARE(v.figure, QStringLiteral("1.5"));
        QCOMPARE(v.block, QStringLiteral("42"));
        QVERIFY(v.shown());
        Result<Checked<U256>> unverified{Checked<U256>(interfaces::Unverified<U256>(U256(2), "this node does not serve proofs"))};
        auto u = presentChecked(unverified, 0);
        QCOMPARE(u.state, QStringLiteral("unverified"));
        QCOMPARE(u.figure, QStringLiteral("2"));
        QVERIFY(!u.why.isEmpty());
        interfaces::Mismatch m;
        m.message = "account proof: balance differs";
        m.endpoint = "http://liar:8545";
        Result<Checked<U256>> lie{Checked<U256>(m)};
        auto x = presentChecked(lie, 18);
        QCOMPARE(x.state, QStringLiteral("mismatch"));
        QVERIFY(x.figure.isEmpty()); // a lying node's number is never shown
        QVERIFY(!x.shown());
        QCOMPARE(x.node, QStringLiteral("http://liar:8545"));
        Result<Checked<U256>> none{makeError(ErrorCode::Network, "connection refused")};
        QCOMPARE(presentChecked(none).state, QStringLiteral("unavailable"));
        // The worst state wins; verified at the oldest block.
        QCOMPARE(combineChecked({v, x}).state, QStringLiteral("mismatch"));
        auto older = v;
        older.block = QStringLiteral("40");
        QCOMPARE(combineChecked({v, older}).block, QStringLiteral("40"));
    }

    // The node drops and the reconnect fails: the unlock job cannot run.
    // Busy must clear and say why; once the node is back, Unlock works.
    void unlockRecoversAfterTheNodeDrops() {
        QTemporaryDir dir;
        qputenv("CTRN_DEVNET_DIR", dir.filePath(QStringLiteral("no-devnet")).toUtf8()); // no manifest: ETH only
        auto node = fixture::recordedNode();
        LaunchOptions options;
        options.dataDir = dir.filePath(QStringLiteral("data"));
        options.keystore = crypto::KeystoreParams::lightScrypt();
        options.transport = [node] { return node; };
        AppContext context(options);
        context.connectTo(QStringLiteral("devnet"));
        QTRY_VERIFY_WITH_TIMEOUT(!context.connecting(), 20000);
        QVERIFY2(context.connected(), qPrintable(context.connectionError()));
        bool imported = false;
        QObject receiver;
        context.call<Result<interfaces::WalletSummary>>(
            &receiver, [](interfaces::Services& s) { return s.wallet->importMnemonic("demo", fixture::kMnemonic, asView("pw"), 1); },
            [&](Result<interfaces::WalletSummary> w) { imported = w.ok(); });
        QTRY_VERIFY_WITH_TIMEOUT(imported, 20000);
        SessionController* session = context.session();
        session->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(session->currentWallet(), QStringLiteral("demo"), 20000);
        QVERIFY(session->locked());

        // The node goes away; the app's reconnect fails.
        QTRY_COMPARE_WITH_TIMEOUT(context.pendingRequests(), 0, 20000); // the worker is idle before the node changes
        node->down = true;
        context.reconnect();
        QTRY_VERIFY_WITH_TIMEOUT(!context.connecting(), 20000);
        QVERIFY(!context.connected());
        QSignalSpy failed(session, &SessionController::unlockFailed);
        session->unlock(QStringLiteral("pw"));
        QVERIFY(session->busy());
        QTRY_VERIFY_WITH_TIMEOUT(!session->busy(), 20000);
        QVERIFY2(session->error().contains(QStringLiteral("not connected")), qPrintable(session->error()));
        QCOMPARE(failed.size(), 1);
        QVERIFY(session->locked());

        // Back: the same button works.
        QTRY_COMPARE_WITH_TIMEOUT(context.pendingRequests(), 0, 20000);
        node->down = false;
        context.reconnect();
        QTRY_VERIFY_WITH_TIMEOUT(context.connected(), 20000);
        session->unlock(QStringLiteral("pw"));
        QTRY_VERIFY_WITH_TIMEOUT(!session->locked(), 20000);
        QVERIFY(session->error().isEmpty());
        context.drain();
    }
};

QTEST_MAIN(TstFramework)
#include "tst_framework.moc"
