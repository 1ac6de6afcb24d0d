// Runs ctrn (and cast) as a user or script would: arguments, stdin, exit
// code, stdout and stderr. Used by every CLI and interop test.
#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QtTest>

struct RunResult {
    int exitCode = -1;
    QString out; // trimmed stdout
    QString err; // trimmed stderr
};

inline RunResult runProgram(const QString& program, const QStringList& args, const QByteArray& input = {}) {
    QProcess p;
    p.start(program, args);
    if (!p.waitForStarted(10000)) return {-1, {}, QStringLiteral("could not start ") + program};
    if (!input.isEmpty()) p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(300000);
    RunResult r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    r.err = QString::fromUtf8(p.readAllStandardError()).trimmed();
    return r;
}

inline RunResult runCtrn(const QStringList& args, const QByteArray& input = {}) {
    return runProgram(QStringLiteral(CTRN_CLI_PATH), args, input);
}

// Runs ctrn while this process's event loop keeps turning, so in-process
// servers (the lying-node proxies of tests/integration) can answer it.
inline RunResult runCtrnLive(const QStringList& args, int timeoutMs = 120000) {
    QProcess p;
    QSignalSpy finished(&p, &QProcess::finished);
    p.start(QStringLiteral(CTRN_CLI_PATH), args);
    if (!p.waitForStarted(10000)) return {-1, {}, QStringLiteral("could not start ctrn")};
    p.closeWriteChannel();
    if (finished.isEmpty() && !finished.wait(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return {-1, {}, QStringLiteral("ctrn timed out")};
    }
    RunResult r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    r.err = QString::fromUtf8(p.readAllStandardError()).trimmed();
    return r;
}

inline RunResult runCast(const QStringList& args, const QByteArray& input = {}) {
    return runProgram(QStringLiteral(CTRN_CAST_PATH), args, input);
}

// Writes a secret into a file of a temporary directory (the way users pass
// keys and passwords: never on the command line).
inline QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& content) {
    QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) qFatal("cannot write %s", qPrintable(path));
    f.write(content);
    return path;
}

// Imports a mnemonic (written to a file of `dir`, as users pass secrets) as
// wallet `name` with its first `accounts` accounts, light mode, into
// `datadir`, encrypted with the password in `passwordFile`: how integration
// tests get signing keys for ctrn. The JSON answer lists the accounts.
inline RunResult importMnemonicWallet(const QTemporaryDir& dir, const QString& name, const QByteArray& mnemonic, int accounts,
                                      const QString& passwordFile, const QString& datadir) {
    QString mnemonicFile = writeFile(dir, name + ".mnemonic", mnemonic);
    return runCtrn({"wallet", "import", name, "--mnemonic-file", mnemonicFile, "--password-file", passwordFile, "--accounts",
                    QString::number(accounts), "--light", "--datadir", datadir, "--json"});
}

#define CTRN_EXPECT_OK(r)                                                                    \
    do {                                                                                     \
        if ((r).exitCode != 0) qWarning("stderr: %s", qPrintable((r).err));                  \
        QCOMPARE((r).exitCode, 0);                                                           \
    } while (0)
