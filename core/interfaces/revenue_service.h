// Internal to core/interfaces: the factory makeServices builds Revenue with.
// Not for app/.
#pragma once

#include <core/interfaces/backend.h>
#include <core/interfaces/revenue.h>
#include <core/interfaces/verifier.h>

#include <memory>
#include <string>

namespace ctrn::interfaces {

// `verifier` may be null (no checkpoint): every figure is then the node's,
// Unverified with `noVerifierWhy`.
std::unique_ptr<Revenue> makeRevenue(std::shared_ptr<Backend> backend, Verifier* verifier, std::string storageLayoutDir,
                                     std::string noVerifierWhy);

} // namespace ctrn::interfaces
