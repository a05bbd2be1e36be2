// Find a lead by email with getLead, then walk its whole activity history with getLeadActivity,
// 100 records per call, and print a count per activity type.
#include <cstdio>
#include <map>
#include <string>

#include "../common/example_args.h"

int main(int argc, char** argv) {
  marketo::LeadClient client(examples::OptionsFromArgs(argc, argv));

  auto found = client.GetLead(marketo::LeadKey::Email("lead1@example.com"));
  if (!found.ok()) return examples::PrintCallError(found.status());
  std::printf("%zu lead(s) with that email; walking the first\n", found->size());
  const marketo::LeadRecord& lead = found->front();

  marketo::GetLeadActivityRequest request;
  request.key = marketo::LeadKey::Id(lead.id.value_or(0));
  std::map<std::string, int> per_type;
  auto status = client.ForEachActivity(
      request, {}, [&](marketo::ActivityRecord&& activity, const marketo::LeadReadPosition&) {
        ++per_type[activity.activity_type];
        return true;
      });
  if (!status.ok()) return examples::PrintCallError(status);
  int total = 0;
  for (const auto& [type, n] : per_type) {
    std::printf("  %-24s %d\n", type.c_str(), n);
    total += n;
  }
  std::printf("lead %lld: %d activities\n", static_cast<long long>(lead.id.value_or(0)), total);
  return 0;
}
