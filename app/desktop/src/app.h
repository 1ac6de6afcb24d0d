// The desktop app's entry point: parses the command line (--network,
// --datadir, --screenshot PAGE FILE, --help), builds the AppContext, loads
// qrc:/Computronium/qml/Main.qml and runs the event loop. main() only calls
// run(); tests call it too (the screenshot test) or build the pieces.
#pragma once

namespace ctrn::desktop {

int run(int argc, char** argv);

} // namespace ctrn::desktop
