// StakeController: the staking flows' own inputs — which action (stake,
// unstake, withdraw, claim), the agent, the amount and its check (core's
// parseAmount: more than 18 decimals is refused as you type), and Max (for
// a stake the unlocked balance, for an unstake the bonded stake with the
// agent, both as the light client proves them; refused after a mismatch).
// Everything after the inputs is the shared flow (`flow`, TxReview.qml):
// review() hands core an ActionRequest ("stake.add", "stake.unstake",
// "stake.withdraw", "stake.claim") and core refuses what it can know before
// anything is signed (zero, above the unlocked balance, above the bonded
// stake, nothing to withdraw or claim) with its own sentence. Changing an
// input after review drops the review.
#pragma once

#include "accounts_model.h"
#include "tx_flow.h"
#include "view_model.h"

#include <core/interfaces/actions.h>

#include <QQmlEngine>

#include <optional>

namespace ctrn::desktop {

class StakeController : public ViewModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString action READ action WRITE setAction NOTIFY inputChanged) // stake | unstake | withdraw | claim
    Q_PROPERTY(QString agent READ agent WRITE setAgent NOTIFY inputChanged)
    Q_PROPERTY(QString agentName READ agentName WRITE setAgentName NOTIFY inputChanged)
    Q_PROPERTY(QString amount READ amount WRITE setAmount NOTIFY inputChanged)
    Q_PROPERTY(QString amountError READ amountError NOTIFY inputChanged)
    Q_PROPERTY(bool needsAmount READ needsAmount NOTIFY inputChanged)
    Q_PROPERTY(bool canReview READ canReview NOTIFY inputChanged)
    Q_PROPERTY(ctrn::desktop::TxFlow* flow READ flow CONSTANT)

public:
    explicit StakeController(QObject* parent = nullptr);
    StakeController(JobRunner* runner, AccountsModel* accounts, QObject* parent = nullptr);

    QString action() const { return m_action; }
    void setAction(const QString& action);
    QString agent() const { return m_agent; }
    void setAgent(const QString& agent);
    QString agentName() const { return m_agentName; }
    void setAgentName(const QString& name);
    QString amount() const { return m_amount; }
    void setAmount(const QString& amount);
    QString amountError() const { return m_amountError; }
    bool needsAmount() const { return m_action == QLatin1String("stake") || m_action == QLatin1String("unstake"); }
    bool canReview() const;
    TxFlow* flow() const { return m_flow; }

    // Fills the amount with what can be staked (unlocked) or unstaked
    // (bonded with the agent), as proven; refused on a mismatch.
    Q_INVOKABLE quint64 useMax();
    Q_INVOKABLE quint64 review();
    // A new action: inputs cleared, the flow back to edit.
    Q_INVOKABLE void reset();

    // The request review() would hand core (null and `why` when refused).
    std::optional<interfaces::ActionRequest> actionRequest(QString* why) const;

signals:
    void inputChanged();

private:
    void inputEdited();

    AccountsModel* m_accounts;
    TxFlow* m_flow;
    QString m_action = QStringLiteral("stake");
    QString m_agent, m_agentName, m_amount, m_amountError;
};

} // namespace ctrn::desktop
