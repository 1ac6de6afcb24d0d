// TxFlow: the one transaction flow every action's page uses (Send now; the
// staking, governance, marketplace, models and revenue pages next), with
// qml/components/TxReview.qml as its face. After Bitcoin Core's
// prepareTransaction/sendCoins: the object reviewed is the object sent.
//
//   edit ──prepare()──▶ review ──proceed()──▶ password ──submit()──▶ pending ──▶ mined | failed
//     ▲                   │                      │
//     └──── back(), or invalidate() when an input changes after review
//
// prepare(request) asks core (interfaces::Actions::prepare) for the exact
// unsigned transaction, its decoded call, the most it can cost and the
// simulation; the PreparedAction is kept here and submit(password) hands
// that same object to Actions::submit — nothing is prepared again, so the
// fee and gas shown are the ones signed. Any change to what was reviewed
// (the page calls invalidate() when an input changes) drops the review: a
// new one is needed. The outcome (mined, failed with the decoded reason,
// replaced, dropped) arrives through OutcomeFeed, pushed by core.
//
// The page owns its inputs and builds the ActionRequest; this holds only
// the flow's state, as properties TxReview.qml shows.
#pragma once

#include "view_model.h"

#include <core/interfaces/actions.h>

#include <QQmlEngine>
#include <QStringList>
#include <QVariantList>
#include <QVariantMap>

#include <optional>

namespace ctrn::desktop {

class TxFlow : public ViewModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("a page's view model owns its TxFlow")
    Q_PROPERTY(QString stage READ stage NOTIFY stageChanged) // edit | review | password | pending | mined | failed
    Q_PROPERTY(QString summary READ summary NOTIFY reviewChanged)
    Q_PROPERTY(QString contract READ contract NOTIFY reviewChanged)       // "ComputroniumToken"; "" for a plain transfer
    Q_PROPERTY(QString functionName READ functionName NOTIFY reviewChanged) // "transfer"; "" for a plain transfer
    Q_PROPERTY(QString signature READ signature NOTIFY reviewChanged)
    // [{name, type, value, display}] of the decoded call.
    Q_PROPERTY(QVariantList arguments READ arguments NOTIFY reviewChanged)
    Q_PROPERTY(QString from READ from NOTIFY reviewChanged)
    Q_PROPERTY(QString to READ to NOTIFY reviewChanged)
    Q_PROPERTY(QString value READ value NOTIFY reviewChanged)               // "0 ETH"
    Q_PROPERTY(QString gasLimit READ gasLimit NOTIFY reviewChanged)
    Q_PROPERTY(QString maxFee READ maxFee NOTIFY reviewChanged)             // "2 gwei (priority 1 gwei)"
    Q_PROPERTY(QString maxGasCost READ maxGasCost NOTIFY reviewChanged)     // "0.0001 ETH"
    Q_PROPERTY(QString maxTotalCost READ maxTotalCost NOTIFY reviewChanged) // "0.0001 ETH" (+ the tokens moved)
    Q_PROPERTY(bool simulationOk READ simulationOk NOTIFY reviewChanged)
    Q_PROPERTY(QString simulation READ simulation NOTIFY reviewChanged)     // in words: ok at block N / reverted: why
    Q_PROPERTY(QStringList notes READ notes NOTIFY reviewChanged)
    Q_PROPERTY(QString hash READ hash NOTIFY stageChanged)
    Q_PROPERTY(QString status READ status NOTIFY stageChanged)              // in words, for pending/mined/failed
    Q_PROPERTY(QString reason READ reason NOTIFY stageChanged)              // failed: the decoded reason
    Q_PROPERTY(bool broadcast READ broadcast NOTIFY stageChanged)

public:
    explicit TxFlow(JobRunner* runner, QObject* parent = nullptr);

    QString stage() const { return m_stage; }
    QString summary() const;
    QString contract() const;
    QString functionName() const;
    QString signature() const;
    QVariantList arguments() const;
    QString from() const;
    QString to() const;
    QString value() const;
    QString gasLimit() const;
    QString maxFee() const;
    QString maxGasCost() const;
    QString maxTotalCost() const;
    bool simulationOk() const { return m_prepared && m_prepared->simulation.ok; }
    QString simulation() const;
    QStringList notes() const;
    QString hash() const { return m_hash; }
    QString status() const { return m_status; }
    QString reason() const { return m_reason; }
    bool broadcast() const { return m_broadcast; }

    // The PreparedAction under review (or sent), exactly as core made it.
    const std::optional<interfaces::PreparedAction>& prepared() const { return m_prepared; }

    // Asks core to prepare `request`: review on success, the refusal as the
    // error (and stage edit) otherwise. A prepare still running when the
    // inputs change is dropped (invalidate()).
    quint64 prepare(const interfaces::ActionRequest& request);
    // review -> password.
    Q_INVOKABLE void proceed();
    // Signs and sends exactly the reviewed transaction. A wrong password
    // leaves the stage at password with the error; nothing was signed.
    Q_INVOKABLE quint64 submit(const QString& password);
    // password -> review -> edit.
    Q_INVOKABLE void back();
    // What was reviewed no longer holds (an input changed): back to edit.
    Q_INVOKABLE void invalidate();
    // A new action: everything forgotten.
    Q_INVOKABLE void reset();
    // Asks core now whether the sent transaction is final (the app's head
    // poll does this on every new head; tests and a "check now" button).
    Q_INVOKABLE quint64 checkNow();

    // An outcome from OutcomeFeed: applied when it is this flow's hash.
    void applyOutcome(const QVariantMap& outcome);

signals:
    void stageChanged();
    void reviewChanged();

private:
    enum { PrepareSlot = 1 };
    void setStage(const QString& stage);
    QString tokenSymbol() const;

    QString m_stage = QStringLiteral("edit");
    std::optional<interfaces::PreparedAction> m_prepared;
    QString m_hash, m_status, m_reason;
    bool m_broadcast = false;
};

} // namespace ctrn::desktop
