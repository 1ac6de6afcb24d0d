// The protocol index on the seeded devnet, through ctrn: indexing up to the
// manifest's checkpoint gives exactly what Devnet.s.sol seeds; search finds
// the seeded listings; show verifies metadata against the chain and names
// the manifest's signer; a metadata file changed after listing is refused;
// a model artifact with one flipped byte is refused and deleted; match
// ranks the seeded compute offers and says when nothing fits.
// Other tests use the same chain at the same time: this one only reads the
// seeded state and writes with fresh keys funded by anvil_setBalance.
#include "cli/cli_runner.h"
#include "integration/rpc_client.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

namespace {
QJsonObject object(const RunResult& r) { return QJsonDocument::fromJson(r.out.toUtf8()).object(); }
QJsonArray array(const RunResult& r) { return QJsonDocument::fromJson(r.out.toUtf8()).array(); }
QString sha256Hex(const QByteArray& data) {
    return "0x" + QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}
} // namespace

class TestProtocolIndexDevnet : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_data;
    QJsonObject m_manifest;
    QString m_rpc;
    QString m_key, m_address; // a fresh account only this test uses

    QStringList net(QStringList args) const { return args << "--network" << "devnet" << "--datadir" << m_data << "--json"; }
    QString contract(const char* name) const { return m_manifest["contracts"].toObject()[name].toString(); }
    RunResult send(const QString& to, const QStringList& callArgs) {
        return runCast(QStringList{"send", "--rpc-url", m_rpc, "--private-key", m_key, to} + callArgs);
    }

private slots:
    void initTestCase() {
        QFile f(qEnvironmentVariable("CTRN_DEVNET_DIR") + "/devnet.json");
        QVERIFY2(f.open(QIODevice::ReadOnly), "the devnet fixture wrote no manifest");
        m_manifest = QJsonDocument::fromJson(f.readAll()).object();
        m_rpc = m_manifest["rpc"].toString();
        m_data = m_dir.filePath("data");
        QByteArray key(32, '\0');
        QRandomGenerator::system()->generate(key.begin(), key.end());
        key[0] = 0x11; // below the curve order
        m_key = "0x" + QString::fromLatin1(key.toHex());
        auto addr = runCast({"wallet", "address", "--private-key", m_key});
        CTRN_EXPECT_OK(addr);
        m_address = addr.out;
        TestRpc rpc(m_rpc);
        rpc.call("anvil_setBalance", {m_address, "0x56bc75e2d63100000"}); // 100 ETH for gas
    }

    void indexingTheSeededDevnetGivesTheSeededCounts() {
        QString checkpoint = QString::number(m_manifest["checkpoint"].toObject()["number"].toVariant().toLongLong());
        auto r = runCtrn(net({"index", "sync", "--to", checkpoint}));
        CTRN_EXPECT_OK(r);
        QVERIFY2(r.err.contains("index: blocks"), qPrintable(r.err)); // progress on stderr
        QJsonObject report = object(r);
        QCOMPARE(report["to"].toString(), checkpoint);
        QJsonObject c = report["counts"].toObject();
        QJsonObject seeded = m_manifest["seeded"].toObject();
        QCOMPARE(c["agents"].toInt(), seeded["agents"].toInt());       // 6
        QCOMPARE(c["listings"].toInt(), seeded["listings"].toInt());   // 20
        QCOMPARE(c["models"].toInt(), seeded["models"].toInt());       // 12
        QCOMPARE(c["purchases"].toInt(), seeded["purchases"].toInt()); // 17
        QCOMPARE(c["proposals"].toInt(), seeded["proposals"].toInt()); // 7
        QCOMPARE(c["pools"].toInt(), seeded["validationPools"].toInt()); // 2
        QCOMPARE(c["revenueEpochs"].toInt(), 1);
        QCOMPARE(c["versions"].toInt(), 36);  // 2 + i % 3 per model
        QCOMPARE(c["stakes"].toInt(), 18);    // 6 self-stakes + 12 buyer stakes
        QCOMPARE(c["disputes"].toInt(), 1);
        QCOMPARE(c["citations"].toInt(), 1);
        QCOMPARE(c["votes"].toInt(), 25);
        QCOMPARE(c["ratings"].toInt(), 50);

        auto status = runCtrn(net({"index", "status", "--offline"}));
        CTRN_EXPECT_OK(status);
        QCOMPARE(object(status)["metadata"].toObject()["verified"].toInt(), 32); // every seeded listing and model card
        QCOMPARE(object(status)["indexedTo"].toString(), checkpoint);
    }

    void searchFindsSeededListingsAndModels() {
        auto r = runCtrn(net({"listings", "search", "H100", "--no-sync"}));
        CTRN_EXPECT_OK(r);
        QCOMPARE(array(r).size(), 1);
        QCOMPARE(array(r)[0].toObject()["id"].toString(), QString("11"));
        QCOMPARE(array(r)[0].toObject()["name"].toString(), QString("8x H100 80GB node"));
        r = runCtrn(net({"listings", "search", "news", "corpus", "--no-sync"}));
        CTRN_EXPECT_OK(r);
        QCOMPARE(array(r)[0].toObject()["id"].toString(), QString("1"));
        r = runCtrn(net({"models", "search", "orion", "--no-sync"}));
        CTRN_EXPECT_OK(r);
        QCOMPARE(array(r)[0].toObject()["name"].toString(), QString("Orion-7B"));
        r = runCtrn(net({"listings", "search", "zeppelin", "--no-sync"}));
        CTRN_EXPECT_OK(r);
        QCOMPARE(array(r).size(), 0);
    }

    // An ended vote's outcome is the governor's (quorum, supermajority):
    // the seeded marketing budget lost, the revenue-weighting change passed.
    // Offline (--no-sync) the index alone can only say the vote ended.
    void proposalsListGivesTheGovernorsVerdictOnEndedVotes() {
        auto stateOf = [](const RunResult& r, const QString& title) {
            for (const auto& v : array(r))
                if (v.toObject()["title"].toString() == title) return v.toObject()["state"].toString();
            return QString("missing");
        };
        auto r = runCtrn(net({"proposals", "list"}));
        CTRN_EXPECT_OK(r);
        QCOMPARE(stateOf(r, "Marketing budget of 10M CTRN"), QString("defeated"));
        QCOMPARE(stateOf(r, "Weigh activity more in revenue shares"), QString("succeeded"));
        QCOMPARE(stateOf(r, "Burn 15 % of protocol revenue"), QString("queued"));
        QCOMPARE(stateOf(r, "Grant: open-source indexer"), QString("executed"));
        QCOMPARE(stateOf(r, "Lower the marketplace commission to 4 %"), QString("active"));
        auto defeated = runCtrn(net({"proposals", "list", "--state", "defeated", "--governor", "token"}));
        CTRN_EXPECT_OK(defeated);
        QCOMPARE(array(defeated).size(), 1);
        auto offline = runCtrn(net({"proposals", "list", "--no-sync"}));
        CTRN_EXPECT_OK(offline);
        QCOMPARE(stateOf(offline, "Marketing budget of 10M CTRN"), QString("ended"));
    }

    void showVerifiesMetadataAndNamesTheManifestSigner() {
        auto r = runCtrn(net({"listings", "show", "1", "--no-sync"}));
        CTRN_EXPECT_OK(r);
        QJsonObject l = object(r);
        QCOMPARE(l["metadata"].toObject()["status"].toString(), QString("verified"));
        QCOMPARE(l["metadata"].toObject()["document"].toObject()["name"].toString(), QString("Multilingual news corpus 2025"));
        // Listing 1 was created with a manifest signed by its provider (account 10).
        QJsonObject manifest = l["manifest"].toObject();
        QCOMPARE(manifest["signed"].toBool(), true);
        QCOMPARE(manifest["signer"].toString(), m_manifest["accounts"].toObject()["addresses"].toArray()[10].toString());
        QCOMPARE(manifest["matchesProvider"].toBool(), true);
        QVERIFY(l["trust"].toObject()["score"].toDouble() > 0);
        r = runCtrn(net({"listings", "show", "2", "--no-sync"}));
        CTRN_EXPECT_OK(r);
        QCOMPARE(object(r)["manifest"].toObject()["signed"].toBool(), false);
        r = runCtrn(net({"models", "show", "1", "--no-sync"}));
        CTRN_EXPECT_OK(r);
        QCOMPARE(object(r)["versions"].toArray().size(), 2);
        QCOMPARE(object(r)["metadata"].toObject()["verified"].toBool(), true);
        r = runCtrn(net({"listings", "show", "999", "--no-sync"}));
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err, QString("ctrn: no listing 999 in the index"));
    }

    void metadataChangedAfterListingIsRefused() {
        QByteArray doc = R"({"name":"Quokka sightings 2026","description":"listed by the index test","tags":["quokka"]})";
        QString file = writeFile(m_dir, "listing.json", doc);
        QString unit = "0x686f7572" + QString(56, '0'); // "hour"
        QString params = QString("(2,5000000000000000000,%1,file://%2,%3,(%4,%4,%4,10000,0,0))")
                             .arg(unit, file, sha256Hex(doc), m_address);
        auto sent = send(contract("Marketplace"),
                         {"createListing((uint8,uint256,bytes32,string,bytes32,(address,address,address,uint16,uint16,uint16)))", params});
        CTRN_EXPECT_OK(sent);
        writeFile(m_dir, "listing.json", R"({"name":"Quokka sightings 2026","description":"now with a better price","tags":["quokka"]})");

        auto list = runCtrn(net({"listings", "list", "--provider", m_address}));
        CTRN_EXPECT_OK(list);
        QCOMPARE(array(list).size(), 1);
        QString id = array(list)[0].toObject()["id"].toString();
        QCOMPARE(array(list)[0].toObject()["metadata"].toString(), QString("mismatch"));
        auto show = runCtrn(net({"listings", "show", id, "--no-sync"}));
        QCOMPARE(show.exitCode, 1);
        QVERIFY2(show.err.startsWith("ctrn: listing " + id + ": metadata hash mismatch: chain " + sha256Hex(doc)), qPrintable(show.err));
        QJsonObject meta = object(show)["metadata"].toObject();
        QCOMPARE(meta["status"].toString(), QString("mismatch"));
        QVERIFY(!meta.contains("document"));
        auto search = runCtrn(net({"listings", "search", "quokka", "--no-sync"}));
        CTRN_EXPECT_OK(search);
        QCOMPARE(array(search).size(), 0); // unverified text is not searchable

        writeFile(m_dir, "listing.json", doc); // the provider restores the listed document
        show = runCtrn(net({"listings", "show", id, "--no-sync"}));
        CTRN_EXPECT_OK(show);
        QCOMPARE(object(show)["metadata"].toObject()["status"].toString(), QString("verified"));
    }

    void aModelArtifactWithOneFlippedByteIsRefusedAndDeleted() {
        QByteArray card = "{}";
        auto sent = send(contract("ModelRegistry"), {"registerModel(string,string,uint256,string,bytes32)", "IndexTest-1B", "MIT", "0",
                                                     "data:application/json,{}", sha256Hex(card)});
        CTRN_EXPECT_OK(sent);
        auto models = runCtrn(net({"models", "list"}));
        CTRN_EXPECT_OK(models);
        QString id;
        for (const auto& m : array(models))
            if (m.toObject()["owner"].toString().compare(m_address, Qt::CaseInsensitive) == 0) id = m.toObject()["id"].toString();
        QVERIFY(!id.isEmpty());

        QByteArray artifact(200000, '\0');
        for (int i = 0; i < artifact.size(); ++i) artifact[i] = static_cast<char>(i * 7 % 253);
        QString file = writeFile(m_dir, "weights.safetensors", artifact);
        sent = send(contract("ModelRegistry"), {"publishVersion(uint256,string,bytes32,string,bytes32)", id, "1.0.0", sha256Hex(artifact),
                                                "file://" + file, "0x" + QString(64, '0')});
        CTRN_EXPECT_OK(sent);

        QString good = m_dir.filePath("good.bin");
        auto r = runCtrn(net({"models", "download", id, "--out", good}));
        CTRN_EXPECT_OK(r);
        QCOMPARE(object(r)["verified"].toBool(), true);
        QFile g(good);
        QVERIFY(g.open(QIODevice::ReadOnly));
        QCOMPARE(g.readAll(), artifact);

        artifact[123456] = static_cast<char>(artifact[123456] ^ 0x40);
        writeFile(m_dir, "weights.safetensors", artifact);
        QString bad = m_dir.filePath("bad.bin");
        r = runCtrn(net({"models", "download", id, "--out", bad, "--no-sync"}));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.startsWith("ctrn: artifact hash mismatch: chain 0x"), qPrintable(r.err));
        QVERIFY(!QFile::exists(bad));
        QVERIFY(!QFile::exists(bad + ".part"));
    }

    void matchRanksSeededComputeOffers() {
        auto r = runCtrn(net({"match", "--kind", "compute", "--gpu", "H100", "--hours", "10", "--budget", "500", "--no-sync"}));
        CTRN_EXPECT_OK(r);
        QJsonObject m = object(r);
        QCOMPARE(m["fits"].toBool(), true);
        QCOMPARE(m["ranked"].toArray()[0].toObject()["listingId"].toString(), QString("11"));
        QCOMPARE(m["ranked"].toArray()[0].toObject()["totalCost"].toString(), QString("240000000000000000000"));
        r = runCtrn(net({"match", "--kind", "compute", "--gpu", "H100", "--hours", "10", "--budget", "100", "--no-sync"}));
        CTRN_EXPECT_OK(r);
        m = object(r);
        QCOMPARE(m["fits"].toBool(), false);
        QVERIFY2(m["summary"].toString().startsWith("nothing fits:"), qPrintable(m["summary"].toString()));
        QVERIFY(m["summary"].toString().contains("over budget"));
        r = runCtrn(net({"match", "--gpu", "H100", "--no-sync"}));
        QCOMPARE(r.exitCode, 2); // --kind is required
    }
};

QTEST_GUILESS_MAIN(TestProtocolIndexDevnet)
#include "tst_protocol_index_devnet.moc"
