// ctrn wallet create|import|list|export|rename|add-account|backup — wallets
// in the data directory. Secrets come only from files or stdin; nothing
// secret is printed (a new mnemonic goes to --mnemonic-out, mode 0600).
#include "../session.h"

#include <core/crypto/secp256k1.h>

#include <fcntl.h>
#include <unistd.h>

namespace ctrn::cli {
namespace {

Json walletJson(const wallet::WalletInfo& info) {
    Json accounts = Json::array();
    for (const auto& a : info.accounts) {
        Json j = {{"address", a.address}, {"watchOnly", a.watchOnly}};
        if (a.hdIndex) j["path"] = "m/44'/60'/0'/0/" + std::to_string(*a.hdIndex);
        if (!a.label.empty()) j["label"] = a.label;
        accounts.push_back(j);
    }
    return {{"name", info.wallet.name}, {"kind", info.wallet.kind}, {"accounts", accounts}};
}

Status writeSecretFile(const std::string& path, const SecureString& secret) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0) return makeError(ErrorCode::Io, "cannot create '" + path + "' (it must not exist yet)");
    bool ok = ::write(fd, secret.data(), secret.size()) == static_cast<ssize_t>(secret.size()) && ::write(fd, "\n", 1) == 1;
    ok = ::fsync(fd) == 0 && ok;
    ::close(fd);
    if (!ok) return makeError(ErrorCode::Io, "cannot write '" + path + "'");
    return Ok{};
}

int runCreate(const Args& args) {
    args.expectPositionalCount(1);
    const std::string& name = args.positional(0, "NAME");
    std::size_t words = 24;
    if (auto w = args.option("words")) words = static_cast<std::size_t>(std::atoi(w->c_str()));
    auto data = openData(args);
    if (!data) return printError(data.error());
    auto password = readSecret(args, "password-file", "password");
    if (!password) return printError(password.error());
    if (password->empty()) return printError("the password is empty");
    auto mnemonic = data->wallets->createHd(name, password->view(), words);
    if (!mnemonic) return printError(mnemonic.error());
    Json out;
    if (auto file = args.option("mnemonic-out")) {
        if (auto s = writeSecretFile(*file, *mnemonic); !s) return printError(s.error());
        out["mnemonicFile"] = *file;
    }
    auto list = data->store->accounts(name);
    if (!list) return printError(list.error());
    auto info = data->store->wallet(name);
    if (!info || !*info) return printError("wallet vanished after creation");
    Json j = walletJson({**info, *list});
    if (out.contains("mnemonicFile")) j["mnemonicFile"] = out["mnemonicFile"];
    return printOutput(args, j);
}

int runImport(const Args& args) {
    args.expectPositionalCount(1);
    const std::string& name = args.positional(0, "NAME");
    int sources = (args.option("mnemonic-file") ? 1 : 0) + (args.option("key-file") ? 1 : 0) +
                  (args.option("keystore-file") ? 1 : 0) + (args.option("watch") ? 1 : 0);
    if (sources != 1) throw UsageError{"give exactly one of --mnemonic-file, --key-file, --keystore-file, --watch"};
    auto data = openData(args);
    if (!data) return printError(data.error());
    Result<wallet::WalletInfo> info = makeError(ErrorCode::Internal, "unreachable");
    if (auto watch = args.option("watch")) {
        auto address = chain::Address::fromHex(*watch);
        if (!address) return printError(address.error());
        info = data->wallets->importWatch(name, *address);
    } else {
        if (!args.option("password-file")) throw UsageError{"--password-file is required (the secret source uses stdin)"};
        auto password = readSecretFile(*args.option("password-file"), "password");
        if (!password) return printError(password.error());
        if (password->empty()) return printError("the password is empty");
        if (auto f = args.option("mnemonic-file")) {
            auto mnemonic = readSecretFile(*f, "mnemonic");
            if (!mnemonic) return printError(mnemonic.error());
            std::uint32_t count = 1;
            if (auto n = args.option("accounts")) count = static_cast<std::uint32_t>(std::atoi(n->c_str()));
            info = data->wallets->importMnemonic(name, mnemonic->asString(), password->view(), count);
        } else if (auto keyFile = args.option("key-file")) {
            auto secret = readSecretFile(*keyFile, "key");
            if (!secret) return printError(secret.error());
            auto key = crypto::PrivateKey::fromHex(secret->asString());
            if (!key) return printError(key.error());
            info = data->wallets->importKey(name, *key, password->view());
        } else {
            auto text = readTextFile(*args.option("keystore-file"));
            if (!text) return printError(text.error());
            // The file's own password, if it differs from the new one.
            Result<SecureString> filePassword = args.option("keystore-password-file")
                                                    ? readSecretFile(*args.option("keystore-password-file"), "keystore password")
                                                    : Result<SecureString>(*password);
            if (!filePassword) return printError(filePassword.error());
            info = data->wallets->importKeystore(name, *text, filePassword->view(), password->view());
        }
    }
    if (!info) return printError(info.error());
    return printOutput(args, walletJson(*info));
}

int runList(const Args& args) {
    args.expectPositionalCount(0);
    auto data = openData(args);
    if (!data) return printError(data.error());
    auto list = data->wallets->list();
    if (!list) return printError(list.error());
    Json out = Json::array();
    for (const auto& w : *list) out.push_back(walletJson(w));
    return printOutput(args, out);
}

int runExport(const Args& args) {
    args.expectPositionalCount(1);
    const std::string& name = args.positional(0, "NAME");
    auto data = openData(args);
    if (!data) return printError(data.error());
    auto accounts = data->store->accounts(name);
    if (!accounts) return printError(accounts.error());
    if (accounts->empty()) return printError(makeError(ErrorCode::NotFound, "no wallet named '" + name + "'"));
    std::string which = args.option("account").value_or(accounts->front().address);
    auto account = chain::Address::fromHex(which);
    if (!account) return printError(account.error());
    auto password = readSecret(args, "password-file", "password");
    if (!password) return printError(password.error());
    auto keystore = data->wallets->exportKeystore(name, *account, password->view());
    if (!keystore) return printError(keystore.error());
    if (auto out = args.option("out")) {
        if (auto s = wallet::writeFileAtomic(*out, keystore->dump()); !s) return printError(s.error());
        return printOutput(args, Json{{"account", account->checksummed()}, {"file", *out}});
    }
    return printResult(keystore->dump());
}

int runRename(const Args& args) {
    args.expectPositionalCount(2);
    auto data = openData(args);
    if (!data) return printError(data.error());
    if (auto s = data->wallets->rename(args.positional(0, "OLD"), args.positional(1, "NEW")); !s) return printError(s.error());
    return printOutput(args, Json{{"name", args.positional(1, "NEW")}});
}

int runAddAccount(const Args& args) {
    args.expectPositionalCount(1);
    auto data = openData(args);
    if (!data) return printError(data.error());
    auto password = readSecret(args, "password-file", "password");
    if (!password) return printError(password.error());
    auto account = data->wallets->addHdAccount(args.positional(0, "NAME"), password->view());
    if (!account) return printError(account.error());
    return printOutput(args, Json{{"address", account->address}, {"path", "m/44'/60'/0'/0/" + std::to_string(*account->hdIndex)}});
}

int runBackup(const Args& args) {
    args.expectPositionalCount(1);
    auto data = openData(args);
    if (!data) return printError(data.error());
    if (auto s = data->store->database().backupTo(args.positional(0, "FILE")); !s) return printError(s.error());
    return printOutput(args, Json{{"backup", args.positional(0, "FILE")}});
}

const bool r1 = registerCommand({
    "wallet create", "NAME [--password-file F] [--words N] [--mnemonic-out FILE] [--light] [--datadir DIR] [--json]",
    "Creates an HD wallet with a new BIP39 mnemonic (24 words unless --words) and its first\n"
    "account m/44'/60'/0'/0/0. The mnemonic is stored only encrypted (keystore v3 container,\n"
    "scrypt n=262144; --light uses n=4096, for tests and scripts). It is never printed: give\n"
    "--mnemonic-out FILE (created with mode 0600, must not exist) to keep a copy for backup.\n"
    "Password from --password-file or stdin.",
    dataOptions({"password-file", "words", "mnemonic-out"}), runCreate});
const bool r2 = registerCommand({
    "wallet import", "NAME (--mnemonic-file F [--accounts N] | --key-file F | --keystore-file F [--keystore-password-file P] | --watch ADDR) --password-file F [--light]",
    "Imports a wallet: a BIP39 mnemonic (derives N accounts, default 1), a hex private key, a\n"
    "keystore v3 file (re-encrypted under the new password) or a watch-only address.",
    dataOptions({"password-file", "mnemonic-file", "key-file", "keystore-file", "keystore-password-file", "watch", "accounts"}),
    runImport});
const bool r3 = registerCommand({"wallet list", "[--datadir DIR] [--json]",
                                 "Lists the wallets and their accounts (public data only).", dataOptions(), runList});
const bool r4 = registerCommand({
    "wallet export", "NAME [--account ADDR] [--password-file F] [--out FILE] [--light]",
    "Exports one account (default: the first) as a keystore v3 JSON encrypted with the wallet's\n"
    "password, importable by geth, cast and ethers. Wrong password: exit 1 \"wrong password\".",
    dataOptions({"account", "password-file", "out"}), runExport});
const bool r5 = registerCommand({"wallet rename", "OLD NEW", "Renames a wallet.", dataOptions(), runRename});
const bool r6 = registerCommand({"wallet add-account", "NAME [--password-file F]",
                                 "Derives the next BIP44 account of an HD wallet.", dataOptions({"password-file"}), runAddAccount});
const bool r7 = registerCommand({"wallet backup", "FILE",
                                 "Copies the wallet database (accounts, address book, journal, history) to FILE with\n"
                                 "SQLite's online backup and checks the copy. Key files are not included.",
                                 dataOptions(), runBackup});

} // namespace
} // namespace ctrn::cli
