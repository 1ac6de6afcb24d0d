// NetworkModel: the networks the app can connect to — the built-in devnet
// (its running manifest devnet.json when there is one, else
// http://127.0.0.1:8545, chain 31337) and the networks the user added in
// Settings (kept in Preferences). Adding one first asks the endpoint for its
// chain id on the worker and saves only when it matches.
#pragma once

#include <QAbstractListModel>
#include <QQmlEngine>
#include <QString>

#include <optional>
#include <vector>

namespace ctrn::desktop {

class AppContext;
class Preferences;

struct Network {
    QString name;
    QString url;
    quint64 chainId = 0;
    bool builtin = false;
};

class NetworkModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("AppContext.networks")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)

public:
    enum Role { NameRole = Qt::UserRole + 1, UrlRole, ChainIdRole, BuiltinRole };

    explicit NetworkModel(Preferences* preferences, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    std::optional<Network> find(const QString& name) const;
    bool busy() const { return m_busy; }

    // Checks the input, asks `url` for its chain id (on the worker) and adds
    // the network when it equals `chainId`; ends with addFinished.
    Q_INVOKABLE void add(const QString& name, const QString& url, const QString& chainId);
    // Removes a user-added network (the built-in ones stay).
    Q_INVOKABLE bool remove(const QString& name);
    Q_INVOKABLE int indexOf(const QString& name) const;

    // The input check add() does first; empty when fine (tests use it).
    QString validate(const QString& name, const QString& url, const QString& chainId) const;
    // Adds without asking the node (after the check, and for tests).
    void insert(const Network& network);

signals:
    void countChanged();
    void busyChanged();
    void addFinished(bool ok, const QString& message);

private:
    void load();
    void save();
    Preferences* m_preferences;
    std::vector<Network> m_networks;
    bool m_busy = false;
};

// The devnet as its manifest describes it (CTRN_DEVNET_DIR, else
// $XDG_DATA_HOME/computronium-wallet/devnet/devnet.json), with the defaults
// when no devnet has run here.
Network devnetNetwork();
// Where the running devnet keeps its state and live manifest devnet.json:
// $CTRN_DEVNET_DIR, else $XDG_DATA_HOME/computronium-wallet/devnet.
QString devnetStateDir();

} // namespace ctrn::desktop
