// List the describable MObject types, then print each one's fields.
#include <cstdio>

#include "../common/example_args.h"

int main(int argc, char** argv) {
  marketo::MObjectClient client(examples::OptionsFromArgs(argc, argv));

  auto names = client.List();
  if (!names) return examples::PrintCallError(names.status());
  for (const auto& name : *names) {
    auto metadata = client.Describe(name);
    if (!metadata) return examples::PrintCallError(metadata.status());
    std::printf("%s (%zu fields%s)\n", metadata->name.c_str(), metadata->fields.size(),
                metadata->is_virtual ? ", virtual" : "");
    for (const auto& field : metadata->fields) {
      std::printf("  %-24s %-10s%s\n", field.name.c_str(), field.data_type.c_str(),
                  field.is_readonly ? " read-only" : "");
    }
  }
  return 0;
}
