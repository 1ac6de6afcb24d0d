#include "qr_code_item.h"

#include <QPainter>

#include <qrencode.h>

#include <memory>

namespace ctrn::desktop {

QrCodeItem::QrCodeItem(QQuickItem* parent) : QQuickPaintedItem(parent) {}

void QrCodeItem::setText(const QString& text) {
    if (text == m_text) return;
    m_text = text;
    m_size = 0;
    m_dark.clear();
    if (!text.isEmpty()) {
        const QByteArray utf8 = text.toUtf8();
        std::unique_ptr<QRcode, decltype(&QRcode_free)> code(QRcode_encodeString(utf8.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1),
                                                            &QRcode_free);
        if (code) {
            m_size = code->width;
            m_dark.resize(m_size * m_size);
            for (int i = 0; i < m_size * m_size; ++i) m_dark[i] = (code->data[i] & 1) != 0;
        }
    }
    emit textChanged();
    update();
}

bool QrCodeItem::dark(int x, int y) const {
    if (x < 0 || y < 0 || x >= m_size || y >= m_size) return false;
    return m_dark[y * m_size + x];
}

void QrCodeItem::paint(QPainter* painter) {
    const int side = static_cast<int>(std::min(width(), height()));
    painter->fillRect(0, 0, side, side, Qt::white);
    if (m_size == 0) return;
    const int total = m_size + 8; // quiet zone of 4 modules each side
    const int module = std::max(1, side / total);
    const int offset = (side - module * m_size) / 2;
    for (int y = 0; y < m_size; ++y)
        for (int x = 0; x < m_size; ++x)
            if (m_dark[y * m_size + x]) painter->fillRect(offset + x * module, offset + y * module, module, module, Qt::black);
}

} // namespace ctrn::desktop
