#include <core/protocol/content.h>

#include <core/crypto/sha256.h>
#include <core/util/hex.h>
#include <core/util/text.h>

#include <cctype>
#include <fstream>
#include <string_view>
#include <system_error>
#include <vector>

namespace ctrn::protocol {
namespace {

bool startsWith(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

Result<Bytes> decodeBase64(std::string_view text) {
    auto value = [](char c) -> int {
        if (c >= 'A' && c <= 'Z') return c - 'A';
        if (c >= 'a' && c <= 'z') return c - 'a' + 26;
        if (c >= '0' && c <= '9') return c - '0' + 52;
        if (c == '+' || c == '-') return 62;
        if (c == '/' || c == '_') return 63;
        return -1;
    };
    Bytes out;
    std::uint32_t acc = 0;
    int bits = 0;
    bool padding = false;
    for (char c : text) {
        if (c == '=') { padding = true; continue; }
        if (c == '\n' || c == '\r') continue;
        int v = value(c);
        if (v < 0 || padding) return makeError(ErrorCode::InvalidInput, "data: URI: invalid base64");
        acc = (acc << 6) | static_cast<std::uint32_t>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<std::uint8_t>((acc >> bits) & 0xff));
        }
    }
    return out;
}

Result<std::string> percentDecode(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            out.push_back(text[i]);
            continue;
        }
        if (i + 2 >= text.size()) return makeError(ErrorCode::InvalidInput, "truncated %-escape");
        auto byte = fromHex(std::string(text.substr(i + 1, 2)));
        if (!byte || byte->size() != 1) return makeError(ErrorCode::InvalidInput, "invalid %-escape");
        out.push_back(static_cast<char>((*byte)[0]));
        i += 2;
    }
    return out;
}

// data:[<mediatype>][;base64],<data> (RFC 2397).
Result<Bytes> decodeDataUri(const std::string& uri) {
    auto comma = uri.find(',');
    if (comma == std::string::npos) return makeError(ErrorCode::InvalidInput, "data: URI without ','");
    std::string header = asciiLower(uri.substr(5, comma - 5));
    std::string_view payload = std::string_view(uri).substr(comma + 1);
    if (header.size() >= 7 && header.compare(header.size() - 7, 7, ";base64") == 0) return decodeBase64(payload);
    CTRN_ASSIGN(std::string text, percentDecode(payload));
    return Bytes(text.begin(), text.end());
}

// file:///abs/path or file:/abs/path (no host: only local files).
Result<std::filesystem::path> filePath(const std::string& uri) {
    std::string rest = uri.substr(5);
    if (startsWith(rest, "//")) {
        rest = rest.substr(2);
        if (startsWith(rest, "localhost/")) rest = rest.substr(9);
        if (!startsWith(rest, "/")) return makeError(ErrorCode::InvalidInput, "file: URI with a host: '" + uri + "'");
    }
    if (!startsWith(rest, "/")) return makeError(ErrorCode::InvalidInput, "file: URI needs an absolute path: '" + uri + "'");
    CTRN_ASSIGN(std::string path, percentDecode(rest));
    return std::filesystem::path(path);
}

} // namespace

std::string sha256Hex(ByteView data) { return toHex(crypto::sha256(data)); }

ContentFetcher::ContentFetcher(rpc::HttpFetcher* http, ContentOptions options)
    : m_http(http), m_options(std::move(options)) {}

std::string ContentFetcher::gatewayUrl(const std::string& ipfsUri) const {
    std::string rest = ipfsUri.substr(7); // after "ipfs://"
    if (startsWith(rest, "ipfs/")) rest = rest.substr(5);
    std::string gateway = m_options.ipfsGateway;
    while (!gateway.empty() && gateway.back() == '/') gateway.pop_back();
    return gateway + "/ipfs/" + rest;
}

Status ContentFetcher::stream(const std::string& uri, const std::function<Status(ByteView)>& onChunk,
                              std::uint64_t maxBytes) {
    std::string scheme = asciiLower(uri.substr(0, uri.find(':')));
    if (scheme == "data") {
        CTRN_ASSIGN(Bytes bytes, decodeDataUri(uri));
        if (maxBytes && bytes.size() > maxBytes)
            return makeError(ErrorCode::InvalidInput, "content larger than " + std::to_string(maxBytes) + " bytes");
        return onChunk(bytes);
    }
    if (scheme == "file") {
        CTRN_ASSIGN(auto path, filePath(uri));
        std::ifstream in(path, std::ios::binary);
        if (!in) return makeError(ErrorCode::Io, "cannot read " + path.string());
        std::vector<char> buffer(1 << 16);
        std::uint64_t total = 0;
        while (in) {
            in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
            auto got = static_cast<std::size_t>(in.gcount());
            if (got == 0) break;
            total += got;
            if (maxBytes && total > maxBytes)
                return makeError(ErrorCode::InvalidInput, path.string() + ": larger than " + std::to_string(maxBytes) + " bytes");
            CTRN_TRY(onChunk(ByteView(reinterpret_cast<const std::uint8_t*>(buffer.data()), got)));
        }
        if (in.bad()) return makeError(ErrorCode::Io, "read error on " + path.string());
        return Ok{};
    }
    if (scheme == "http" || scheme == "https" || scheme == "ipfs") {
        if (!m_http) return makeError(ErrorCode::Unsupported, "no HTTP fetcher for " + uri);
        rpc::FetchOptions options;
        options.maxBytes = maxBytes;
        return m_http->get(scheme == "ipfs" ? gatewayUrl(uri) : uri, onChunk, options);
    }
    return makeError(ErrorCode::Unsupported, "unsupported URI scheme '" + scheme + "' (data:, file:, http:, https:, ipfs:)");
}

Result<std::string> ContentFetcher::fetchVerified(const std::string& uri, const std::string& expectedHashIn, bool useCache) {
    std::string expected = asciiLower(expectedHashIn);
    std::filesystem::path cached;
    if (!m_options.cacheDir.empty()) {
        cached = m_options.cacheDir / (expected.size() > 2 ? expected.substr(2) : expected);
        std::ifstream in(cached, std::ios::binary);
        if (in && useCache) {
            std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            if (sha256Hex(asView(body)) == expected) return body;
            std::error_code ignored;
            std::filesystem::remove(cached, ignored); // a damaged cache entry is refetched
        }
    }
    std::string body;
    crypto::Sha256 hash;
    CTRN_TRY(stream(uri, [&](ByteView chunk) -> Status {
        body.append(reinterpret_cast<const char*>(chunk.data()), chunk.size());
        hash.update(chunk);
        return Ok{};
    }, m_options.maxMetadataBytes));
    std::string actual = toHex(hash.finish());
    if (actual != expected)
        return makeError(ErrorCode::VerificationFailed, "metadata hash mismatch: chain " + expected + ", content " + actual);
    if (!cached.empty()) {
        std::error_code ec;
        std::filesystem::create_directories(cached.parent_path(), ec);
        std::filesystem::path tmp = cached;
        tmp += ".tmp";
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out.write(body.data(), static_cast<std::streamsize>(body.size()));
        out.close();
        if (out) std::filesystem::rename(tmp, cached, ec);
    }
    return body;
}

Result<std::uint64_t> ContentFetcher::download(const std::string& uri, const std::string& expectedHashIn, ContentHash kind,
                                               const std::filesystem::path& dest) {
    std::string expected = asciiLower(expectedHashIn);
    std::filesystem::path part = dest;
    part += ".part";
    std::error_code ec;
    auto discard = [&] {
        std::filesystem::remove(part, ec);
        std::filesystem::remove(dest, ec);
    };
    std::ofstream out(part, std::ios::binary | std::ios::trunc);
    if (!out) return makeError(ErrorCode::Io, "cannot write " + part.string());
    crypto::Sha256 sha;
    crypto::Keccak256 keccak;
    std::uint64_t written = 0;
    auto streamed = stream(uri, [&](ByteView chunk) -> Status {
        out.write(reinterpret_cast<const char*>(chunk.data()), static_cast<std::streamsize>(chunk.size()));
        if (!out) return makeError(ErrorCode::Io, "write error on " + part.string());
        if (kind == ContentHash::Sha256) sha.update(chunk);
        else keccak.update(chunk);
        written += chunk.size();
        return Ok{};
    });
    out.close();
    if (!streamed) {
        discard();
        return streamed.error();
    }
    std::string actual = toHex(kind == ContentHash::Sha256 ? sha.finish() : keccak.finish());
    if (actual != expected) {
        discard();
        return makeError(ErrorCode::VerificationFailed, "artifact hash mismatch: chain " + expected + ", downloaded " + actual +
                                                            " (" + dest.string() + " deleted)");
    }
    std::filesystem::rename(part, dest, ec);
    if (ec) {
        discard();
        return makeError(ErrorCode::Io, "cannot move " + part.string() + " to " + dest.string() + ": " + ec.message());
    }
    return written;
}

} // namespace ctrn::protocol
