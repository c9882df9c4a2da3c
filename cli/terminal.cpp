#include "terminal.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>

namespace notestore::cli {

bool StderrIsTerminal() { return isatty(STDERR_FILENO) == 1; }
bool StdoutIsTerminal() { return isatty(STDOUT_FILENO) == 1; }

int TerminalWidth(int fallback) {
  struct winsize ws;
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  return fallback;
}

ProgressBar::ProgressBar() : enabled_(StderrIsTerminal()) {}
ProgressBar::~ProgressBar() { Clear(); }

void ProgressBar::Update(const std::string& label, int64_t done, int64_t total) {
  if (!enabled_) return;
  constexpr int kWidth = 30;
  std::string bar;
  if (total > 0) {
    const int filled = static_cast<int>(kWidth * std::min(done, total) / total);
    bar = "[" + std::string(static_cast<size_t>(filled), '#') +
          std::string(static_cast<size_t>(kWidth - filled), '.') + "] " + std::to_string(done) +
          "/" + std::to_string(total);
  }
  std::fprintf(stderr, "\r\033[K%s %s", label.c_str(), bar.c_str());
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressBar::Clear() {
  if (!drawn_) return;
  std::fprintf(stderr, "\r\033[K");
  std::fflush(stderr);
  drawn_ = false;
}

}  // namespace notestore::cli
