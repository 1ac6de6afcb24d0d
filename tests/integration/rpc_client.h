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
        // A transport failure is retried a few times (a node that has just
        // started, a reused keep-alive connection the node closed) and then
        // reported with Qt's reason, so a failing test says what happened.
        for (int attempt = 1;; ++attempt) {
            QNetworkRequest request{QUrl(m_url)};
            request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
            QNetworkReply* r = m_net.post(request, QJsonDocument(req).toJson(QJsonDocument::Compact));
            QEventLoop loop;
            QObject::connect(r, &QNetworkReply::finished, &loop, &QEventLoop::quit);
            QTimer::singleShot(60000, &loop, &QEventLoop::quit);
            loop.exec();
            QByteArray body = r->readAll();
            QNetworkReply::NetworkError error = r->error();
            QString reason = r->errorString();
            r->deleteLater();
            if (error == QNetworkReply::NoError || attempt == 3) {
                if (error != QNetworkReply::NoError)
                    qWarning("%s to %s failed: %s", qPrintable(method), qPrintable(m_url), qPrintable(reason));
                return QJsonDocument::fromJson(body).object();
            }
            QTest::qWait(200 * attempt);
        }
    }

    const QString& url() const { return m_url; }

private:
    QString m_url;
    QNetworkAccessManager m_net;
    int m_id = 0;
};
