#include "address_book_model.h"

#include <core/interfaces/values.h>

namespace ctrn::desktop {
namespace {
QString qs(const std::string& s) { return QString::fromStdString(s); }
} // namespace

AddressBookModel::AddressBookModel(QObject* parent) : AddressBookModel(appJobRunner(), parent) {
    if (AppContext* context = AppContext::instance()) {
        connect(context, &AppContext::connectionChanged, this, [this, context] {
            if (context->connected()) refresh();
        });
        if (context->connected()) refresh();
    }
}

AddressBookModel::AddressBookModel(JobRunner* runner, QObject* parent) : QAbstractListModel(parent), m_runner(runner) {}

int AddressBookModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(m_contacts.size()); }

QVariant AddressBookModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const auto& c = m_contacts[static_cast<std::size_t>(index.row())];
    if (role == AddressRole) return qs(c.address);
    if (role == LabelRole || role == Qt::DisplayRole) return qs(c.label);
    return {};
}

QHash<int, QByteArray> AddressBookModel::roleNames() const { return {{AddressRole, "address"}, {LabelRole, "label"}}; }

QString AddressBookModel::labelFor(const QString& address) const {
    for (const auto& c : m_contacts)
        if (QString::compare(qs(c.address), address.trimmed(), Qt::CaseInsensitive) == 0) return qs(c.label);
    return {};
}

void AddressBookModel::setError(const QString& error) {
    if (error == m_error) return;
    m_error = error;
    emit errorChanged();
}

void AddressBookModel::setContacts(std::vector<interfaces::Contact> contacts) {
    beginResetModel();
    m_contacts = std::move(contacts);
    m_loaded = true;
    endResetModel();
    emit countChanged();
}

// A change with nothing to change: the same reload and reporting.
quint64 AddressBookModel::refresh() {
    return change([](interfaces::Wallet&) -> Status { return Ok{}; });
}

quint64 AddressBookModel::change(std::function<Status(interfaces::Wallet&)> work) {
    auto id = std::make_shared<quint64>(0);
    *id = m_runner->call<Result<std::vector<interfaces::Contact>>>(
        this,
        [work](interfaces::Services& s) -> Result<std::vector<interfaces::Contact>> {
            CTRN_TRY(work(*s.wallet));
            return s.wallet->contacts();
        },
        [this, id](Result<std::vector<interfaces::Contact>> r) {
            if (!r) {
                setError(errorText(r.error()));
                emit requestDone(*id, false, m_error);
                return;
            }
            setError({});
            setContacts(std::move(*r));
            emit requestDone(*id, true, {});
        },
        [this, id](const QString& e) {
            setError(e);
            emit requestDone(*id, false, e);
        });
    return *id;
}

quint64 AddressBookModel::save(const QString& address, const QString& label) {
    // Checked here as well as in core, so the form can say which field is wrong.
    auto checked = interfaces::checksumAddress(address.trimmed().toStdString());
    QString why;
    if (!checked) why = tr("Invalid address: %1").arg(errorText(checked.error()));
    else if (label.trimmed().isEmpty()) why = tr("Give the address a label.");
    if (!why.isEmpty()) {
        setError(why);
        emit requestDone(0, false, why);
        return 0;
    }
    interfaces::Contact c{*checked, label.trimmed().toStdString()};
    return change([c](interfaces::Wallet& w) { return w.setContact(c); });
}

quint64 AddressBookModel::remove(const QString& address) {
    const std::string a = address.toStdString();
    return change([a](interfaces::Wallet& w) { return w.removeContact(a); });
}

} // namespace ctrn::desktop
