// OutcomeFeed: where the outcomes of submitted actions reach the UI. Core
// pushes them through a Handler (interfaces::Actions::handleOutcome) on the
// worker when its head poll finds one final (Actions::checkOutcomes); the
// worker publishes each here, and every TxFlow waiting on that hash picks
// it up on the UI thread (a queued signal). No page sweeps the journal.
#pragma once

#include <core/interfaces/actions.h>

#include <QObject>
#include <QVariantMap>

namespace ctrn::desktop {

class OutcomeFeed : public QObject {
    Q_OBJECT
public:
    // The one feed; made on first use (AppContext makes it on the UI thread).
    static OutcomeFeed* instance();

    // From any thread: {hash, status, block, gasUsed, reason, events}.
    void publish(const interfaces::ActionOutcome& outcome);

signals:
    void outcome(const QVariantMap& outcome);
};

} // namespace ctrn::desktop
