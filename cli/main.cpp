// notestore: the command-line face of the library.
//
// Exit codes: 0 success, 1 a failure while running (I/O, a damaged database),
// 2 a usage error (bad option, missing vault or database, unknown name).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstring>

#include "commands.h"
#include "notestore/notestore.h"
#include "util/huge_page_malloc.h"

int main(int argc, char** argv) {
  // The commands that fill memory once and quit (or, watching, keep it) run faster with
  // malloc's memory in huge pages; queries, which touch little, start no second time.
  if (argc > 1 && (std::strcmp(argv[1], "ingest") == 0 || std::strcmp(argv[1], "watch") == 0)) {
    notestore::util::RerunWithHugePageMalloc(argv);
  }
  CLI::App app("notestore: a searchable SQLite knowledge store for a vault of Markdown notes",
               "notestore");
  app.set_version_flag("--version", NOTESTORE_VERSION_STRING);
  app.require_subcommand(1);
  notestore::cli::AddIngestCommand(app);
  notestore::cli::AddWatchCommand(app);
  notestore::cli::AddListCommands(app);
  notestore::cli::AddProfileCommands(app);
  notestore::cli::AddSearchCommand(app);
  notestore::cli::AddFixTextCommand(app);
  notestore::cli::AddDataviewCommands(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr, "notestore: %s\n", e.what());
    return 2;
  } catch (const notestore::Error& e) {
    std::fprintf(stderr, "notestore: %s\n", e.what());
    switch (e.code()) {
      case notestore::ErrorCode::kInvalidArgument:
      case notestore::ErrorCode::kNotFound:
      case notestore::ErrorCode::kQuery:
        return 2;
      default:
        return 1;
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "notestore: internal error: %s\n", e.what());
    return 1;
  }
  return 0;
}
