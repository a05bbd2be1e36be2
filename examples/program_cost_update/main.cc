// Seed sample 1: add period cost to Program 1970 (Month 2013-06, Amount 2000, cost Id 153).
// Programs accept only UPDATE.
#include "../common/example_args.h"

int main(int argc, char** argv) {
  marketo::MObjectClient client(examples::OptionsFromArgs(argc, argv));

  marketo::Program program(1970);
  program.AddCost("2013-06", "2000", /*cost_id=*/153);

  std::vector<marketo::MObject> objects{program};
  auto results = client.Sync(objects, marketo::SyncOperation::kUpdate);
  if (!results) return examples::PrintCallError(results.status());
  return examples::PrintResults(*results);
}
