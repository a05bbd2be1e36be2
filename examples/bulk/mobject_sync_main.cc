// mobject-sync: the bulk tool's first command as a program of its own, with the flags,
// environment variables and exit statuses it has always had (marketo-bulk mobject-sync is the
// same command).
#include <exception>
#include <iostream>

#include "mobject_sync_command.h"

int main(int argc, char** argv) {
  try {
    CLI::App app("Syncs a JSONL file of MObjects with syncMObjects, one result per input line.",
                 "mobject-sync");
    bulk::MObjectSyncArgs args;
    bulk::AddMObjectSyncFlags(app, args);
    return bulk::ParseAndRun(app, argc, argv, [&] { return bulk::RunMObjectSync(args); });
  } catch (const std::exception& e) {
    // E.g. out of memory: say so instead of aborting.
    std::cerr << "mobject-sync: " << e.what() << "\n";
    return bulk::kExitCallFailed;
  }
}
