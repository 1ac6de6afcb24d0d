// QrCode: a QML item that draws `text` as a QR code (libqrencode, error
// correction M, with the 4-module quiet zone scanners need), scaled to the
// item's size with whole-pixel modules so it stays sharp.
#pragma once

#include <QColor>
#include <QQmlEngine>
#include <QQuickPaintedItem>
#include <QVector>

namespace ctrn::desktop {

class QrCodeItem : public QQuickPaintedItem {
    Q_OBJECT
    QML_NAMED_ELEMENT(QrCode)
    Q_PROPERTY(QString text READ text WRITE setText NOTIFY textChanged)
    Q_PROPERTY(int modules READ modules NOTIFY textChanged) // 0 when nothing can be encoded

public:
    explicit QrCodeItem(QQuickItem* parent = nullptr);

    QString text() const { return m_text; }
    void setText(const QString& text);
    int modules() const { return m_size; }
    // Whether module (x, y) is dark; for tests.
    Q_INVOKABLE bool dark(int x, int y) const;

    void paint(QPainter* painter) override;

signals:
    void textChanged();

private:
    QString m_text;
    int m_size = 0;
    QVector<bool> m_dark;
};

} // namespace ctrn::desktop
