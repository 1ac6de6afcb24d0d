#include "app_context.h"
#include "actions_access.h"
#include "outcome_feed.h"
#include "wallet_jobs.h"

#include "network_model.h"
#include "preferences.h"
#include "session_controller.h"

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QQuickWindow>
#include <QSemaphore>
#include <QTimer>

namespace ctrn::desktop {

namespace {
AppContext* g_instance = nullptr;

class ContextRunner : public JobRunner {
public:
    explicit ContextRunner(AppContext* context) : m_context(context) {}
    quint64 submit(QObject* receiver, Job job, std::function<void(const QString&)> failed, Lane lane) override {
        return m_context->submit(receiver, std::move(job), true, lane, std::move(failed));
    }

private:
    AppContext* m_context;
};

// How often the worker asks the node for its head (there is no push over HTTP).
constexpr int kPollMs = 4000;
} // namespace

void Worker::serially(std::function<void()> task) {
    m_queue.push_back(std::move(task));
    if (m_running) return; // nested: the loop below, one level up, runs it next
    m_running = true;
    while (!m_queue.empty()) {
        auto next = std::move(m_queue.front());
        m_queue.pop_front();
        next();
    }
    m_running = false;
}

void Worker::dropServices() {
    m_headHandler.reset();
    m_outcomeHandler.reset();
    m_services.reset();
}

void Worker::connectServices(quint64 id, const interfaces::ServicesOptions& options) {
    dropServices(); // closes the old database before the new one opens
    auto services = interfaces::makeServices(options, m_transport ? m_transport() : interfaces::makeHttpTransport());
    if (!services) {
        emit connected(id, false, QString::fromStdString(services.error().message), 0);
        return;
    }
    m_services = std::move(*services);
    const auto chainId = m_services->node->chainId();
    if (m_primary) {
        m_headHandler = m_services->node->handleNewHead([this](std::uint64_t head) {
            m_headMoved = true;
            emit headChanged(head);
        });
        // Outcomes are pushed: core reports a submitted action once it is
        // final, and the flows waiting on it hear it through the feed.
        if (interfaces::Actions* actions = actionsOf(*m_services))
            m_outcomeHandler = actions->handleOutcome([](const interfaces::ActionOutcome& o) { OutcomeFeed::instance()->publish(o); });
    }
    emit connected(id, true, {}, chainId);
    if (m_primary) pollHead();
}

void Worker::runJob(quint64 id, const Job& job, bool needsServices) {
    if (!needsServices) {
        emit jobFinished(id, job(m_services ? *m_services : m_none));
        return;
    }
    if (!m_services) {
        emit jobFailed(id, tr("not connected to a node"));
        return;
    }
    emit jobFinished(id, job(*m_services));
}

void Worker::pollHead() {
    // A failed poll is not an error worth a dialog: the next one retries,
    // and the pages' own calls report the node's state.
    if (!m_services) return;
    m_headMoved = false;
    (void)m_services->node->poll();
    // Only on a new head can a submitted action have become final: one
    // look at the ones still open, not a sweep of the whole journal.
    if (m_headMoved)
        if (interfaces::Actions* actions = actionsOf(*m_services)) (void)actions->checkOutcomes();
}

void Worker::shutdown() { dropServices(); }

AppContext::AppContext(LaunchOptions options, QObject* parent)
    : QObject(parent), m_options(std::move(options)), m_runner(std::make_unique<ContextRunner>(this)) {
    qRegisterMetaType<Worker::Continuation>();
    OutcomeFeed::instance(); // made on the UI thread, before any worker publishes
    m_dataDir = m_options.dataDir.isEmpty() ? QString::fromStdString(interfaces::defaultDataDir()) : m_options.dataDir;
    QDir().mkpath(m_dataDir);
    m_preferences = new Preferences(m_dataDir + QStringLiteral("/desktop.ini"), this);
    m_networks = new NetworkModel(m_preferences, this);

    m_worker = new Worker(true, m_options.transport);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &Worker::connected, this, &AppContext::onConnected, Qt::QueuedConnection);
    connect(m_worker, &Worker::jobFinished, this, &AppContext::onJobFinished, Qt::QueuedConnection);
    connect(m_worker, &Worker::jobFailed, this, &AppContext::onJobFailed, Qt::QueuedConnection);
    // The Long lane: its own thread and services; its connection is not the
    // app's (a failure shows in its jobs), so `connected` is not followed.
    m_longWorker = new Worker(false, m_options.transport);
    m_longWorker->moveToThread(&m_longThread);
    connect(&m_longThread, &QThread::finished, m_longWorker, &QObject::deleteLater);
    connect(m_longWorker, &Worker::jobFinished, this, &AppContext::onJobFinished, Qt::QueuedConnection);
    connect(m_longWorker, &Worker::jobFailed, this, &AppContext::onJobFailed, Qt::QueuedConnection);
    // Started on its first job: most sessions never scan or download, and
    // an idle thread still costs its stack and event dispatcher.
    m_longThread.setObjectName(QStringLiteral("ctrn-worker-long"));
    connect(m_worker, &Worker::headChanged, this, [this](quint64 head) {
        m_head = head;
        emit headChanged();
    }, Qt::QueuedConnection);
    m_thread.setObjectName(QStringLiteral("ctrn-worker"));
    m_thread.start();

    m_pollTimer = new QTimer(this);
    m_pollTimer->setInterval(kPollMs);
    connect(m_pollTimer, &QTimer::timeout, this, [this] {
        if (m_connected) onWorker([w = m_worker] { w->pollHead(); });
    });
    m_pollTimer->start();

    if (!m_options.network.isEmpty()) m_preferences->setNetwork(m_options.network);
    if (!g_instance) g_instance = this;
    m_session = new SessionController(this);
}

AppContext::~AppContext() {
    drain();
    if (g_instance == this) g_instance = nullptr;
}

AppContext* AppContext::create(QQmlEngine*, QJSEngine*) {
    // C++ owns it (run() or the test made it); QML must not delete it.
    QJSEngine::setObjectOwnership(g_instance, QJSEngine::CppOwnership);
    return g_instance;
}

AppContext* AppContext::instance() { return g_instance; }

void AppContext::connectTo(const QString& name) {
    if (m_drained) return;
    const QString wanted = name.isEmpty() ? m_preferences->network() : name;
    const auto network = m_networks->find(wanted);
    m_networkName = network ? network->name : wanted;
    m_rpcUrl = network ? network->url : QString();
    m_connected = false;
    m_connecting = true;
    m_connectionError.clear();
    m_chainId = 0;
    m_head = 0;
    if (!network) {
        m_connecting = false;
        m_connectionError = tr("unknown network '%1'").arg(wanted);
        emit connectionChanged();
        return;
    }
    m_preferences->setNetwork(network->name);
    emit connectionChanged();
    emit headChanged();

    interfaces::ServicesOptions options;
    options.dataDir = m_dataDir.toStdString();
    options.urls = {network->url.toStdString()};
    options.chainId = network->chainId;
    options.client.timeout = std::chrono::milliseconds(5000);
    options.client.retries = 1;
    options.keystore = m_options.keystore;
    options.idleTimeout = std::chrono::seconds(std::max(1, m_preferences->lockTimeoutMinutes()) * 60);
    // desktop-wallet: the manifest says where CTRN lives and whether this is the devnet (faucet).
    options.deployment = findNetworkDeployment(network->name);
    // The light client proves balances against the manifest's checkpoint.
    options.storageLayoutDir = (resourcesDir() + QStringLiteral("/storage-layout")).toStdString();
    m_connectId = m_nextId++;
    m_servicesOptions = options;
    onWorker([w = m_worker, id = m_connectId, options] { w->connectServices(id, options); });
}

void AppContext::onWorker(std::function<void()> task, Lane lane) {
    Worker* worker = lane == Lane::Long ? m_longWorker : m_worker;
    QMetaObject::invokeMethod(worker, [w = worker, task = std::move(task)]() mutable { w->serially(std::move(task)); },
                              Qt::QueuedConnection);
}

void AppContext::onConnected(quint64 id, bool ok, const QString& error, quint64 chainId) {
    if (id != m_connectId) return; // superseded by a later connectTo
    m_connecting = false;
    m_connected = ok;
    m_connectionError = error;
    m_chainId = chainId;
    emit connectionChanged();
}

quint64 AppContext::submit(QObject* receiver, Worker::Job job, bool needsServices, Lane lane,
                           std::function<void(const QString&)> failed) {
    Q_ASSERT(receiver);
    const quint64 id = m_nextId++;
    if (m_drained) {
        // After shutdown nothing runs; tell the caller in the same way as a failure.
        QPointer<QObject> alive(receiver);
        QMetaObject::invokeMethod(this, [this, id, alive, failed] {
            if (alive && failed) failed(tr("the app is closing"));
            emit requestFailed(id, tr("the app is closing"));
        }, Qt::QueuedConnection);
        return id;
    }
    m_pending.emplace(id, Pending{QPointer<QObject>(receiver), std::move(failed)});
    emit pendingRequestsChanged();
    Worker* worker = m_worker;
    if (lane == Lane::Long) {
        worker = m_longWorker;
        if (!m_longThread.isRunning()) m_longThread.start(QThread::LowPriority);
        // The Long lane's services follow the Interactive lane's connection,
        // made on its first job after each connectTo.
        if (m_longConnectId != m_connectId && m_connectId != 0) {
            m_longConnectId = m_connectId;
            onWorker([w = worker, id = m_connectId, options = m_servicesOptions] { w->connectServices(id, options); }, Lane::Long);
        }
    }
    onWorker([w = worker, id, job = std::move(job), needsServices] { w->runJob(id, job, needsServices); }, lane);
    return id;
}

void AppContext::onJobFinished(quint64 id, const Worker::Continuation& done) {
    auto it = m_pending.find(id);
    if (it == m_pending.end()) return;
    const bool alive = !it->second.receiver.isNull();
    m_pending.erase(it);
    if (alive && done) done();
    emit pendingRequestsChanged();
    emit requestFinished(id);
}

void AppContext::onJobFailed(quint64 id, const QString& error) {
    auto it = m_pending.find(id);
    if (it != m_pending.end()) {
        const Pending pending = std::move(it->second);
        m_pending.erase(it);
        // The caller's failure continuation, while it lives: the one way a
        // job that could not run reaches the page that waits on it.
        if (!pending.receiver.isNull() && pending.failed) pending.failed(error);
    }
    emit pendingRequestsChanged();
    emit requestFailed(id, error);
}

void AppContext::saveScreenshot(QQuickWindow* window) {
    if (m_options.screenshotFile.isEmpty() || !window) return;
    const QImage image = window->grabWindow();
    QDir().mkpath(QFileInfo(m_options.screenshotFile).absolutePath());
    if (image.isNull() || !image.save(m_options.screenshotFile, "PNG")) {
        emit screenshotDone(false, tr("could not write %1").arg(m_options.screenshotFile));
        return;
    }
    emit screenshotDone(true, tr("wrote %1 (%2x%3)").arg(m_options.screenshotFile).arg(image.width()).arg(image.height()));
}

void AppContext::drain() {
    if (m_drained) return;
    m_drained = true;
    m_pollTimer->stop();
    // Queued after every job already submitted: those finish first, then
    // the services (database, node connection, key ring) are destroyed on
    // the thread that made them. Waited for by the semaphore, not by a
    // blocking call: a blocking call returns as soon as the shutdown is
    // queued behind a running job, and quitting the thread then would cut
    // that job's network wait short.
    drainLane(m_longWorker, m_longThread, Lane::Long);
    drainLane(m_worker, m_thread, Lane::Interactive);
    m_pending.clear();
}

void AppContext::drainLane(Worker* worker, QThread& thread, Lane lane) {
    if (!thread.isRunning()) {
        // Never started (no job on this lane): nothing queued, no services.
        delete worker;
        return;
    }
    QSemaphore done;
    onWorker([w = worker, &done] {
        w->shutdown();
        done.release();
    }, lane);
    done.acquire();
    thread.quit();
    thread.wait();
}

} // namespace ctrn::desktop
