#include <core/lightclient/light_client.h>

#include <core/chain/json_fields.h>
#include <core/util/hex.h>

#include <algorithm>
#include <map>

namespace ctrn::lightclient {

std::string blockTag(std::uint64_t number) { return toQuantityHex(U256(number)); }

namespace {

// A node without eth_getProof / eth_getBlockReceipts answers "method not
// found" (-32601) or a variant of "not supported": no proof is possible,
// which makes the value unverified rather than wrong.
bool unsupported(const Error& e) {
    if (e.code != ErrorCode::NodeError) return false;
    for (const char* s : {"-32601", "not found", "not supported", "unsupported", "does not exist", "not available"})
        if (e.message.find(s) != std::string::npos) return true;
    return false;
}

Error behind(const std::string& url, std::uint64_t head, const std::string& what, std::uint64_t number) {
    return makeError(ErrorCode::VerificationFailed, "endpoint " + url + " is behind: its head is block " + std::to_string(head) + ", below " +
                                                        what + " " + std::to_string(number) + " (not a lie; it may still be syncing)");
}

Json slotsJson(const std::vector<FixedBytes<32>>& slots) {
    Json out = Json::array();
    for (const auto& s : slots) out.push_back(toHex(s));
    return out;
}

} // namespace

LightClient::LightClient(std::vector<std::string> urls, std::shared_ptr<rpc::Transport> transport, rpc::ClientOptions clientOptions,
                         HeaderStore& store, LightClientOptions options)
    : m_store(store), m_options(std::move(options)) {
    clientOptions.quorum = 1; // each endpoint on its own: the light client compares them
    for (auto& url : urls) {
        Endpoint e;
        e.url = url;
        e.client = std::make_unique<rpc::RpcClient>(std::vector<std::string>{url}, transport, clientOptions);
        m_endpoints.push_back(std::move(e));
        m_status.push_back(EndpointStatus{url, {}, {}, false, {}});
    }
    if (m_options.quorum == 0) m_options.quorum = 1;
}

Mismatch LightClient::mark(Endpoint& e, Mismatch m) {
    e.excluded = true;
    m.endpoint = e.url;
    if (!e.lie) e.lie = m;
    for (auto& s : m_status)
        if (s.url == e.url) {
            s.agrees = false;
            s.problem = mismatchKindName(m.kind) + ": " + m.message;
        }
    // Remembering the mark is best effort: failing to write it must not hide the lie.
    (void)m_store.markEndpoint(m_options.chainId, EndpointMark{e.url, mismatchKindName(m.kind), m.message, 0});
    return m;
}

std::optional<Mismatch> LightClient::excludedMismatch() const {
    for (const auto& e : m_endpoints)
        if (!e.excluded) return std::nullopt;
    for (const auto& e : m_endpoints)
        if (e.lie)
            return Mismatch{e.lie->kind, "it contradicted a proof earlier and is no longer trusted (" + mismatchKindName(e.lie->kind) + ": " + e.lie->message + ")", e.url};
    return std::nullopt;
}

std::vector<LightClient::Endpoint*> LightClient::usable() {
    std::vector<Endpoint*> out;
    for (auto& e : m_endpoints)
        if (!e.excluded) out.push_back(&e);
    return out;
}

Result<Verdict<Ok>> LightClient::connect() {
    std::optional<Error> lastError;
    std::optional<Mismatch> firstMismatch;
    std::size_t good = 0;
    for (std::size_t i = 0; i < m_endpoints.size(); ++i) {
        auto& e = m_endpoints[i];
        auto st = e.client->connect(m_options.chainId);
        if (st) { ++good; continue; }
        if (st.error().code == ErrorCode::WrongChain) {
            auto m = mark(e, Mismatch{MismatchKind::ChainId, st.error().message, {}});
            if (!firstMismatch) firstMismatch = m;
        } else {
            e.excluded = true; // unreachable: left out of this session, not marked as a liar
            m_status[i].problem = st.error().message;
            lastError = st.error();
        }
    }
    if (good < m_options.quorum) {
        if (firstMismatch && m_options.quorum == 1) return Verdict<Ok>(*firstMismatch);
        if (!firstMismatch && lastError && good == 0) return *lastError;
        std::string why = "only " + std::to_string(good) + " of " + std::to_string(m_endpoints.size()) +
                          " endpoints serve chain " + std::to_string(m_options.chainId) + ", quorum is " + std::to_string(m_options.quorum);
        if (firstMismatch) why += " (" + firstMismatch->describe() + ")";
        return Verdict<Ok>(Mismatch{firstMismatch ? MismatchKind::ChainId : MismatchKind::Quorum, why, {}});
    }
    CTRN_TRY(m_store.setCheckpoint(m_options.chainId, m_options.checkpoint));
    CTRN_ASSIGN(auto stored, m_store.checkpoint(m_options.chainId));
    if (stored) m_options.checkpoint = *stored;
    return Verdict<Ok>(Ok{});
}

Result<Verdict<VerifiedHeader>> LightClient::checkpointHeader(Endpoint& e) {
    const BlockRef& cp = m_options.checkpoint.block;
    CTRN_ASSIGN(Json block, e.client->call("eth_getBlockByNumber", Json::array({blockTag(cp.number), false})));
    if (block.is_null()) {
        CTRN_ASSIGN(Json head, e.client->call("eth_blockNumber"));
        CTRN_ASSIGN(U256 number, chain::json::toU256(head, "eth_blockNumber"));
        return behind(e.url, static_cast<std::uint64_t>(number), "the checkpoint block", cp.number);
    }
    auto h = hashHeader(block, cp.number);
    if (!h) return Verdict<VerifiedHeader>(mark(e, h.mismatch()));
    if (h->hash != cp.hash)
        return Verdict<VerifiedHeader>(mark(e, Mismatch{MismatchKind::Checkpoint,
                                                         "block " + std::to_string(cp.number) + " is " + h->hash.hex() +
                                                             ", not the trusted checkpoint " + cp.hash.hex(),
                                                         {}}));
    CTRN_TRY(m_store.putHeaders(m_options.chainId, {*h}));
    m_options.checkpoint.timestamp = h->header.timestamp;
    return h;
}

Result<Verdict<std::vector<VerifiedHeader>>> LightClient::fetchForward(Endpoint& e, const BlockRef& from, std::uint64_t to) {
    std::vector<VerifiedHeader> all;
    BlockRef anchor = from;
    while (anchor.number < to) {
        std::uint64_t last = std::min<std::uint64_t>(to, anchor.number + m_options.batchSize);
        std::vector<rpc::Request> requests;
        for (std::uint64_t n = anchor.number + 1; n <= last; ++n)
            requests.push_back({"eth_getBlockByNumber", Json::array({blockTag(n), false})});
        CTRN_ASSIGN(auto answers, e.client->batch(requests));
        std::vector<Json> blocks;
        blocks.reserve(answers.size());
        for (auto& a : answers) {
            if (!a) return a.error();
            blocks.push_back(std::move(a).value());
        }
        auto verified = verifyForward(anchor, blocks);
        if (!verified) return Verdict<std::vector<VerifiedHeader>>(mark(e, verified.mismatch()));
        CTRN_TRY(m_store.putHeaders(m_options.chainId, *verified));
        anchor = verified->back().ref();
        for (auto& h : std::move(verified).value()) all.push_back(std::move(h));
    }
    return Verdict<std::vector<VerifiedHeader>>(std::move(all));
}

Result<Verdict<VerifiedHeader>> LightClient::syncHead() {
    struct Seen {
        Endpoint* endpoint;
        VerifiedHeader head;
    };
    std::vector<Seen> seen;
    std::optional<Error> lastError;
    std::optional<Mismatch> firstMismatch;
    auto statusOf = [this](const Endpoint& e) -> EndpointStatus& {
        for (auto& s : m_status)
            if (s.url == e.url) return s;
        return m_status.front();
    };
    if (auto lie = excludedMismatch()) return Verdict<VerifiedHeader>(*lie);
    for (Endpoint* e : usable()) {
        auto block = e->client->call("eth_getBlockByNumber", Json::array({"latest", false}));
        if (!block) {
            statusOf(*e).problem = block.error().message;
            lastError = block.error();
            continue;
        }
        auto h = hashHeader(*block);
        if (!h) {
            auto m = mark(*e, h.mismatch());
            if (!firstMismatch) firstMismatch = m;
            continue;
        }
        statusOf(*e).head = h->header.number;
        seen.push_back({e, std::move(h).value()});
        if (m_options.quorum == 1) break;
    }
    if (seen.size() < m_options.quorum) {
        if (firstMismatch && m_options.quorum == 1) return Verdict<VerifiedHeader>(*firstMismatch);
        if (!firstMismatch && seen.empty() && lastError) return *lastError;
        std::string why = "only " + std::to_string(seen.size()) + " of " + std::to_string(m_endpoints.size()) +
                          " endpoints sent a valid head, quorum is " + std::to_string(m_options.quorum);
        if (firstMismatch) why += " (" + firstMismatch->describe() + ")";
        return Verdict<VerifiedHeader>(Mismatch{MismatchKind::Quorum, why, {}});
    }

    // The newest block at least `quorum` endpoints have: they must agree on its hash.
    std::vector<std::uint64_t> numbers;
    for (const auto& s : seen) numbers.push_back(s.head.header.number);
    std::sort(numbers.rbegin(), numbers.rend());
    const std::uint64_t target = numbers[m_options.quorum - 1];
    std::map<chain::Hash, std::vector<std::pair<Endpoint*, VerifiedHeader>>> byHash;
    for (auto& s : seen) {
        if (s.head.header.number < target) {
            statusOf(*s.endpoint).problem = "behind: head " + std::to_string(s.head.header.number);
            continue;
        }
        if (s.head.header.number == target) {
            byHash[s.head.hash].push_back({s.endpoint, s.head});
            continue;
        }
        auto block = s.endpoint->client->call("eth_getBlockByNumber", Json::array({blockTag(target), false}));
        if (!block) {
            statusOf(*s.endpoint).problem = block.error().message;
            continue;
        }
        auto h = hashHeader(*block, target);
        if (!h) {
            mark(*s.endpoint, h.mismatch());
            continue;
        }
        byHash[h->hash].push_back({s.endpoint, std::move(h).value()});
    }
    const std::vector<std::pair<Endpoint*, VerifiedHeader>>* agreed = nullptr;
    for (const auto& [hash, group] : byHash)
        if (!agreed || group.size() > agreed->size()) agreed = &group;
    if (!agreed || agreed->size() < m_options.quorum) {
        std::string why = "endpoints disagree on block " + std::to_string(target) + ":";
        for (const auto& [hash, group] : byHash)
            for (const auto& [e, h] : group) why += " " + e->url + " says " + hash.hex() + ";";
        why += " quorum is " + std::to_string(m_options.quorum) + ", so nothing is trusted";
        return Verdict<VerifiedHeader>(Mismatch{MismatchKind::Quorum, why, {}});
    }
    const chain::Hash agreedHash = agreed->front().second.hash;
    for (const auto& [hash, group] : byHash) {
        if (hash == agreedHash) continue;
        for (const auto& [e, h] : group)
            mark(*e, Mismatch{MismatchKind::Quorum,
                              "outvoted: its block " + std::to_string(target) + " is " + hash.hex() + ", " + std::to_string(agreed->size()) +
                                  " endpoints agree on " + agreedHash.hex(),
                              {}});
    }
    for (const auto& [e, h] : *agreed) {
        auto& st = statusOf(*e);
        st.hashAtVerifiedHead = h.hash;
        st.agrees = true;
    }
    Endpoint& primary = *agreed->front().first;

    // Link the agreed head to what is already verified (or the checkpoint).
    CTRN_ASSIGN(auto stored, m_store.head(m_options.chainId));
    if (!stored) {
        if (target < m_options.checkpoint.block.number)
            return behind(primary.url, target, "the checkpoint block", m_options.checkpoint.block.number);
        CTRN_ASSIGN(auto cp, checkpointHeader(primary));
        if (!cp) return cp;
        stored = *cp;
    }
    if (target < stored->header.number) return behind(primary.url, target, "the verified head", stored->header.number);
    if (target == stored->header.number) {
        if (stored->hash != agreedHash)
            return Verdict<VerifiedHeader>(mark(primary, Mismatch{MismatchKind::HeaderLink,
                                                                   "block " + std::to_string(target) + " is " + agreedHash.hex() +
                                                                       ", but the verified block " + std::to_string(target) + " is " +
                                                                       stored->hash.hex(),
                                                                   {}}));
        m_head = *stored;
        return Verdict<VerifiedHeader>(*stored);
    }
    CTRN_ASSIGN(auto fetched, fetchForward(primary, stored->ref(), target));
    if (!fetched) return Verdict<VerifiedHeader>(fetched.mismatch());
    const VerifiedHeader& head = fetched->back();
    if (head.hash != agreedHash)
        return Verdict<VerifiedHeader>(mark(primary, Mismatch{MismatchKind::HeaderLink,
                                                               "block " + std::to_string(target) + " fetched in the batch is " +
                                                                   head.hash.hex() + ", not the head it announced (" + agreedHash.hex() + ")",
                                                               {}}));
    m_head = head;
    return Verdict<VerifiedHeader>(head);
}

Result<Verdict<VerifiedHeader>> LightClient::verifiedHead() {
    if (m_head) return Verdict<VerifiedHeader>(*m_head);
    return syncHead();
}

Result<Verdict<VerifiedHeader>> LightClient::walkBack(std::uint64_t number) {
    if (auto lie = excludedMismatch()) return Verdict<VerifiedHeader>(*lie);
    auto eps = usable();
    if (eps.empty()) return makeError(ErrorCode::Network, "no usable endpoint");
    Endpoint& e = *eps.front();
    CTRN_ASSIGN(auto lowest, m_store.lowest(m_options.chainId));
    if (!lowest) return makeError(ErrorCode::Internal, "light client: no verified header to walk back from");
    while (lowest->header.number > number) {
        std::uint64_t first = lowest->header.number - std::min<std::uint64_t>(m_options.batchSize, lowest->header.number - number);
        std::vector<rpc::Request> requests;
        for (std::uint64_t n = lowest->header.number; n-- > first;)
            requests.push_back({"eth_getBlockByNumber", Json::array({blockTag(n), false})});
        CTRN_ASSIGN(auto answers, e.client->batch(requests));
        std::vector<Json> blocks;
        for (auto& a : answers) {
            if (!a) return a.error();
            blocks.push_back(std::move(a).value());
        }
        auto verified = verifyBackward(lowest->ref(), lowest->header.parentHash, blocks);
        if (!verified) return Verdict<VerifiedHeader>(mark(e, verified.mismatch()));
        CTRN_TRY(m_store.putHeaders(m_options.chainId, *verified));
        lowest = verified->back();
    }
    return Verdict<VerifiedHeader>(*lowest);
}

Result<Verdict<VerifiedHeader>> LightClient::header(std::uint64_t number) {
    CTRN_ASSIGN(auto stored, m_store.header(m_options.chainId, number));
    if (stored) return Verdict<VerifiedHeader>(*stored);
    CTRN_ASSIGN(auto head, verifiedHead());
    if (!head) return head;
    if (number > head->header.number) {
        CTRN_ASSIGN(head, syncHead());
        if (!head) return head;
        if (number > head->header.number)
            return makeError(ErrorCode::NotFound, "block " + std::to_string(number) + " is beyond the verified head " +
                                                      std::to_string(head->header.number));
    }
    CTRN_ASSIGN(stored, m_store.header(m_options.chainId, number));
    if (stored) return Verdict<VerifiedHeader>(*stored);
    return walkBack(number);
}

Result<Checked<ProvenReads>> LightClient::accounts(const std::vector<chain::Address>& addresses,
                                                   const std::vector<std::vector<FixedBytes<32>>>& slots) {
    CTRN_ASSIGN(auto head, verifiedHead());
    if (!head) return Checked<ProvenReads>(head.mismatch());
    if (auto lie = excludedMismatch()) return Checked<ProvenReads>(*lie);
    const VerifiedHeader& h = *head;
    const std::string tag = blockTag(h.header.number);
    auto slotsOf = [&](std::size_t i) -> const std::vector<FixedBytes<32>>& {
        static const std::vector<FixedBytes<32>> none;
        return i < slots.size() ? slots[i] : none;
    };
    std::vector<rpc::Request> requests;
    for (std::size_t i = 0; i < addresses.size(); ++i)
        requests.push_back({"eth_getProof", Json::array({toHex(addresses[i].view()), slotsJson(slotsOf(i)), tag})});

    std::optional<ProvenReads> proven;
    std::size_t verifiedCount = 0;
    std::vector<std::string> outvoted;
    std::vector<std::string> failures;
    std::optional<Mismatch> firstMismatch;
    std::optional<Error> lastError;
    bool noProofs = false;
    for (Endpoint* e : usable()) {
        ProvenReads reads;
        std::optional<Mismatch> lie;
        bool answered = false;
        // A proof that does not verify is asked for once more before the
        // node is called a liar: a node answering while it commits the next
        // block (anvil) can send a torn proof once; a liar sends it again.
        for (int attempt = 0; attempt < 2 && (attempt == 0 || lie); ++attempt) {
            reads = {};
            lie.reset();
            auto answers = e->client->batch(requests);
            if (!answers) {
                lastError = answers.error();
                break;
            }
            answered = true;
            for (std::size_t i = 0; i < answers->size() && !lie; ++i) {
                auto& a = (*answers)[i];
                if (!a) {
                    if (unsupported(a.error())) noProofs = true;
                    else lastError = a.error();
                    break;
                }
                auto v = verifyAccountProof(h.header.stateRoot, addresses[i], slotsOf(i), *a);
                if (!v) lie = v.mismatch();
                else reads.accounts.push_back(std::move(v).value());
            }
        }
        if (!answered) continue;
        if (lie) lie = mark(*e, *lie);
        if (lie) {
            outvoted.push_back(e->url);
            failures.push_back(lie->describe());
            if (!firstMismatch) firstMismatch = lie;
            if (m_options.quorum == 1) return Checked<ProvenReads>(*lie);
            continue;
        }
        if (reads.accounts.size() != addresses.size()) continue;
        ++verifiedCount;
        if (!proven) proven = std::move(reads);
        if (m_options.quorum == 1) break;
    }
    if (proven && verifiedCount >= m_options.quorum) {
        proven->outvoted = outvoted;
        return Checked<ProvenReads>(Verified<ProvenReads>(std::move(*proven), h.header.number, h.hash));
    }
    if (firstMismatch || verifiedCount > 0) {
        std::string why = "only " + std::to_string(verifiedCount) + " endpoint(s) sent proofs that verify at block " +
                          std::to_string(h.header.number) + ", quorum is " + std::to_string(m_options.quorum);
        for (const auto& f : failures) why += "; " + f;
        return Checked<ProvenReads>(Mismatch{MismatchKind::Quorum, why, {}});
    }
    if (noProofs) {
        // No proof is possible: the node's plain answers, marked as such.
        auto eps = usable();
        if (eps.empty()) return makeError(ErrorCode::Network, "no usable endpoint");
        ProvenReads reads;
        for (std::size_t i = 0; i < addresses.size(); ++i) {
            ProvenAccount a;
            a.address = addresses[i];
            CTRN_ASSIGN(Json balance, eps.front()->client->call("eth_getBalance", Json::array({toHex(addresses[i].view()), tag})));
            CTRN_ASSIGN(a.account.balance, chain::json::toU256(balance, "balance"));
            for (const auto& slot : slotsOf(i)) {
                CTRN_ASSIGN(Json value, eps.front()->client->call("eth_getStorageAt", Json::array({toHex(addresses[i].view()), toHex(slot), tag})));
                CTRN_ASSIGN(U256 v, chain::json::toU256(value, "storage value"));
                a.storage.push_back({slot, v});
            }
            reads.accounts.push_back(std::move(a));
        }
        return Checked<ProvenReads>(rpc::Unverified<ProvenReads>(std::move(reads)));
    }
    if (lastError) return *lastError;
    return makeError(ErrorCode::Network, "no usable endpoint");
}

Result<Checked<ProvenAccount>> LightClient::account(const chain::Address& address, const std::vector<FixedBytes<32>>& slots) {
    CTRN_ASSIGN(auto reads, accounts({address}, {slots}));
    if (reads.isMismatch()) return Checked<ProvenAccount>(reads.mismatch());
    if (reads.isUnverified()) return Checked<ProvenAccount>(rpc::Unverified<ProvenAccount>(reads.unverified().unverifiedValue().accounts.front()));
    const auto& v = reads.verified();
    return Checked<ProvenAccount>(Verified<ProvenAccount>(v.value().accounts.front(), v.blockNumber(), v.blockHash()));
}

Result<Checked<ProvenReceipt>> LightClient::receipt(const chain::Hash& txHash) {
    if (auto lie = excludedMismatch()) return Checked<ProvenReceipt>(*lie);
    auto eps = usable();
    if (eps.empty()) return makeError(ErrorCode::Network, "no usable endpoint");
    Endpoint& e = *eps.front();
    CTRN_ASSIGN(Json nodeReceipt, e.client->call("eth_getTransactionReceipt", Json::array({txHash.hex()})));
    if (nodeReceipt.is_null()) return makeError(ErrorCode::NotFound, "transaction " + txHash.hex() + " is not mined (or unknown to the node)");
    CTRN_ASSIGN(std::uint64_t number, chain::json::quantity64(nodeReceipt, "blockNumber"));
    CTRN_ASSIGN(auto header, this->header(number));
    if (!header) return Checked<ProvenReceipt>(header.mismatch());
    if (auto claimed = chain::json::hash(nodeReceipt, "blockHash"); claimed && *claimed != header->hash)
        return Checked<ProvenReceipt>(mark(e, Mismatch{MismatchKind::ReceiptValue,
                                                       "receipt of " + txHash.hex() + " names block hash " + claimed->hex() +
                                                           ", the verified block " + std::to_string(number) + " is " + header->hash.hex(),
                                                       {}}));
    auto index = chain::json::quantity64(nodeReceipt, "transactionIndex");
    if (!index)
        return Checked<ProvenReceipt>(mark(e, Mismatch{MismatchKind::ReceiptValue,
                                                       "receipt of " + txHash.hex() + ": " + index.error().message, {}}));
    auto unverified = [&](std::string why) -> Result<Checked<ProvenReceipt>> {
        CTRN_ASSIGN(chain::Receipt r, chain::receiptFromJson(nodeReceipt));
        return Checked<ProvenReceipt>(rpc::Unverified<ProvenReceipt>(ProvenReceipt{std::move(r), *index, std::nullopt, std::move(why)}));
    };

    // The block's transactions and receipts in one round trip.
    CTRN_ASSIGN(auto answers, e.client->batch({{"eth_getBlockByNumber", Json::array({blockTag(number), true})},
                                               {"eth_getBlockReceipts", Json::array({blockTag(number)})}}));
    CTRN_ASSIGN(Json block, std::move(answers[0]));
    // First the hash's position: the receipt trie proves what happened at an
    // index, and only the transactions trie says which transaction that is.
    auto transaction = verifyBlockTransaction(*header, block, txHash, *index);
    if (!transaction) {
        if (transaction.error().code != ErrorCode::Unsupported) return transaction.error();
        return unverified(transaction.error().message);
    }
    if (!*transaction) return Checked<ProvenReceipt>(mark(e, transaction->mismatch()));

    auto& blockReceipts = answers[1];
    if (!blockReceipts) {
        if (!unsupported(blockReceipts.error())) return blockReceipts.error();
        return unverified("the node does not serve eth_getBlockReceipts");
    }
    auto proven = verifyBlockReceipt(*header, *blockReceipts, txHash, *index);
    if (!proven) return Checked<ProvenReceipt>(mark(e, proven.mismatch()));
    auto same = compareReceipt(*proven, nodeReceipt);
    if (!same) return Checked<ProvenReceipt>(mark(e, same.mismatch()));
    ProvenReceipt out = std::move(proven).value();
    out.transaction = std::move(*transaction).value();
    return Checked<ProvenReceipt>(Verified<ProvenReceipt>(std::move(out), number, header->hash));
}

std::optional<std::string> LightClient::checkpointWarning() const {
    if (m_options.checkpoint.timestamp == 0) return std::nullopt;
    auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    auto age = now - static_cast<std::int64_t>(m_options.checkpoint.timestamp);
    auto maxAge = std::chrono::duration_cast<std::chrono::seconds>(m_options.checkpointMaxAge).count();
    if (age <= maxAge) return std::nullopt;
    return "checkpoint block " + std::to_string(m_options.checkpoint.block.number) + " is " + std::to_string(age / 86400) +
           " days old; a node could have rewritten history since: refresh it (--checkpoint) from a source you trust";
}

} // namespace ctrn::lightclient
