// Decoding arbitrary bytes as a signed transaction must never crash; what
// decodes must re-encode to exactly the input (the decoder is canonical).
#include <core/chain/transaction.h>

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    ctrn::ByteView input(data, size);
    auto tx = ctrn::chain::decodeTransaction(input);
    if (tx) {
        auto again = ctrn::chain::encodeSigned(tx->tx);
        // A blob transaction in network form (with blobs) re-encodes to its
        // canonical body only; every other input must round-trip exactly.
        if (!again) std::abort();
        if (tx->tx.type != ctrn::chain::TxType::Blob && *again != ctrn::toBytes(input)) std::abort();
        (void)ctrn::chain::transactionToJson(*tx);
    }
    return 0;
}
