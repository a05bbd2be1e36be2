// Export every lead updated in the last 7 days: first upsert 25 leads with syncMultipleLeads (so
// the window is not empty on a fresh server), then read the window as Marketo advises for large
// exports, one day per call, four days at a time.
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "../common/example_args.h"

int main(int argc, char** argv) {
  marketo::LeadClient client(examples::OptionsFromArgs(argc, argv));

  std::vector<marketo::LeadRecord> leads(25);
  for (std::size_t i = 0; i < leads.size(); ++i) {
    leads[i].email = "export-" + std::to_string(i) + "@example.com";
    leads[i].Set("LastName", "Export " + std::to_string(i));
  }
  auto synced = client.SyncLeads(leads);
  if (!synced.status.ok()) return examples::PrintCallError(synced.status);
  std::printf("synced %zu leads in %zu call(s)\n", synced.results.size(), synced.calls);

  const auto now = std::chrono::system_clock::now();
  marketo::ExportLeadsOptions options;
  options.include_attributes = {"Email", "LastName"};
  std::size_t count = 0;
  auto status = client.ExportLeads(
      now - std::chrono::hours(24 * 7), now, options, [&](marketo::LeadRecord&& lead) {
        if (count < 5) {
          std::printf("lead %lld %s\n", static_cast<long long>(lead.id.value_or(0)),
                      lead.email.value_or("-").c_str());
        }
        ++count;
        return true;
      });
  if (!status.ok()) return examples::PrintCallError(status);
  std::printf("%zu leads updated in the last 7 days\n", count);
  return 0;
}
