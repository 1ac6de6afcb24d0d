// Must not compile: app/ reaches core only through core/interfaces, so
// core/lightclient is not on its include path (app_boundary_no_lightclient expects failure).
#include <core/lightclient/light_client.h>

int appBoundaryForbidden() { return 0; }
