// Block headers: hashes computed from fields equal the node's own hash for
// recorded London and Cancun blocks; any changed field changes the hash;
// fork fields out of order and malformed fields are refused.
#include <core/chain/header.h>

#include <QFile>
#include <QtTest>

using namespace ctrn;
using namespace ctrn::chain;

namespace {
Json loadBlock(const char* name) {
    QFile f(QString(CTRN_VECTORS_DIR "/") + name);
    if (!f.open(QIODevice::ReadOnly)) qFatal("missing vector %s", name);
    return *parseJson(f.readAll().toStdString());
}
} // namespace

class TestHeader : public QObject {
    Q_OBJECT
private slots:
    void recordedBlocksHashToTheirHash_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("fork");
        QTest::newRow("london") << "anvil_london_block1.json" << "london";
        QTest::newRow("cancun") << "anvil_cancun_block0.json" << "cancun";
    }
    void recordedBlocksHashToTheirHash() {
        QFETCH(QString, file);
        QFETCH(QString, fork);
        Json block = loadBlock(file.toUtf8().constData());
        auto h = verifyBlockHash(block);
        QVERIFY2(h.ok(), h.ok() ? "" : h.error().message.c_str());
        QCOMPARE(h->hex(), block["hash"].get<std::string>());
        QCOMPARE(QString::fromStdString(headerFromJson(block)->fork()), fork);
    }

    void anyChangedFieldIsCaught_data() {
        QTest::addColumn<QString>("field");
        for (const char* f : {"parentHash", "stateRoot", "transactionsRoot", "receiptsRoot", "number", "timestamp",
                              "gasUsed", "baseFeePerGas", "extraData", "withdrawalsRoot", "parentBeaconBlockRoot"})
            QTest::newRow(f) << f;
    }
    void anyChangedFieldIsCaught() {
        QFETCH(QString, field);
        Json block = loadBlock("anvil_cancun_block0.json");
        std::string key = field.toStdString();
        std::string v = block[key].get<std::string>();
        // Change the last hex digit (or add a byte to empty data).
        if (v == "0x") v = "0x01";
        else v.back() = v.back() == '1' ? '2' : '1';
        block[key] = v;
        auto h = verifyBlockHash(block);
        QVERIFY(!h.ok());
        QCOMPARE(h.error().code, ErrorCode::VerificationFailed);
        QVERIFY(h.error().message.rfind("header hash mismatch: block says ", 0) == 0);
    }

    void droppedOrAddedForkFieldIsCaught() {
        for (const char* field : {"parentBeaconBlockRoot", "withdrawalsRoot", "excessBlobGas", "baseFeePerGas"}) {
            Json block = loadBlock("anvil_cancun_block0.json");
            block.erase(field);
            auto r = verifyBlockHash(block);
            QVERIFY(!r.ok());
            QCOMPARE(r.error().code, ErrorCode::VerificationFailed);
        }
        Json block = loadBlock("anvil_london_block1.json");
        block["requestsHash"] = "0x" + std::string(64, '0');
        QVERIFY(!verifyBlockHash(block).ok());
    }

    void malformedFieldsAreNamed() {
        Json block = loadBlock("anvil_london_block1.json");
        block["stateRoot"] = "0x1234";
        auto r = verifyBlockHash(block);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().message, std::string("header: field 'stateRoot': expected 32 bytes, got 2"));
        block = loadBlock("anvil_london_block1.json");
        block.erase("miner");
        QCOMPARE(verifyBlockHash(block).error().message, std::string("header: field 'miner': missing"));
        QCOMPARE(verifyBlockHash(Json::array()).error().message, std::string("header: expected a JSON object"));
    }
};

int runHeaderTests(int argc, char** argv) {
    TestHeader t;
    return QTest::qExec(&t, argc, argv);
}
#include "tst_header.moc"
