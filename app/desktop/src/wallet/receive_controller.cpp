#include "receive_controller.h"

#include <core/interfaces/values.h>

#include <QClipboard>
#include <QGuiApplication>

namespace ctrn::desktop {

ReceiveController::ReceiveController(QObject* parent) : ReceiveController(AccountsModel::instance(), 0, parent) {
    if (AppContext* context = AppContext::instance()) connect(context, &AppContext::connectionChanged, this, &ReceiveController::update);
}

ReceiveController::ReceiveController(AccountsModel* accounts, quint64 chainId, QObject* parent)
    : QObject(parent), m_accounts(accounts), m_chainId(chainId) {
    if (m_accounts) {
        connect(m_accounts, &AccountsModel::currentChanged, this, &ReceiveController::update);
        connect(m_accounts, &AccountsModel::tokenChanged, this, &ReceiveController::update);
    }
    update();
}

quint64 ReceiveController::chainId() const {
    if (m_chainId) return m_chainId;
    AppContext* context = AppContext::instance();
    return context ? context->chainId() : 0;
}

QString ReceiveController::address() const { return m_accounts ? m_accounts->currentAddress() : QString(); }

void ReceiveController::setAsset(const QString& asset) {
    if (asset == m_asset || (asset != QStringLiteral("ETH") && asset != QStringLiteral("CTRN"))) return;
    m_asset = asset;
    update();
}

void ReceiveController::setAmount(const QString& amount) {
    if (amount == m_amount) return;
    m_amount = amount;
    update();
}

void ReceiveController::update() {
    m_amountError.clear();
    m_uri.clear();
    const bool ctrn = m_asset == QStringLiteral("CTRN");
    const unsigned decimals = ctrn && m_accounts ? m_accounts->ctrnDecimals() : 18;
    std::optional<U256> amount;
    if (!m_amount.trimmed().isEmpty()) {
        auto v = interfaces::parseAmount(m_amount.trimmed().toStdString(), decimals);
        if (v) amount = *v;
        else m_amountError = errorText(v.error());
    }
    const QString token = ctrn && m_accounts ? m_accounts->ctrnAddress() : QString();
    if (!address().isEmpty() && m_amountError.isEmpty() && (!ctrn || !token.isEmpty())) {
        const std::string tokenText = token.toStdString();
        auto uri = interfaces::paymentUri(address().toStdString(), chainId(),
                                          ctrn ? std::optional<std::string_view>(tokenText) : std::nullopt, amount);
        if (uri) m_uri = QString::fromStdString(*uri);
    }
    emit changed();
}

void ReceiveController::copy(const QString& text) const {
    if (auto* clipboard = QGuiApplication::clipboard()) clipboard->setText(text);
}

} // namespace ctrn::desktop
