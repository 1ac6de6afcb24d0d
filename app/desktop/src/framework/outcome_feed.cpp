#include "outcome_feed.h"

#include <core/interfaces/values.h>

#include <QVariantList>

namespace ctrn::desktop {

OutcomeFeed* OutcomeFeed::instance() {
    static OutcomeFeed* feed = new OutcomeFeed; // lives as long as the process: outcomes may come during shutdown
    return feed;
}

void OutcomeFeed::publish(const interfaces::ActionOutcome& o) {
    QVariantList events;
    for (const auto& e : o.events)
        events.push_back(QVariantMap{{QStringLiteral("contract"), QString::fromStdString(e.contract)},
                                     {QStringLiteral("event"), QString::fromStdString(e.event)},
                                     {QStringLiteral("fields"), QString::fromStdString(e.fields.dump())}});
    // Emitted on the publishing thread: receivers on the UI thread get it queued.
    emit outcome({{QStringLiteral("hash"), QString::fromStdString(o.hash)},
                  {QStringLiteral("status"), QString::fromStdString(o.status)},
                  {QStringLiteral("block"), QVariant::fromValue<qulonglong>(o.block)},
                  {QStringLiteral("gasUsed"), QString::fromStdString(interfaces::integerText(o.gasUsed))},
                  {QStringLiteral("reason"), QString::fromStdString(o.reason)},
                  {QStringLiteral("events"), events}});
}

} // namespace ctrn::desktop
