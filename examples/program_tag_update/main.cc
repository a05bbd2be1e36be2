// Set Program 1970's channel tag. Tag types and values must already exist in Marketo; the API
// cannot create them.
#include "../common/example_args.h"

int main(int argc, char** argv) {
  marketo::MObjectClient client(examples::OptionsFromArgs(argc, argv));

  marketo::Program program(1970);
  program.AddTag("Channel", "Webinar");

  std::vector<marketo::MObject> objects{program};
  auto results = client.Sync(objects, marketo::SyncOperation::kUpdate);
  if (!results) return examples::PrintCallError(results.status());
  return examples::PrintResults(*results);
}
