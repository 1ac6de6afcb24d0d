// Renders every page of qml/PageRegistry.qml with
// `computronium-wallet --screenshot PAGE FILE` on the devnet fixture, with a
// demo wallet (the devnet mnemonic, 3 accounts) imported by ctrn into a
// fresh data directory, and checks each PNG: written, the window's size, and
// not blank (more than a handful of colours: a page that failed to load is
// one flat background).
#include "cli/cli_runner.h"

#include <QImage>
#include <QRegularExpression>
#include <QSet>

class TstDesktopScreenshots : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        const QString mnemonic = writeFile(m_dir, QStringLiteral("m"), "test test test test test test test test test test test junk");
        const QString password = writeFile(m_dir, QStringLiteral("p"), "screenshot-demo-password");
        const auto r = runCtrn({QStringLiteral("wallet"), QStringLiteral("import"), QStringLiteral("demo"), QStringLiteral("--mnemonic-file"),
                                mnemonic, QStringLiteral("--password-file"), password, QStringLiteral("--accounts"), QStringLiteral("3"),
                                QStringLiteral("--light"), QStringLiteral("--datadir"), m_dir.filePath(QStringLiteral("data"))});
        CTRN_EXPECT_OK(r);
    }

    void everyPage_data() {
        QTest::addColumn<QString>("page");
        // The pages (entries with a source), not the sidebar's sections.
        QFile registry(QStringLiteral(CTRN_SOURCE_DIR "/qml/PageRegistry.qml"));
        QVERIFY(registry.open(QIODevice::ReadOnly));
        static const QRegularExpression entry(QStringLiteral("\\{\\s*id:\\s*\"([a-z0-9_-]+)\"[^}]*source:"));
        auto it = entry.globalMatch(QString::fromUtf8(registry.readAll()));
        int n = 0;
        while (it.hasNext()) {
            const QString page = it.next().captured(1);
            QTest::newRow(qPrintable(page)) << page;
            ++n;
        }
        QVERIFY2(n >= 5, "PageRegistry.qml lists fewer pages than the shell's own");
    }

    void everyPage() {
        QFETCH(QString, page);
        const QString file = m_dir.filePath(page + QStringLiteral(".png"));
        const auto r = runProgram(QStringLiteral(CTRN_WALLET_APP_PATH),
                                  {QStringLiteral("--datadir"), m_dir.filePath(QStringLiteral("data")), QStringLiteral("--network"),
                                   QStringLiteral("devnet"), QStringLiteral("--screenshot"), page, file});
        if (r.exitCode != 0) qWarning("stderr: %s", qPrintable(r.err));
        QCOMPARE(r.exitCode, 0);
        QImage image(file);
        QVERIFY2(!image.isNull(), qPrintable(file));
        // The main window's size (Main.qml: 1200×780).
        QCOMPARE(image.size(), QSize(1200, 780));
        QSet<QRgb> colours;
        for (int y = 0; y < image.height() && colours.size() <= 64; y += 3)
            for (int x = 0; x < image.width() && colours.size() <= 64; x += 3) colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 64, qPrintable(QStringLiteral("%1 looks blank: %2 colours").arg(page).arg(colours.size())));
    }

    // A page that does not exist: a clear message, exit 2 (usage), no file,
    // and a clean shutdown (it used to crash on the way out).
    void unknownPageIsAUsageError() {
        const QString file = m_dir.filePath(QStringLiteral("nosuchpage.png"));
        const auto r = runProgram(QStringLiteral(CTRN_WALLET_APP_PATH),
                                  {QStringLiteral("--datadir"), m_dir.filePath(QStringLiteral("data")), QStringLiteral("--network"),
                                   QStringLiteral("devnet"), QStringLiteral("--screenshot"), QStringLiteral("nosuchpage"), file});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("unknown page")), qPrintable(r.err));
        QVERIFY(!QFile::exists(file));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TstDesktopScreenshots)
#include "tst_desktop_screenshots.moc"
