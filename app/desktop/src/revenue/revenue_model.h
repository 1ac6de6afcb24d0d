// RevenueModel: the Revenue page — as properties, the pool (what the open
// epoch will share, totals received, burned, claimed, rolled over; the burn
// and activity shares; the four categories with their shares and weight
// mode in a sentence; revenue per finalized epoch for the chart; when the
// open epoch ends, with a countdown on the chain's clock, and whether it
// can be finalized) and the account's totals (claimable now, why Claim all
// is not offered, what a check-in would add); as rows, the account's share
// of each (epoch, category): recomputed from proven inputs, the node's
// figure beside it (a difference is flagged), the weights it came from and
// when its claim window closes (highlighted when the next finalization
// closes it). Rows keyed by epoch and category, merged in place on each
// new head (no flicker). Every figure carries its proof state
// (interfaces::Revenue: one eth_getProof per contract for the page).
#pragma once

#include "accounts_model.h"
#include "checked_value.h"
#include "query_list_model.h"

#include <core/interfaces/revenue.h>

#include <QElapsedTimer>
#include <QQmlEngine>
#include <QTimer>
#include <QVariantList>
#include <QVariantMap>

#include <functional>
#include <optional>

namespace ctrn::desktop {

class RevenueModel : public QueryList<interfaces::RevenueShare> {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString account READ account NOTIFY summaryChanged)
    Q_PROPERTY(QString epoch READ epoch NOTIFY summaryChanged)               // the open epoch, "3"
    Q_PROPERTY(QString epochEnd READ epochEnd NOTIFY summaryChanged)         // "12 Dec 2026 14:03"
    Q_PROPERTY(QString epochRemaining READ epochRemaining NOTIFY clockChanged) // "4 min 10 s", "ended"
    Q_PROPERTY(bool finalizeDue READ finalizeDue NOTIFY clockChanged)
    Q_PROPERTY(QVariantMap openFunds READ openFunds NOTIFY summaryChanged)
    Q_PROPERTY(QVariantMap totalReceived READ totalReceived NOTIFY summaryChanged)
    Q_PROPERTY(QVariantMap totalBurned READ totalBurned NOTIFY summaryChanged)
    Q_PROPERTY(QVariantMap totalClaimed READ totalClaimed NOTIFY summaryChanged)
    Q_PROPERTY(QVariantMap totalRolledOver READ totalRolledOver NOTIFY summaryChanged)
    Q_PROPERTY(QString burnShare READ burnShare NOTIFY summaryChanged)       // "10.00 %"
    Q_PROPERTY(QString activityShare READ activityShare NOTIFY summaryChanged) // "30.00 %"
    Q_PROPERTY(QString claimWindow READ claimWindow NOTIFY summaryChanged)  // "4 epochs"
    // [{id, title, bps, share, mode, state}] — the categories, in order.
    Q_PROPERTY(QVariantList categories READ categories NOTIFY summaryChanged)
    // [{epoch, amount (CTRN, number), amountText, state}] — finalized, oldest first.
    Q_PROPERTY(QVariantList history READ history NOTIFY summaryChanged)
    Q_PROPERTY(double historyMax READ historyMax NOTIFY summaryChanged)
    Q_PROPERTY(QVariantMap totalClaimable READ totalClaimable NOTIFY summaryChanged)
    Q_PROPERTY(bool canClaimAll READ canClaimAll NOTIFY summaryChanged)
    Q_PROPERTY(QString claimBlocked READ claimBlocked NOTIFY summaryChanged)
    Q_PROPERTY(int disagreements READ disagreements NOTIFY summaryChanged)
    Q_PROPERTY(QString checkInGain READ checkInGain NOTIFY summaryChanged) // "" when nothing to gain or hidden
    // [{epoch, category, categoryTitle, amount (CheckedValue map), block, transaction}] — my claims, newest first.
    Q_PROPERTY(QVariantList claims READ claims NOTIFY summaryChanged)
    // [{epoch, amount (CTRN, number)}] — what I claimed per epoch, oldest first (the chart).
    Q_PROPERTY(QVariantList claimedPerEpoch READ claimedPerEpoch NOTIFY summaryChanged)
    Q_PROPERTY(double claimedMax READ claimedMax NOTIFY summaryChanged)
    Q_PROPERTY(QString claimsError READ claimsError NOTIFY summaryChanged) // why My claims could not be listed

public:
    enum Role {
        EpochRole = Qt::UserRole + 1,
        CategoryRole,      // "community"
        CategoryTitleRole, // "Community"
        RecomputedRole,    // CheckedValue map: claimable now, recomputed here
        EntitledRole,      // CheckedValue map: what the epoch gave
        NodeFigureRole,    // "12.5 CTRN", "" when the node did not answer
        AgreesRole,
        WeightsRole,       // "stake 100 of 600 · activity 0 of 0"
        ClaimedRole,
        OpenRole,
        ClosesRole,        // "closes 12 Dec 2026 14:03 at the earliest"
        ClosesNextRole,
        WhyRole,
    };
    Q_ENUM(Role)

    using Elapsed = std::function<std::int64_t()>;

    explicit RevenueModel(QObject* parent = nullptr);
    RevenueModel(JobRunner* runner, AccountsModel* accounts, Elapsed elapsed = {}, QObject* parent = nullptr);

    QString account() const { return m_accounts ? m_accounts->currentAddress() : QString(); }
    QString epoch() const;
    QString epochEnd() const;
    QString epochRemaining() const;
    bool finalizeDue() const;
    QVariantMap openFunds() const { return figure(&interfaces::RevenuePool::openEpochFunds); }
    QVariantMap totalReceived() const { return figure(&interfaces::RevenuePool::totalReceived); }
    QVariantMap totalBurned() const { return figure(&interfaces::RevenuePool::totalBurned); }
    QVariantMap totalClaimed() const { return figure(&interfaces::RevenuePool::totalClaimed); }
    QVariantMap totalRolledOver() const { return figure(&interfaces::RevenuePool::totalRolledOver); }
    QString burnShare() const;
    QString activityShare() const;
    QString claimWindow() const;
    QVariantList categories() const;
    QVariantList history() const;
    double historyMax() const;
    QVariantMap totalClaimable() const;
    bool canClaimAll() const { return m_read && m_read->claimBlocked.empty(); }
    QString claimBlocked() const { return m_read ? QString::fromStdString(m_read->claimBlocked) : QString(); }
    int disagreements() const { return m_read ? static_cast<int>(m_read->disagreements) : 0; }
    QString checkInGain() const;
    QVariantList claims() const;
    QVariantList claimedPerEpoch() const;
    double claimedMax() const;
    QString claimsError() const { return m_read ? QString::fromStdString(m_read->claimsError) : QString(); }

    // Writes my claims as CSV to a local path or file: URL (core writes it
    // atomically); requestDone carries the count or the error.
    Q_INVOKABLE quint64 exportClaimsCsv(const QString& pathOrUrl);

    Q_INVOKABLE void tick();

signals:
    void summaryChanged();
    void clockChanged();

protected:
    Query query() const override;
    QString keyOf(const interfaces::RevenueShare& s) const override;
    QVariant value(const interfaces::RevenueShare& s, int role) const override;
    quint64 startRefresh() override;

private:
    QVariantMap figure(interfaces::Checked<U256> interfaces::RevenuePool::*member) const;
    void present(std::optional<interfaces::RevenueAccount> read);
    std::int64_t now() const;

    AccountsModel* m_accounts;
    Elapsed m_elapsed;
    QElapsedTimer m_sinceRead;
    QTimer m_ticker;
    std::optional<interfaces::RevenueAccount> m_read;
};

} // namespace ctrn::desktop
