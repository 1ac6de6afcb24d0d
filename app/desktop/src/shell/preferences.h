// Preferences: the desktop app's own settings — theme, lock timeout,
// language, the selected network and wallet, each wallet's selected
// account, and user-added networks —
// kept in <datadir>/desktop.ini (QSettings) so they are read before any
// service starts (the theme of the first frame, which node to connect to).
// Wallet data and keys stay in core's database and encrypted files.
#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QSettings>
#include <QString>
#include <QVariantList>

namespace ctrn::desktop {

class Preferences : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("AppContext.preferences")
    Q_PROPERTY(QString theme READ theme WRITE setTheme NOTIFY themeChanged)
    Q_PROPERTY(int lockTimeoutMinutes READ lockTimeoutMinutes WRITE setLockTimeoutMinutes NOTIFY lockTimeoutMinutesChanged)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(QString network READ network WRITE setNetwork NOTIFY networkChanged)
    Q_PROPERTY(QString wallet READ wallet WRITE setWallet NOTIFY walletChanged)
    Q_PROPERTY(QStringList languages READ languages CONSTANT)

public:
    static constexpr int kDefaultLockMinutes = 5;
    static constexpr int kMaxLockMinutes = 240;

    explicit Preferences(const QString& path, QObject* parent = nullptr);

    QString theme() const;      // "dark" (default) or "light"
    void setTheme(const QString& theme);
    int lockTimeoutMinutes() const;
    void setLockTimeoutMinutes(int minutes);
    QString language() const;   // a translations/app_<lang>.ts that exists
    void setLanguage(const QString& language);
    QString network() const;    // "devnet" until the user picks another
    void setNetwork(const QString& network);
    QString wallet() const;     // the wallet the app opens (unlock screen)
    void setWallet(const QString& wallet);
    QStringList languages() const;
    // The account last selected in `wallet` (EIP-55; "" when none), so the
    // app reopens on it rather than on the first account.
    QString selectedAccount(const QString& wallet) const;
    void setSelectedAccount(const QString& wallet, const QString& address);

    // User-added networks as {name, url, chainId} maps (NetworkModel).
    QVariantList customNetworks() const;
    void setCustomNetworks(const QVariantList& networks);

signals:
    void themeChanged();
    void lockTimeoutMinutesChanged();
    void languageChanged();
    void networkChanged();
    void walletChanged();

private:
    mutable QSettings m_settings;
};

} // namespace ctrn::desktop
