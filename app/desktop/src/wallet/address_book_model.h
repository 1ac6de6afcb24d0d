// AddressBookModel: the address book (labels for addresses), for its page
// and the Send page's picker. Add and edit are one operation (an address
// has one label; it is stored EIP-55, so any letter case is the same
// entry); the address and label are checked by core, and the message says
// what is wrong.
#pragma once

#include "wallet_jobs.h"

#include <core/interfaces/wallet.h>

#include <QAbstractListModel>
#include <QQmlEngine>

#include <vector>

namespace ctrn::desktop {

class AddressBookModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY countChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)

public:
    enum Role { AddressRole = Qt::UserRole + 1, LabelRole };
    Q_ENUM(Role)

    explicit AddressBookModel(QObject* parent = nullptr);
    explicit AddressBookModel(JobRunner* runner, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    bool loaded() const { return m_loaded; }
    QString error() const { return m_error; }

    Q_INVOKABLE quint64 refresh();
    // Adds `address` or changes its label.
    Q_INVOKABLE quint64 save(const QString& address, const QString& label);
    Q_INVOKABLE quint64 remove(const QString& address);
    // The label of `address` (any case), or "".
    Q_INVOKABLE QString labelFor(const QString& address) const;

signals:
    void countChanged();
    void errorChanged();
    void requestDone(quint64 requestId, bool ok, const QString& message);

private:
    void setContacts(std::vector<interfaces::Contact> contacts);
    void setError(const QString& error);
    quint64 change(std::function<Status(interfaces::Wallet&)> work);

    JobRunner* m_runner;
    std::vector<interfaces::Contact> m_contacts;
    bool m_loaded = false;
    QString m_error;
};

} // namespace ctrn::desktop
