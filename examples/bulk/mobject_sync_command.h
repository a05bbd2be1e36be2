// The mobject-sync command: a JSONL file of MObjects through syncMObjects, one report line per
// input line.
#ifndef MARKETO_EXAMPLES_BULK_MOBJECT_SYNC_COMMAND_H_
#define MARKETO_EXAMPLES_BULK_MOBJECT_SYNC_COMMAND_H_

#include <cstddef>
#include <string>

#include "cli.h"

namespace bulk {

struct MObjectSyncArgs {
  ConnectionFlags connection;
  std::string operation;
  std::string input;
  std::string report;
  std::size_t concurrency = 1;
  bool dry_run = false;
  bool resume = false;
  std::size_t max_line_bytes = 1 << 20;
};

void AddMObjectSyncFlags(CLI::App& app, MObjectSyncArgs& args);

// Returns the exit status (see cli.h).
int RunMObjectSync(const MObjectSyncArgs& args);

}  // namespace bulk

#endif  // MARKETO_EXAMPLES_BULK_MOBJECT_SYNC_COMMAND_H_
