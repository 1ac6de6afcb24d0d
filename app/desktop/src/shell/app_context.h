// AppContext: the desktop app's composition root. It reads the preferences,
// builds the core services (interfaces::makeServices) for the selected
// network and data directory, and owns the two worker lanes on which every
// RPC and SQLite call runs. View models never touch core directly: they
// derive from the framework's bases (framework/view_model.h,
// framework/query_list_model.h) whose run<R>() comes here through the
// JobRunner; the shell's own controllers call
//
//     m_context->call<Result<X>>(this,
//         [=](interfaces::Services& s) { return s.wallet->something(...); },   // worker
//         [this](Result<X> r) { ... update properties, emit ... },            // UI thread
//         [this](const QString& why) { ... the job could not run ... });      // UI thread
//
// `call` returns a request id; the result comes back as a queued signal
// carrying that id (requestFinished), and a continuation runs only while
// the receiver is alive; when the job cannot run (not connected, closing)
// the failure continuation runs instead, so no caller waits for ever.
//
// Lanes: Interactive (what a person waits on) and Long (transfer scans,
// index sync, downloads), each one thread with its own services and its own
// serial queue, so a send never waits behind a download. Within a lane jobs
// run one at a time in submission order, so a job submitted after connect()
// sees the new services. The Long lane connects on its first job. At
// shutdown each worker finishes the jobs already queued, destroys its
// services on its own thread and stops (drain()).
//
// QML reaches it as the singleton `AppContext` (import Computronium); it
// exposes the connection state, preferences, networks, the current wallet
// and the --screenshot request.
#pragma once

#include "job_runner.h"

#include <core/interfaces/services.h>

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QString>
#include <QThread>

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>

class QTimer;
class QQuickWindow;

namespace ctrn::desktop {

class NetworkModel;
class Preferences;
class SessionController;

// What the command line asked for (parsed in app.cpp).
struct LaunchOptions {
    QString dataDir;        // empty: the default data directory
    QString network;        // empty: the saved choice (devnet at first start)
    QString screenshotPage; // non-empty: render this page and exit
    QString screenshotFile;
    // How new key files are encrypted: standard scrypt. Tests set
    // lightScrypt() to run fast; the app has no flag for it.
    crypto::KeystoreParams keystore = crypto::KeystoreParams::standardScrypt();
    // Tests: the node the workers talk to (a fake); empty: HTTP. Called on
    // each worker's thread when it connects.
    std::function<std::shared_ptr<rpc::Transport>()> transport;
};

// Runs on the worker thread. Owns the services; created and destroyed there
// (the HTTP transport's QNetworkAccessManager must live on the thread that
// uses it).
//
// Every call reaches it through serially(): the transport waits for a reply
// in a nested event loop, which also delivers the next queued call, so
// without the queue a connect, poll or shutdown could run in the middle of a
// job and pull its services out from under it (the app once crashed that
// way when it quit while connecting).
class Worker : public QObject {
    Q_OBJECT
public:
    using Continuation = JobRunner::Continuation;
    using Job = JobRunner::Job;

    // The Interactive lane's worker is primary: it follows the node's head
    // and reports the outcomes of submitted actions (Actions::checkOutcomes
    // on each new head, pushed through its Handler to OutcomeFeed).
    Worker(bool primary, std::function<std::shared_ptr<rpc::Transport>()> transport)
        : m_primary(primary), m_transport(std::move(transport)) {}

    // Runs `task` now, or, when called from inside a running task's nested
    // event loop, after that task and those queued before it. In order.
    void serially(std::function<void()> task);

    // Connects with `options`; on failure the services stay empty and
    // jobs fail with the connection error.
    // Each is called on the worker thread (queued from AppContext).
    void connectServices(quint64 id, const interfaces::ServicesOptions& options);
    // A job with needsServices=false runs even when not connected (it gets
    // empty Services): probing a node, reading a file.
    void runJob(quint64 id, const Job& job, bool needsServices);
    void pollHead();
    void shutdown();

signals:
    void connected(quint64 id, bool ok, const QString& error, quint64 chainId);
    void jobFinished(quint64 id, const ctrn::desktop::Worker::Continuation& done);
    void jobFailed(quint64 id, const QString& error);
    void headChanged(quint64 head);

private:
    void dropServices();

    bool m_primary;
    std::function<std::shared_ptr<rpc::Transport>()> m_transport;
    std::deque<std::function<void()>> m_queue;
    bool m_running = false;
    std::optional<interfaces::Services> m_services;
    interfaces::Services m_none;
    std::unique_ptr<interfaces::Handler> m_headHandler;
    std::unique_ptr<interfaces::Handler> m_outcomeHandler;
    bool m_headMoved = false;
};

class AppContext : public QObject {
    Q_OBJECT
    Q_MOC_INCLUDE("preferences.h")
    Q_MOC_INCLUDE("network_model.h")
    Q_MOC_INCLUDE("session_controller.h")
    Q_MOC_INCLUDE(<QQuickWindow>)
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool connected READ connected NOTIFY connectionChanged)
    Q_PROPERTY(bool connecting READ connecting NOTIFY connectionChanged)
    Q_PROPERTY(QString connectionError READ connectionError NOTIFY connectionChanged)
    Q_PROPERTY(QString networkName READ networkName NOTIFY connectionChanged)
    Q_PROPERTY(QString rpcUrl READ rpcUrl NOTIFY connectionChanged)
    Q_PROPERTY(quint64 chainId READ chainId NOTIFY connectionChanged)
    Q_PROPERTY(quint64 head READ head NOTIFY headChanged)
    Q_PROPERTY(QString dataDir READ dataDir CONSTANT)
    Q_PROPERTY(ctrn::desktop::Preferences* preferences READ preferences CONSTANT)
    Q_PROPERTY(ctrn::desktop::NetworkModel* networks READ networks CONSTANT)
    Q_PROPERTY(ctrn::desktop::SessionController* session READ session CONSTANT)
    Q_PROPERTY(QString screenshotPage READ screenshotPage CONSTANT)
    Q_PROPERTY(int pendingRequests READ pendingRequests NOTIFY pendingRequestsChanged)

public:
    explicit AppContext(LaunchOptions options, QObject* parent = nullptr);
    ~AppContext() override;

    // The instance QML sees (the one run() made); QML never creates one.
    static AppContext* create(QQmlEngine* qml, QJSEngine* js);
    static AppContext* instance();

    bool connected() const { return m_connected; }
    bool connecting() const { return m_connecting; }
    QString connectionError() const { return m_connectionError; }
    QString networkName() const { return m_networkName; }
    QString rpcUrl() const { return m_rpcUrl; }
    quint64 chainId() const { return m_chainId; }
    quint64 head() const { return m_head; }
    QString dataDir() const { return m_dataDir; }
    Preferences* preferences() const { return m_preferences; }
    NetworkModel* networks() const { return m_networks; }
    SessionController* session() const { return m_session; }
    QString screenshotPage() const { return m_options.screenshotPage; }
    QString screenshotFile() const { return m_options.screenshotFile; }
    int pendingRequests() const { return static_cast<int>(m_pending.size()); }
    // The runner over this context's lanes (the shell's own view models).
    JobRunner* runner() const { return m_runner.get(); }

    // (Re)connects to the network named `name` (NetworkModel); the saved
    // choice when empty. Jobs queued after this see the new services.
    Q_INVOKABLE void connectTo(const QString& name = {});
    Q_INVOKABLE void reconnect() { connectTo(m_networkName); }

    // Runs `work` on the worker and `done` with its result on the UI thread,
    // unless `receiver` was destroyed meanwhile; `failed` when the job could
    // not run (not connected, closing). Returns the request id.
    template <typename R, typename Work, typename Done>
    quint64 call(QObject* receiver, Work work, Done done, std::function<void(const QString&)> failed = {}) {
        return submit(
            receiver,
            [work = std::move(work), done = std::move(done)](interfaces::Services& s) mutable {
                auto result = std::make_shared<R>(work(s));
                return Worker::Continuation([done, result]() mutable { done(std::move(*result)); });
            },
            true, Lane::Interactive, std::move(failed));
    }
    quint64 submit(QObject* receiver, Worker::Job job, bool needsServices = true, Lane lane = Lane::Interactive,
                   std::function<void(const QString&)> failed = {});

    // As call, for work that needs no connection (`work` takes no arguments).
    template <typename R, typename Work, typename Done>
    quint64 callDetached(QObject* receiver, Work work, Done done, std::function<void(const QString&)> failed = {}) {
        return submit(
            receiver,
            [work = std::move(work), done = std::move(done)](interfaces::Services&) mutable {
                auto result = std::make_shared<R>(work());
                return Worker::Continuation([done, result]() mutable { done(std::move(*result)); });
            },
            false, Lane::Interactive, std::move(failed));
    }

    // --screenshot: grabs `window` (after the page said it is ready), writes
    // the PNG and emits screenshotDone (run() then exits).
    Q_INVOKABLE void saveScreenshot(QQuickWindow* window);
    // Main.qml calls it when the --screenshot page has loaded its data
    // (before the frames that settle it): the "ready" startup figure.
    Q_INVOKABLE void reportPageReady() { emit pageReady(); }

    // Finishes the queued jobs, destroys the services on the worker and
    // stops it. Idempotent; the destructor calls it.
    void drain();

signals:
    void connectionChanged();
    void headChanged();
    void pendingRequestsChanged();
    // Every request ends with exactly one of these.
    void requestFinished(quint64 id);
    void requestFailed(quint64 id, const QString& error);
    void screenshotDone(bool ok, const QString& message);
    void pageReady();

private:
    // Queues `task` to a lane's worker thread, behind everything queued before.
    void onWorker(std::function<void()> task, Lane lane = Lane::Interactive);
    void drainLane(Worker* worker, QThread& thread, Lane lane);
    void onConnected(quint64 id, bool ok, const QString& error, quint64 chainId);
    void onJobFinished(quint64 id, const Worker::Continuation& done);
    void onJobFailed(quint64 id, const QString& error);

    LaunchOptions m_options;
    std::unique_ptr<JobRunner> m_runner;
    QString m_dataDir;
    Preferences* m_preferences = nullptr;
    NetworkModel* m_networks = nullptr;
    SessionController* m_session = nullptr;
    QThread m_thread;
    Worker* m_worker = nullptr;
    QThread m_longThread;
    Worker* m_longWorker = nullptr;
    interfaces::ServicesOptions m_servicesOptions; // the last connectTo's, for the Long lane
    quint64 m_longConnectId = 0; // the connectTo the Long lane's services follow
    quint64 m_nextId = 1;
    quint64 m_connectId = 0;
    struct Pending {
        QPointer<QObject> receiver;
        std::function<void(const QString&)> failed;
    };
    std::map<quint64, Pending> m_pending;
    bool m_connected = false;
    bool m_connecting = false;
    bool m_drained = false;
    QString m_connectionError;
    QString m_networkName;
    QString m_rpcUrl;
    quint64 m_chainId = 0;
    quint64 m_head = 0;
    QTimer* m_pollTimer = nullptr;
};

} // namespace ctrn::desktop

Q_DECLARE_METATYPE(ctrn::desktop::Worker::Continuation)
