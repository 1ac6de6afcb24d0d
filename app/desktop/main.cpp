// computronium-wallet: the desktop app. Everything lives in the
// computronium_desktop library (app/desktop/src); this only starts it.
#include "app.h"

#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(ComputroniumPlugin)

int main(int argc, char** argv) { return ctrn::desktop::run(argc, argv); }
