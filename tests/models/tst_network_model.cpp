// NetworkModel: the built-in devnet, user-added networks persisted through
// Preferences, the input checks before a node is asked, and removal — all
// under QAbstractItemModelTester, which checks every signal and index the
// views rely on.
#include "network_model.h"
#include "preferences.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace ctrn::desktop;

class TstNetworkModel : public QObject {
    Q_OBJECT

private slots:
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        // No devnet manifest here: the defaults apply.
        qputenv("CTRN_DEVNET_DIR", m_dir->filePath(QStringLiteral("no-devnet")).toUtf8());
        m_prefs = std::make_unique<Preferences>(m_dir->filePath(QStringLiteral("desktop.ini")));
    }

    void devnetIsBuiltIn() {
        NetworkModel model(m_prefs.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 1);
        const auto index = model.index(0);
        QCOMPARE(model.data(index, NetworkModel::NameRole).toString(), QStringLiteral("devnet"));
        QCOMPARE(model.data(index, NetworkModel::UrlRole).toString(), QStringLiteral("http://127.0.0.1:8545"));
        QCOMPARE(model.data(index, NetworkModel::ChainIdRole).toULongLong(), 31337u);
        QVERIFY(model.data(index, NetworkModel::BuiltinRole).toBool());
        QVERIFY(!model.remove(QStringLiteral("devnet")));
        QCOMPARE(model.rowCount(), 1);
    }

    void devnetFollowsItsManifest() {
        QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("devnet"))));
        QFile manifest(m_dir->filePath(QStringLiteral("devnet/devnet.json")));
        QVERIFY(manifest.open(QIODevice::WriteOnly));
        manifest.write("{\"chainId\": 31337, \"rpc\": \"http://127.0.0.1:40123\"}");
        manifest.close();
        qputenv("CTRN_DEVNET_DIR", m_dir->filePath(QStringLiteral("devnet")).toUtf8());
        NetworkModel model(m_prefs.get());
        QCOMPARE(model.find(QStringLiteral("devnet"))->url, QStringLiteral("http://127.0.0.1:40123"));
    }

    void addedNetworksPersist() {
        {
            NetworkModel model(m_prefs.get());
            QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
            QSignalSpy count(&model, &NetworkModel::countChanged);
            model.insert({QStringLiteral("sepolia"), QStringLiteral("https://rpc.example.org"), 11155111, false});
            QCOMPARE(count.count(), 1);
            QCOMPARE(model.rowCount(), 2);
            QCOMPARE(model.indexOf(QStringLiteral("SEPOLIA")), 1);
        }
        // A new model over the same preferences file sees it.
        Preferences reopened(m_dir->filePath(QStringLiteral("desktop.ini")));
        NetworkModel model(&reopened);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 2);
        const auto n = model.find(QStringLiteral("sepolia"));
        QVERIFY(n);
        QCOMPARE(n->chainId, 11155111u);
        QVERIFY(!n->builtin);
        QVERIFY(model.remove(QStringLiteral("sepolia")));
        QCOMPARE(model.rowCount(), 1);
        NetworkModel after(&reopened);
        QCOMPARE(after.rowCount(), 1);
    }

    void validation_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("chainId");
        QTest::addColumn<bool>("ok");
        QTest::newRow("fine") << "local" << "http://127.0.0.1:9000" << "1337" << true;
        QTest::newRow("https") << "main" << "https://rpc.example.org/v1" << "1" << true;
        QTest::newRow("no name") << " " << "http://127.0.0.1:9000" << "1337" << false;
        QTest::newRow("taken") << "Devnet" << "http://127.0.0.1:9000" << "1337" << false;
        QTest::newRow("not a url") << "x" << "127.0.0.1:9000" << "1337" << false;
        QTest::newRow("ws") << "x" << "ws://127.0.0.1:9000" << "1337" << false;
        QTest::newRow("chain zero") << "x" << "http://127.0.0.1:9000" << "0" << false;
        QTest::newRow("chain text") << "x" << "http://127.0.0.1:9000" << "abc" << false;
    }
    void validation() {
        QFETCH(QString, name);
        QFETCH(QString, url);
        QFETCH(QString, chainId);
        QFETCH(bool, ok);
        NetworkModel model(m_prefs.get());
        QCOMPARE(model.validate(name, url, chainId).isEmpty(), ok);
    }

    void addRejectsBadInputWithoutAskingANode() {
        NetworkModel model(m_prefs.get());
        QSignalSpy finished(&model, &NetworkModel::addFinished);
        model.add(QStringLiteral("x"), QStringLiteral("not a url"), QStringLiteral("5"));
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY(!model.busy());
        QCOMPARE(model.rowCount(), 1);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Preferences> m_prefs;
};

QTEST_GUILESS_MAIN(TstNetworkModel)
#include "tst_network_model.moc"
