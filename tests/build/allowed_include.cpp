// Compiles: what app/ may include (core/interfaces and the value layers).
#include <core/chain/address.h>
#include <core/interfaces/services.h>
#include <core/util/result.h>

int appBoundaryAllowed() { return 0; }
