// The Revenue page's view model on a fake Revenue (fixture values in every
// proof state) over the recorded node: the pool's figures, categories and
// history for the charts; each share with its recomputed figure beside the
// node's, a difference flagged; the share whose window the next
// finalization closes highlighted with its date; the epoch's countdown on
// the chain's clock turning into "Finalize" once it ends; Claim all offered
// or refused with core's sentence; a hidden figure stays hidden; and the
// controller hands core the request the button names.
#include "wallet_fixture.h"

#include "accounts_model.h"
#include "revenue_controller.h"
#include "revenue_model.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace ctrn;
using namespace ctrn::desktop;

namespace {

U256 units(std::uint64_t whole) { return U256(whole) * U256(1'000'000'000'000'000'000ULL); }
interfaces::Checked<U256> verified(const U256& v) { return interfaces::Verified<U256>(v, 42, chain::Hash()); }
interfaces::Checked<U256> liar() { return interfaces::Mismatch{"storage value", "slot 0x0d of RevenueDistributor differs", "http://liar:8545"}; }

constexpr std::uint64_t kNow = 1'700'000'000;

class FakeRevenue : public interfaces::Revenue {
public:
    interfaces::RevenueAccount read;
    int reads = 0;
    Result<interfaces::RevenueAccount> overview(const std::optional<chain::Address>& holder) override {
        ++reads;
        auto r = read;
        r.holder = holder;
        return r;
    }
    std::uint64_t proofCalls() const override { return 0; }
    Result<std::size_t> exportClaimsCsv(const chain::Address&, const std::string& path) override {
        exportedTo = path;
        return read.claims.size();
    }
    std::string exportedTo;
};

interfaces::RevenueShare share(std::uint64_t epoch, std::size_t category, const interfaces::Checked<U256>& recomputed,
                               std::optional<U256> node) {
    interfaces::RevenueShare s;
    s.epoch = epoch;
    s.category = category;
    s.recomputed = recomputed;
    s.entitled = recomputed;
    s.nodeClaimable = node;
    auto shown = recomputed.isMismatch() ? std::optional<U256>() : std::optional<U256>(recomputed.isVerified() ? recomputed.verified().value()
                                                                                                             : recomputed.unverified().unverifiedValue());
    s.agrees = !shown || !node || *shown == *node;
    s.myStake = verified(units(100));
    s.totalStake = verified(units(400));
    s.myActivity = verified(0);
    s.totalActivity = verified(0);
    s.lastEpoch = epoch + 4;
    s.closesAt = kNow + 60 + (epoch + 4 - 7) * 300;
    s.closesNext = epoch + 4 == 7;
    return s;
}

} // namespace

class TstRevenueModels : public QObject {
    Q_OBJECT

    struct Fixture {
        QTemporaryDir dir;
        interfaces::Services services;
        FakeRevenue* revenue = nullptr;
        std::unique_ptr<fixture::Runner> runner;
        std::unique_ptr<AccountsModel> accounts;
        std::int64_t elapsed = 0;

        Fixture() {
            services = fixture::services(dir, fixture::recordedNode());
            auto fake = std::make_unique<FakeRevenue>();
            revenue = fake.get();
            services.revenue = std::move(fake);
            runner = std::make_unique<fixture::Runner>(services);
            accounts = std::make_unique<AccountsModel>(runner.get());
            accounts->setWallet(QStringLiteral("demo"));
            runner->drain();
            auto& r = revenue->read;
            r.pool.currentEpoch = 7;
            r.pool.epochStart = kNow - 240;
            r.pool.epochLength = 300;
            r.pool.epochEnd = kNow + 60;
            r.pool.chainTime = kNow;
            r.pool.openEpochFunds = verified(units(900));
            r.pool.totalReceived = verified(units(10'000));
            r.pool.totalBurned = verified(units(1'000));
            r.pool.totalClaimed = verified(units(2'500));
            r.pool.totalRolledOver = verified(units(40));
            r.pool.burnBps = verified(1000);
            r.pool.activityBps = verified(3000);
            r.pool.claimWindowEpochs = verified(4);
            r.pool.shareBps = {verified(4000), verified(3000), verified(2000), verified(1000)};
            r.epochs.push_back({6, kNow - 540, kNow - 240, verified(units(1200)), verified(units(1100)), verified(0), false});
            r.epochs.push_back({5, kNow - 840, kNow - 540, verified(units(800)), verified(units(800)), verified(units(300)), false});
            r.shares.push_back(share(6, 3, verified(units(30)), units(30)));
            r.shares.push_back(share(3, 3, verified(units(12)), units(12))); // closes at the next finalization
            r.shares.push_back(share(5, 0, verified(units(9)), units(8)));   // the node says otherwise
            r.totalClaimable = verified(units(51));
            r.disagreements = 1;
            r.checkInGain = verified(units(100));
            r.claims.push_back({5, 3, verified(units(20)), 1200, "0xabc"});
            r.claims.push_back({5, 0, liar(), 1190, "0xdef"});
            r.claims.push_back({2, 3, interfaces::Unverified<U256>(units(4), "from the node's event log"), 900, "0x123"});
        }
        ~Fixture() { accounts.reset(); }
    };

private slots:
    void poolAndChartsFromTheRead() {
        Fixture f;
        RevenueModel model(f.runner.get(), f.accounts.get(), [&f] { return f.elapsed; });
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.refresh();
        QVERIFY(f.runner->drain());
        QCOMPARE(model.epoch(), QString("7"));
        QCOMPARE(model.openFunds().value("figure").toString(), QString("900"));
        QCOMPARE(model.openFunds().value("state").toString(), QString("verified"));
        QCOMPARE(model.burnShare(), QString("10.00 %"));
        const auto cats = model.categories();
        QCOMPARE(cats.size(), 4);
        QCOMPARE(cats[0].toMap().value("share").toString(), QString("40.00 %"));
        QVERIFY(cats[3].toMap().value("mode").toString().contains("30.00 %"));
        QVERIFY(cats[0].toMap().value("mode").toString().contains("10x"));
        // The chart: oldest first.
        const auto history = model.history();
        QCOMPARE(history.size(), 2);
        QCOMPARE(history[0].toMap().value("epoch").toString(), QString("5"));
        QCOMPARE(history[1].toMap().value("amount").toDouble(), 1200.0);
        QCOMPARE(model.historyMax(), 1200.0);
        QCOMPARE(model.checkInGain(), QString("100"));
    }

    void sharesFlagDifferencesAndHighlightClosingWindows() {
        Fixture f;
        RevenueModel model(f.runner.get(), f.accounts.get(), [&f] { return f.elapsed; });
        model.refresh();
        QVERIFY(f.runner->drain());
        QCOMPARE(model.rowCount(), 3);
        auto row = [&](int r, int role) { return model.index(r, 0).data(role); };
        QCOMPARE(row(0, RevenueModel::CategoryTitleRole).toString(), QString("Community"));
        QVERIFY(row(0, RevenueModel::AgreesRole).toBool());
        QVERIFY(!row(0, RevenueModel::ClosesNextRole).toBool());
        QVERIFY(row(1, RevenueModel::ClosesNextRole).toBool());
        QVERIFY(row(1, RevenueModel::ClosesRole).toString().contains("at the earliest"));
        QVERIFY(!row(2, RevenueModel::AgreesRole).toBool());
        QCOMPARE(row(2, RevenueModel::NodeFigureRole).toString(), QString("8"));
        QCOMPARE(row(2, RevenueModel::RecomputedRole).toMap().value("figure").toString(), QString("9"));
        QCOMPARE(model.disagreements(), 1);
        QVERIFY(row(0, RevenueModel::WeightsRole).toString().startsWith("stake 100 of 400"));
        QVERIFY(model.canClaimAll());
    }

    void countdownTurnsIntoFinalize() {
        Fixture f;
        RevenueModel model(f.runner.get(), f.accounts.get(), [&f] { return f.elapsed; });
        model.refresh();
        QVERIFY(f.runner->drain());
        QVERIFY(!model.finalizeDue());
        QCOMPARE(model.epochRemaining(), QString("1 min 0 s"));
        QSignalSpy clock(&model, &RevenueModel::clockChanged);
        f.elapsed = 61; // the chain's clock moved on since the read
        model.tick();
        QCOMPARE(clock.count(), 1);
        QVERIFY(model.finalizeDue());
        QCOMPARE(model.epochRemaining(), QString("ended"));
    }

    void claimAllRefusedWithCoresSentence() {
        Fixture f;
        f.revenue->read.shares.clear();
        f.revenue->read.totalClaimable = verified(0);
        f.revenue->read.claimBlocked = "epoch 7 is over but not finalized yet: finalize it, then claim your share";
        RevenueModel model(f.runner.get(), f.accounts.get(), [&f] { return f.elapsed; });
        model.refresh();
        QVERIFY(f.runner->drain());
        QVERIFY(!model.canClaimAll());
        QVERIFY(model.claimBlocked().contains("finalize it"));
        QCOMPARE(model.rowCount(), 0);
    }

    void hiddenFiguresStayHidden() {
        Fixture f;
        f.revenue->read.pool.openEpochFunds = liar();
        f.revenue->read.shares[0].recomputed = liar();
        f.revenue->read.shares[0].entitled = liar();
        f.revenue->read.shares[0].myStake = liar();
        f.revenue->read.totalClaimable = liar();
        RevenueModel model(f.runner.get(), f.accounts.get(), [&f] { return f.elapsed; });
        model.refresh();
        QVERIFY(f.runner->drain());
        QCOMPARE(model.openFunds().value("state").toString(), QString("mismatch"));
        QCOMPARE(model.openFunds().value("figure").toString(), QString());
        QCOMPARE(model.totalClaimable().value("state").toString(), QString("mismatch"));
        QCOMPARE(model.index(0, 0).data(RevenueModel::RecomputedRole).toMap().value("state").toString(), QString("mismatch"));
        QVERIFY(model.index(0, 0).data(RevenueModel::WeightsRole).toString().startsWith("stake hidden"));
        // The contract decides what is paid: Claim all is still offered.
        QVERIFY(model.canClaimAll());
    }

    void aNewHeadMergesRowsInPlace() {
        Fixture f;
        RevenueModel model(f.runner.get(), f.accounts.get(), [&f] { return f.elapsed; });
        model.refresh();
        QVERIFY(f.runner->drain());
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        f.revenue->read.shares[0].recomputed = verified(units(31));
        model.refresh();
        QVERIFY(f.runner->drain());
        QCOMPARE(removed.count(), 0);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(model.index(0, 0).data(RevenueModel::RecomputedRole).toMap().value("figure").toString(), QString("31"));
    }

    void claimsListChartAndExport() {
        Fixture f;
        RevenueModel model(f.runner.get(), f.accounts.get(), [&f] { return f.elapsed; });
        model.refresh();
        QVERIFY(f.runner->drain());
        const auto claims = model.claims();
        QCOMPARE(claims.size(), 3);
        QCOMPARE(claims[0].toMap().value("categoryTitle").toString(), QString("Community"));
        QCOMPARE(claims[0].toMap().value("amount").toMap().value("state").toString(), QString("verified"));
        QCOMPARE(claims[1].toMap().value("amount").toMap().value("state").toString(), QString("mismatch"));
        QCOMPARE(claims[2].toMap().value("amount").toMap().value("state").toString(), QString("unverified"));
        // Per epoch, oldest first; a hidden amount counts as nothing.
        const auto perEpoch = model.claimedPerEpoch();
        QCOMPARE(perEpoch.size(), 2);
        QCOMPARE(perEpoch[0].toMap().value("epoch").toString(), QString("2"));
        QCOMPARE(perEpoch[1].toMap().value("amount").toDouble(), 20.0);
        QSignalSpy done(&model, &RevenueModel::requestDone);
        model.exportClaimsCsv(QStringLiteral("file:///tmp/claims.csv"));
        QVERIFY(f.runner->drain());
        QCOMPARE(f.revenue->exportedTo, std::string("/tmp/claims.csv"));
        QCOMPARE(done.count(), 1);
        QVERIFY(done.first().value(2).toString().contains("3 claim(s) written"));
    }

    void controllerHandsCoreTheNamedAction() {
        Fixture f;
        RevenueController c(f.runner.get(), f.accounts.get());
        // The recorded node has no deployment: core's refusal comes back in
        // the flow, naming the action; nothing is prepared.
        c.claimAll();
        QVERIFY(f.runner->drain());
        QCOMPARE(c.action(), QString("claim"));
        QCOMPARE(c.flow()->stage(), QString("edit"));
        QVERIFY2(!c.flow()->error().isEmpty(), "no refusal");
        c.checkIn("community");
        QVERIFY(f.runner->drain());
        QCOMPARE(c.action(), QString("checkin"));
        c.reset();
        QCOMPARE(c.action(), QString());
    }
};

QTEST_MAIN(TstRevenueModels)
#include "tst_revenue_models.moc"
