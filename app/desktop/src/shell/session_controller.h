// SessionController: which wallets exist, which one is open, and whether it
// is locked. Unlocking runs the wallet's scrypt on the worker; the app locks
// itself (and asks core to forget the keys) after the idle time set in
// Preferences, counted from the last key press, click or scroll anywhere in
// the app. QML reaches it as AppContext.session. Busy and the error line
// come from ViewModel: a job that cannot run (the node dropped and the
// reconnect failed) ends Unlock's busy state with the reason, so the
// button works again once the node is back.
#pragma once

#include "view_model.h"

#include <QObject>
#include <QQmlEngine>
#include <QTimer>
#include <QVariantList>

namespace ctrn::desktop {

class AppContext;

class SessionController : public ViewModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("AppContext.session")
    Q_PROPERTY(QVariantList wallets READ wallets NOTIFY walletsChanged)
    Q_PROPERTY(bool walletsLoaded READ walletsLoaded NOTIFY walletsChanged)
    Q_PROPERTY(QString currentWallet READ currentWallet WRITE setCurrentWallet NOTIFY currentWalletChanged)
    Q_PROPERTY(QString currentKind READ currentKind NOTIFY currentWalletChanged)
    Q_PROPERTY(bool locked READ locked NOTIFY lockedChanged)

public:
    explicit SessionController(AppContext* context);

    QVariantList wallets() const { return m_wallets; }
    bool walletsLoaded() const { return m_walletsLoaded; }
    QString currentWallet() const { return m_current; }
    void setCurrentWallet(const QString& name);
    QString currentKind() const;
    bool locked() const { return m_locked; }

    // Reloads the wallet list (after a connection or an import).
    Q_INVOKABLE quint64 refresh();
    Q_INVOKABLE quint64 unlock(const QString& password);
    Q_INVOKABLE void lock();
    // Makes `name` current and unlocked without a password prompt: right
    // after onboarding, which already had the password (and the keys).
    Q_INVOKABLE void openAfterOnboarding(const QString& name, const QString& password);

    // Restarts the idle timer (the app's event filter calls it).
    void noteActivity();
    // Tests shorten the idle time from minutes to `ms` (0: the preference).
    void setIdleOverrideMs(int ms) { m_idleOverrideMs = ms; if (!m_locked) restartIdleTimer(); }

signals:
    void walletsChanged();
    void currentWalletChanged();
    void lockedChanged();
    void unlockFailed(const QString& message);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void setLocked(bool locked);
    void forgetKeys();
    void restartIdleTimer();
    AppContext* m_context;
    QVariantList m_wallets;
    bool m_walletsLoaded = false;
    QString m_current;
    bool m_locked = true;
    bool m_wasConnected = false;
    int m_idleOverrideMs = 0;
    QTimer m_idle;
};

} // namespace ctrn::desktop
