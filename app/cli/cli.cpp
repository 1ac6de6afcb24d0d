#include "cli.h"

#include <core/util/hex.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace ctrn::cli {

Args::Args(std::vector<std::string> words, const std::vector<std::string>& valueOptions) {
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i];
        if (w.size() > 2 && w.rfind("--", 0) == 0) {
            std::string name = w.substr(2);
            std::optional<std::string> inlineValue;
            if (auto eq = name.find('='); eq != std::string::npos) {
                inlineValue = name.substr(eq + 1);
                name = name.substr(0, eq);
            }
            bool takesValue = std::find(valueOptions.begin(), valueOptions.end(), name) != valueOptions.end();
            if (takesValue) {
                if (inlineValue) {
                    m_options.emplace(name, *inlineValue);
                } else {
                    if (i + 1 >= words.size()) throw UsageError{"option --" + name + " needs a value"};
                    m_options.emplace(name, words[++i]);
                }
            } else {
                if (inlineValue) throw UsageError{"option --" + name + " takes no value"};
                m_flags.push_back(name);
            }
        } else {
            m_positional.push_back(w);
        }
    }
}

const std::string& Args::positional(std::size_t i, const std::string& what) const {
    if (i >= m_positional.size()) throw UsageError{"missing argument: " + what};
    return m_positional[i];
}

void Args::expectPositionalCount(std::size_t max) const {
    if (m_positional.size() > max) throw UsageError{"unexpected argument: " + m_positional[max]};
}

bool Args::flag(const std::string& name) const {
    return std::find(m_flags.begin(), m_flags.end(), name) != m_flags.end();
}

std::optional<std::string> Args::option(const std::string& name) const {
    auto it = m_options.find(name);
    if (it == m_options.end()) return std::nullopt;
    return it->second;
}

std::vector<std::string> Args::options(const std::string& name) const {
    std::vector<std::string> out;
    auto [b, e] = m_options.equal_range(name);
    for (auto it = b; it != e; ++it) out.push_back(it->second);
    return out;
}

const std::string& Args::required(const std::string& name) const {
    auto it = m_options.find(name);
    if (it == m_options.end()) throw UsageError{"missing required option --" + name};
    return it->second;
}

namespace {
std::map<std::string, Command>& registry() {
    static std::map<std::string, Command> r;
    return r;
}
} // namespace

bool registerCommand(Command command) {
    registry().emplace(command.name, std::move(command));
    return true;
}

const std::map<std::string, Command>& commands() { return registry(); }

std::string readStdin() {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    return ss.str();
}

Result<std::string> readTextFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return makeError(ErrorCode::InvalidInput, "cannot read file '" + path + "'");
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

Result<SecureString> readSecretFile(const std::string& path, const std::string& what) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return makeError(ErrorCode::InvalidInput, "cannot read " + what + " file '" + path + "'");
    SecureString secret;
    char buf[256];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) {
        secret.append(ByteView(reinterpret_cast<const std::uint8_t*>(buf), static_cast<std::size_t>(in.gcount())));
        if (in.eof()) break;
    }
    secureWipe(buf, sizeof buf);
    // Trailing whitespace (an editor's newline) is never part of a secret.
    std::size_t n = secret.size();
    while (n > 0 && (secret[n - 1] == '\n' || secret[n - 1] == '\r' || secret[n - 1] == ' ' || secret[n - 1] == '\t')) --n;
    if (n != secret.size()) {
        SecureString trimmed(ByteView(secret.data(), n));
        return trimmed;
    }
    return secret;
}

Result<SecureString> readSecret(const Args& args, const std::string& fileOption, const std::string& what) {
    if (auto file = args.option(fileOption)) return readSecretFile(*file, what);
    std::string in = readStdin();
    std::size_t n = in.size();
    while (n > 0 && (in[n - 1] == '\n' || in[n - 1] == '\r' || in[n - 1] == ' ' || in[n - 1] == '\t')) --n;
    SecureString secret(asView(std::string_view(in.data(), n)));
    secureWipe(in.data(), in.size());
    return secret;
}

Result<SecureBytes> readHexSecret(const Args& args, const std::string& fileOption,
                                  const std::optional<std::string>& inlineHex, const std::string& what) {
    Result<Bytes> bytes = Bytes{};
    if (auto file = args.option(fileOption)) {
        CTRN_ASSIGN(SecureString text, readSecretFile(*file, what));
        bytes = fromHex(text.asString());
    } else {
        bytes = fromHex(inlineHex.value_or(""));
    }
    if (!bytes) return makeError(bytes.error().code, what + ": " + bytes.error().message);
    SecureBytes secret(*bytes);
    secureWipe(bytes->data(), bytes->size());
    return secret;
}

int printResult(const std::string& text) {
    std::cout << text << '\n';
    return ExitOk;
}

int exitCodeFor(ErrorCode code) {
    switch (code) {
    case ErrorCode::Network:
    case ErrorCode::Timeout:
    case ErrorCode::NodeError:
    case ErrorCode::WrongChain:
        return ExitNetwork;
    default:
        return ExitInvalid;
    }
}

int printError(const Error& error) {
    std::cerr << "ctrn: " << error.message << '\n';
    return exitCodeFor(error.code);
}

int printError(const std::string& message, int exitCode) {
    std::cerr << "ctrn: " << message << '\n';
    return exitCode;
}

std::string trim(std::string text) {
    auto notSpace = [](unsigned char c) { return !std::isspace(c); };
    text.erase(text.begin(), std::find_if(text.begin(), text.end(), notSpace));
    text.erase(std::find_if(text.rbegin(), text.rend(), notSpace).base(), text.end());
    return text;
}

} // namespace ctrn::cli
