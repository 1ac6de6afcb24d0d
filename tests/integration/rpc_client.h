// A minimal synchronous JSON-RPC client for integration tests: it talks to
// the anvil started by the CTest fixture (its URL is in a file the fixture
// wrote). The product's own client lives in core/rpc; tests use this one so
// they can check core layers against the node independently of it.
#pragma once

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QtTest>

class TestRpc {
public:
    explicit TestRpc(QString url) : m_url(std::move(url)) {}

    // Reads the URL the anvil fixture NAME wrote (env CTRN_FIXTURE_DIR).
    static QString fixtureUrl(const QString& name) {
        QFile f(qEnvironmentVariable("CTRN_FIXTURE_DIR") + "/" + name + ".url");
        if (!f.open(QIODevice::ReadOnly)) qFatal("anvil fixture %s is not running", qPrintable(name));
        return QString::fromUtf8(f.readAll()).trimmed();
    }

    // Returns the "result" member; a JSON-RPC error fails the calling test.
    QJsonValue call(const QString& method, const QJsonArray& params = {}) {
        QJsonObject reply = raw(method, params);
        if (reply.contains("error"))
            qWarning("%s failed: %s", qPrintable(method), QJsonDocument(reply["error"].toObject()).toJson().constData());
        return reply.value("result");
    }

    QJsonObject raw(const QString& method, const QJsonArray& params = {}) {
        QJsonObject req{{"jsonrpc", "2.0"}, {"id", ++m_id}, {"method", method}, {"params", params}};
        QNetworkRequest request{QUrl(m_url)};
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        QNetworkReply* r = m_net.post(request, QJsonDocument(req).toJson(QJsonDocument::Compact));
        QEventLoop loop;
        QObject::connect(r, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        loop.exec();
        QByteArray body = r->readAll();
        r->deleteLater();
        return QJsonDocument::fromJson(body).object();
    }

    const QString& url() const { return m_url; }

private:
    QString m_url;
    QNetworkAccessManager m_net;
    int m_id = 0;
};
