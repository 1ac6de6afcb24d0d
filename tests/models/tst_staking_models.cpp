// The staking pages' view models on a fake Staking (fixture values in
// every proof state) over the recorded node: the Agents table sorts by each
// column (a hidden figure last), searches by name and address, filters
// elected / not elected / mine, and flags look-alike names (core's rule,
// checked here too); My staking counts down to a release from the chain's
// clock, offers Withdraw only once released, and hides a mismatched figure
// and the action on it; the stake form checks decimals as typed, refuses
// Max after a mismatch, and hands core the request the page shows.
#include "wallet_fixture.h"

#include "accounts_model.h"
#include "agents_model.h"
#include "my_staking_model.h"
#include "stake_controller.h"

#include <core/protocol/staking_reads.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace ctrn;
using namespace ctrn::desktop;

namespace {

chain::Address address(int i) {
    char hex[43];
    std::snprintf(hex, sizeof hex, "0x%040x", i);
    return *chain::Address::fromHex(hex);
}
U256 units(std::uint64_t whole) { return U256(whole) * U256(1'000'000'000'000'000'000ULL); }
interfaces::Checked<U256> verified(const U256& v) { return interfaces::Verified<U256>(v, 42, chain::Hash()); }
interfaces::Checked<U256> liar() { return interfaces::Mismatch{"storage value", "slot 0x05 of StakingHub differs", "http://liar:8545"}; }

class FakeStaking : public interfaces::Staking {
public:
    std::vector<interfaces::StakingAgent> agentRows;
    std::optional<interfaces::StakingAccount> accountRead;
    int accountReads = 0;
    Result<std::vector<interfaces::StakingAgent>> agents(const std::optional<chain::Address>&) override { return agentRows; }
    Result<interfaces::StakingAccount> account(const chain::Address& holder) override {
        ++accountReads;
        auto a = *accountRead;
        a.holder = holder;
        return a;
    }
    std::uint64_t proofCalls() const override { return 0; }
};

interfaces::StakingAgent agent(int i, const char* name, std::uint64_t stake, bool elected, std::uint32_t bps, std::uint64_t rep,
                               std::uint64_t mine) {
    return {address(i), name, "", elected, bps, units(rep), verified(units(stake)), verified(units(mine)), {}};
}

QStringList names(const QAbstractItemModel& m) {
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r) out << m.index(r, 0).data(AgentsModel::NameRole).toString();
    return out;
}

} // namespace

class TstStakingModels : public QObject {
    Q_OBJECT

    struct Fixture {
        QTemporaryDir dir;
        interfaces::Services services;
        FakeStaking* staking = nullptr;
        std::unique_ptr<fixture::Runner> runner;
        std::unique_ptr<AccountsModel> accounts;
        std::int64_t elapsed = 0;

        Fixture() {
            services = fixture::services(dir, fixture::recordedNode());
            auto fake = std::make_unique<FakeStaking>();
            staking = fake.get();
            services.staking = std::move(fake);
            runner = std::make_unique<fixture::Runner>(services);
            accounts = std::make_unique<AccountsModel>(runner.get());
            accounts->setWallet(QStringLiteral("demo"));
            runner->drain();
            staking->agentRows = {agent(1, "Atlas Compute", 500, true, 500, 10, 0), agent(2, "Borealis Data", 100, false, 900, 30, 25),
                                  agent(3, "Cygnus Labs", 300, true, 700, 20, 0), agent(4, "Atlas C0mpute", 50, false, 100, 0, 0)};
            staking->agentRows[3].lookAlikes = {address(1)};
            staking->agentRows[0].lookAlikes = {address(4)};
            interfaces::StakingAccount a{address(0), verified(units(1000)), verified(units(125)), verified(units(875)), verified(units(7)),
                                         {}, 1'700'000'000, 7 * 86400};
            a.positions.push_back({address(2), "Borealis Data", verified(units(100)), verified(units(25)), verified(units(75)),
                                   verified(units(3)), 1'700'000'000 + 2 * 3600 + 60});
            a.positions.push_back({address(3), "Cygnus Labs", verified(units(50)), liar(), verified(U256(0)), verified(U256(0)), 0});
            staking->accountRead = a;
        }
        ~Fixture() { accounts.reset(); }
    };

private slots:
    void agentsSortByEveryColumn() {
        Fixture f;
        AgentsModel model(f.runner.get(), f.accounts.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.refresh();
        QVERIFY(f.runner->drain());
        QCOMPARE(model.total(), 4);
        // Largest stake first by default.
        QCOMPARE(names(model), QStringList({"Atlas Compute", "Cygnus Labs", "Borealis Data", "Atlas C0mpute"}));
        model.sortByColumn("stake"); // again: smallest first
        QCOMPARE(names(model), QStringList({"Atlas C0mpute", "Borealis Data", "Cygnus Labs", "Atlas Compute"}));
        model.sortByColumn("name");
        QVERIFY(model.ascending());
        QCOMPARE(names(model), QStringList({"Atlas C0mpute", "Atlas Compute", "Borealis Data", "Cygnus Labs"}));
        model.sortByColumn("commission");
        QCOMPARE(names(model), QStringList({"Borealis Data", "Cygnus Labs", "Atlas Compute", "Atlas C0mpute"}));
        model.sortByColumn("reputation");
        QCOMPARE(names(model).first(), QString("Borealis Data"));
        model.sortByColumn("mine");
        QCOMPARE(names(model).first(), QString("Borealis Data"));
        // No new query for any of it: sorting is of the rows loaded.
        QCOMPARE(model.refreshesStarted(), 1);
        QCOMPARE(model.index(0, 0).data(AgentsModel::CommissionRole).toString(), QString("9.00 %"));
    }

    void agentsSearchAndFilter() {
        Fixture f;
        AgentsModel model(f.runner.get(), f.accounts.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.refresh();
        QVERIFY(f.runner->drain());
        model.setFilter("elected");
        QCOMPARE(names(model), QStringList({"Atlas Compute", "Cygnus Labs"}));
        model.setFilter("notElected");
        QCOMPARE(names(model), QStringList({"Borealis Data", "Atlas C0mpute"}));
        model.setFilter("mine");
        QCOMPARE(names(model), QStringList({"Borealis Data"}));
        model.setFilter("all");
        model.setSearch("cyg");
        QCOMPARE(names(model), QStringList({"Cygnus Labs"}));
        // By address, with or without 0x, any case.
        model.setSearch("0x0000000000000000000000000000000000000002");
        QCOMPARE(names(model), QStringList({"Borealis Data"}));
        model.setSearch("00000000000000000000000000000003");
        QCOMPARE(names(model), QStringList({"Cygnus Labs"}));
        model.setSearch("");
        QCOMPARE(model.rowCount(), 4);
    }

    void lookAlikesAreFlagged() {
        // Core's rule: the same after folding case, punctuation and
        // look-alike characters, or one edit apart (names of 5+).
        const auto alike = protocol::lookAlikeNames({"Atlas Compute", "Atlas C0mpute", "ATLAS-COMPUTE", "Borealis Data", "Borealis Dato",
                                                     "Cygnus Labs", "Cyg", "Cyx"});
        QCOMPARE(alike[0].size(), std::size_t(2));
        QCOMPARE(alike[1].size(), std::size_t(2));
        QVERIFY(alike[3] == std::vector<std::size_t>{4});
        QVERIFY(alike[5].empty());
        QVERIFY(alike[6].empty()); // short names need to fold equal
        QCOMPARE(protocol::lookAlikeNames({"rnodel", "model"})[0].size(), std::size_t(1));

        Fixture f;
        AgentsModel model(f.runner.get(), f.accounts.get());
        model.refresh();
        QVERIFY(f.runner->drain());
        model.setSortBy("name");
        QVERIFY(model.index(0, 0).data(AgentsModel::LookAlikeRole).toBool());
        QVERIFY(model.index(1, 0).data(AgentsModel::LookAlikeRole).toBool());
        QVERIFY(!model.index(2, 0).data(AgentsModel::LookAlikeRole).toBool());
        const QString of = model.index(0, 0).data(AgentsModel::LookAlikeOfRole).toString();
        QVERIFY2(of.contains("Atlas Compute") && of.contains(QString::fromUtf8("0x0000\u20260001")), qPrintable(of));
    }

    void electionMarginsAndWhatAStakeWouldDo() {
        // Core's ranking: stake, then registration order; 0 stake never elected.
        using protocol::electionStandings;
        const auto two = electionStandings({units(100), units(300), units(300), units(50), U256(0)}, 2);
        QCOMPARE(two[1].rank, std::size_t(1)); // 300, registered first
        QCOMPARE(two[2].rank, std::size_t(2)); // 300, later: the tie goes to the earlier
        QVERIFY(two[2].elected && !two[0].elected);
        QCOMPARE(two[1].margin, units(200)); // above seat 3 (100)
        QCOMPARE(two[1].comparedSeat, std::size_t(3));
        QCOMPARE(two[0].margin, units(200)); // below seat 2 (300)
        QCOMPARE(two[0].comparedSeat, std::size_t(2));
        QCOMPARE(two[4].rank, std::size_t(0));
        QCOMPARE(two[4].margin, units(300));
        const auto roomy = electionStandings({units(10), U256(0)}, 5);
        QVERIFY(roomy[0].elected && roomy[0].comparedSeat == 0 && roomy[0].margin == units(10));
        QVERIFY(!roomy[1].elected && roomy[1].comparedSeat == 0);
        const auto lifted = protocol::standingWith({units(100), units(300), units(300), units(50)}, 2, 3, units(251));
        QVERIFY(lifted.elected && lifted.rank == 1 && lifted.margin == units(1) && lifted.comparedSeat == 3);

        Fixture f;
        // Seats: 2; stakes 500, 100, 300, 50 (registration order 1..4).
        for (auto& a : f.staking->agentRows) a.seats = 2;
        const auto standings = electionStandings({units(500), units(100), units(300), units(50)}, 2);
        for (std::size_t i = 0; i < 4; ++i) {
            auto& a = f.staking->agentRows[i];
            a.rank = standings[i].rank;
            a.marginSeat = standings[i].comparedSeat;
            a.margin = verified(standings[i].margin);
        }
        AgentsModel model(f.runner.get(), f.accounts.get());
        model.refresh();
        QVERIFY(f.runner->drain());
        auto row = [&](const QString& name) {
            for (int r = 0; r < model.rowCount(); ++r)
                if (model.index(r, 0).data(AgentsModel::NameRole).toString() == name) return model.index(r, 0);
            return QModelIndex();
        };
        QCOMPARE(row("Cygnus Labs").data(AgentsModel::MarginTextRole).toString(), QString::fromUtf8("#2 · 200 CTRN above seat 3"));
        QCOMPARE(row("Borealis Data").data(AgentsModel::MarginTextRole).toString(), QString::fromUtf8("#3 · 200 CTRN below seat 2"));
        QCOMPARE(row("Cygnus Labs").data(AgentsModel::MarginRole).toMap()["state"].toString(), QString("verified"));
        const QString borealis = QString::fromStdString(address(2).checksummed());
        QCOMPARE(model.outlook(borealis, "250"), QString::fromUtf8("With 250 CTRN more: rank 3 → rank 2, 50 CTRN above seat 3"));
        QCOMPARE(model.outlook(borealis, "10"), QString::fromUtf8("With 10 CTRN more: rank 3 → rank 3, 190 CTRN below seat 2"));
        QVERIFY(model.outlook(borealis, "1.0000000000000000001").isEmpty()); // the field says why
        QVERIFY(model.outlook(QString::fromStdString(address(9).checksummed()), "1").isEmpty());

        // A stake the node lied about: no margin shown, no outlook computed.
        f.staking->agentRows[0].totalStake = liar();
        f.staking->agentRows[0].margin = liar();
        model.refresh();
        QVERIFY(f.runner->drain());
        QVERIFY(row("Atlas Compute").data(AgentsModel::MarginTextRole).toString().isEmpty());
        QVERIFY(model.outlook(borealis, "250").contains("contradicted"));
    }

    void agentsMismatchIsHiddenAndSortsLast() {
        Fixture f;
        f.staking->agentRows[0].totalStake = liar();
        AgentsModel model(f.runner.get(), f.accounts.get());
        model.refresh();
        QVERIFY(f.runner->drain());
        for (bool ascending : {false, true}) {
            model.setAscending(ascending);
            const auto last = model.index(model.rowCount() - 1, 0);
            QCOMPARE(last.data(AgentsModel::NameRole).toString(), QString("Atlas Compute"));
            const auto stake = last.data(AgentsModel::TotalStakeRole).toMap();
            QCOMPARE(stake["state"].toString(), QString("mismatch"));
            QVERIFY(stake["figure"].toString().isEmpty());
            QCOMPARE(stake["node"].toString(), QString("http://liar:8545"));
        }
        const auto shown = model.index(0, 0).data(AgentsModel::TotalStakeRole).toMap();
        QCOMPARE(shown["state"].toString(), QString("verified"));
        QCOMPARE(shown["block"].toString(), QString("42"));
    }

    void refreshMergesWithoutReset() {
        Fixture f;
        AgentsModel model(f.runner.get(), f.accounts.get());
        model.refresh();
        QVERIFY(f.runner->drain());
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        f.staking->agentRows[1].totalStake = verified(units(101));
        model.refresh();
        QVERIFY(f.runner->drain());
        QCOMPARE(reset.count(), 0);
        QCOMPARE(removed.count(), 0);
        QCOMPARE(model.rowCount(), 4);
    }

    void myStakingCountsDownToRelease() {
        Fixture f;
        MyStakingModel model(f.runner.get(), f.accounts.get(), [&f] { return f.elapsed; });
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.refresh();
        QVERIFY(f.runner->drain());
        QVERIFY(model.loaded());
        QCOMPARE(model.unlocked().figure, QString("875"));
        QCOMPARE(model.unlocked().state, QString("verified"));
        QCOMPARE(model.reputation().figure, QString("7"));
        QCOMPARE(model.unbondingPeriod(), QString("7 d 0 h"));
        QCOMPARE(model.rowCount(), 2);
        const auto row = model.index(0);
        QCOMPARE(row.data(MyStakingModel::AgentNameRole).toString(), QString("Borealis Data"));
        QVERIFY(row.data(MyStakingModel::HasUnbondingRole).toBool());
        QCOMPARE(row.data(MyStakingModel::RemainingRole).toString(), QString("2 h 1 min"));
        QVERIFY(!row.data(MyStakingModel::ReleasedRole).toBool());
        QVERIFY(!row.data(MyStakingModel::CanWithdrawRole).toBool());
        QVERIFY(row.data(MyStakingModel::CanClaimRole).toBool());
        QVERIFY(row.data(MyStakingModel::CanUnstakeRole).toBool());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        f.elapsed = 2 * 3600;
        model.tick();
        QCOMPARE(changed.count(), 1);
        QCOMPARE(row.data(MyStakingModel::RemainingRole).toString(), QString("1 min 0 s"));
        f.elapsed = 2 * 3600 + 60;
        model.tick();
        QVERIFY(row.data(MyStakingModel::ReleasedRole).toBool());
        QVERIFY(row.data(MyStakingModel::CanWithdrawRole).toBool());
        QCOMPARE(row.data(MyStakingModel::RemainingRole).toString(), QString("released"));
        // A new head's read merges in place: the rows stay, no reset.
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.refresh();
        QVERIFY(f.runner->drain());
        QCOMPARE(reset.count(), 0);
        QCOMPARE(removed.count(), 0);
        QCOMPARE(f.staking->accountReads, 2);
    }

    void myStakingHidesAMismatchAndItsAction() {
        Fixture f;
        MyStakingModel model(f.runner.get(), f.accounts.get(), [] { return std::int64_t(0); });
        model.refresh();
        QVERIFY(f.runner->drain());
        const auto row = model.index(1);
        const auto bonded = row.data(MyStakingModel::BondedRole).toMap();
        QCOMPARE(bonded["state"].toString(), QString("mismatch"));
        QVERIFY(bonded["figure"].toString().isEmpty());
        QVERIFY(!bonded["shown"].toBool());
        QCOMPARE(bonded["node"].toString(), QString("http://liar:8545"));
        QVERIFY(!row.data(MyStakingModel::CanUnstakeRole).toBool()); // no unstake of a figure the node lied about
        QVERIFY(!row.data(MyStakingModel::HasUnbondingRole).toBool());
        QCOMPARE(row.data(MyStakingModel::PrincipalRole).toMap()["figure"].toString(), QString("50"));
        QCOMPARE(model.pendingTotal(), QString("3"));
    }

    void stakeFormChecksAndRefuses() {
        Fixture f;
        StakeController stake(f.runner.get(), f.accounts.get());
        stake.setAgent(QString::fromStdString(address(2).checksummed()));
        stake.setAmount("1.0000000000000000001"); // 19 decimals
        QVERIFY(!stake.amountError().isEmpty());
        QVERIFY(!stake.canReview());
        QString why;
        QVERIFY(!stake.actionRequest(&why));
        QVERIFY(why.startsWith("Invalid amount"));
        stake.setAmount("100");
        QVERIFY(stake.amountError().isEmpty());
        QVERIFY(stake.canReview());
        auto request = stake.actionRequest(&why);
        QVERIFY(request);
        QCOMPARE(QString::fromStdString(request->action), QString("stake.add"));
        QCOMPARE(QString::fromStdString(request->params.at("amount")), QString("100"));
        QCOMPARE(QString::fromStdString(request->params.at("agent")), QString::fromStdString(address(2).checksummed()));
        stake.setAction("withdraw");
        QVERIFY(!stake.needsAmount());
        request = stake.actionRequest(&why);
        QCOMPARE(QString::fromStdString(request->action), QString("stake.withdraw"));
        QVERIFY(!request->params.count("amount"));

        // Max: the proven unlocked balance; after a mismatch, refused.
        stake.setAction("stake");
        stake.useMax();
        QVERIFY(f.runner->drain());
        QCOMPARE(stake.amount(), QString("875"));
        stake.setAction("unstake");
        stake.setAgent(QString::fromStdString(address(3).checksummed()));
        stake.setAmount("");
        stake.useMax();
        QVERIFY(f.runner->drain());
        QVERIFY2(stake.error().contains("contradicted") && stake.error().contains("http://liar:8545"), qPrintable(stake.error()));
        QVERIFY(stake.amount().isEmpty());
    }
};

QTEST_MAIN(TstStakingModels)
#include "tst_staking_models.moc"
