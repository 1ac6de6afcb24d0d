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
#pragma once

#include "wallet_jobs.h"

#include <core/interfaces/wallet.h>

#include <QAbstractListModel>
#include <QQmlEngine>
#include <QVariantMap>

#include <vector>

namespace ctrn::desktop {

class AccountsModel;

class HistoryModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString account READ account WRITE setAccount NOTIFY accountChanged) // "" = every account
    Q_PROPERTY(int pageSize READ pageSize WRITE setPageSize NOTIFY pageSizeChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(qulonglong total READ total NOTIFY countChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
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

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    QString account() const { return m_account; }
    void setAccount(const QString& account);
    int pageSize() const { return m_pageSize; }
    void setPageSize(int size);
    qulonglong total() const { return m_total; }
    bool loading() const { return m_loading; }
    QString error() const { return m_error; }
    bool scanning() const { return m_scanning; }
    QString scanError() const { return m_scanError; }

    // From the top again (after a send, a sync, an account switch).
    Q_INVOKABLE quint64 refresh();
    // Looks on chain for new CTRN transfers of `account`; reloads when found.
    Q_INVOKABLE void scan();
    Q_INVOKABLE QVariantMap details(int row) const;
    Q_INVOKABLE quint64 speedUp(const QString& hash);
    Q_INVOKABLE quint64 cancel(const QString& hash);
    // Writes the whole history (of `account`) as CSV to a local path or file: URL.
    Q_INVOKABLE quint64 exportCsv(const QString& pathOrUrl);

signals:
    void accountChanged();
    void pageSizeChanged();
    void countChanged();
    void loadingChanged();
    void errorChanged();
    void scanChanged();
    void requestDone(quint64 requestId, bool ok, const QString& message);

private:
    QString amountText(const interfaces::Transaction& t) const;
    QString direction(const interfaces::Transaction& t) const;
    QString counterparty(const interfaces::Transaction& t) const;
    QString labelFor(const QString& address) const;
    quint64 reload(bool thenScan);
    std::optional<chain::Address> accountAddress() const;
    void setLoading(bool loading);
    void setError(const QString& error);
    quint64 replace(const QString& hash, bool cancel);

    JobRunner* m_runner;
    AccountsModel* m_accounts;
    QString m_account;
    int m_pageSize = 50;
    std::vector<interfaces::Transaction> m_rows;
    qulonglong m_total = 0;
    bool m_loading = false;
    bool m_complete = false;
    QString m_error;
    quint64 m_generation = 0; // a refresh makes pages still on their way stale
    bool m_scanning = false;
    QString m_scanError;
    QHash<QString, QString> m_labels; // lower-case address -> address-book label
};

} // namespace ctrn::desktop
