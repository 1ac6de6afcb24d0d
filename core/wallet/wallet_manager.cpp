#include <core/wallet/wallet_manager.h>

#include <core/crypto/bip32.h>
#include <core/crypto/bip39.h>
#include <core/util/hex.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sys/stat.h>
#include <unistd.h>

namespace ctrn::wallet {
namespace fs = std::filesystem;
namespace {

Error ioError(const std::string& what, const std::string& path) {
    return makeError(ErrorCode::Io, what + " " + path + ": " + std::strerror(errno));
}

Result<std::string> readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return makeError(ErrorCode::Io, "cannot read " + path);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

Result<crypto::PrivateKey> deriveAccount(std::string_view mnemonic, std::uint32_t index) {
    CTRN_ASSIGN(auto seed, crypto::mnemonicToSeed(mnemonic));
    CTRN_ASSIGN(auto master, crypto::masterKeyFromSeed(seed.view()));
    CTRN_ASSIGN(auto child, crypto::derivePath(master, crypto::bip44EthereumPath(index)));
    return *child.privateKey;
}

std::string keystoreName(const chain::Address& a) { return "keystore-" + a.lowerHex().substr(2) + ".json"; }

} // namespace

std::string defaultDataDir() {
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return std::string(xdg) + "/computronium-wallet";
    const char* home = std::getenv("HOME");
    return std::string(home && *home ? home : ".") + "/.local/share/computronium-wallet";
}

Status writeFileAtomic(const std::string& path, std::string_view text) {
    fs::path p(path);
    std::string dir = p.parent_path().empty() ? "." : p.parent_path().string();
    std::string tmp = dir + "/." + p.filename().string() + ".tmp-XXXXXX";
    int fd = ::mkstemp(tmp.data()); // mode 0600
    if (fd < 0) return ioError("cannot create a temporary file in", dir);
    std::size_t written = 0;
    while (written < text.size()) {
        ssize_t n = ::write(fd, text.data() + written, text.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            ::close(fd);
            ::unlink(tmp.c_str());
            return ioError("cannot write", tmp);
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        ::unlink(tmp.c_str());
        return ioError("cannot write", tmp);
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        ::unlink(tmp.c_str());
        return ioError("cannot rename into", path);
    }
    int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    return Ok{};
}

WalletManager::WalletManager(std::string dataDir, storage::WalletStore& store, crypto::KeystoreParams params)
    : m_dataDir(std::move(dataDir)), m_store(store), m_params(params) {}

std::string WalletManager::walletDir(const std::string& name) const { return m_dataDir + "/wallets/" + name; }

Status checkWalletNameFormat(std::string_view name) {
    if (name.empty() || name.size() > 64)
        return makeError(ErrorCode::InvalidInput, "wallet name must be 1 to 64 characters");
    for (char c : name)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.')
            return makeError(ErrorCode::InvalidInput, "wallet name may use letters, digits, '-', '_' and '.' only");
    if (name[0] == '.') return makeError(ErrorCode::InvalidInput, "wallet name may not start with '.'");
    return Ok{};
}

Status WalletManager::checkName(const std::string& name) {
    CTRN_TRY(checkWalletNameFormat(name));
    CTRN_ASSIGN(auto existing, m_store.wallet(name));
    if (existing || fs::exists(walletDir(name)))
        return makeError(ErrorCode::InvalidInput, "a wallet named '" + name + "' already exists");
    return Ok{};
}

Result<WalletInfo> WalletManager::finishImport(const std::string& name, const std::string& kind,
                                               std::vector<storage::AccountRecord> accounts) {
    storage::WalletRecord w{name, kind, storage::unixNow(), 0};
    if (kind == "hd") w.nextHdIndex = static_cast<std::uint32_t>(accounts.size());
    auto added = m_store.addWallet(w, accounts);
    if (!added) {
        // The database refused (duplicate account): leave no orphan files.
        std::error_code ec;
        fs::remove_all(walletDir(name), ec);
        return added.error();
    }
    return WalletInfo{w, std::move(accounts)};
}

Result<SecureString> WalletManager::createHd(const std::string& name, ByteView password, std::size_t words) {
    CTRN_ASSIGN(auto mnemonic, crypto::generateMnemonic(words));
    CTRN_TRY(importMnemonic(name, mnemonic.asString(), password, 1));
    return mnemonic;
}

Result<WalletInfo> WalletManager::importMnemonic(const std::string& name, std::string_view mnemonic, ByteView password,
                                                 std::uint32_t count) {
    CTRN_TRY(checkName(name));
    CTRN_TRY(crypto::validateMnemonic(mnemonic));
    if (count == 0 || count > 100) return makeError(ErrorCode::InvalidInput, "accounts must be 1 to 100");
    // Words normalised to single spaces, so the stored phrase is canonical.
    SecureString canonical;
    {
        std::size_t i = 0;
        while (i < mnemonic.size()) {
            while (i < mnemonic.size() && std::isspace(static_cast<unsigned char>(mnemonic[i]))) ++i;
            std::size_t start = i;
            while (i < mnemonic.size() && !std::isspace(static_cast<unsigned char>(mnemonic[i]))) ++i;
            if (i > start) {
                if (!canonical.empty()) canonical.append(asView(" "));
                canonical.append(asView(mnemonic.substr(start, i - start)));
            }
        }
    }
    std::vector<storage::AccountRecord> accounts;
    for (std::uint32_t i = 0; i < count; ++i) {
        CTRN_ASSIGN(auto key, deriveAccount(canonical.asString(), i));
        chain::Address a(crypto::addressOf(key));
        accounts.push_back({a.checksummed(), name, static_cast<std::int64_t>(i), "", false});
    }
    CTRN_ASSIGN(auto encrypted, crypto::encryptSecret(canonical.view(), password, m_params));
    encrypted["ctrn"] = {{"kind", "bip39-mnemonic"}};
    std::error_code ec;
    fs::create_directories(walletDir(name), ec);
    if (ec) return makeError(ErrorCode::Io, "cannot create " + walletDir(name) + ": " + ec.message());
    ::chmod(walletDir(name).c_str(), 0700);
    // Read back before the wallet exists: never record a wallet whose
    // secret file cannot be opened with the password just given.
    std::string path = walletDir(name) + "/mnemonic.json";
    CTRN_TRY(writeFileAtomic(path, encrypted.dump()));
    CTRN_ASSIGN(auto back, readFile(path));
    CTRN_ASSIGN(auto parsed, parseJson(back));
    CTRN_ASSIGN(auto check, crypto::decryptSecret(parsed, password));
    if (!constantTimeEqual(check.view(), canonical.view()))
        return makeError(ErrorCode::VerificationFailed, "written mnemonic file does not decrypt to the mnemonic");
    return finishImport(name, "hd", std::move(accounts));
}

Result<WalletInfo> WalletManager::importKey(const std::string& name, const crypto::PrivateKey& key, ByteView password) {
    CTRN_TRY(checkName(name));
    chain::Address a(crypto::addressOf(key));
    CTRN_ASSIGN(auto existing, m_store.account(a.checksummed()));
    if (existing) return makeError(ErrorCode::InvalidInput, "account " + a.checksummed() + " is already in wallet '" + existing->wallet + "'");
    CTRN_ASSIGN(auto keystore, crypto::encryptKeystore(key, password, m_params));
    std::error_code ec;
    fs::create_directories(walletDir(name), ec);
    if (ec) return makeError(ErrorCode::Io, "cannot create " + walletDir(name) + ": " + ec.message());
    ::chmod(walletDir(name).c_str(), 0700);
    CTRN_TRY(crypto::writeKeystoreFile(walletDir(name) + "/" + keystoreName(a), keystore, key, password));
    return finishImport(name, "key", {{a.checksummed(), name, std::nullopt, "", false}});
}

Result<WalletInfo> WalletManager::importKeystore(const std::string& name, std::string_view json, ByteView filePassword,
                                                 ByteView password) {
    CTRN_ASSIGN(auto key, crypto::decryptKeystore(json, filePassword));
    return importKey(name, key, password);
}

Result<WalletInfo> WalletManager::importWatch(const std::string& name, const chain::Address& address) {
    CTRN_TRY(checkName(name));
    std::error_code ec;
    fs::create_directories(walletDir(name), ec);
    return finishImport(name, "watch", {{address.checksummed(), name, std::nullopt, "", true}});
}

Result<std::map<chain::Address, crypto::PrivateKey>> WalletManager::decryptKeys(const std::string& name, ByteView password) {
    CTRN_ASSIGN(auto w, m_store.wallet(name));
    if (!w) return makeError(ErrorCode::NotFound, "no wallet named '" + name + "'");
    CTRN_ASSIGN(auto accounts, m_store.accounts(name));
    std::map<chain::Address, crypto::PrivateKey> keys;
    if (w->kind == "watch") return makeError(ErrorCode::InvalidInput, "wallet '" + name + "' is watch-only: it holds no keys");
    if (w->kind == "hd") {
        CTRN_ASSIGN(auto text, readFile(walletDir(name) + "/mnemonic.json"));
        CTRN_ASSIGN(auto json, parseJson(text));
        CTRN_ASSIGN(auto mnemonic, crypto::decryptSecret(json, password));
        for (const auto& a : accounts) {
            if (!a.hdIndex) continue;
            CTRN_ASSIGN(auto key, deriveAccount(mnemonic.asString(), static_cast<std::uint32_t>(*a.hdIndex)));
            keys.emplace(chain::Address(crypto::addressOf(key)), std::move(key));
        }
        return keys;
    }
    for (const auto& a : accounts) {
        CTRN_ASSIGN(auto address, chain::Address::fromHex(a.address));
        CTRN_ASSIGN(auto text, readFile(walletDir(name) + "/" + keystoreName(address)));
        CTRN_ASSIGN(auto key, crypto::decryptKeystore(std::string_view(text), password));
        keys.emplace(address, std::move(key));
    }
    return keys;
}

Result<storage::AccountRecord> WalletManager::addHdAccount(const std::string& name, ByteView password) {
    CTRN_ASSIGN(auto w, m_store.wallet(name));
    if (!w) return makeError(ErrorCode::NotFound, "no wallet named '" + name + "'");
    if (w->kind != "hd") return makeError(ErrorCode::InvalidInput, "wallet '" + name + "' is not an HD wallet");
    CTRN_ASSIGN(auto text, readFile(walletDir(name) + "/mnemonic.json"));
    CTRN_ASSIGN(auto json, parseJson(text));
    CTRN_ASSIGN(auto mnemonic, crypto::decryptSecret(json, password));
    CTRN_ASSIGN(auto key, deriveAccount(mnemonic.asString(), w->nextHdIndex));
    storage::AccountRecord a{chain::Address(crypto::addressOf(key)).checksummed(), name,
                             static_cast<std::int64_t>(w->nextHdIndex), "", false};
    CTRN_TRY(m_store.addAccount(a, w->nextHdIndex + 1));
    return a;
}

Status WalletManager::rename(const std::string& from, const std::string& to) {
    CTRN_ASSIGN(auto w, m_store.wallet(from));
    if (!w) return makeError(ErrorCode::NotFound, "no wallet named '" + from + "'");
    CTRN_TRY(checkName(to));
    std::error_code ec;
    fs::rename(walletDir(from), walletDir(to), ec);
    if (ec) return makeError(ErrorCode::Io, "cannot rename wallet directory: " + ec.message());
    auto renamed = m_store.renameWallet(from, to);
    if (!renamed) fs::rename(walletDir(to), walletDir(from), ec);
    return renamed;
}

Result<std::vector<WalletInfo>> WalletManager::list() {
    CTRN_ASSIGN(auto wallets, m_store.wallets());
    std::vector<WalletInfo> out;
    for (auto& w : wallets) {
        CTRN_ASSIGN(auto accounts, m_store.accounts(w.name));
        out.push_back({std::move(w), std::move(accounts)});
    }
    return out;
}

Result<Json> WalletManager::exportKeystore(const std::string& name, const chain::Address& account, ByteView password) {
    CTRN_ASSIGN(auto keys, decryptKeys(name, password));
    auto it = keys.find(account);
    if (it == keys.end()) return makeError(ErrorCode::NotFound, "account " + account.checksummed() + " is not in wallet '" + name + "'");
    return crypto::encryptKeystore(it->second, password, m_params);
}

KeyRing::KeyRing(std::chrono::seconds idleTimeout, Clock clock) : m_idleTimeout(idleTimeout), m_clock(std::move(clock)) {
    if (!m_clock) m_clock = [] { return std::chrono::steady_clock::now(); };
    m_lastUse = m_clock();
}

void KeyRing::unlock(std::map<chain::Address, crypto::PrivateKey> keys) {
    for (auto& [address, key] : keys) {
        m_signers.erase(address);
        m_signers.emplace(address, chain::TransactionSigner(std::move(key)));
    }
    m_lastUse = m_clock();
}

void KeyRing::lock() { m_signers.clear(); }

void KeyRing::expireIfIdle() {
    if (m_clock() - m_lastUse >= m_idleTimeout) lock();
}

bool KeyRing::isUnlocked(const chain::Address& account) {
    expireIfIdle();
    return m_signers.count(account) != 0;
}

Result<chain::SignedTransaction> KeyRing::sign(const chain::Address& account, chain::Transaction tx) {
    expireIfIdle();
    auto it = m_signers.find(account);
    if (it == m_signers.end()) return makeError(ErrorCode::InvalidInput, "wallet is locked for " + account.checksummed());
    m_lastUse = m_clock();
    return it->second.sign(std::move(tx));
}

Result<Bytes> KeyRing::signDigest(const chain::Address& account, const crypto::Hash256& digest) {
    expireIfIdle();
    auto it = m_signers.find(account);
    if (it == m_signers.end()) return makeError(ErrorCode::InvalidInput, "wallet is locked for " + account.checksummed());
    m_lastUse = m_clock();
    CTRN_ASSIGN(crypto::RecoverableSignature sig, it->second.signHash(digest));
    sig[64] = static_cast<std::uint8_t>(sig[64] + 27);
    return Bytes(sig.begin(), sig.end());
}

} // namespace ctrn::wallet
