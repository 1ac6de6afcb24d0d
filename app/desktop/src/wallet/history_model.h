// HistoryModel: the History page's list. Rows come from SQLite a page at a
// time (keyset pages of `pageSize`, newest first, pending on top) through
// canFetchMore/fetchMore, so a 10,000-entry history scrolls without being
// loaded whole; `total` is the full count. Rows are the wallet's own sends
// and the CTRN transfers found on chain (received, or sent from elsewhere):
// after each refresh and on each new head the model asks core to look for
// new ones (Wallet::scanTransfers, only the blocks since the last look) and
// reloads when it found some. Each row says its direction (in, out, self)
// and counterparty (with its address-book label). Pending rows can be sped
// up or cancelled; details() gives one row's fields; exportCsv writes them all.
//
// A QueryList (framework/query_list_model.h): keyset pages, refreshes
// merged by key (a status turning from pending to mined updates its row in
// place), stale pages dropped after an account switch. The look on chain
// runs on the Long lane, so a send never waits behind it.
#pragma once

#include "query_list_model.h"
#include "wallet_jobs.h"

#include <core/interfaces/wallet.h>

#include <QAbstractListModel>
#include <QQmlEngine>
#include <QVariantMap>

#include <vector>

namespace ctrn::desktop {

class AccountsModel;

class HistoryModel : public QueryList<interfaces::Transaction> {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString account READ account WRITE setAccount NOTIFY accountChanged) // "" = every account
    Q_PROPERTY(qulonglong total READ total NOTIFY totalChanged)
    // The look for transfers on chain: running, and why it failed ("" when it did not).
    Q_PROPERTY(bool scanning READ scanning NOTIFY scanChanged)
    Q_PROPERTY(QString scanError READ scanError NOTIFY scanChanged)

public:
    enum Role {
        HashRole = Qt::UserRole + 1,
        StatusRole,
        KindRole,
        FromRole,
        ToRole,
        AmountRole, // "12.5 CTRN"
        BlockRole,
        TimeRole,   // local time, "yyyy-MM-dd HH:mm"
        PendingRole,
        DirectionRole,         // "in", "out", "self" as seen from `account`
        CounterpartyRole,      // the other side's address (EIP-55)
        CounterpartyLabelRole, // its address-book (or own account) label, "" when unknown
        FoundRole,             // a transfer found on chain, not sent by this wallet
    };
    Q_ENUM(Role)

    explicit HistoryModel(QObject* parent = nullptr);
    HistoryModel(JobRunner* runner, AccountsModel* accounts, QObject* parent = nullptr);

    QString account() const { return m_account; }
    void setAccount(const QString& account);
    qulonglong total() const { return m_total; }
    bool scanning() const { return m_scanning; }
    QString scanError() const { return m_scanError; }

    // Looks on chain for new CTRN transfers of `account`; reloads when found.
    Q_INVOKABLE void scan();
    Q_INVOKABLE QVariantMap details(int row) const;
    Q_INVOKABLE quint64 speedUp(const QString& hash);
    Q_INVOKABLE quint64 cancel(const QString& hash);
    // Writes the whole history (of `account`) as CSV to a local path or file: URL.
    Q_INVOKABLE quint64 exportCsv(const QString& pathOrUrl);

signals:
    void accountChanged();
    void totalChanged();
    void scanChanged();

protected:
    Query query() const override;
    QString keyOf(const interfaces::Transaction& t) const override;
    QVariant value(const interfaces::Transaction& t, int role) const override;
    bool sameRow(const interfaces::Transaction& a, const interfaces::Transaction& b) const override;
    quint64 startRefresh() override;

private:
    enum { SideSlot = 1, ScanSlot = 2 };
    QString amountText(const interfaces::Transaction& t) const;
    QString direction(const interfaces::Transaction& t) const;
    QString counterparty(const interfaces::Transaction& t) const;
    QString labelFor(const QString& address) const;
    std::optional<chain::Address> accountAddress() const;
    quint64 replace(const QString& hash, bool cancel);

    AccountsModel* m_accounts;
    QString m_account;
    qulonglong m_total = 0;
    bool m_scanning = false;
    QString m_scanError;
    QHash<QString, QString> m_labels; // lower-case address -> address-book label
};

} // namespace ctrn::desktop
