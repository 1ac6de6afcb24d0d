// A programmable HTTP JSON-RPC proxy for integration tests: it listens on a
// free 127.0.0.1 port, forwards each POST to an upstream node (the anvil
// fixture), and lets a hook look at every JSON-RPC request (single or batch)
// and decide its fate: forward it, drop the connection (a node that died
// mid-request), answer HTTP 500, or forward it and rewrite the node's JSON
// answer (a lying node). Everything runs on the test's event loop, so a
// test that runs a client in another process must keep that loop turning
// (QSignalSpy::wait, not QProcess::waitForFinished).
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QStringList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

#include <functional>
#include <map>
#include <memory>

struct ProxyDecision {
    enum class Action { Forward, Drop, HttpError, Rewrite };
    Action action = Action::Forward;
    int httpStatus = 500;                                           // HttpError
    QByteArray errorBody = "proxy: simulated node failure";         // HttpError
    std::function<QJsonDocument(const QJsonDocument& reply)> rewrite; // Rewrite: the node's answer in, ours out

    static ProxyDecision forward() { return {}; }
    static ProxyDecision drop() { return {Action::Drop, 0, {}, {}}; }
    static ProxyDecision httpError(int status = 500) { return {Action::HttpError, status, "proxy: simulated node failure", {}}; }
    static ProxyDecision rewriteWith(std::function<QJsonDocument(const QJsonDocument&)> f) {
        return {Action::Rewrite, 0, {}, std::move(f)};
    }
};

class RpcProxy : public QObject {
public:
    // Sees each request as parsed JSON (a batch is an array); returns what to do.
    using Hook = std::function<ProxyDecision(const QJsonDocument& request)>;

    explicit RpcProxy(QUrl upstream, QObject* parent = nullptr) : QObject(parent), m_upstream(std::move(upstream)) {
        m_server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* s = m_server.nextPendingConnection()) {
                s->setParent(this);
                QObject::connect(s, &QTcpSocket::readyRead, this, [this, s] { onReadable(s); });
                QObject::connect(s, &QTcpSocket::disconnected, this, [this, s] {
                    m_conns.erase(s);
                    s->deleteLater();
                });
                m_conns[s] = {};
            }
        });
    }

    bool isListening() const { return m_server.isListening(); }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()); }
    void setHook(Hook hook) { m_hook = std::move(hook); }

    // Every JSON-RPC method asked through the proxy, in order (batch members
    // one by one), whatever the hook decided.
    const QStringList& methods() const { return m_methods; }
    void clearMethods() { m_methods.clear(); }

    // The methods of a request, single or batch: what hooks usually test.
    static QStringList methodsOf(const QJsonDocument& request) {
        QStringList out;
        if (request.isArray())
            for (const auto& r : request.array()) out << r.toObject().value("method").toString();
        else
            out << request.object().value("method").toString();
        return out;
    }

private:
    struct Connection {
        QByteArray buffer;
        bool busy = false; // one request at a time per connection, answered in order
    };

    void onReadable(QTcpSocket* s) {
        m_conns[s].buffer += s->readAll();
        processNext(s);
    }

    // Takes one complete HTTP request off the connection's buffer, if any.
    void processNext(QTcpSocket* s) {
        auto it = m_conns.find(s);
        if (it == m_conns.end() || it->second.busy) return;
        QByteArray& buf = it->second.buffer;
        int headerEnd = buf.indexOf("\r\n\r\n");
        if (headerEnd < 0) return;
        qsizetype length = 0;
        for (const QByteArray& line : buf.left(headerEnd).split('\n')) {
            QByteArray l = line.trimmed();
            if (l.toLower().startsWith("content-length:")) length = l.mid(15).trimmed().toLongLong();
        }
        if (buf.size() < headerEnd + 4 + length) return;
        QByteArray body = buf.mid(headerEnd + 4, length);
        buf.remove(0, headerEnd + 4 + length);
        it->second.busy = true;
        handle(s, body);
    }

    void handle(QTcpSocket* s, const QByteArray& body) {
        QJsonDocument request = QJsonDocument::fromJson(body);
        m_methods << methodsOf(request);
        ProxyDecision d = m_hook ? m_hook(request) : ProxyDecision::forward();
        switch (d.action) {
        case ProxyDecision::Action::Drop:
            s->abort(); // no answer at all: the node died with the request in flight
            return;
        case ProxyDecision::Action::HttpError:
            respond(s, d.httpStatus, d.errorBody, "text/plain");
            return;
        case ProxyDecision::Action::Forward:
        case ProxyDecision::Action::Rewrite:
            break;
        }
        QNetworkRequest req(m_upstream);
        req.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        QNetworkReply* reply = m_net.post(req, body);
        QPointer<QTcpSocket> socket(s);
        QObject::connect(reply, &QNetworkReply::finished, this, [this, reply, socket, rewrite = d.rewrite] {
            reply->deleteLater();
            if (!socket) return;
            const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
            if (!status.isValid()) { // upstream unreachable: so are we
                socket->abort();
                return;
            }
            QByteArray answer = reply->readAll();
            if (rewrite) answer = rewrite(QJsonDocument::fromJson(answer)).toJson(QJsonDocument::Compact);
            respond(socket, status.toInt(), answer, "application/json");
        });
    }

    void respond(QTcpSocket* s, int status, const QByteArray& body, const char* contentType) {
        QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + (status == 200 ? " OK" : " Error") +
                          "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + QByteArray::number(body.size()) +
                          "\r\nConnection: keep-alive\r\n\r\n";
        s->write(head + body);
        s->flush();
        if (auto it = m_conns.find(s); it != m_conns.end()) it->second.busy = false;
        processNext(s);
    }

    QUrl m_upstream;
    QTcpServer m_server;
    QNetworkAccessManager m_net;
    Hook m_hook;
    std::map<QTcpSocket*, Connection> m_conns;
    QStringList m_methods;
};

// Rewrites each answer of a request (single or batch) whose method is
// `method`: f gets the request's params and the node's result, returns ours.
using ResultRewrite = std::function<QJsonValue(const QJsonArray& params, QJsonValue result)>;

inline ProxyDecision rewriteResults(const QJsonDocument& request, const QString& method, ResultRewrite f) {
    std::map<qint64, QJsonArray> paramsById;
    auto note = [&](const QJsonObject& r) {
        if (r.value("method").toString() == method) paramsById[r.value("id").toVariant().toLongLong()] = r.value("params").toArray();
    };
    if (request.isArray())
        for (const auto& r : request.array()) note(r.toObject());
    else
        note(request.object());
    if (paramsById.empty()) return ProxyDecision::forward();
    return ProxyDecision::rewriteWith([paramsById, f](const QJsonDocument& reply) {
        auto fix = [&](QJsonObject o) {
            auto it = paramsById.find(o.value("id").toVariant().toLongLong());
            if (it != paramsById.end() && o.contains("result")) o["result"] = f(it->second, o.value("result"));
            return o;
        };
        if (reply.isArray()) {
            QJsonArray out;
            for (const auto& o : reply.array()) out.append(fix(o.toObject()));
            return QJsonDocument(out);
        }
        return QJsonDocument(fix(reply.object()));
    });
}
