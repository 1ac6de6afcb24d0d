#include "session_controller.h"

#include "app_context.h"
#include "preferences.h"

#include <QCoreApplication>
#include <QEvent>

namespace ctrn::desktop {

namespace {

QVariantMap toVariant(const interfaces::WalletSummary& w) {
    QVariantList accounts;
    for (const auto& a : w.accounts)
        accounts.push_back(QVariantMap{{QStringLiteral("address"), QString::fromStdString(a.address)},
                                       {QStringLiteral("label"), QString::fromStdString(a.label)},
                                       {QStringLiteral("watchOnly"), a.watchOnly}});
    return {{QStringLiteral("name"), QString::fromStdString(w.name)},
            {QStringLiteral("kind"), QString::fromStdString(w.kind)},
            {QStringLiteral("accounts"), accounts}};
}

} // namespace

SessionController::SessionController(AppContext* context) : ViewModel(context->runner(), context), m_context(context) {
    m_idle.setSingleShot(true);
    connect(&m_idle, &QTimer::timeout, this, [this] {
        if (!m_locked && currentKind() != QLatin1String("watch")) lock();
    });
    connect(m_context->preferences(), &Preferences::lockTimeoutMinutesChanged, this, &SessionController::restartIdleTimer);
    connect(m_context, &AppContext::connectionChanged, this, [this] {
        const bool connected = m_context->connected();
        if (connected && !m_wasConnected) {
            // New services have an empty key ring: whatever was unlocked
            // before (another network) must be unlocked again.
            if (currentKind() != QLatin1String("watch")) setLocked(true);
            refresh();
        }
        m_wasConnected = connected;
    });
    QCoreApplication::instance()->installEventFilter(this);
}

bool SessionController::eventFilter(QObject* watched, QEvent* event) {
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::Wheel:
    case QEvent::TouchBegin: noteActivity(); break;
    default: break;
    }
    return QObject::eventFilter(watched, event);
}

void SessionController::noteActivity() {
    if (!m_locked) restartIdleTimer();
}

void SessionController::restartIdleTimer() {
    m_idle.start(m_idleOverrideMs > 0 ? m_idleOverrideMs : m_context->preferences()->lockTimeoutMinutes() * 60 * 1000);
}

QString SessionController::currentKind() const {
    for (const auto& w : m_wallets) {
        const auto m = w.toMap();
        if (m.value(QStringLiteral("name")).toString() == m_current) return m.value(QStringLiteral("kind")).toString();
    }
    return {};
}

void SessionController::setCurrentWallet(const QString& name) {
    if (name == m_current) return;
    // Switching wallets forgets the keys of the one that was open.
    if (!m_locked) forgetKeys();
    m_current = name;
    m_context->preferences()->setWallet(name);
    emit currentWalletChanged();
    // A watch-only wallet has no keys to unlock.
    setLocked(currentKind() != QLatin1String("watch"));
}

quint64 SessionController::refresh() {
    return run<Result<std::vector<interfaces::WalletSummary>>>(
        [](interfaces::Services& s) { return s.wallet->listWallets(); },
        [this](std::vector<interfaces::WalletSummary> list) {
            m_wallets.clear();
            QString keep;
            const QString saved = m_current.isEmpty() ? m_context->preferences()->wallet() : m_current;
            for (const auto& w : list) {
                m_wallets.push_back(toVariant(w));
                if (QString::fromStdString(w.name) == saved) keep = saved;
            }
            if (keep.isEmpty() && !list.empty()) keep = QString::fromStdString(list.front().name);
            m_walletsLoaded = true;
            emit walletsChanged();
            if (keep != m_current) {
                m_current = keep;
                m_context->preferences()->setWallet(keep);
                emit currentWalletChanged();
            }
            if (currentKind() == QLatin1String("watch")) setLocked(false);
        },
        RunOptions{.busy = false});
}

quint64 SessionController::unlock(const QString& password) {
    if (busy() || m_current.isEmpty()) return 0;
    auto secret = std::make_shared<SecureString>(secureFromString(password.toStdString()));
    return run<Status>(
        [name = m_current.toStdString(), secret](interfaces::Services& s) { return s.wallet->unlock(name, secret->view()); },
        [this] { setLocked(false); },
        RunOptions{.describe = [](const Error& e) {
                       return e.code == ErrorCode::WrongPassword ? tr("Wrong password.") : QString::fromStdString(e.message);
                   },
                   .onFailure = [this](const QString& message) { emit unlockFailed(message); }});
}

void SessionController::openAfterOnboarding(const QString& name, const QString& password) {
    m_current = name;
    m_context->preferences()->setWallet(name);
    emit currentWalletChanged();
    refresh();
    if (!password.isEmpty()) unlock(password);
}

void SessionController::lock() {
    m_idle.stop();
    forgetKeys();
    setLocked(currentKind() != QLatin1String("watch"));
}

void SessionController::forgetKeys() {
    run<bool>([](interfaces::Services& s) { s.wallet->lock(); return true; }, [](bool) {},
              RunOptions{.busy = false, .reportError = false});
}

void SessionController::setLocked(bool locked) {
    if (locked == m_locked) return;
    m_locked = locked;
    if (!m_locked) restartIdleTimer();
    emit lockedChanged();
}

} // namespace ctrn::desktop
