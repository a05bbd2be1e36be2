// Seed sample 3: make lead 19 an "Influencer/Champion" on Opportunity 64.
#include "../common/example_args.h"

int main(int argc, char** argv) {
  marketo::MObjectClient client(examples::OptionsFromArgs(argc, argv));

  marketo::OpportunityPersonRole role(/*opportunity_id=*/64, /*person_id=*/19);
  role.SetRole("Influencer/Champion");

  std::vector<marketo::MObject> objects{role};
  auto results = client.Sync(objects, marketo::SyncOperation::kInsert);
  if (!results) return examples::PrintCallError(results.status());
  return examples::PrintResults(*results);
}
