// JSON for the core layers and ctrn (nlohmann::json). Integers beyond 64 bits
// are common here (wei amounts, uint256 ABI values), and a plain parse turns
// them into lossy doubles; parseJson keeps any integer literal that does not
// fit in 64 bits as its exact decimal string instead.
#pragma once

#include <core/util/result.h>

#include <nlohmann/json.hpp>

#include <string_view>

namespace ctrn {

using Json = nlohmann::json;

Result<Json> parseJson(std::string_view text);

} // namespace ctrn
