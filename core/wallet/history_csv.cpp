#include <core/wallet/history_csv.h>

#include <core/wallet/wallet_manager.h>

#include <ctime>

namespace ctrn::wallet {
namespace {

// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
std::string field(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string isoUtc(std::int64_t unixSeconds) {
    std::time_t t = static_cast<std::time_t>(unixSeconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

} // namespace

Result<std::string> historyCsv(storage::WalletStore& store, std::uint64_t chainId, const std::optional<std::string>& address) {
    std::string out = std::string(kHistoryCsvHeader) + "\r\n";
    std::optional<storage::HistoryKey> after;
    constexpr std::size_t kPage = 1000;
    for (;;) {
        CTRN_ASSIGN(auto rows, store.historyPage(chainId, address, after, kPage));
        for (const auto& t : rows) {
            const std::string cells[] = {t.hash,
                                         t.status,
                                         t.kind,
                                         t.from,
                                         t.to.value_or(""),
                                         t.value,
                                         t.token.value_or(""),
                                         t.tokenAmount.value_or(""),
                                         t.logIndex ? std::string() : std::to_string(t.nonce),
                                         t.blockNumber ? std::to_string(*t.blockNumber) : "",
                                         isoUtc(t.createdAt),
                                         t.replaces.value_or(""),
                                         t.logIndex ? std::to_string(*t.logIndex) : std::string()};
            bool first = true;
            for (const auto& c : cells) {
                if (!first) out += ',';
                out += field(c);
                first = false;
            }
            out += "\r\n";
        }
        if (rows.size() < kPage) return out;
        after = storage::historyKey(rows.back());
    }
}

Result<std::uint64_t> exportHistoryCsv(storage::WalletStore& store, std::uint64_t chainId, const std::optional<std::string>& address,
                                       const std::string& path) {
    CTRN_ASSIGN(auto text, historyCsv(store, chainId, address));
    CTRN_TRY(writeFileAtomic(path, text));
    CTRN_ASSIGN(auto count, store.historyCount(chainId, address));
    return count;
}

} // namespace ctrn::wallet
