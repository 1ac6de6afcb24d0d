// Wallets in the data directory. Secrets live only in encrypted files under
// <datadir>/wallets/<name>/ — one keystore v3 file per imported key, or for
// an HD wallet its mnemonic in the same v3 container (mnemonic.json) — and
// the public side (names, kinds, addresses, HD indices) in the database.
// A KeyRing holds the decrypted keys of unlocked wallets and forgets them
// after an idle timeout.
#pragma once

#include <core/chain/address.h>
#include <core/chain/transaction.h>
#include <core/crypto/keystore.h>
#include <core/storage/wallet_store.h>
#include <core/util/result.h>
#include <core/util/secure_buffer.h>

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ctrn::wallet {

// $XDG_DATA_HOME/computronium-wallet, else ~/.local/share/computronium-wallet.
// The one rule for a wallet's name (it names a folder): 1 to 64 letters,
// digits, '-', '_' or '.', not starting with '.'. The app and ctrn both ask
// it, so they accept the same names.
Status checkWalletNameFormat(std::string_view name);

std::string defaultDataDir();

// Writes `text` to `path` through a 0600 temporary file, fsync and rename,
// so a crash leaves the old file or the new one, never half of one.
Status writeFileAtomic(const std::string& path, std::string_view text);

struct WalletInfo {
    storage::WalletRecord wallet;
    std::vector<storage::AccountRecord> accounts;
};

class WalletManager {
public:
    WalletManager(std::string dataDir, storage::WalletStore& store, crypto::KeystoreParams params = {});

    // A new HD wallet with a fresh mnemonic of `words` words and its first
    // account. The mnemonic is returned once (to show the user) in wiped
    // memory and is stored only encrypted.
    Result<SecureString> createHd(const std::string& name, ByteView password, std::size_t words = 24);
    Result<WalletInfo> importMnemonic(const std::string& name, std::string_view mnemonic, ByteView password,
                                      std::uint32_t accounts = 1);
    Result<WalletInfo> importKey(const std::string& name, const crypto::PrivateKey& key, ByteView password);
    // Any valid keystore v3 file; it is re-encrypted with our parameters
    // under `password` after `filePassword` opened it.
    Result<WalletInfo> importKeystore(const std::string& name, std::string_view keystoreJson, ByteView filePassword,
                                      ByteView password);
    Result<WalletInfo> importWatch(const std::string& name, const chain::Address& address);
    // The next BIP44 account (m/44'/60'/0'/0/i) of an HD wallet.
    Result<storage::AccountRecord> addHdAccount(const std::string& name, ByteView password);
    Status rename(const std::string& from, const std::string& to);
    Result<std::vector<WalletInfo>> list();
    // A keystore v3 JSON for one account, encrypted with `password`
    // (the wallet's password is checked first): what geth, cast and ethers
    // import.
    Result<Json> exportKeystore(const std::string& name, const chain::Address& account, ByteView password);

    // Decrypts every key of a wallet (checks the password). Wrong password:
    // ErrorCode::WrongPassword "wrong password", nothing changes.
    Result<std::map<chain::Address, crypto::PrivateKey>> decryptKeys(const std::string& name, ByteView password);

    std::string walletDir(const std::string& name) const;

private:
    Result<WalletInfo> finishImport(const std::string& name, const std::string& kind, std::vector<storage::AccountRecord> accounts);
    Status checkName(const std::string& name);
    std::string m_dataDir;
    storage::WalletStore& m_store;
    crypto::KeystoreParams m_params;
};

// Unlocked keys. Each use restarts the idle timer; once the timer runs out
// the keys are wiped and signing fails with "wallet is locked".
class KeyRing {
public:
    using Clock = std::function<std::chrono::steady_clock::time_point()>;
    explicit KeyRing(std::chrono::seconds idleTimeout = std::chrono::seconds(300), Clock clock = {});

    void unlock(std::map<chain::Address, crypto::PrivateKey> keys);
    void lock();
    bool isUnlocked(const chain::Address& account);
    // Signs with the account's key (a Signer service for WalletService).
    Result<chain::SignedTransaction> sign(const chain::Address& account, chain::Transaction tx);
    // Signs a 32-byte digest (an EIP-712 message) with the account's key:
    // 65 bytes r||s||v with v 27 or 28, as ecrecover and OpenZeppelin's ECDSA take.
    Result<Bytes> signDigest(const chain::Address& account, const crypto::Hash256& digest);

private:
    void expireIfIdle();
    std::chrono::seconds m_idleTimeout;
    Clock m_clock;
    std::chrono::steady_clock::time_point m_lastUse;
    std::map<chain::Address, chain::TransactionSigner> m_signers;
};

} // namespace ctrn::wallet
