// What the wallet view-model tests share: core services over a fake node
// that answers from fixtures/devnet_rpc.json (a recorded devnet), a data
// directory whose history is filled from fixtures/history.json, and a
// JobRunner that runs each job on the next event-loop turn (as the worker's
// queued signals would) and its continuation only while the receiver lives.
#pragma once

#include "wallet_jobs.h"

#include <core/interfaces/services.h>
#include <core/storage/wallet_store.h>
#include <core/util/json.h>

#include "unit/fake_node.h"

#include <QFile>
#include <QPointer>
#include <QTemporaryDir>
#include <QtTest>

namespace fixture {

inline ctrn::Json load(const char* name) {
    QFile f(QStringLiteral(CTRN_MODELS_FIXTURES "/") + QString::fromLatin1(name));
    if (!f.open(QIODevice::ReadOnly)) qFatal("missing fixture %s", name);
    auto json = ctrn::parseJson(f.readAll().toStdString());
    if (!json) qFatal("fixture %s: %s", name, json.error().message.c_str());
    return *json;
}

inline const char* kMnemonic = "test test test test test test test test test test test junk";
inline const char* kAccount0 = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
inline const char* kToken = "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0";

// A node answering from devnet_rpc.json.
inline std::shared_ptr<FakeNode> recordedNode() {
    auto node = std::make_shared<FakeNode>();
    const auto rpc = load("devnet_rpc.json");
    for (const auto& [method, result] : rpc.items())
        if (method != "eth_call" && method[0] != '_') node->results[method] = result;
    const auto calls = rpc["eth_call"];
    node->handlers["eth_call"] = [calls](const ctrn::Json& params) {
        const std::string data = params[0]["data"].get<std::string>();
        const std::string selector = data.substr(0, 10);
        return calls.contains(selector) ? calls[selector] : ctrn::Json("0x");
    };
    return node;
}

inline ctrn::chain::Deployment devnet() {
    ctrn::chain::Deployment d;
    d.name = "devnet";
    d.chainId = 31337;
    d.contracts.emplace("ComputroniumToken", *ctrn::chain::Address::fromHex(kToken));
    d.contracts.emplace("TimelockController", *ctrn::chain::Address::fromHex("0x5FbDB2315678afecb367f032d93F642f64180aa3"));
    return d;
}

// `count` history rows for kAccount0 (the fixture's rows repeated, newest
// last written) plus the fixture's pending rows, straight into the store.
inline void fillHistory(const std::string& dataDir, int count) {
    auto store = ctrn::storage::WalletStore::open(dataDir + "/wallet.sqlite");
    if (!store) qFatal("open store: %s", store.error().message.c_str());
    const auto json = load("history.json");
    const auto& rows = json["rows"];
    auto hash = [](int i) {
        char buf[67];
        std::snprintf(buf, sizeof buf, "0x%064x", i);
        return std::string(buf);
    };
    auto record = [&](const ctrn::Json& r, int i) {
        ctrn::storage::TxRecord t;
        t.hash = hash(i);
        t.chainId = 31337;
        t.from = kAccount0;
        t.nonce = static_cast<std::uint64_t>(i);
        t.to = r["to"].get<std::string>();
        t.value = r["value"].get<std::string>();
        if (r.contains("token")) t.token = r["token"].get<std::string>();
        if (r.contains("tokenAmount")) t.tokenAmount = r["tokenAmount"].get<std::string>();
        t.kind = r["kind"].get<std::string>();
        t.raw = ctrn::Bytes{0x02};
        t.createdAt = 1'700'000'000 + i;
        return t;
    };
    auto& db = (*store)->database();
    // Straight into the history table in one transaction (the store's own
    // journal-then-finish path commits twice per row: minutes for 10,000).
    if (!db.transaction([&]() -> ctrn::Status {
            CTRN_ASSIGN(auto st, db.prepare("INSERT INTO transactions (hash, chain_id, sender, nonce, recipient, value, token, "
                                            "token_amount, kind, replaces, status, block_number, created_at, finished_at) "
                                            "VALUES (?1, 31337, ?2, ?3, ?4, ?5, ?6, ?7, ?8, NULL, ?9, ?10, ?11, ?11)"));
            for (int i = 0; i < count; ++i) {
                const auto& r = rows[static_cast<std::size_t>(i) % rows.size()];
                const auto t = record(r, i);
                std::optional<std::int64_t> block;
                if (r.contains("block")) block = r["block"].get<std::int64_t>();
                CTRN_ASSIGN(auto ins, db.prepare("INSERT INTO transactions (hash, chain_id, sender, nonce, recipient, value, token, "
                                                 "token_amount, kind, replaces, status, block_number, created_at, finished_at) "
                                                 "VALUES (?1, 31337, ?2, ?3, ?4, ?5, ?6, ?7, ?8, NULL, ?9, ?10, ?11, ?11)"));
                ins.bind(1, t.hash).bind(2, t.from).bind(3, static_cast<std::int64_t>(t.nonce)).bind(4, t.to).bind(5, t.value)
                    .bind(6, t.token).bind(7, t.tokenAmount).bind(8, t.kind).bind(9, r["status"].get<std::string>()).bind(10, block)
                    .bind(11, t.createdAt);
                CTRN_TRY(ins.run());
            }
            (void)st;
            return ctrn::Ok{};
        }))
        qFatal("fill history failed");
    int i = count;
    for (const auto& p : json["pending"])
        if (!(*store)->journalInsert(record(p, i++))) qFatal("journal insert failed");
}

// Both lanes run on the test's thread here, in submission order.
class Runner : public ctrn::desktop::JobRunner {
public:
    explicit Runner(ctrn::interfaces::Services& services) : m_services(services) {}
    // While set, every job fails with this message instead of running (a
    // worker whose node went away), through the runner's failure path.
    QString failWith;
    quint64 submit(QObject* receiver, Job job, std::function<void(const QString&)> failed, ctrn::desktop::Lane lane) override {
        const quint64 id = ++m_next;
        ++m_pending;
        if (lane == ctrn::desktop::Lane::Long) ++m_long;
        QPointer<QObject> alive(receiver);
        if (!failWith.isEmpty()) {
            QMetaObject::invokeMethod(
                receiver,
                [this, alive, failed, why = failWith] {
                    --m_pending;
                    if (alive && failed) failed(why);
                },
                Qt::QueuedConnection);
            return id;
        }
        QMetaObject::invokeMethod(
            receiver,
            [this, alive, job = std::move(job)] {
                auto done = job(m_services);
                --m_pending;
                if (alive) done();
            },
            Qt::QueuedConnection);
        return id;
    }
    int longJobs() const { return m_long; }
    // Runs the event loop until every submitted job has finished.
    bool drain(int timeoutMs = 20000) {
        return QTest::qWaitFor([this] { return m_pending == 0; }, timeoutMs);
    }
    int pending() const { return m_pending; }

private:
    ctrn::interfaces::Services& m_services;
    quint64 m_next = 0;
    int m_pending = 0;
    int m_long = 0;
};

// Services over the recorded node in `dir`, with the demo wallet imported.
inline ctrn::interfaces::Services services(const QTemporaryDir& dir, std::shared_ptr<FakeNode> node, bool importWallet = true) {
    ctrn::interfaces::ServicesOptions o;
    o.dataDir = dir.filePath(QStringLiteral("data")).toStdString();
    o.urls = {"http://fixture"};
    o.client.sleep = [](std::chrono::milliseconds) {};
    o.keystore = ctrn::crypto::KeystoreParams::lightScrypt();
    o.deployment = devnet();
    auto s = ctrn::interfaces::makeServices(o, std::move(node));
    if (!s) qFatal("services: %s", s.error().message.c_str());
    if (importWallet && !s->wallet->importMnemonic("demo", kMnemonic, ctrn::asView("pw"), 2)) qFatal("import failed");
    return std::move(*s);
}

} // namespace fixture
