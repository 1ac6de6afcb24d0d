// Runs the tst_*.qml files here (Qt Quick Test) against the Computronium
// module, with an AppContext on a temporary data directory (not connected:
// the controls and controllers tested here need no node).
#include "app_context.h"

#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QTemporaryDir>

#include <memory>

Q_IMPORT_QML_PLUGIN(ComputroniumPlugin)

class Setup : public QObject {
    Q_OBJECT
public slots:
    void applicationAvailable() {
        QQuickStyle::setStyle(QStringLiteral("Basic"));
        m_context = std::make_unique<ctrn::desktop::AppContext>(ctrn::desktop::LaunchOptions{m_dir.path(), {}, {}, {}, {}});
    }
    void qmlEngineAvailable(QQmlEngine* engine) { engine->addImportPath(QStringLiteral("qrc:/")); }
    void cleanupTestCase() { m_context.reset(); }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ctrn::desktop::AppContext> m_context;
};

QUICK_TEST_MAIN_WITH_SETUP(desktop_qml, Setup)

#include "tst_desktop_qml.moc"
