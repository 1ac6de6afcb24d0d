#include <core/rpc/http_fetch.h>

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrl>

#include <optional>

namespace ctrn::rpc {

struct QtHttpFetcher::Impl {
    QNetworkAccessManager manager;
};

QtHttpFetcher::QtHttpFetcher() : m_impl(std::make_unique<Impl>()) {}
QtHttpFetcher::~QtHttpFetcher() = default;

Status QtHttpFetcher::get(const std::string& url, const std::function<Status(ByteView)>& onChunk,
                          const FetchOptions& options) {
    QUrl qurl(QString::fromStdString(url));
    if (!qurl.isValid() || (qurl.scheme() != "http" && qurl.scheme() != "https"))
        return makeError(ErrorCode::InvalidInput, "invalid URL '" + url + "' (http:// or https:// expected)");
    QNetworkRequest request(qurl);
    // A downgrade from https to http would let anyone on the path swap the
    // content (the hash check would still catch it, but fail late).
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    QNetworkReply* reply = m_impl->manager.get(request);
    std::unique_ptr<QNetworkReply, void (*)(QNetworkReply*)> guard(reply, [](QNetworkReply* r) { r->deleteLater(); });

    QEventLoop loop;
    QTimer idle;
    idle.setSingleShot(true);
    bool timedOut = false;
    std::optional<Error> failure;
    std::uint64_t received = 0;
    auto drain = [&] {
        if (failure) return;
        QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (status.isValid() && (status.toInt() < 200 || status.toInt() >= 300)) return; // reported at the end
        QByteArray chunk = reply->readAll();
        if (chunk.isEmpty()) return;
        received += static_cast<std::uint64_t>(chunk.size());
        if (options.maxBytes && received > options.maxBytes) {
            failure = makeError(ErrorCode::InvalidInput, url + ": more than " + std::to_string(options.maxBytes) + " bytes");
        } else if (auto r = onChunk(ByteView(reinterpret_cast<const std::uint8_t*>(chunk.constData()),
                                              static_cast<std::size_t>(chunk.size())));
                   !r) {
            failure = r.error();
        }
        if (failure) reply->abort();
        idle.start(options.timeout);
    };
    QObject::connect(&idle, &QTimer::timeout, &loop, [&] { timedOut = true; reply->abort(); });
    QObject::connect(reply, &QNetworkReply::readyRead, &loop, drain);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    idle.start(options.timeout);
    if (!reply->isFinished()) loop.exec();
    idle.stop();
    if (failure) return *failure;
    if (timedOut)
        return makeError(ErrorCode::Timeout, url + ": no data for " + std::to_string(options.timeout.count()) + " ms");
    QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid()) return makeError(ErrorCode::Network, url + ": " + reply->errorString().toStdString());
    if (status.toInt() < 200 || status.toInt() >= 300)
        return makeError(ErrorCode::Network, url + ": HTTP " + std::to_string(status.toInt()));
    drain();
    if (failure) return *failure;
    // A 2xx answer whose body broke off (the server closed the connection
    // before Content-Length bytes, a reset): the caller has only part of the
    // content, which must not pass for all of it. Qt reports such a close as
    // an error only sometimes (it depends on whether it sees the socket's
    // disconnect or its error first), so the byte count is checked too when
    // the body is not content-encoded (the length is then the body's).
    QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
    const bool identity = reply->rawHeader("Content-Encoding").isEmpty() || reply->rawHeader("Content-Encoding") == "identity";
    const bool shortBody = length.isValid() && identity && received != static_cast<std::uint64_t>(length.toLongLong());
    if (reply->error() != QNetworkReply::NoError || shortBody) {
        std::string expected = length.isValid() ? " of " + std::to_string(length.toLongLong()) : "";
        std::string reason = reply->error() != QNetworkReply::NoError ? reply->errorString().toStdString() : "connection closed early";
        return makeError(ErrorCode::Network, url + ": transfer interrupted after " + std::to_string(received) + expected +
                                                 " bytes (" + reason + ")");
    }
    return Ok{};
}

} // namespace ctrn::rpc
