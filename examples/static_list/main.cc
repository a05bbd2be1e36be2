// Add leads to a static list with listOperation, then check membership, a non-member included:
// a lead that is not in the list is a normal answer (status false), not an error.
#include <cstdio>
#include <vector>

#include "../common/example_args.h"

int main(int argc, char** argv) {
  marketo::ListClient client(examples::OptionsFromArgs(argc, argv));
  const auto list = marketo::ListKey::Name("Webinar Attendees Q1 2013");

  // Any number of leads: the client sends them in calls of at most 1000.
  const std::vector<marketo::LeadKey> add = {marketo::LeadKey::Id(8), marketo::LeadKey::Id(9)};
  auto added = client.AddToList(list, add);
  if (!added.status.ok()) return examples::PrintCallError(added.status);
  for (const auto& r : added.results) {
    std::printf("add lead %s: %s\n", r.key.value.c_str(), r.status ? "done" : "failed");
  }

  const std::vector<marketo::LeadKey> check = {marketo::LeadKey::Id(8), marketo::LeadKey::Id(9),
                                               marketo::LeadKey::Id(10)};
  auto members = client.IsMemberOfList(list, check);
  if (!members.status.ok()) return examples::PrintCallError(members.status);
  int in = 0;
  for (const auto& r : members.results) {
    std::printf("lead %s: %s\n", r.key.value.c_str(), r.status ? "member" : "not a member");
    in += r.status ? 1 : 0;
  }
  std::printf("%d of %zu checked leads are members\n", in, members.results.size());
  return 0;
}
