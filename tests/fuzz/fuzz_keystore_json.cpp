// Keystore v3 decryption of arbitrary text must never crash, leak or hang.
// The KDF limits are tightened so a fuzzed file cannot ask for a real
// n=262144 scrypt (the production bounds allow that, and it takes a second);
// whatever decrypts must survive an encrypt/decrypt round trip.
#include <core/crypto/keystore.h>

#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace ctrn;
    using namespace ctrn::crypto;
    std::string_view text(reinterpret_cast<const char*>(data), size);
    KdfLimits limits;
    limits.maxScryptMemory = 1u << 20;
    limits.maxScryptWork = 1u << 12;
    limits.maxPbkdf2Iterations = 1u << 10;
    auto password = asView("pw");
    auto key = decryptKeystore(text, password, limits);
    if (!key) {
        if (key.error().message.empty()) std::abort();
        return 0;
    }
    auto again = encryptKeystore(*key, password, {KeystoreKdf::Scrypt, 16, 1, 1, 0});
    if (!again) std::abort();
    auto back = decryptKeystore(*again, password, limits);
    if (!back || !constantTimeEqual(back->bytes(), key->bytes())) std::abort();
    return 0;
}
