// HistoryModel: the History page's list. Rows come from SQLite a page at a
// time (keyset pages of `pageSize`, newest first, pending on top) through
// canFetchMore/fetchMore, so a 10,000-entry history scrolls without being
// loaded whole; `total` is the full count. Pending rows can be sped up or
// cancelled; details() gives one row's fields; exportCsv writes them all.
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

    // From the top again (after a send, a sync, an account switch).
    Q_INVOKABLE quint64 refresh();
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
    void requestDone(quint64 requestId, bool ok, const QString& message);

private:
    QString amountText(const interfaces::Transaction& t) const;
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
};

} // namespace ctrn::desktop
