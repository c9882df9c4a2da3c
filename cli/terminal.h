// Terminal helpers for the CLI: whether output is a terminal, its width, and a
// progress bar drawn on standard error.
#ifndef NOTESTORE_CLI_TERMINAL_H_
#define NOTESTORE_CLI_TERMINAL_H_

#include <cstdint>
#include <string>

namespace notestore::cli {

bool StderrIsTerminal();
bool StdoutIsTerminal();
// Columns of the terminal on standard output, or `fallback` when not a terminal.
int TerminalWidth(int fallback = 100);

// Draws "label [#####.....] done/total" over itself on standard error. Does nothing
// unless standard error is a terminal.
class ProgressBar {
 public:
  ProgressBar();
  ~ProgressBar();  // Clears the line.
  void Update(const std::string& label, int64_t done, int64_t total);
  void Clear();

 private:
  bool enabled_;
  bool drawn_ = false;
};

}  // namespace notestore::cli

#endif  // NOTESTORE_CLI_TERMINAL_H_
