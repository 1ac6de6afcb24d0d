// RevenueController: the Revenue page's actions on the shared flow (`flow`,
// TxReview.qml) — Claim all (every claimable epoch and category in one
// transaction: core prepares a claim or a claimMany), Finalize the epoch
// that is due, and Check in to a category. Each hands core an ActionRequest
// ("revenue.claim", "revenue.finalize", "revenue.checkin"); core refuses
// what it knows is pointless (nothing to claim, the epoch not over, a
// check-in without activity) with its own sentence, the same as ctrn's.
#pragma once

#include "accounts_model.h"
#include "tx_flow.h"
#include "view_model.h"

#include <core/interfaces/actions.h>

#include <QQmlEngine>

#include <map>
#include <string>

namespace ctrn::desktop {

class RevenueController : public ViewModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString action READ action NOTIFY actionChanged) // claim | finalize | checkin | ""
    Q_PROPERTY(ctrn::desktop::TxFlow* flow READ flow CONSTANT)

public:
    explicit RevenueController(QObject* parent = nullptr);
    RevenueController(JobRunner* runner, AccountsModel* accounts, QObject* parent = nullptr);

    QString action() const { return m_action; }
    TxFlow* flow() const { return m_flow; }

    Q_INVOKABLE quint64 claimAll();
    Q_INVOKABLE quint64 finalize();
    Q_INVOKABLE quint64 checkIn(const QString& category);
    // Back to no action: the flow to edit.
    Q_INVOKABLE void reset();

signals:
    void actionChanged();

private:
    quint64 start(const QString& action, const std::string& coreAction, std::map<std::string, std::string> params);

    AccountsModel* m_accounts;
    TxFlow* m_flow;
    QString m_action;
};

} // namespace ctrn::desktop
