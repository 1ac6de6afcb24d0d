// ctrn: the command-line twin of the desktop app (CLI.md). Finds the command
// named by the first one or two words, parses its options and runs it.
#include "cli.h"

#include <QCoreApplication>

#include <iostream>

using namespace ctrn::cli;

namespace {

void printOverview() {
    std::cout << "usage: ctrn COMMAND [ARGS]\n\ncommands:\n";
    for (const auto& [name, cmd] : commands()) std::cout << "  " << name << " " << cmd.usage << '\n';
    std::cout << "\n`ctrn help COMMAND` explains one command. Exit codes: 0 ok, 1 invalid input or failed\n"
                 "verification, 2 usage error, 3 node/network error.\n";
}

const Command* findCommand(const std::vector<std::string>& words, std::size_t& consumed) {
    const auto& all = commands();
    if (words.size() >= 2) {
        auto it = all.find(words[0] + " " + words[1]);
        if (it != all.end()) { consumed = 2; return &it->second; }
    }
    if (!words.empty()) {
        auto it = all.find(words[0]);
        if (it != all.end()) { consumed = 1; return &it->second; }
    }
    return nullptr;
}

bool isGroup(const std::string& word) {
    for (const auto& [name, cmd] : commands())
        if (name.rfind(word + " ", 0) == 0) return true;
    return false;
}

int printHelp(const std::vector<std::string>& topic) {
    std::size_t consumed = 0;
    if (topic.empty()) { printOverview(); return ExitOk; }
    if (const Command* cmd = findCommand(topic, consumed)) {
        std::cout << "usage: ctrn " << cmd->name << " " << cmd->usage << "\n\n" << cmd->help << '\n';
        return ExitOk;
    }
    if (isGroup(topic[0])) {
        for (const auto& [name, cmd] : commands())
            if (name.rfind(topic[0] + " ", 0) == 0) std::cout << "ctrn " << name << " " << cmd.usage << '\n';
        return ExitOk;
    }
    return printError("unknown command '" + topic[0] + "' (see ctrn help)", ExitUsage);
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string> words(argv + 1, argv + argc);
    // Network commands run the RPC client synchronously on this thread; its
    // Qt transport needs an application object for its local event loops.
    // Offline commands never touch it.
    QCoreApplication app(argc, argv);
    if (words.empty()) { printOverview(); return ExitUsage; }
    if (words[0] == "help" || words[0] == "--help" || words[0] == "-h")
        return printHelp(std::vector<std::string>(words.begin() + 1, words.end()));

    std::size_t consumed = 0;
    const Command* cmd = findCommand(words, consumed);
    if (!cmd) {
        if (isGroup(words[0]))
            return printError(words.size() > 1 ? "unknown subcommand '" + words[0] + " " + words[1] + "' (see ctrn help " + words[0] + ")"
                                               : "'" + words[0] + "' needs a subcommand (see ctrn help " + words[0] + ")",
                              ExitUsage);
        return printError("unknown command '" + words[0] + "' (see ctrn help)", ExitUsage);
    }
    std::vector<std::string> rest(words.begin() + static_cast<std::ptrdiff_t>(consumed), words.end());
    try {
        for (const auto& w : rest)
            if (w == "--help" || w == "-h") return printHelp({cmd->name});
        Args args(rest, cmd->valueOptions);
        return cmd->run(args);
    } catch (const UsageError& e) {
        std::cerr << "ctrn: " << e.message << "\nusage: ctrn " << cmd->name << " " << cmd->usage << '\n';
        return ExitUsage;
    }
}
