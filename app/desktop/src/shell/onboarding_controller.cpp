#include "onboarding_controller.h"

#include "app_context.h"
#include "job_runner.h"

#include <core/interfaces/values.h>
#include <core/util/hex.h>

#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <algorithm>

namespace ctrn::desktop {

namespace {

SecureString secret(const QString& s) {
    QByteArray utf8 = s.toUtf8();
    SecureString out = secureFromString(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())));
    secureWipe(utf8.data(), static_cast<std::size_t>(utf8.size()));
    return out;
}

QString message(const Error& e) { return QString::fromStdString(e.message); }

} // namespace

OnboardingController::OnboardingController(QObject* parent) : ViewModel(appJobRunner(), parent) {}

QVariantList OnboardingController::confirmIndices() const {
    QVariantList out;
    for (int i : m_indices) out.push_back(i);
    return out;
}

QString OnboardingController::checkName(const QString& name) const {
    if (name.trimmed().isEmpty()) return tr("Give the wallet a name.");
    // Core's rule, the one ctrn applies: the same names work in both.
    auto ok = interfaces::checkWalletName(name.trimmed().toStdString());
    if (!ok) return QString::fromStdString(ok.error().message);
    return {};
}

bool OnboardingController::secretGiven(const QString& kind, const QString& text) const {
    const QString t = text.trimmed();
    if (kind == QLatin1String("mnemonic")) return t.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts).size() >= 12;
    if (kind == QLatin1String("key")) return (t.startsWith(QLatin1String("0x")) ? t.size() - 2 : t.size()) >= 64;
    if (kind == QLatin1String("keystore")) return !t.isEmpty();
    if (kind == QLatin1String("watch")) return t.size() == 42;
    return false;
}

bool OnboardingController::start(const QString& name) {
    if (busy()) return false;
    if (const auto problem = checkName(name); !problem.isEmpty()) {
        refuse(problem);
        emit failed(problem);
        return false;
    }
    if (!AppContext::instance() || !AppContext::instance()->connected()) {
        const QString why = tr("Not connected to a node; check the network in Settings.");
        refuse(why);
        emit failed(why);
        return false;
    }
    return true;
}

RunOptions OnboardingController::failureOptions() {
    return RunOptions{.describe = [](const Error& e) { return message(e); },
                      .onFailure = [this](const QString& why) { emit failed(why); }};
}

void OnboardingController::runImport(std::function<Result<interfaces::WalletSummary>(interfaces::Services&)> work) {
    run<Result<interfaces::WalletSummary>>(
        std::move(work),
        [this](interfaces::WalletSummary w) {
            m_walletName = QString::fromStdString(w.name);
            emit finished(m_walletName);
        },
        failureOptions());
}

void OnboardingController::createWallet(const QString& name, const QString& password, int words) {
    if (!start(name)) return;
    auto pw = std::make_shared<SecureString>(secret(password));
    const auto count = static_cast<std::size_t>(words == 24 ? 24 : 12);
    run<Result<SecureString>>(
        [n = name.trimmed().toStdString(), pw, count](interfaces::Services& s) { return s.wallet->createHd(n, pw->view(), count); },
        [this, name](SecureString mnemonic) {
            // The one time the phrase leaves core: to be shown and confirmed.
            const auto phrase = QString::fromUtf8(mnemonic.asString().data(), static_cast<qsizetype>(mnemonic.size()));
            setMnemonicForConfirmation(phrase.split(QLatin1Char(' '), Qt::SkipEmptyParts));
            m_walletName = name.trimmed();
            emit finished(m_walletName);
        },
        failureOptions());
}

void OnboardingController::setMnemonicForConfirmation(const QStringList& words) {
    m_words = words;
    m_indices.clear();
    const int n = static_cast<int>(words.size());
    while (m_indices.size() < std::min(kConfirmWords, n)) {
        const int i = static_cast<int>(QRandomGenerator::system()->bounded(n));
        if (!m_indices.contains(i)) m_indices.push_back(i);
    }
    std::sort(m_indices.begin(), m_indices.end());
    emit mnemonicChanged();
}

bool OnboardingController::checkConfirmation(const QStringList& answers) const {
    if (m_indices.isEmpty() || answers.size() != m_indices.size()) return false;
    for (qsizetype k = 0; k < m_indices.size(); ++k)
        if (answers[k].trimmed().toLower() != m_words[m_indices[k]].toLower()) return false;
    return true;
}

void OnboardingController::forgetMnemonic() {
    for (auto& w : m_words) w.fill(QLatin1Char(' '));
    m_words.clear();
    m_indices.clear();
    emit mnemonicChanged();
}

void OnboardingController::importMnemonic(const QString& name, const QString& phrase, const QString& password, int accounts) {
    if (!start(name)) return;
    // BIP39 wants single spaces between the words.
    auto words = std::make_shared<SecureString>(secret(phrase.simplified().toLower()));
    auto pw = std::make_shared<SecureString>(secret(password));
    runImport([n = name.trimmed().toStdString(), words, pw, a = static_cast<std::uint32_t>(std::clamp(accounts, 1, 20))](interfaces::Services& s) {
        return s.wallet->importMnemonic(n, words->asString(), pw->view(), a);
    });
}

void OnboardingController::importPrivateKey(const QString& name, const QString& hexKey, const QString& password) {
    if (!start(name)) return;
    auto key = std::make_shared<SecureString>(secret(hexKey.trimmed()));
    auto pw = std::make_shared<SecureString>(secret(password));
    runImport([n = name.trimmed().toStdString(), key, pw](interfaces::Services& s) -> Result<interfaces::WalletSummary> {
            auto bytes = fromHex(key->asString());
            if (!bytes || bytes->size() != 32)
                return makeError(ErrorCode::InvalidKey, "a private key is 64 hex digits (0x optional)");
            SecureBytes raw{ByteView(*bytes)};
            secureWipe(bytes->data(), bytes->size());
            return s.wallet->importPrivateKey(n, raw.view(), pw->view());
    });
}

void OnboardingController::importKeystore(const QString& name, const QUrl& file, const QString& filePassword,
                                          const QString& password) {
    if (!start(name)) return;
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    auto filePw = std::make_shared<SecureString>(secret(filePassword));
    auto pw = std::make_shared<SecureString>(secret(password));
    runImport([n = name.trimmed().toStdString(), path, filePw, pw](interfaces::Services& s) -> Result<interfaces::WalletSummary> {
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                return makeError(ErrorCode::Io, "cannot read " + path.toStdString() + ": " + f.errorString().toStdString());
            const QByteArray json = f.read(1 << 20); // keystore files are ~500 bytes
            return s.wallet->importKeystore(n, std::string_view(json.constData(), static_cast<std::size_t>(json.size())),
                                            filePw->view(), pw->view());
    });
}

void OnboardingController::importWatch(const QString& name, const QString& address) {
    if (!start(name)) return;
    runImport([n = name.trimmed().toStdString(), a = address.trimmed().toStdString()](interfaces::Services& s) -> Result<interfaces::WalletSummary> {
            CTRN_ASSIGN(auto addr, chain::Address::fromHex(a));
            return s.wallet->importWatch(n, addr);
    });
}

} // namespace ctrn::desktop
