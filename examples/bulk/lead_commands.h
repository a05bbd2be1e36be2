// The lead family's commands: lead-sync (a JSONL file of leads through syncMultipleLeads, one
// report line per input line), lead-export and activity-export (leads or one lead's activity
// to JSONL, resumable).
#ifndef MARKETO_EXAMPLES_BULK_LEAD_COMMANDS_H_
#define MARKETO_EXAMPLES_BULK_LEAD_COMMANDS_H_

#include <cstddef>
#include <string>
#include <vector>

#include "cli.h"

namespace bulk {

struct LeadSyncArgs {
  ConnectionFlags connection;
  std::string input;
  std::string report;
  std::size_t batch_size = 300;
  bool no_dedup = false;
  std::size_t concurrency = 1;
  bool dry_run = false;
};

struct LeadExportArgs {
  ConnectionFlags connection;
  std::string since;
  std::string until;
  std::string list;
  long list_id = 0;
  std::vector<std::string> fields;
  int batch_size = 200;
  std::string output;
  std::string resume;
};

struct ActivityExportArgs {
  ConnectionFlags connection;
  std::string lead;
  std::vector<std::string> types;
  std::vector<std::string> exclude_types;
  int batch_size = 100;
  std::string output;
  std::string resume;
};

void AddLeadSyncFlags(CLI::App& app, LeadSyncArgs& args);
void AddLeadExportFlags(CLI::App& app, LeadExportArgs& args);
void AddActivityExportFlags(CLI::App& app, ActivityExportArgs& args);

// Each returns the exit status (see cli.h).
int RunLeadSync(const LeadSyncArgs& args);
int RunLeadExport(const LeadExportArgs& args);
int RunActivityExport(const ActivityExportArgs& args);

}  // namespace bulk

#endif  // MARKETO_EXAMPLES_BULK_LEAD_COMMANDS_H_
