// notestore fix-text [--explain]: standard input to standard output with mojibake undone,
// like ftfy's command line. Nothing else changes, byte for byte.
#include <cstdio>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>

#include "commands.h"
#include "repair/mojibake.h"

namespace notestore::cli {

void AddFixTextCommand(CLI::App& app) {
  auto explain = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand(
      "fix-text", "Repair mis-decoded text (\"Azureâ€™s\" -> \"Azure’s\") from stdin to stdout");
  cmd->add_flag("--explain", *explain, "Say on standard error what was repaired");
  cmd->callback([explain] {
    std::ios::sync_with_stdio(false);
    const std::string input((std::istreambuf_iterator<char>(std::cin)),
                            std::istreambuf_iterator<char>());
    repair::RepairReport report;
    const std::string output = repair::RepairMojibake(input, &report);
    std::fwrite(output.data(), 1, output.size(), stdout);
    std::fflush(stdout);
    if (*explain) {
      std::string encodings;
      for (const std::string& e : report.encodings)
        encodings += (encodings.empty() ? "" : ", ") + e;
      std::fprintf(stderr, "repaired %d character(s)%s%s\n", report.characters,
                   encodings.empty() ? "" : " mis-decoded as ", encodings.c_str());
    }
  });
}

}  // namespace notestore::cli
