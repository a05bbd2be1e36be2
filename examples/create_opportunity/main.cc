// Seed sample 2: create an Opportunity (Name "Q1 2014", Amount 2000, Probability 80%).
#include "../common/example_args.h"

int main(int argc, char** argv) {
  marketo::MObjectClient client(examples::OptionsFromArgs(argc, argv));

  marketo::Opportunity opportunity;
  opportunity.SetName("Q1 2014").SetAmount("2000").SetProbability("80%");

  std::vector<marketo::MObject> objects{opportunity};
  auto results = client.Sync(objects, marketo::SyncOperation::kInsert);
  if (!results) return examples::PrintCallError(results.status());
  return examples::PrintResults(*results);
}
