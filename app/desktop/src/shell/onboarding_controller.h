// OnboardingController: the first-run flows. Create: a new HD wallet whose
// mnemonic is shown once, then the user types back a few words chosen at
// random to prove they wrote it down. Import: a mnemonic, a raw private
// key, a keystore v3 file or a watch-only address. Every call that runs
// scrypt (all but watch-only) runs on the worker while `busy` is true.
// A page creates one (OnboardingController {}) and reads its properties.
// Busy and the error come from ViewModel: a job that cannot run ends busy
// with the reason (failed), so the button works again.
#pragma once

#include "view_model.h"

#include <QObject>
#include <QQmlEngine>
#include <QStringList>
#include <QUrl>
#include <QVariantList>

namespace ctrn::desktop {

class OnboardingController : public ViewModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QStringList mnemonicWords READ mnemonicWords NOTIFY mnemonicChanged)
    Q_PROPERTY(QVariantList confirmIndices READ confirmIndices NOTIFY mnemonicChanged)
    Q_PROPERTY(QString walletName READ walletName NOTIFY finished)

public:
    static constexpr int kConfirmWords = 3;
    explicit OnboardingController(QObject* parent = nullptr);

    QStringList mnemonicWords() const { return m_words; }
    QVariantList confirmIndices() const;
    QString walletName() const { return m_walletName; }

    // Why `name` cannot name a wallet, or "" when it can: core's one rule
    // (interfaces::checkWalletName), the one ctrn applies, so a name works
    // in both.
    Q_INVOKABLE QString checkName(const QString& name) const;
    // Whether the secret of an import of `kind` ("mnemonic", "key",
    // "keystore", "watch") is complete enough to try (12+ words, 64 hex
    // digits, a file chosen, a 42-character address); core checks the rest.
    Q_INVOKABLE bool secretGiven(const QString& kind, const QString& text) const;

    Q_INVOKABLE void createWallet(const QString& name, const QString& password, int words = 12);
    // Sets the words to confirm (tests and the create flow): picks
    // kConfirmWords distinct positions at random.
    Q_INVOKABLE void setMnemonicForConfirmation(const QStringList& words);
    // True when every answer equals the word at its position (case and
    // surrounding spaces ignored). `answers` follow confirmIndices' order.
    Q_INVOKABLE bool checkConfirmation(const QStringList& answers) const;
    // Drops the words from memory once confirmed (or abandoned).
    Q_INVOKABLE void forgetMnemonic();

    Q_INVOKABLE void importMnemonic(const QString& name, const QString& phrase, const QString& password, int accounts = 1);
    Q_INVOKABLE void importPrivateKey(const QString& name, const QString& hexKey, const QString& password);
    Q_INVOKABLE void importKeystore(const QString& name, const QUrl& file, const QString& filePassword, const QString& password);
    Q_INVOKABLE void importWatch(const QString& name, const QString& address);

signals:
    void mnemonicChanged();
    // A wallet was created (mnemonicWords now hold its phrase) or imported.
    void finished(const QString& name);
    void failed(const QString& message);

private:
    bool start(const QString& name);
    // Runs an import's work; `finished(name)` on success, `failed` otherwise.
    void runImport(std::function<Result<interfaces::WalletSummary>(interfaces::Services&)> work);
    RunOptions failureOptions();
    QStringList m_words;
    QList<int> m_indices;
    QString m_walletName;
};

} // namespace ctrn::desktop
