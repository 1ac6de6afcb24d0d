// A reorg on a private anvil (never the shared devnet): a ModelRegistry is
// indexed, the chain is snapshotted, grows, is indexed again, then reverted
// to the snapshot and grown differently (anvil_snapshot / anvil_revert /
// anvil_mine). The next `ctrn index sync` must find the common ancestor,
// roll back and re-index, after which the index equals a fresh index of the
// same chain, table by table.
#include "cli/cli_runner.h"
#include "integration/anvil_accounts.h"
#include "integration/rpc_client.h"

#include <core/storage/protocol_store.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
// anvil's first well-known account (this anvil is ours alone).
const QString kDeployerKey = QStringLiteral("0x") + anvil::kKey0;
QJsonObject object(const RunResult& r) { return QJsonDocument::fromJson(r.out.toUtf8()).object(); }
QJsonArray array(const RunResult& r) { return QJsonDocument::fromJson(r.out.toUtf8()).array(); }

std::string dumpOf(const QString& path) {
    auto store = ctrn::storage::ProtocolStore::open(path.toStdString());
    if (!store) qFatal("open %s: %s", qPrintable(path), store.error().message.c_str());
    auto dump = (*store)->derivedDump();
    if (!dump) qFatal("dump: %s", dump.error().message.c_str());
    auto log = (*store)->events();
    if (!log) qFatal("events: %s", log.error().message.c_str());
    std::string events;
    for (const auto& e : *log) events += std::to_string(e.block) + " " + e.name + " " + e.fields.dump() + "\n";
    return *dump + events;
}
} // namespace

class TestProtocolIndexReorg : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_rpc, m_registry;
    std::unique_ptr<TestRpc> m_node;

    QStringList net(const QString& data, QStringList args) const {
        return args << "--network" << "devnet" << "--rpc" << m_rpc << "--datadir" << data << "--json";
    }
    void send(const QStringList& call) {
        auto r = runCast(QStringList{"send", "--rpc-url", m_rpc, "--private-key", kDeployerKey, m_registry} + call);
        CTRN_EXPECT_OK(r);
    }
    void registerModel(const QString& name) {
        send({"registerModel(string,string,uint256,string,bytes32)", name, "MIT", "0", "data:,{}",
              "0x44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"}); // sha256("{}")
    }

private slots:
    void initTestCase() {
        m_rpc = TestRpc::fixtureUrl("protocol_reorg");
        m_node = std::make_unique<TestRpc>(m_rpc);
        QFile artifact(QStringLiteral(CTRN_SOURCE_DIR) + "/contracts/out/ModelRegistry.sol/ModelRegistry.json");
        QVERIFY2(artifact.open(QIODevice::ReadOnly), "no ModelRegistry artifact (the devnet fixture builds contracts/out)");
        QString bytecode = QJsonDocument::fromJson(artifact.readAll()).object()["bytecode"].toObject()["object"].toString();
        // Any non-zero addresses do for the marketplace, REP and governance:
        // registering models and publishing versions touch none of them.
        auto r = runCast({"send", "--rpc-url", m_rpc, "--private-key", kDeployerKey, "--json", "--create", bytecode,
                          "constructor(address,address,address)", "0x000000000000000000000000000000000000dEaD",
                          "0x000000000000000000000000000000000000bEEF", "0x000000000000000000000000000000000000cAFE"});
        CTRN_EXPECT_OK(r);
        m_registry = object(r)["contractAddress"].toString();
        QVERIFY(!m_registry.isEmpty());
        // The manifest ctrn reads for --network devnet: this anvil and this registry.
        QJsonObject manifest{{"chainId", 31337}, {"rpc", m_rpc}, {"deployBlock", 1},
                             {"contracts", QJsonObject{{"ModelRegistry", m_registry}}}};
        writeFile(m_dir, "devnet.json", QJsonDocument(manifest).toJson());
        qputenv("CTRN_DEVNET_DIR", m_dir.path().toUtf8());
    }

    void reorgRollsBackAndMatchesAFreshIndex() {
        QString data = m_dir.filePath("reorged");
        registerModel("Ancestor");
        auto r = runCtrn(net(data, {"index", "sync", "--quiet"}));
        CTRN_EXPECT_OK(r);
        QCOMPARE(object(r)["counts"].toObject()["models"].toInt(), 1);
        std::int64_t ancestorTip = object(r)["to"].toString().toLongLong();

        QString snapshot = m_node->call("anvil_snapshot").toString();
        registerModel("Doomed");
        send({"publishVersion(uint256,string,bytes32,string,bytes32)", "1", "1.0.0", "0x" + QString(64, '1'), "file:///nowhere",
              "0x" + QString(64, '0')});
        m_node->call("anvil_mine", {"0x3"});
        r = runCtrn(net(data, {"index", "sync", "--quiet"}));
        CTRN_EXPECT_OK(r);
        QCOMPARE(object(r)["counts"].toObject()["models"].toInt(), 2);
        QCOMPARE(object(r)["counts"].toObject()["versions"].toInt(), 1);
        std::int64_t orphanedTip = object(r)["to"].toString().toLongLong();

        QVERIFY(m_node->call("anvil_revert", {snapshot}).toBool());
        registerModel("Survivor");
        m_node->call("anvil_mine", {"0x6"}); // the new branch is longer than the old one
        r = runCtrn(net(data, {"index", "sync", "--quiet"}));
        CTRN_EXPECT_OK(r);
        QJsonObject report = object(r);
        QCOMPARE(report["reorgs"].toInt(), 1);
        QVERIFY(report["to"].toString().toLongLong() > orphanedTip);
        // The common ancestor is the last block indexed before the snapshot.
        QCOMPARE(report["rolledBackTo"].toString().toLongLong(), ancestorTip);
        QCOMPARE(report["counts"].toObject()["models"].toInt(), 2);
        QCOMPARE(report["counts"].toObject()["versions"].toInt(), 0);

        auto models = runCtrn(net(data, {"models", "list", "--no-sync"}));
        CTRN_EXPECT_OK(models);
        QStringList names;
        for (const auto& m : array(models)) names << m.toObject()["name"].toString();
        QCOMPARE(names, (QStringList{"Ancestor", "Survivor"}));

        QString fresh = m_dir.filePath("fresh");
        r = runCtrn(net(fresh, {"index", "sync", "--to", report["to"].toString(), "--quiet"}));
        CTRN_EXPECT_OK(r);
        QCOMPARE(QString::fromStdString(dumpOf(data + "/protocol-devnet.sqlite")),
                 QString::fromStdString(dumpOf(fresh + "/protocol-devnet.sqlite")));
    }
};

QTEST_GUILESS_MAIN(TestProtocolIndexReorg)
#include "tst_protocol_index_reorg.moc"
