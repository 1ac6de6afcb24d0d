#include <core/rpc/qt_transport.h>

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrl>

namespace ctrn::rpc {

struct QtHttpTransport::Impl {
    QNetworkAccessManager manager;
};

QtHttpTransport::QtHttpTransport() : m_impl(std::make_unique<Impl>()) {}
QtHttpTransport::~QtHttpTransport() = default;

Result<HttpReply> QtHttpTransport::post(const std::string& url, const std::string& body,
                                        std::chrono::milliseconds timeout) {
    QUrl qurl(QString::fromStdString(url));
    if (!qurl.isValid() || (qurl.scheme() != "http" && qurl.scheme() != "https"))
        return makeError(ErrorCode::InvalidInput, "invalid endpoint URL '" + url + "' (http:// or https:// expected)");
    QNetworkRequest request(qurl);
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    // A node never redirects a JSON-RPC POST legitimately; following one
    // would send our requests somewhere the user did not choose.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply* reply = m_impl->manager.post(request, QByteArray::fromStdString(body));
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    bool timedOut = false;
    QObject::connect(&timer, &QTimer::timeout, &loop, [&] { timedOut = true; reply->abort(); });
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    timer.start(timeout);
    if (!reply->isFinished()) loop.exec();
    timer.stop();
    std::unique_ptr<QNetworkReply, void (*)(QNetworkReply*)> guard(reply, [](QNetworkReply* r) { r->deleteLater(); });
    if (timedOut)
        return makeError(ErrorCode::Timeout, url + ": no answer within " + std::to_string(timeout.count()) + " ms");
    QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid())
        return makeError(ErrorCode::Network, url + ": " + reply->errorString().toStdString());
    HttpReply out;
    out.status = status.toInt();
    out.body = reply->readAll().toStdString();
    return out;
}

} // namespace ctrn::rpc
