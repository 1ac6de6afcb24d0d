#include <core/crypto/random.h>

#include <sys/random.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace ctrn::crypto {

Status fillRandom(std::span<std::uint8_t> out) {
    std::size_t done = 0;
    while (done < out.size()) {
        // getrandom blocks only until the pool is initialised at boot and
        // returns at most 32 MiB per call, hence the loop.
        ssize_t n = ::getrandom(out.data() + done, out.size() - done, 0);
        if (n < 0) {
            if (errno == EINTR) continue;
            return makeError(ErrorCode::Internal, std::string("random: getrandom failed: ") + std::strerror(errno));
        }
        done += static_cast<std::size_t>(n);
    }
    return Ok{};
}

Result<SecureBytes> randomBytes(std::size_t size) {
    SecureBytes out(size);
    CTRN_TRY(fillRandom(std::span<std::uint8_t>(out.data(), out.size())));
    return out;
}

} // namespace ctrn::crypto
