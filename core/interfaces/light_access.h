// Internal to core/interfaces: what the other services built next to the
// Verifier (Staking) need of the light client behind it, so they prove
// their figures through the same verified header chain instead of opening
// a second one. Names private types; app/ does not include it.
#pragma once

#include <core/interfaces/checked.h>
#include <core/interfaces/verifier.h>
#include <core/lightclient/checked.h>
#include <core/lightclient/light_client.h>

#include <string>

namespace ctrn::interfaces {

// The LightClient of a Verifier made by makeVerifier (null for null or any
// other implementation).
lightclient::LightClient* lightClientOf(Verifier* verifier);
// The storage layouts directory a Verifier was made with.
std::string storageLayoutDirOf(Verifier* verifier);
Mismatch fromLightclient(const lightclient::Mismatch& m);

} // namespace ctrn::interfaces
