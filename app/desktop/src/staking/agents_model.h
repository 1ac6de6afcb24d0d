// AgentsModel: the Agents page's table — every registered agent with its
// address, elected badge, total stake and my stake with it (each with its
// proof state), commission, REP, and a look-alike flag naming the agents
// whose names could be taken for its. Rows come from core
// (interfaces::Staking, on the worker) and refresh on each new head, merged
// by address (no flicker, no jump). Sorting, search and the filter are
// applied here to the rows already loaded (agents_arrange.h), so a click on
// a column header answers within a frame and asks the node nothing.
#pragma once

#include "accounts_model.h"
#include "agents_arrange.h"
#include "query_list_model.h"

#include <core/interfaces/staking.h>

#include <QQmlEngine>

namespace ctrn::desktop {

class AgentsModel : public QueryList<interfaces::StakingAgent> {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString sortBy READ sortBy WRITE setSortBy NOTIFY viewChanged)
    Q_PROPERTY(bool ascending READ ascending WRITE setAscending NOTIFY viewChanged)
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY viewChanged)
    Q_PROPERTY(QString filter READ filter WRITE setFilter NOTIFY viewChanged)
    // All agents loaded (before the filter and search).
    Q_PROPERTY(int total READ total NOTIFY viewChanged)

public:
    enum Role {
        AddressRole = Qt::UserRole + 1,
        ShortAddressRole,
        NameRole,
        ElectedRole,
        CommissionRole,
        CommissionBpsRole,
        ReputationRole,
        TotalStakeRole, // CheckedValue
        MyStakeRole,    // CheckedValue
        LookAlikeRole,
        LookAlikeOfRole, // the look-alikes' names and short addresses
        RankRole,        // 1.. by proven stake (0: no stake)
        MarginRole,      // CheckedValue: the margin to the elected set's edge
        MarginTextRole,  // "#3 · 1240 CTRN above seat 22"; empty when the margin is hidden
    };
    Q_ENUM(Role)

    explicit AgentsModel(QObject* parent = nullptr);
    AgentsModel(JobRunner* runner, AccountsModel* accounts, QObject* parent = nullptr);

    QString sortBy() const { return m_view.sortBy; }
    void setSortBy(const QString& column);
    bool ascending() const { return m_view.ascending; }
    void setAscending(bool ascending);
    QString search() const { return m_view.search; }
    void setSearch(const QString& search);
    QString filter() const { return m_view.filter; }
    void setFilter(const QString& filter);
    int total() const { return static_cast<int>(m_all.size()); }

    // Sorts by `column`; the same column again flips the direction.
    Q_INVOKABLE void sortByColumn(const QString& column);
    // A row's figures for the stake form ({address, name, ...}); empty when unknown.
    Q_INVOKABLE QVariantMap agent(const QString& address) const;
    // What staking `amount` more with `address` would do to its place in
    // the election ("With 100 CTRN more: rank 6 → 4, elected, 50 CTRN
    // above seat 22"); empty for an unknown agent or an amount that does
    // not parse (the field says why).
    Q_INVOKABLE QString outlook(const QString& address, const QString& amount) const;
    // The full address to the clipboard (the table shows the short form).
    Q_INVOKABLE void copyAddress(const QString& address) const;

signals:
    void viewChanged();

protected:
    Query query() const override;
    QString keyOf(const interfaces::StakingAgent& a) const override;
    QVariant value(const interfaces::StakingAgent& a, int role) const override;
    quint64 startRefresh() override;

private:
    // The loaded rows arranged again (sort, filter, search) and merged.
    void rearrange();
    QString holder() const;

    AccountsModel* m_accounts;
    AgentsView m_view;
    std::vector<interfaces::StakingAgent> m_all;
};

} // namespace ctrn::desktop
