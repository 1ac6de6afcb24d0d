// Must not compile: app/ reaches core only through core/interfaces, so
// core/rpc is not on its include path (app_boundary_no_rpc expects failure).
#include <core/rpc/client.h>

int appBoundaryForbidden() { return 0; }
