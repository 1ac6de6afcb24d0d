// Small text helpers shared by the layers above.
#pragma once

#include <cctype>
#include <string>

namespace ctrn {

// ASCII lower case (addresses, hashes, URI schemes, search words); other
// bytes are left as they are, whatever the locale.
inline std::string asciiLower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

} // namespace ctrn
