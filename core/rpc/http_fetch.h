// HTTP(S) GET for content the protocol points at (listing/model metadata,
// model and dataset artifacts), streamed in chunks so a large artifact is
// hashed and written as it arrives instead of held in memory. Behind an
// interface like Transport: layers above rpc never touch QtNetwork, and
// tests can serve content without a socket.
#pragma once

#include <core/util/bytes.h>
#include <core/util/result.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace ctrn::rpc {

struct FetchOptions {
    std::chrono::milliseconds timeout{30000}; // no progress for this long aborts
    std::uint64_t maxBytes = 0;               // 0: no limit; more aborts with InvalidInput
};

class HttpFetcher {
public:
    virtual ~HttpFetcher() = default;
    // GETs `url` (http or https), calling `onChunk` with the body as it
    // arrives; an error from onChunk aborts the transfer and is returned.
    // A non-2xx status is ErrorCode::Network naming the status, and so is a
    // body cut short (the connection closed before its Content-Length).
    virtual Status get(const std::string& url, const std::function<Status(ByteView)>& onChunk,
                       const FetchOptions& options) = 0;
};

// The production fetcher: QNetworkAccessManager on the calling thread's
// event loop (it must have one: QCoreApplication or a QThread). Follows
// redirects only to https or to the same origin.
class QtHttpFetcher : public HttpFetcher {
public:
    QtHttpFetcher();
    ~QtHttpFetcher() override;
    Status get(const std::string& url, const std::function<Status(ByteView)>& onChunk,
               const FetchOptions& options) override;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace ctrn::rpc
