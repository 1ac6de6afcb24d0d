#include "address_book_model.h"

#include <core/interfaces/values.h>

namespace ctrn::desktop {
namespace {
} // namespace

AddressBookModel::AddressBookModel(QObject* parent) : AddressBookModel(appJobRunner(), parent) {
    if (AppContext* context = AppContext::instance()) {
        connect(context, &AppContext::connectionChanged, this, [this, context] {
            if (context->connected()) refreshSoon();
        });
        if (context->connected()) refresh();
    }
}

AddressBookModel::AddressBookModel(JobRunner* runner, QObject* parent) : QueryList<interfaces::Contact>(runner, parent) {
    setRoles({{AddressRole, "address"}, {LabelRole, "label"}});
}

AddressBookModel::Query AddressBookModel::query() const {
    return [](interfaces::Services& s, const std::optional<interfaces::Contact>&, std::size_t) { return s.wallet->contacts(); };
}

QVariant AddressBookModel::value(const interfaces::Contact& c, int role) const {
    if (role == AddressRole) return qs(c.address);
    if (role == LabelRole || role == Qt::DisplayRole) return qs(c.label);
    return {};
}

QString AddressBookModel::labelFor(const QString& address) const {
    for (const auto& c : rows())
        if (QString::compare(qs(c.address), address.trimmed(), Qt::CaseInsensitive) == 0) return qs(c.label);
    return {};
}

// The change on the worker, then the book again (merged by address).
quint64 AddressBookModel::change(std::function<Status(interfaces::Wallet&)> work) {
    return run<Status>([work](interfaces::Services& s) { return work(*s.wallet); }, [this] { refreshSoon(); },
                       RunOptions{.busy = false});
}

quint64 AddressBookModel::save(const QString& address, const QString& label) {
    // Checked here as well as in core, so the form can say which field is wrong.
    auto checked = interfaces::checksumAddress(address.trimmed().toStdString());
    if (!checked) return refuse(tr("Invalid address: %1").arg(errorText(checked.error())));
    if (label.trimmed().isEmpty()) return refuse(tr("Give the address a label."));
    interfaces::Contact c{*checked, label.trimmed().toStdString()};
    return change([c](interfaces::Wallet& w) { return w.setContact(c); });
}

quint64 AddressBookModel::remove(const QString& address) {
    const std::string a = address.toStdString();
    return change([a](interfaces::Wallet& w) { return w.removeContact(a); });
}

} // namespace ctrn::desktop
