// Must not compile: app/ reaches core only through core/interfaces, so
// core/storage is not on its include path (app_boundary_no_storage expects failure).
#include <core/storage/wallet_store.h>

int appBoundaryForbidden() { return 0; }
