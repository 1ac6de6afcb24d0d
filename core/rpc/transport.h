// The HTTP leg of JSON-RPC, behind an interface: the client above it is
// plain C++ and is tested by replaying fixtures through a fake transport;
// only qt_transport.cpp touches QtNetwork.
#pragma once

#include <core/util/result.h>

#include <chrono>
#include <string>

namespace ctrn::rpc {

struct HttpReply {
    int status = 0;   // HTTP status code
    std::string body; // response body as received
};

class Transport {
public:
    virtual ~Transport() = default;
    // POSTs a JSON body to `url` and waits for the answer. Errors:
    // ErrorCode::Timeout when `timeout` passes first, ErrorCode::Network when
    // the connection fails. A reply with any HTTP status is a value: the
    // client decides what a 500 means.
    virtual Result<HttpReply> post(const std::string& url, const std::string& body,
                                   std::chrono::milliseconds timeout) = 0;
};

} // namespace ctrn::rpc
