// MyStakingModel: the My staking page — a list of the current account's
// positions (agent, principal, value now, pending rewards, the unbonding
// entry with its release time and a countdown; rows keyed by agent, merged
// in place on each new head, so nothing flickers or loses a click) and, as
// properties, the account's CTRN (unlocked, staked), REP and unclaimed
// rewards. Every figure carries its proof state (interfaces::Staking: one
// eth_getProof per contract for the page). The countdown ticks every second
// from the chain's clock at the last read (release times are the chain's,
// not this machine's). A figure the node lied about is hidden and the
// action that depends on it is not offered (canUnstake, canWithdraw,
// canClaim are false).
#pragma once

#include "accounts_model.h"
#include "checked_value.h"
#include "query_list_model.h"

#include <core/interfaces/staking.h>

#include <QElapsedTimer>
#include <QQmlEngine>
#include <QTimer>
#include <QVariantMap>

#include <functional>
#include <optional>

namespace ctrn::desktop {

class MyStakingModel : public QueryList<interfaces::StakingPosition> {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QVariantMap balance READ balanceMap NOTIFY summaryChanged)
    Q_PROPERTY(QVariantMap unlocked READ unlockedMap NOTIFY summaryChanged)
    Q_PROPERTY(QVariantMap locked READ lockedMap NOTIFY summaryChanged)
    Q_PROPERTY(QVariantMap reputation READ reputationMap NOTIFY summaryChanged)
    // Unclaimed rewards over every position ("" when one of them is hidden).
    Q_PROPERTY(QString pendingTotal READ pendingTotal NOTIFY summaryChanged)
    Q_PROPERTY(QString unbondingPeriod READ unbondingPeriod NOTIFY summaryChanged) // "7 d 0 h"
    Q_PROPERTY(QString account READ account NOTIFY summaryChanged)

public:
    enum Role {
        AgentRole = Qt::UserRole + 1,
        AgentNameRole,
        ShortAgentRole,
        PrincipalRole, // CheckedValue, as the next three
        BondedRole,
        UnbondingRole,
        PendingRole,
        HasUnbondingRole,
        ReleaseAtRole, // "12 Dec 2026 14:03"
        RemainingRole, // "6 d 23 h", "released"
        ReleasedRole,
        CanUnstakeRole,
        CanWithdrawRole,
        CanClaimRole,
    };
    Q_ENUM(Role)

    // Seconds since the last read, for the countdown (tests pass their own).
    using Elapsed = std::function<std::int64_t()>;

    explicit MyStakingModel(QObject* parent = nullptr);
    MyStakingModel(JobRunner* runner, AccountsModel* accounts, Elapsed elapsed = {}, QObject* parent = nullptr);

    CheckedValue balance() const { return m_balance; }
    CheckedValue unlocked() const { return m_unlocked; }
    CheckedValue locked() const { return m_locked; }
    CheckedValue reputation() const { return m_reputation; }
    QVariantMap balanceMap() const;
    QVariantMap unlockedMap() const;
    QVariantMap lockedMap() const;
    QVariantMap reputationMap() const;
    QString pendingTotal() const { return m_pendingTotal; }
    QString unbondingPeriod() const;
    QString account() const { return m_accounts ? m_accounts->currentAddress() : QString(); }

    // The countdowns again (the timer calls this every second).
    Q_INVOKABLE void tick();

signals:
    void summaryChanged();

protected:
    Query query() const override;
    QString keyOf(const interfaces::StakingPosition& p) const override;
    QVariant value(const interfaces::StakingPosition& p, int role) const override;
    quint64 startRefresh() override;

private:
    void present(std::optional<interfaces::StakingAccount> read);
    std::int64_t now() const;

    AccountsModel* m_accounts;
    Elapsed m_elapsed;
    QElapsedTimer m_sinceRead;
    QTimer m_ticker;
    std::uint64_t m_chainTime = 0;
    std::uint64_t m_period = 0;
    bool m_hasSummary = false;
    CheckedValue m_balance, m_unlocked, m_locked, m_reputation;
    QString m_pendingTotal;
};

} // namespace ctrn::desktop
