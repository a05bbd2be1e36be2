// marketo-bulk: the bulk tool, one subcommand per job. mobject-sync is also a program of its
// own with the same flags.
#include <exception>
#include <iostream>

#include "lead_commands.h"
#include "mobject_sync_command.h"

int main(int argc, char** argv) {
  try {
    CLI::App app("Bulk jobs against the Marketo SOAP API: JSONL in, a report or JSONL out.",
                 "marketo-bulk");
    app.require_subcommand(1);
    bulk::MObjectSyncArgs mobjects;
    bulk::AddMObjectSyncFlags(
        *app.add_subcommand("mobject-sync", "sync a JSONL file of MObjects (syncMObjects)"),
        mobjects);
    bulk::LeadSyncArgs leads;
    bulk::AddLeadSyncFlags(
        *app.add_subcommand("lead-sync", "sync a JSONL file of leads (syncMultipleLeads)"), leads);
    bulk::LeadExportArgs lead_export;
    bulk::AddLeadExportFlags(
        *app.add_subcommand("lead-export", "leads updated in a window, or a list's, to JSONL"),
        lead_export);
    bulk::ActivityExportArgs activity_export;
    bulk::AddActivityExportFlags(
        *app.add_subcommand("activity-export", "one lead's activity to JSONL"), activity_export);
    return bulk::ParseAndRun(app, argc, argv, [&] {
      if (app.got_subcommand("mobject-sync")) return bulk::RunMObjectSync(mobjects);
      if (app.got_subcommand("lead-sync")) return bulk::RunLeadSync(leads);
      if (app.got_subcommand("lead-export")) return bulk::RunLeadExport(lead_export);
      return bulk::RunActivityExport(activity_export);
    });
  } catch (const std::exception& e) {
    std::cerr << "marketo-bulk: " << e.what() << "\n";
    return bulk::kExitCallFailed;
  }
}
