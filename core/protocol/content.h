// Content the protocol points at by URI — listing and model metadata, model
// versions and dataset artifacts — fetched and accepted only when its hash
// matches the one on chain. Schemes: data: (base64 or percent-encoded),
// file: (a local path), http:/https: (through rpc::HttpFetcher), ipfs://CID/path
// (through a configurable HTTP gateway, default https://ipfs.io). Metadata
// documents are cached on disk by their sha256 (content-addressed, so a
// cached file is re-checked against the hash on every read); downloads are
// hashed while they stream and deleted when the hash differs.
#pragma once

#include <core/crypto/keccak.h>
#include <core/rpc/http_fetch.h>
#include <core/util/bytes.h>
#include <core/util/result.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace ctrn::protocol {

// Which hash a contract stores for content. The protocol's contracts store
// sha256 (Marketplace.metadataHash, ModelRegistry metadataHash and
// Version.artifactHash); keccak is accepted for other sources.
enum class ContentHash { Sha256, Keccak256 };

struct ContentOptions {
    std::string ipfsGateway = "https://ipfs.io"; // ipfs://CID/p -> GATEWAY/ipfs/CID/p
    std::filesystem::path cacheDir;              // empty: no cache
    std::uint64_t maxMetadataBytes = 1 << 20;    // metadata documents are small; refuse more
};

class ContentFetcher {
public:
    // `http` may be null: http(s) and ipfs URIs then fail with Unsupported.
    ContentFetcher(rpc::HttpFetcher* http, ContentOptions options);

    // Streams the content of `uri` to `onChunk`. maxBytes 0 = no limit.
    Status stream(const std::string& uri, const std::function<Status(ByteView)>& onChunk, std::uint64_t maxBytes = 0);

    // A metadata document whose sha256 must equal `expectedHash` (0x hex).
    // VerificationFailed ("metadata hash mismatch: chain 0x…, content 0x…")
    // when it differs; the cache is read first (unless !useCache: fetch from
    // the source again) and written on success.
    Result<std::string> fetchVerified(const std::string& uri, const std::string& expectedHash, bool useCache = true);

    // Downloads to `dest`, hashing while it streams (into dest + ".part",
    // renamed at the end). On a hash mismatch the partial file is deleted
    // and the error is VerificationFailed. Returns the bytes written.
    Result<std::uint64_t> download(const std::string& uri, const std::string& expectedHash, ContentHash kind,
                                   const std::filesystem::path& dest);

    // The URL an ipfs:// URI is fetched from.
    std::string gatewayUrl(const std::string& ipfsUri) const;

private:
    rpc::HttpFetcher* m_http;
    ContentOptions m_options;
};

// The 0x hex digest of `data`.
std::string sha256Hex(ByteView data);

} // namespace ctrn::protocol
