// The CLI's subcommands. Each Add*Command registers itself on the app; its callback
// runs the command and throws notestore::Error on failure (main() reports it).
#ifndef NOTESTORE_CLI_COMMANDS_H_
#define NOTESTORE_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>

namespace notestore::cli {

void AddIngestCommand(CLI::App& app);
void AddWatchCommand(CLI::App& app);
void AddListCommands(CLI::App& app);     // tasks, meetings, decisions, facts, people, ...
void AddProfileCommands(CLI::App& app);  // person, account, show
void AddSearchCommand(CLI::App& app);
void AddFixTextCommand(CLI::App& app);    // fix-text
void AddDataviewCommands(CLI::App& app);  // query, render

}  // namespace notestore::cli

#endif  // NOTESTORE_CLI_COMMANDS_H_
