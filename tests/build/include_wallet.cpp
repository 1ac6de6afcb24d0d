// Must not compile: app/ reaches core only through core/interfaces, so
// core/wallet is not on its include path (app_boundary_no_wallet expects failure).
#include <core/wallet/wallet_service.h>

int appBoundaryForbidden() { return 0; }
