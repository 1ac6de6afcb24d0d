#include "app.h"

#include "app_context.h"
#include "preferences.h"
#include "startup_report.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QApplication>
#include <QGuiApplication>
#include <QLocale>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

namespace ctrn::desktop {

namespace {
// A --screenshot run that never becomes ready (node down, page broken)
// gives up after this long instead of hanging a script.
constexpr int kScreenshotTimeoutMs = 60000;
} // namespace

bool loadMainWindow(QQmlApplicationEngine& engine) {
    QQuickStyle::setStyle(QStringLiteral("Basic"));
    engine.addImportPath(QStringLiteral("qrc:/"));
    engine.load(QUrl(QStringLiteral("qrc:/Computronium/Main.qml")));
    return !engine.rootObjects().isEmpty();
}

int run(int argc, char** argv) {
    // --screenshot renders without a display: the offscreen platform and the
    // software renderer, unless the caller chose otherwise.
    // --help and --version print and exit, so they need no display either.
    for (int i = 1; i < argc; ++i) {
        const bool shot = qstrcmp(argv[i], "--screenshot") == 0;
        const bool info = qstrcmp(argv[i], "--help") == 0 || qstrcmp(argv[i], "-h") == 0 ||
                          qstrcmp(argv[i], "--version") == 0 || qstrcmp(argv[i], "-v") == 0;
        if ((shot || info) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
        if (shot && qEnvironmentVariableIsEmpty("QT_QUICK_BACKEND")) qputenv("QT_QUICK_BACKEND", "software");
    }
    // A QApplication (not QGuiApplication): QtCharts' ChartView (the
    // wallet pages' charts) is built on QGraphicsView and needs one.
    QApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("Computronium Wallet"));
    QGuiApplication::setOrganizationName(QStringLiteral("Computronium"));
    QGuiApplication::setApplicationVersion(QStringLiteral("0.1.0"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Computronium Wallet — desktop wallet for the Computronium token (CTRN)."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption network(QStringLiteral("network"), QStringLiteral("Connect to network NAME (devnet, or one added in Settings)."),
                               QStringLiteral("NAME"));
    QCommandLineOption datadir(QStringLiteral("datadir"),
                               QStringLiteral("Use data directory DIR (default: computronium-wallet under XDG_DATA_HOME, else ~/.local/share)."),
                               QStringLiteral("DIR"));
    QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                  QStringLiteral("Render page PAGE once its data has loaded, save it as the PNG file given as the "
                                                 "next argument (the window's size) and exit. Pages: welcome, create, import, "
                                                 "unlock, settings and every page in the sidebar."),
                                  QStringLiteral("PAGE"));
    parser.addOption(network);
    parser.addOption(datadir);
    parser.addOption(screenshot);
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("With --screenshot: the PNG to write."), QStringLiteral("[FILE]"));
    parser.process(app);

    LaunchOptions options;
    options.network = parser.value(network);
    options.dataDir = parser.isSet(datadir) ? QDir(parser.value(datadir)).absolutePath() : QString();
    if (parser.isSet(screenshot)) {
        if (parser.positionalArguments().size() != 1) {
            std::fprintf(stderr, "computronium-wallet: --screenshot PAGE FILE needs the PNG file to write\n");
            return 2;
        }
        options.screenshotPage = parser.value(screenshot);
        options.screenshotFile = QFileInfo(parser.positionalArguments().front()).absoluteFilePath();
    } else if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "computronium-wallet: unexpected argument '%s' (see --help)\n",
                     qPrintable(parser.positionalArguments().front()));
        return 2;
    }

    AppContext context(options);

    QTranslator translator;
    if (translator.load(QStringLiteral(":/i18n/app_%1.qm").arg(context.preferences()->language())))
        QGuiApplication::installTranslator(&translator);

    QQmlApplicationEngine engine;
    QObject::connect(context.preferences(), &Preferences::languageChanged, &engine, [&] {
        QGuiApplication::removeTranslator(&translator);
        if (translator.load(QStringLiteral(":/i18n/app_%1.qm").arg(context.preferences()->language())))
            QGuiApplication::installTranslator(&translator);
        engine.retranslate();
    });
    int exitCode = 0;
    QObject::connect(&context, &AppContext::screenshotDone, &app, [&](bool ok, const QString& message) {
        std::fprintf(ok ? stdout : stderr, "%s\n", qPrintable(message));
        exitCode = ok ? 0 : 1;
        QGuiApplication::exit(exitCode);
    });
    if (!options.screenshotPage.isEmpty()) {
        QTimer::singleShot(kScreenshotTimeoutMs, &app, [&] {
            std::fprintf(stderr, "computronium-wallet: page '%s' did not finish loading in %d s\n",
                         qPrintable(options.screenshotPage), kScreenshotTimeoutMs / 1000);
            QGuiApplication::exit(1);
        });
    }
    QObject::connect(&engine, &QQmlApplicationEngine::objectCreationFailed, &app, [] { QGuiApplication::exit(1); },
                     Qt::QueuedConnection);
    if (!loadMainWindow(engine)) return 1;

    // CTRN_STARTUP_REPORT=1 (scripts/bench-desktop): print when the first
    // frame was shown and, with --screenshot, when the page was ready.
    double firstFrameMs = -1;
    if (qEnvironmentVariableIsSet("CTRN_STARTUP_REPORT")) {
        if (auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().front())) {
            QObject::connect(window, &QQuickWindow::frameSwapped, &app, [&firstFrameMs] {
                if (firstFrameMs < 0) firstFrameMs = msSinceProcessStart();
            });
        }
        QObject::connect(&context, &AppContext::pageReady, &app, [&firstFrameMs] {
            std::printf("startup: first-frame-ms=%.0f ready-ms=%.0f rss-kib=%ld\n", firstFrameMs, msSinceProcessStart(),
                        residentKiB());
        });
    }
    context.connectTo(options.network);
    const int rc = QGuiApplication::exec();
    context.drain();
    return rc != 0 ? rc : exitCode;
}

} // namespace ctrn::desktop
