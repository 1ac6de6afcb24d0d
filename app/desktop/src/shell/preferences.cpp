#include "preferences.h"

#include <QDir>
#include <QUrl>

#include <algorithm>

namespace ctrn::desktop {

Preferences::Preferences(const QString& path, QObject* parent)
    : QObject(parent), m_settings(path, QSettings::IniFormat) {}

QString Preferences::theme() const {
    const auto t = m_settings.value(QStringLiteral("ui/theme"), QStringLiteral("dark")).toString();
    return t == QLatin1String("light") ? t : QStringLiteral("dark");
}

void Preferences::setTheme(const QString& theme) {
    const QString t = theme == QLatin1String("light") ? theme : QStringLiteral("dark");
    if (t == this->theme()) return;
    m_settings.setValue(QStringLiteral("ui/theme"), t);
    m_settings.sync();
    emit themeChanged();
}

int Preferences::lockTimeoutMinutes() const {
    const int m = m_settings.value(QStringLiteral("security/lockTimeoutMinutes"), kDefaultLockMinutes).toInt();
    return std::clamp(m, 1, kMaxLockMinutes);
}

void Preferences::setLockTimeoutMinutes(int minutes) {
    minutes = std::clamp(minutes, 1, kMaxLockMinutes);
    if (minutes == lockTimeoutMinutes()) return;
    m_settings.setValue(QStringLiteral("security/lockTimeoutMinutes"), minutes);
    m_settings.sync();
    emit lockTimeoutMinutesChanged();
}

QString Preferences::language() const {
    const auto l = m_settings.value(QStringLiteral("ui/language"), QStringLiteral("en")).toString();
    return languages().contains(l) ? l : QStringLiteral("en");
}

void Preferences::setLanguage(const QString& language) {
    if (!languages().contains(language) || language == this->language()) return;
    m_settings.setValue(QStringLiteral("ui/language"), language);
    m_settings.sync();
    emit languageChanged();
}

QStringList Preferences::languages() const {
    // The compiled translations (qt_add_translations puts them in :/i18n).
    QStringList out;
    for (const auto& f : QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("app_*.qm")}, QDir::Files))
        out << f.mid(4, f.size() - 7);
    if (!out.contains(QStringLiteral("en"))) out.prepend(QStringLiteral("en"));
    return out;
}

QString Preferences::network() const {
    return m_settings.value(QStringLiteral("network/selected"), QStringLiteral("devnet")).toString();
}

void Preferences::setNetwork(const QString& network) {
    if (network == this->network()) return;
    m_settings.setValue(QStringLiteral("network/selected"), network);
    m_settings.sync();
    emit networkChanged();
}

QString Preferences::wallet() const { return m_settings.value(QStringLiteral("wallet/selected")).toString(); }

void Preferences::setWallet(const QString& wallet) {
    if (wallet == this->wallet()) return;
    m_settings.setValue(QStringLiteral("wallet/selected"), wallet);
    m_settings.sync();
    emit walletChanged();
}

namespace {
// A wallet's name may hold any character; the key holds it percent-encoded.
QString accountKey(const QString& wallet) {
    return QStringLiteral("accounts/selected/") + QString::fromLatin1(QUrl::toPercentEncoding(wallet));
}
} // namespace

QString Preferences::selectedAccount(const QString& wallet) const {
    if (wallet.isEmpty()) return {};
    return m_settings.value(accountKey(wallet)).toString();
}

void Preferences::setSelectedAccount(const QString& wallet, const QString& address) {
    if (wallet.isEmpty() || address == selectedAccount(wallet)) return;
    m_settings.setValue(accountKey(wallet), address);
    m_settings.sync();
}

QVariantList Preferences::customNetworks() const {
    return m_settings.value(QStringLiteral("network/custom")).toList();
}

void Preferences::setCustomNetworks(const QVariantList& networks) {
    m_settings.setValue(QStringLiteral("network/custom"), networks);
    m_settings.sync();
}

} // namespace ctrn::desktop
