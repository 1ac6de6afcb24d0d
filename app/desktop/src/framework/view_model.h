// ViewModel: the base of a page's view model that is not a list. It owns
// the plumbing every page had copied — busy, the error line, requestDone,
// and `run<R>(work, done)` (requests.h) — so the subclass holds only its
// page's own state and its calls read as what they do:
//
//     return run<Result<U256>>(
//         [req](interfaces::Services& s) { return s.wallet->maxSendable(req); },
//         [this](U256 max) { setAmount(...); });
//
// A failed job (the node dropped, the app closing) clears busy and shows
// the error like any refusal, so no button stays disabled for good.
#pragma once

#include "requests.h"

#include <QObject>
#include <QString>

namespace ctrn::desktop {

class ViewModel : public QObject, public RequestHost {
    Q_OBJECT
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)

public:
    explicit ViewModel(JobRunner* runner, QObject* parent = nullptr) : QObject(parent), RequestHost(runner) {}

    bool busy() const { return isBusy(); }
    QString error() const { return errorMessage(); }
    Q_INVOKABLE void clearError() { applyError({}); }

signals:
    void busyChanged();
    void errorChanged();
    // Every Q_INVOKABLE that returns a request id ends with exactly one of
    // these (id 0 for an input refused before any job ran).
    void requestDone(quint64 requestId, bool ok, const QString& message);

protected:
    void setError(const QString& error) { applyError(error); }

    QObject* receiverObject() override { return this; }
    void busyWasChanged() override { emit busyChanged(); }
    void errorWasChanged() override { emit errorChanged(); }
    void emitRequestDone(quint64 id, bool ok, const QString& message) override { emit requestDone(id, ok, message); }
};

} // namespace ctrn::desktop
