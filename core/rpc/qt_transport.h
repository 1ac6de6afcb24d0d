// The production transport: HTTP(S) POST through QNetworkAccessManager.
// The JSON-RPC client is synchronous (it runs on ctrn's main thread or the
// app's RPC worker), so each request runs a local QEventLoop until the reply
// or the deadline; the thread must have a Qt event dispatcher
// (QCoreApplication or QThread).
#pragma once

#include <core/rpc/transport.h>

#include <memory>

namespace ctrn::rpc {

class QtHttpTransport : public Transport {
public:
    QtHttpTransport();
    ~QtHttpTransport() override;
    Result<HttpReply> post(const std::string& url, const std::string& body,
                           std::chrono::milliseconds timeout) override;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace ctrn::rpc
