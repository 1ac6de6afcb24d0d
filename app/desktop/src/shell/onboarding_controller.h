// OnboardingController: the first-run flows. Create: a new HD wallet whose
// mnemonic is shown once, then the user types back a few words chosen at
// random to prove they wrote it down. Import: a mnemonic, a raw private
// key, a keystore v3 file or a watch-only address. Every call that runs
// scrypt (all but watch-only) runs on the worker while `busy` is true.
// A page creates one (OnboardingController {}) and reads its properties.
#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QStringList>
#include <QUrl>
#include <QVariantList>

namespace ctrn::desktop {

class OnboardingController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    Q_PROPERTY(QStringList mnemonicWords READ mnemonicWords NOTIFY mnemonicChanged)
    Q_PROPERTY(QVariantList confirmIndices READ confirmIndices NOTIFY mnemonicChanged)
    Q_PROPERTY(QString walletName READ walletName NOTIFY finished)

public:
    static constexpr int kConfirmWords = 3;
    explicit OnboardingController(QObject* parent = nullptr);

    bool busy() const { return m_busy; }
    QString error() const { return m_error; }
    QStringList mnemonicWords() const { return m_words; }
    QVariantList confirmIndices() const;
    QString walletName() const { return m_walletName; }

    // A name for a wallet: not empty, letters/digits/-/_ only (it names a
    // directory); empty string when fine.
    Q_INVOKABLE QString checkName(const QString& name) const;

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
    void busyChanged();
    void errorChanged();
    void mnemonicChanged();
    // A wallet was created (mnemonicWords now hold its phrase) or imported.
    void finished(const QString& name);
    void failed(const QString& message);

private:
    bool start(const QString& name);
    void done(const QString& name, const QString& error);
    bool m_busy = false;
    QString m_error;
    QStringList m_words;
    QList<int> m_indices;
    QString m_walletName;
};

} // namespace ctrn::desktop
