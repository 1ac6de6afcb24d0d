// The plumbing every ctrn command shares: parsed arguments, the command
// registry, reading stdin and secret files, and the exit-code contract of
// CLI.md (0 ok, 1 invalid input or failed verification, 2 usage, 3 network).
#pragma once

#include <core/util/result.h>
#include <core/util/secure_buffer.h>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ctrn::cli {

enum ExitCode : int { ExitOk = 0, ExitInvalid = 1, ExitUsage = 2, ExitNetwork = 3 };

// Raised for a malformed command line; main() prints it and exits 2.
struct UsageError {
    std::string message;
};

class Args {
public:
    // `valueOptions` take a value (--path P); any other --name is a flag.
    Args(std::vector<std::string> words, const std::vector<std::string>& valueOptions);

    const std::vector<std::string>& positional() const { return m_positional; }
    // The i-th positional argument; UsageError naming `what` if missing.
    const std::string& positional(std::size_t i, const std::string& what) const;
    void expectPositionalCount(std::size_t max) const;
    bool flag(const std::string& name) const;
    std::optional<std::string> option(const std::string& name) const;
    std::vector<std::string> options(const std::string& name) const; // repeatable
    const std::string& required(const std::string& name) const;

private:
    std::vector<std::string> m_positional;
    std::multimap<std::string, std::string> m_options;
    std::vector<std::string> m_flags;
};

struct Command {
    std::string name;                     // "keccak", "address checksum"
    std::string usage;                    // one line: arguments
    std::string help;                     // a paragraph for `ctrn help NAME`
    std::vector<std::string> valueOptions; // options that take a value
    std::function<int(const Args&)> run;
};

// Commands register themselves from their own source file.
bool registerCommand(Command command);
const std::map<std::string, Command>& commands();

// --- I/O helpers -----------------------------------------------------------

std::string readStdin();
// Reads a whole file; a missing or unreadable file is an input error.
Result<std::string> readTextFile(const std::string& path);
// Reads a secret file into wiped memory, trailing newline/whitespace removed.
Result<SecureString> readSecretFile(const std::string& path, const std::string& what);
// A secret from --NAME-file when given, otherwise from stdin.
Result<SecureString> readSecret(const Args& args, const std::string& fileOption, const std::string& what);

// A hex-encoded secret (seed, entropy) from file --FILEOPTION when given, else
// from `inlineHex` (the argument CLI.md allows), decoded into wiped memory.
// Errors are prefixed with `what` ("seed: invalid hex: ...").
Result<SecureBytes> readHexSecret(const Args& args, const std::string& fileOption,
                                  const std::optional<std::string>& inlineHex, const std::string& what);

// Prints a line on stdout and returns ExitOk.
int printResult(const std::string& text);
// Prints "ctrn: message" on stderr and returns the exit code for the error.
int printError(const Error& error);
int printError(const std::string& message, int exitCode = ExitInvalid);
int exitCodeFor(ErrorCode code);

std::string trim(std::string text);

} // namespace ctrn::cli
