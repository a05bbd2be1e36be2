// Upsert one lead by email with syncLead, tying a Munchkin cookie to it and placing it in a
// workspace when it is new, and print what Marketo stored.
#include <cstdio>

#include "../common/example_args.h"

int main(int argc, char** argv) {
  marketo::LeadClient client(examples::OptionsFromArgs(argc, argv));

  marketo::SyncLeadRequest request;
  request.lead.email = "ada.lovelace@example.com";
  request.lead.Set("FirstName", "Ada").Set("LastName", "Lovelace").Set("Company", "Analytical");
  request.marketo_cookie = "id:561-HYG-937&token:_mch-example.com-1374552656411-90718";
  request.target_workspace = "EMEA";  // used only if the lead is created
  request.return_lead = true;

  auto result = client.SyncLead(request);
  if (!result.ok()) return examples::PrintCallError(result.status());
  std::printf("lead %lld %s%s%s\n", static_cast<long long>(result->lead_id),
              marketo::ToString(result->status),
              result->error.empty() ? "" : " error=", result->error.c_str());
  if (result->lead) {
    for (const auto& field : result->lead->attributes) {
      std::printf("  %s = %s\n", field.name.c_str(), field.value.c_str());
    }
  }
  return result->status == marketo::LeadSyncStatus::kFailed ? 1 : 0;
}
