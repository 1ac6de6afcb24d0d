#include "network_model.h"

#include "app_context.h"
#include "preferences.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QUrl>

namespace ctrn::desktop {

QString devnetStateDir() {
    QString dir = qEnvironmentVariable("CTRN_DEVNET_DIR");
    if (dir.isEmpty()) {
        const QString base = qEnvironmentVariableIsEmpty("XDG_DATA_HOME")
                                 ? QDir::homePath() + QStringLiteral("/.local/share")
                                 : qEnvironmentVariable("XDG_DATA_HOME");
        dir = base + QStringLiteral("/computronium-wallet/devnet");
    }
    return dir;
}

Network devnetNetwork() {
    Network n{QStringLiteral("devnet"), QStringLiteral("http://127.0.0.1:8545"), 31337, true};
    QFile file(devnetStateDir() + QStringLiteral("/devnet.json"));
    if (file.open(QIODevice::ReadOnly)) {
        const auto json = QJsonDocument::fromJson(file.readAll()).object();
        if (json.value(QStringLiteral("rpc")).isString()) n.url = json.value(QStringLiteral("rpc")).toString();
        if (json.value(QStringLiteral("chainId")).isDouble())
            n.chainId = static_cast<quint64>(json.value(QStringLiteral("chainId")).toInteger());
    }
    return n;
}

NetworkModel::NetworkModel(Preferences* preferences, QObject* parent)
    : QAbstractListModel(parent), m_preferences(preferences) {
    load();
}

void NetworkModel::load() {
    m_networks.clear();
    m_networks.push_back(devnetNetwork());
    for (const auto& v : m_preferences->customNetworks()) {
        const auto m = v.toMap();
        Network n{m.value(QStringLiteral("name")).toString(), m.value(QStringLiteral("url")).toString(),
                  m.value(QStringLiteral("chainId")).toULongLong(), false};
        if (!n.name.isEmpty() && !n.url.isEmpty() && n.chainId != 0 && indexOf(n.name) < 0) m_networks.push_back(n);
    }
}

void NetworkModel::save() {
    QVariantList list;
    for (const auto& n : m_networks)
        if (!n.builtin)
            list.push_back(QVariantMap{{QStringLiteral("name"), n.name},
                                       {QStringLiteral("url"), n.url},
                                       {QStringLiteral("chainId"), n.chainId}});
    m_preferences->setCustomNetworks(list);
}

int NetworkModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_networks.size());
}

QVariant NetworkModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const auto& n = m_networks[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return n.name;
    case UrlRole: return n.url;
    case ChainIdRole: return n.chainId;
    case BuiltinRole: return n.builtin;
    default: return {};
    }
}

QHash<int, QByteArray> NetworkModel::roleNames() const {
    return {{NameRole, "name"}, {UrlRole, "url"}, {ChainIdRole, "chainId"}, {BuiltinRole, "builtin"}};
}

std::optional<Network> NetworkModel::find(const QString& name) const {
    const int i = indexOf(name);
    if (i < 0) return std::nullopt;
    return m_networks[static_cast<std::size_t>(i)];
}

int NetworkModel::indexOf(const QString& name) const {
    for (std::size_t i = 0; i < m_networks.size(); ++i)
        if (m_networks[i].name.compare(name, Qt::CaseInsensitive) == 0) return static_cast<int>(i);
    return -1;
}

QString NetworkModel::validate(const QString& name, const QString& url, const QString& chainId) const {
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty()) return tr("Give the network a name.");
    if (indexOf(trimmed) >= 0) return tr("A network named '%1' already exists.").arg(trimmed);
    const QUrl u(url.trimmed(), QUrl::StrictMode);
    if (!u.isValid() || (u.scheme() != QLatin1String("http") && u.scheme() != QLatin1String("https")) || u.host().isEmpty())
        return tr("The RPC endpoint must be an http:// or https:// URL.");
    bool ok = false;
    const auto id = chainId.trimmed().toULongLong(&ok);
    if (!ok || id == 0) return tr("The chain id must be a positive whole number.");
    return {};
}

void NetworkModel::insert(const Network& network) {
    const int row = static_cast<int>(m_networks.size());
    beginInsertRows({}, row, row);
    m_networks.push_back(network);
    endInsertRows();
    save();
    emit countChanged();
}

void NetworkModel::add(const QString& name, const QString& url, const QString& chainId) {
    if (m_busy) return;
    if (const auto problem = validate(name, url, chainId); !problem.isEmpty()) {
        emit addFinished(false, problem);
        return;
    }
    auto* context = AppContext::instance();
    if (!context) {
        emit addFinished(false, tr("The app is not running."));
        return;
    }
    Network network{name.trimmed(), url.trimmed(), chainId.trimmed().toULongLong(), false};
    m_busy = true;
    emit busyChanged();
    context->callDetached<Result<std::uint64_t>>(
        this,
        [u = network.url.toStdString()] {
            interfaces::NodeOptions options;
            options.timeout = std::chrono::milliseconds(5000);
            options.retries = 0;
            return interfaces::queryChainId(u, interfaces::makeHttpTransport(), options);
        },
        [this, network](Result<std::uint64_t> served) {
            m_busy = false;
            emit busyChanged();
            if (!served) {
                emit addFinished(false, tr("Could not reach %1: %2").arg(network.url, QString::fromStdString(served.error().message)));
                return;
            }
            if (*served != network.chainId) {
                emit addFinished(false, tr("That node serves chain %1, not %2.").arg(*served).arg(network.chainId));
                return;
            }
            insert(network);
            emit addFinished(true, tr("Added %1.").arg(network.name));
        });
}

bool NetworkModel::remove(const QString& name) {
    const int i = indexOf(name);
    if (i < 0 || m_networks[static_cast<std::size_t>(i)].builtin) return false;
    beginRemoveRows({}, i, i);
    m_networks.erase(m_networks.begin() + i);
    endRemoveRows();
    save();
    emit countChanged();
    return true;
}

} // namespace ctrn::desktop
