// BalanceVerification: the Accounts page's "verify" action. Asks the light
// client (interfaces::Verifier) to prove an account's ETH and CTRN balances
// against a header linked to the network's checkpoint, and exposes the
// outcome as one of distinct states: "verified" (with the block), a
// "mismatch" (the node contradicted its proof: no figure is shown, only
// what failed), "unverified" (the node serves no proofs) or "unavailable"
// (no checkpoint, or the node could not be reached). Each proof is worded
// by the framework's Checked presenter (framework/checked_value.h), so a
// mismatch names the node and CTRN is shown in its own decimals.
#pragma once

#include "wallet_jobs.h"

#include <QObject>
#include <QQmlEngine>

namespace ctrn::desktop {

class BalanceVerification : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString state READ state NOTIFY changed) // "", "busy", "verified", "mismatch", "unverified", "unavailable"
    Q_PROPERTY(QString address READ address NOTIFY changed)
    Q_PROPERTY(QString ethBalance READ ethBalance NOTIFY changed)   // formatted, only when verified
    Q_PROPERTY(QString ctrnBalance READ ctrnBalance NOTIFY changed) // formatted, only when verified (empty without CTRN)
    Q_PROPERTY(QString block READ block NOTIFY changed)
    Q_PROPERTY(QString message READ message NOTIFY changed)
    // On a mismatch: the node that contradicted its proof.
    Q_PROPERTY(QString node READ node NOTIFY changed)

public:
    explicit BalanceVerification(QObject* parent = nullptr);
    BalanceVerification(JobRunner* runner, QObject* parent = nullptr);

    QString state() const { return m_state; }
    QString address() const { return m_address; }
    QString ethBalance() const { return m_eth; }
    QString ctrnBalance() const { return m_ctrn; }
    QString block() const { return m_block; }
    QString message() const { return m_message; }
    QString node() const { return m_node; }

    Q_INVOKABLE void verify(const QString& address);
    // Forgets the outcome (another account was selected).
    Q_INVOKABLE void clear();

signals:
    void changed();

private:
    JobRunner* m_runner;
    Generation m_generation;
    QString m_state, m_address, m_eth, m_ctrn, m_block, m_message, m_node;
};

} // namespace ctrn::desktop
