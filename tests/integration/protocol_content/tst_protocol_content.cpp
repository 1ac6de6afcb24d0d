// Protocol content over HTTP, end to end through the production fetcher
// (QtHttpFetcher on a real socket) against a local server started here
// (127.0.0.1, a free port): ipfs:// URIs resolved through the configured
// gateway and plain http: URIs give the content when its sha256 matches the
// chain; changed content, a 404 and a body cut short are refused with an
// error that says which, and a download leaves no file (neither the
// destination nor its .part) behind.
#include "integration/content_server.h"

#include <core/protocol/content.h>
#include <core/rpc/http_fetch.h>

#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>

using namespace ctrn;
using namespace ctrn::protocol;

namespace {

const char* const kCid = "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku";

QByteArray artifactBytes() {
    QByteArray a(200000, '\0');
    for (qsizetype i = 0; i < a.size(); ++i) a[i] = static_cast<char>(i * 37 % 253);
    return a;
}

std::string hashOf(const QByteArray& b) {
    return sha256Hex(ByteView(reinterpret_cast<const std::uint8_t*>(b.constData()), static_cast<std::size_t>(b.size())));
}

std::string readAll(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

} // namespace

class TestProtocolContent : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    ContentServer m_server;
    rpc::QtHttpFetcher m_http;

    ContentOptions options(const QString& cache = {}) const {
        ContentOptions o;
        o.ipfsGateway = m_server.url().toStdString() + "/"; // a trailing slash as users type it
        if (!cache.isEmpty()) o.cacheDir = m_dir.filePath(cache).toStdString();
        return o;
    }
    std::filesystem::path path(const char* name) const { return m_dir.filePath(name).toStdString(); }
    void expectNothingLeft(const std::filesystem::path& dest) {
        QVERIFY(!std::filesystem::exists(dest));
        QVERIFY(!std::filesystem::exists(dest.string() + ".part"));
    }

private slots:
    void initTestCase() { QVERIFY(m_server.isListening()); }

    void ipfsMetadataComesThroughTheGatewayAndIsCached() {
        QByteArray card = R"({"name":"Atlas 7B","task":"text-generation"})";
        m_server.serve(QString("/ipfs/%1/card.json").arg(kCid), {200, card, -1});
        ContentFetcher fetcher(&m_http, options("cache"));
        std::string uri = std::string("ipfs://") + kCid + "/card.json";
        QCOMPARE(fetcher.gatewayUrl(uri), m_server.url().toStdString() + "/ipfs/" + kCid + "/card.json");
        auto body = fetcher.fetchVerified(uri, hashOf(card));
        QVERIFY2(body.ok(), body.ok() ? "" : body.error().message.c_str());
        QCOMPARE(QByteArray::fromStdString(*body), card);
        QCOMPARE(m_server.requests().last(), QString("/ipfs/%1/card.json").arg(kCid));
        // Verified once, the card is served from the cache by its hash.
        int asked = static_cast<int>(m_server.requests().size());
        QCOMPARE(QByteArray::fromStdString(*fetcher.fetchVerified(uri, hashOf(card))), card);
        QCOMPARE(m_server.requests().size(), asked);
        // ipfs://ipfs/CID/... (the doubled form some tools write) is the same path.
        auto doubled = fetcher.fetchVerified(std::string("ipfs://ipfs/") + kCid + "/card.json", hashOf(card), false);
        QVERIFY2(doubled.ok(), doubled.ok() ? "" : doubled.error().message.c_str());
        QCOMPARE(m_server.requests().last(), QString("/ipfs/%1/card.json").arg(kCid));
    }

    void ipfsArtifactDownloadsWithItsHash() {
        QByteArray artifact = artifactBytes();
        m_server.serve(QString("/ipfs/%1/model.bin").arg(kCid), {200, artifact, -1});
        ContentFetcher fetcher(&m_http, options());
        auto dest = path("model.bin");
        auto written = fetcher.download(std::string("ipfs://") + kCid + "/model.bin", hashOf(artifact), ContentHash::Sha256, dest);
        QVERIFY2(written.ok(), written.ok() ? "" : written.error().message.c_str());
        QCOMPARE(*written, std::uint64_t(artifact.size()));
        QCOMPARE(QByteArray::fromStdString(readAll(dest)), artifact);
        QVERIFY(!std::filesystem::exists(dest.string() + ".part"));
    }

    // http: to a local host is how a node operator serves content on a LAN
    // and how tests reach a server; the hash check is what makes it safe.
    void plainHttpIsFetchedAndChecked() {
        QByteArray doc = R"({"gpu":"H100","hours":24})";
        m_server.serve("/listing/11.json", {200, doc, -1});
        ContentFetcher fetcher(&m_http, options());
        auto body = fetcher.fetchVerified(m_server.url().toStdString() + "/listing/11.json", hashOf(doc));
        QVERIFY2(body.ok(), body.ok() ? "" : body.error().message.c_str());
        QCOMPARE(QByteArray::fromStdString(*body), doc);
    }

    void changedContentIsRefused() {
        QByteArray published = R"({"name":"Borealis"})";
        QByteArray served = R"j({"name":"Borealis (edited)"})j";
        m_server.serve(QString("/ipfs/%1/changed.json").arg(kCid), {200, served, -1});
        ContentFetcher fetcher(&m_http, options("cache2"));
        std::string uri = std::string("ipfs://") + kCid + "/changed.json";
        auto body = fetcher.fetchVerified(uri, hashOf(published));
        QVERIFY(!body.ok());
        QCOMPARE(body.error().code, ErrorCode::VerificationFailed);
        QCOMPARE(QString::fromStdString(body.error().message),
                 QString::fromStdString("metadata hash mismatch: chain " + hashOf(published) + ", content " + hashOf(served)));
        // Nothing unverified reaches the cache.
        QVERIFY(!std::filesystem::exists(m_dir.filePath("cache2").toStdString() + "/" + hashOf(published).substr(2)));

        auto dest = path("changed.bin");
        auto written = fetcher.download(uri, hashOf(published), ContentHash::Sha256, dest);
        QVERIFY(!written.ok());
        QCOMPARE(written.error().code, ErrorCode::VerificationFailed);
        QVERIFY2(QString::fromStdString(written.error().message).startsWith("artifact hash mismatch: chain " + QString::fromStdString(hashOf(published))),
                 written.error().message.c_str());
        expectNothingLeft(dest);
    }

    void notFoundIsAClearErrorAndLeavesNoFile() {
        ContentFetcher fetcher(&m_http, options());
        std::string uri = std::string("ipfs://") + kCid + "/missing.bin";
        auto body = fetcher.fetchVerified(uri, hashOf("x"));
        QVERIFY(!body.ok());
        QCOMPARE(body.error().code, ErrorCode::Network);
        QCOMPARE(QString::fromStdString(body.error().message), QString::fromStdString(fetcher.gatewayUrl(uri) + ": HTTP 404"));
        auto dest = path("missing.bin");
        auto written = fetcher.download(uri, hashOf("x"), ContentHash::Sha256, dest);
        QVERIFY(!written.ok());
        QCOMPARE(written.error().code, ErrorCode::Network);
        QVERIFY2(QString::fromStdString(written.error().message).endsWith("HTTP 404"), written.error().message.c_str());
        expectNothingLeft(dest);
    }

    // The server promises the whole artifact and closes the connection
    // half-way: the error names the interruption (not a hash mismatch of a
    // truncated file) and nothing is left on disk.
    void aBodyCutShortIsAnErrorAndLeavesNoFile() {
        QByteArray artifact = artifactBytes();
        m_server.serve(QString("/ipfs/%1/cut.bin").arg(kCid), {200, artifact, artifact.size() / 2});
        ContentFetcher fetcher(&m_http, options());
        std::string uri = std::string("ipfs://") + kCid + "/cut.bin";
        auto dest = path("cut.bin");
        auto written = fetcher.download(uri, hashOf(artifact), ContentHash::Sha256, dest);
        QVERIFY(!written.ok());
        QCOMPARE(written.error().code, ErrorCode::Network);
        QString message = QString::fromStdString(written.error().message);
        QVERIFY2(message.startsWith(QString::fromStdString(fetcher.gatewayUrl(uri)) + ": transfer interrupted after ") &&
                     message.contains(QString(" of %1 bytes").arg(artifact.size())),
                 qPrintable(message));
        expectNothingLeft(dest);

        m_server.serve(QString("/ipfs/%1/cut.json").arg(kCid), {200, R"({"name":"cut short"})", 8});
        auto body = fetcher.fetchVerified(std::string("ipfs://") + kCid + "/cut.json", hashOf(R"({"name":"cut short"})"));
        QVERIFY(!body.ok());
        QCOMPARE(body.error().code, ErrorCode::Network);
        QVERIFY2(QString::fromStdString(body.error().message).contains("transfer interrupted after"), body.error().message.c_str());
    }
};

QTEST_GUILESS_MAIN(TestProtocolContent)
#include "tst_protocol_content.moc"
