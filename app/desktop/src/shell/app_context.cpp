#include "app_context.h"
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

void Worker::connectServices(quint64 id, const interfaces::ServicesOptions& options) {
    m_headHandler.reset();
    m_services.reset(); // closes the old database before the new one opens
    auto services = interfaces::makeServices(options, interfaces::makeHttpTransport());
    if (!services) {
        emit connected(id, false, QString::fromStdString(services.error().message), 0);
        return;
    }
    m_services = std::move(*services);
    m_headHandler = m_services->node->handleNewHead([this](std::uint64_t head) { emit headChanged(head); });
    const auto chainId = m_services->node->chainId();
    emit connected(id, true, {}, chainId);
    pollHead();
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
    if (m_services) (void)m_services->node->poll();
}

void Worker::shutdown() {
    m_headHandler.reset();
    m_services.reset();
}

AppContext::AppContext(LaunchOptions options, QObject* parent) : QObject(parent), m_options(std::move(options)) {
    qRegisterMetaType<Worker::Continuation>();
    m_dataDir = m_options.dataDir.isEmpty() ? QString::fromStdString(interfaces::defaultDataDir()) : m_options.dataDir;
    QDir().mkpath(m_dataDir);
    m_preferences = new Preferences(m_dataDir + QStringLiteral("/desktop.ini"), this);
    m_networks = new NetworkModel(m_preferences, this);

    m_worker = new Worker;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &Worker::connected, this, &AppContext::onConnected, Qt::QueuedConnection);
    connect(m_worker, &Worker::jobFinished, this, &AppContext::onJobFinished, Qt::QueuedConnection);
    connect(m_worker, &Worker::jobFailed, this, &AppContext::onJobFailed, Qt::QueuedConnection);
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
    onWorker([w = m_worker, id = m_connectId, options] { w->connectServices(id, options); });
}

void AppContext::onWorker(std::function<void()> task) {
    QMetaObject::invokeMethod(m_worker, [w = m_worker, task = std::move(task)]() mutable { w->serially(std::move(task)); },
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

quint64 AppContext::submit(QObject* receiver, Worker::Job job, bool needsServices) {
    Q_ASSERT(receiver);
    const quint64 id = m_nextId++;
    if (m_drained) {
        // After shutdown nothing runs; tell the caller in the same way as a failure.
        QMetaObject::invokeMethod(this, [this, id] { emit requestFailed(id, tr("the app is closing")); },
                                  Qt::QueuedConnection);
        return id;
    }
    m_pending.emplace(id, QPointer<QObject>(receiver));
    emit pendingRequestsChanged();
    onWorker([w = m_worker, id, job = std::move(job), needsServices] { w->runJob(id, job, needsServices); });
    return id;
}

void AppContext::onJobFinished(quint64 id, const Worker::Continuation& done) {
    auto it = m_pending.find(id);
    if (it == m_pending.end()) return;
    const bool alive = !it->second.isNull();
    m_pending.erase(it);
    if (alive && done) done();
    emit pendingRequestsChanged();
    emit requestFinished(id);
}

void AppContext::onJobFailed(quint64 id, const QString& error) {
    m_pending.erase(id);
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
    QSemaphore done;
    onWorker([w = m_worker, &done] {
        w->shutdown();
        done.release();
    });
    done.acquire();
    m_thread.quit();
    m_thread.wait();
    m_pending.clear();
}

} // namespace ctrn::desktop
