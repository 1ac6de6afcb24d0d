// The app quitting while the worker waits on the node. The HTTP transport
// waits for a reply in a nested event loop, which also delivers calls queued
// to the worker meanwhile; the worker must still run them one after another,
// so a shutdown (or a reconnect) queued behind a job never destroys the
// services that job is using. The app once crashed on quit this way.
//
// The node here answers from the recorded devnet (fixtures/devnet_rpc.json)
// over real HTTP, on its own thread, and can be made slow to answer
// eth_blockNumber.
#include "app_context.h"
#include "network_model.h"

#include <core/util/json.h>

#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QtTest>

#include <atomic>

using namespace ctrn;
using namespace ctrn::desktop;

namespace {

Json recording() {
    QFile f(QStringLiteral(CTRN_MODELS_FIXTURES "/devnet_rpc.json"));
    if (!f.open(QIODevice::ReadOnly)) qFatal("missing fixture devnet_rpc.json");
    auto json = parseJson(f.readAll().toStdString());
    if (!json) qFatal("devnet_rpc.json: %s", json.error().message.c_str());
    return *json;
}

// A JSON-RPC node over HTTP/1.1 (keep-alive) answering from the recording.
// Lives on the thread it is moved to, so it answers while the test's main
// thread is blocked in AppContext::drain().
class RecordedNode : public QTcpServer {
public:
    explicit RecordedNode(Json answers) : m_answers(std::move(answers)) {}
    std::atomic<int> blockNumberDelayMs{0};
    std::atomic<int> blockNumberCalls{0};

protected:
    void incomingConnection(qintptr descriptor) override {
        auto* socket = new QTcpSocket(this);
        socket->setSocketDescriptor(descriptor);
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { serve(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }

private:
    Json answer(const Json& request) const {
        const std::string method = request.value("method", std::string());
        Json reply = {{"jsonrpc", "2.0"}, {"id", request.value("id", Json())}};
        if (method == "eth_call") {
            const std::string data = request["params"][0].value("data", std::string());
            const auto& calls = m_answers["eth_call"];
            const std::string selector = data.substr(0, 10);
            reply["result"] = calls.contains(selector) ? calls[selector] : Json("0x");
        } else if (m_answers.contains(method) && method[0] != '_') {
            reply["result"] = m_answers[method];
        } else {
            reply["error"] = {{"code", -32601}, {"message", "method not found"}};
        }
        return reply;
    }

    void serve(QTcpSocket* socket) {
        QByteArray& buffer = m_buffers[socket];
        buffer += socket->readAll();
        for (;;) {
            const int headerEnd = buffer.indexOf("\r\n\r\n");
            if (headerEnd < 0) return;
            int length = 0;
            for (const QByteArray& line : buffer.left(headerEnd).split('\n'))
                if (line.toLower().startsWith("content-length:")) length = line.mid(15).trimmed().toInt();
            if (buffer.size() < headerEnd + 4 + length) return;
            const QByteArray body = buffer.mid(headerEnd + 4, length);
            buffer.remove(0, headerEnd + 4 + length);
            auto request = parseJson(body.toStdString());
            if (!request) return;
            Json reply;
            bool slow = false;
            if (request->is_array()) {
                reply = Json::array();
                for (const auto& r : *request) reply.push_back(answer(r));
            } else {
                reply = answer(*request);
                if (request->value("method", std::string()) == "eth_blockNumber") {
                    ++blockNumberCalls;
                    slow = blockNumberDelayMs > 0;
                }
            }
            const QByteArray payload = QByteArray::fromStdString(reply.dump());
            const QByteArray response = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                                        QByteArray::number(payload.size()) + "\r\n\r\n" + payload;
            if (slow)
                QTimer::singleShot(blockNumberDelayMs.load(), socket, [socket, response] { socket->write(response); });
            else
                socket->write(response);
        }
    }

    Json m_answers;
    std::map<QTcpSocket*, QByteArray> m_buffers;
};

} // namespace

class TstWorkerShutdown : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        m_node = new RecordedNode(recording());
        m_node->moveToThread(&m_nodeThread);
        m_nodeThread.start();
        quint16 port = 0;
        QMetaObject::invokeMethod(
            m_node, [this, &port] { port = m_node->listen(QHostAddress::LocalHost, 0) ? m_node->serverPort() : 0; },
            Qt::BlockingQueuedConnection);
        QVERIFY(port != 0);
        m_url = QStringLiteral("http://127.0.0.1:%1").arg(port);
    }

    // A job waiting on the node when the app quits finishes with the node's
    // answer; the shutdown waits behind it (it used to run inside the job's
    // wait and destroy the services under it).
    void quitWhileAJobWaitsOnTheNode() {
        QTemporaryDir dir;
        std::unique_ptr<AppContext> context;
        connectToRecordedNode(dir, context);
        QVERIFY(context && context->connected());

        m_node->blockNumberDelayMs = 700;
        const int callsBefore = m_node->blockNumberCalls;
        std::atomic<bool> answered{false};
        std::atomic<std::uint64_t> head{0};
        QObject receiver;
        context->submit(&receiver, [&](interfaces::Services& s) -> Worker::Continuation {
            auto h = s.node->head(); // waits ~700 ms in the transport's nested event loop
            if (h) head = *h;
            answered = h.ok();
            return [] {};
        });
        // Quit once the job is inside its wait.
        QTRY_VERIFY_WITH_TIMEOUT(m_node->blockNumberCalls > callsBefore, 10000);
        context->drain();
        QVERIFY(answered);
        QCOMPARE(head.load(), std::uint64_t(0x2a)); // the recording's eth_blockNumber
        m_node->blockNumberDelayMs = 0;
    }

    // A reconnect queued behind a slow job runs after it, not inside it.
    void reconnectWhileAJobWaitsOnTheNode() {
        QTemporaryDir dir;
        std::unique_ptr<AppContext> context;
        connectToRecordedNode(dir, context);
        QVERIFY(context && context->connected());

        m_node->blockNumberDelayMs = 700;
        const int callsBefore = m_node->blockNumberCalls;
        std::atomic<bool> answered{false};
        QObject receiver;
        context->submit(&receiver, [&](interfaces::Services& s) -> Worker::Continuation {
            answered = s.node->head().ok();
            return [] {};
        });
        QTRY_VERIFY_WITH_TIMEOUT(m_node->blockNumberCalls > callsBefore, 10000);
        context->connectTo(QStringLiteral("recorded"));
        QTRY_VERIFY_WITH_TIMEOUT(context->connected(), 20000);
        QVERIFY(answered);
        m_node->blockNumberDelayMs = 0;
        context->drain();
    }

    void cleanupTestCase() {
        QMetaObject::invokeMethod(m_node, [this] { delete m_node; }, Qt::BlockingQueuedConnection);
        m_nodeThread.quit();
        m_nodeThread.wait();
    }

private:
    // An app context on a fresh data directory, connected to the recorded
    // node as a network the user added (its chain id checked).
    void connectToRecordedNode(const QTemporaryDir& dir, std::unique_ptr<AppContext>& context) {
        LaunchOptions options;
        options.dataDir = dir.filePath(QStringLiteral("data"));
        context = std::make_unique<AppContext>(options);
        QSignalSpy added(context->networks(), &NetworkModel::addFinished);
        context->networks()->add(QStringLiteral("recorded"), m_url, QStringLiteral("31337"));
        QVERIFY(added.wait(20000));
        QVERIFY2(added.last().at(0).toBool(), qPrintable(added.last().at(1).toString()));
        context->connectTo(QStringLiteral("recorded"));
        QTRY_VERIFY_WITH_TIMEOUT(!context->connecting(), 20000);
        QVERIFY2(context->connected(), qPrintable(context->connectionError()));
    }

    QThread m_nodeThread;
    RecordedNode* m_node = nullptr;
    QString m_url;
};

QTEST_MAIN(TstWorkerShutdown)
#include "tst_worker_shutdown.moc"
