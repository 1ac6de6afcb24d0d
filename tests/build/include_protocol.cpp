// Must not compile: app/ reaches core only through core/interfaces, so
// core/protocol is not on its include path (app_boundary_no_protocol expects failure).
#include <core/protocol/bindings.h>

int appBoundaryForbidden() { return 0; }
