// Custom objects: upsert two "Car" records linked to lead 5 (one of them new), read lead 5's
// cars back page by page, then delete the new one.
#include <cstdio>
#include <vector>

#include "../common/example_args.h"

int main(int argc, char** argv) {
  marketo::CustomObjectClient client(examples::OptionsFromArgs(argc, argv));

  std::vector<marketo::CustomObject> cars(2);
  cars[0].Key("VIN", "1HGCM82633A004352").Set("MKTOID", "5").Set("Make", "Honda");
  cars[0].Set("Model", "Accord").Set("Year", "2003");
  cars[1].Key("VIN", "SEEDVIN00009").Set("MKTOID", "5").Set("Color", "Green");
  const auto synced = client.SyncCustomObjects("Car", cars, marketo::SyncOperation::kUpsert);
  for (const auto& r : synced.results) {
    std::printf("car[%zu] %s %s%s%s\n", r.index, r.keys.empty() ? "?" : r.keys[0].value.c_str(),
                marketo::ToString(r.status), r.error.empty() ? "" : " error=", r.error.c_str());
  }
  if (!synced.status.ok()) return examples::PrintCallError(synced.status);

  marketo::ReadCustomObjectsOptions read;
  read.batch_size = 2;  // small pages, to show the stream position at work
  auto mine = client.GetAllCustomObjects({"Car", {{"MKTOID", "5", std::nullopt}}, {}}, read);
  if (!mine.ok()) return examples::PrintCallError(mine.status());
  std::printf("lead 5 has %zu cars\n", mine->size());
  for (const auto& car : *mine) {
    const std::string* color = car.Find("Color");
    std::printf("  %s %s\n", car.Find("VIN")->c_str(), color != nullptr ? color->c_str() : "-");
  }

  const std::vector<marketo::CustomObjectKey> gone{cars[0].keys};
  const auto deleted = client.DeleteCustomObjects("Car", gone);
  if (!deleted.status.ok()) return examples::PrintCallError(deleted.status);
  std::printf("deleted %s: %s\n", gone[0][0].value.c_str(),
              marketo::ToString(deleted.results[0].status));
  return deleted.results[0].status == marketo::CustomObjectStatus::kDeleted ? 0 : 1;
}
