// ReceiveController: the Receive page. The current account's address, an
// optional requested amount of ETH or CTRN, and the EIP-681 payment URI
// (core/wallet/eip681.h) the QR code shows. Copying goes through the
// clipboard here so QML needs no access to it.
#pragma once

#include "accounts_model.h"

#include <QObject>
#include <QQmlEngine>

namespace ctrn::desktop {

class ReceiveController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString address READ address NOTIFY changed)
    Q_PROPERTY(QString asset READ asset WRITE setAsset NOTIFY changed) // "ETH" | "CTRN"
    Q_PROPERTY(QString amount READ amount WRITE setAmount NOTIFY changed)
    Q_PROPERTY(QString amountError READ amountError NOTIFY changed)
    Q_PROPERTY(QString uri READ uri NOTIFY changed)

public:
    explicit ReceiveController(QObject* parent = nullptr);
    ReceiveController(AccountsModel* accounts, quint64 chainId, QObject* parent = nullptr);

    QString address() const;
    QString asset() const { return m_asset; }
    void setAsset(const QString& asset);
    QString amount() const { return m_amount; }
    void setAmount(const QString& amount);
    QString amountError() const { return m_amountError; }
    QString uri() const { return m_uri; }

    Q_INVOKABLE void copy(const QString& text) const;

signals:
    void changed();

private:
    void update();
    quint64 chainId() const;

    AccountsModel* m_accounts;
    quint64 m_chainId = 0; // 0: AppContext's
    QString m_asset = QStringLiteral("ETH");
    QString m_amount;
    QString m_amountError;
    QString m_uri;
};

} // namespace ctrn::desktop
