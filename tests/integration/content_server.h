// A tiny HTTP/1.1 server for content-fetch tests: it listens on a free
// 127.0.0.1 port and answers GETs from a table of paths, as an IPFS gateway
// or a metadata host would, including the failures a fetch must survive: a
// status (404), and a body cut short (headers promise Content-Length bytes,
// the connection closes after fewer). Everything runs on the test's event
// loop: an in-process fetcher's own loop turns it; a ctrn child process
// needs runCtrnLive.
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QMap>
#include <QStringList>
#include <QTcpServer>
#include <QTcpSocket>

class ContentServer : public QObject {
public:
    struct Route {
        int status = 200;
        QByteArray body;
        qsizetype cutAfter = -1; // >= 0: close the connection after this many body bytes
    };

    ContentServer() {
        m_server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* s = m_server.nextPendingConnection()) {
                s->setParent(this);
                QObject::connect(s, &QTcpSocket::readyRead, this, [this, s] { onReadable(s); });
                QObject::connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }

    bool isListening() const { return m_server.isListening(); }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()); }
    void serve(const QString& path, Route route) { m_routes[path] = std::move(route); }
    // Every path asked for, in order.
    const QStringList& requests() const { return m_requests; }

private:
    void onReadable(QTcpSocket* s) {
        QByteArray& buffer = m_buffers[s];
        buffer += s->readAll();
        qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0) return;
        QList<QByteArray> requestLine = buffer.left(buffer.indexOf("\r\n")).split(' ');
        m_buffers.remove(s);
        QString path = requestLine.size() >= 2 ? QString::fromUtf8(requestLine[1]) : QString();
        m_requests << path;
        Route route = m_routes.value(path, Route{404, "not found", -1});
        QByteArray reason = route.status == 200 ? "OK" : route.status == 404 ? "Not Found" : "Error";
        QByteArray head = "HTTP/1.1 " + QByteArray::number(route.status) + " " + reason + "\r\n" +
                          "Content-Type: application/octet-stream\r\n" +
                          "Content-Length: " + QByteArray::number(route.body.size()) + "\r\n" + "Connection: close\r\n\r\n";
        s->write(head);
        s->write(route.cutAfter >= 0 ? route.body.left(route.cutAfter) : route.body);
        s->disconnectFromHost(); // after the pending bytes are written
    }

    QTcpServer m_server;
    QMap<QString, Route> m_routes;
    QMap<QTcpSocket*, QByteArray> m_buffers;
    QStringList m_requests;
};
