// AddressBookModel: the address book (labels for addresses), for its page
// and the Send page's picker. Add and edit are one operation (an address
// has one label; it is stored EIP-55, so any letter case is the same
// entry); the address and label are checked by core, and the message says
// what is wrong. A QueryList (framework/query_list_model.h): one query for
// the whole book, merged by address after each change, so saving a label
// updates its row in place.
#pragma once

#include "query_list_model.h"
#include "wallet_jobs.h"

#include <core/interfaces/wallet.h>

#include <QQmlEngine>

namespace ctrn::desktop {

class AddressBookModel : public QueryList<interfaces::Contact> {
    Q_OBJECT
    QML_ELEMENT

public:
    enum Role { AddressRole = Qt::UserRole + 1, LabelRole };
    Q_ENUM(Role)

    explicit AddressBookModel(QObject* parent = nullptr);
    explicit AddressBookModel(JobRunner* runner, QObject* parent = nullptr);

    // Adds `address` or changes its label.
    Q_INVOKABLE quint64 save(const QString& address, const QString& label);
    Q_INVOKABLE quint64 remove(const QString& address);
    // The label of `address` (any case), or "".
    Q_INVOKABLE QString labelFor(const QString& address) const;

protected:
    Query query() const override;
    QString keyOf(const interfaces::Contact& c) const override { return QString::fromStdString(c.address).toLower(); }
    QVariant value(const interfaces::Contact& c, int role) const override;
    bool sameRow(const interfaces::Contact& a, const interfaces::Contact& b) const override {
        return a.address == b.address && a.label == b.label;
    }

private:
    quint64 change(std::function<Status(interfaces::Wallet&)> work);
};

} // namespace ctrn::desktop
