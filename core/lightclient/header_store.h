// The verified header chain and the trust anchor, kept in SQLite
// (DATADIR/lightclient.sqlite) per chain id: the checkpoint (hash, number,
// where it came from, when it was set), every header verified by linkage to
// it, and the endpoints that were caught sending something that did not
// verify. Only headers that already passed verify.h are stored.
#pragma once

#include <core/lightclient/verify.h>
#include <core/storage/database.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ctrn::lightclient {

struct Checkpoint {
    BlockRef block;
    std::string source;        // "manifest", "user", "network settings"
    std::int64_t setAt = 0;    // unix seconds
    std::uint64_t timestamp = 0; // the checkpoint block's own timestamp, once its header was seen (0 before)
};

struct EndpointMark {
    std::string url;
    std::string kind; // mismatchKindName
    std::string message;
    std::int64_t at = 0;
};

class HeaderStore {
public:
    static Result<std::unique_ptr<HeaderStore>> open(const std::string& path);

    Result<std::optional<Checkpoint>> checkpoint(std::uint64_t chainId);
    // Sets the trust anchor. A different checkpoint than the stored one drops
    // every header verified from the old one: they were trusted through it.
    Status setCheckpoint(std::uint64_t chainId, const Checkpoint& checkpoint);

    Status putHeaders(std::uint64_t chainId, const std::vector<VerifiedHeader>& headers);
    Result<std::optional<VerifiedHeader>> header(std::uint64_t chainId, std::uint64_t number);
    // The highest and lowest stored verified headers.
    Result<std::optional<VerifiedHeader>> head(std::uint64_t chainId);
    Result<std::optional<VerifiedHeader>> lowest(std::uint64_t chainId);

    Status markEndpoint(std::uint64_t chainId, const EndpointMark& mark);
    Result<std::vector<EndpointMark>> marks(std::uint64_t chainId);

private:
    explicit HeaderStore(std::unique_ptr<storage::Database> db) : m_db(std::move(db)) {}
    Result<std::optional<VerifiedHeader>> oneHeader(const std::string& sql, std::uint64_t chainId, std::optional<std::uint64_t> number);
    std::unique_ptr<storage::Database> m_db;
};

} // namespace ctrn::lightclient
