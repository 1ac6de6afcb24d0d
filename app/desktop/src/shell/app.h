// The desktop app's entry point: parses the command line (--network,
// --datadir, --screenshot PAGE FILE, --help), builds the AppContext, loads
// qrc:/Computronium/Main.qml and runs the event loop. main() only calls
// run(); tests call it too (the screenshot test) or build the pieces.
#pragma once

class QQmlApplicationEngine;

namespace ctrn::desktop {

// Sets the Basic style and loads Main.qml into `engine` (an AppContext must
// exist first: QML reaches it as a singleton). False when the window could
// not be created. run() and the end-to-end test (tests/e2e) share it.
bool loadMainWindow(QQmlApplicationEngine& engine);

int run(int argc, char** argv);

} // namespace ctrn::desktop
