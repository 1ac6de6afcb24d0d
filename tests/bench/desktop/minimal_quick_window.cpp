// The baseline for the desktop app's startup figures: a minimal Qt Quick
// window (one rectangle, one text) on the same platform and renderer. It
// prints the same "startup:" line as computronium-wallet with
// CTRN_STARTUP_REPORT=1 and exits after its first frame.
#include "startup_report.h"

#include <QGuiApplication>
#include <QQuickItem>
#include <QQuickView>
#include <QQmlComponent>
#include <QTimer>

#include <cstdio>

int main(int argc, char** argv) {
    QGuiApplication app(argc, argv);
    QQuickView view;
    view.setResizeMode(QQuickView::SizeRootObjectToView);
    view.resize(1200, 780);
    QQmlComponent component(view.engine());
    component.setData("import QtQuick\nRectangle { color: \"#0d0f14\"; Text { anchors.centerIn: parent; text: \"Hello\"; color: \"white\" } }",
                      QUrl());
    auto* root = qobject_cast<QQuickItem*>(component.create());
    view.setContent(QUrl(), &component, root);
    double firstFrame = -1;
    QObject::connect(&view, &QQuickWindow::frameSwapped, &app, [&] {
        if (firstFrame >= 0) return;
        firstFrame = ctrn::desktop::msSinceProcessStart();
        // Let the frame settle, as the app's report does after its page is ready.
        QTimer::singleShot(0, &app, [&] {
            std::printf("startup: first-frame-ms=%.0f ready-ms=%.0f rss-kib=%ld\n", firstFrame, firstFrame,
                        ctrn::desktop::residentKiB());
            QGuiApplication::quit();
        });
    });
    view.show();
    return QGuiApplication::exec();
}
