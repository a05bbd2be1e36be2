// Walk every Program page by page (100 per call, following the stream position) and print them.
#include <cstdio>

#include "../common/example_args.h"

int main(int argc, char** argv) {
  marketo::MObjectClient client(examples::OptionsFromArgs(argc, argv));

  marketo::GetMObjectsRequest request;
  request.type = "Program";
  request.include_details = true;

  std::size_t count = 0;
  auto status = client.ForEachMObject(request, [&](marketo::MObject&& program) {
    const std::string* name = program.Find("Name");
    std::printf("Program %s: %s\n", program.id ? std::to_string(*program.id).c_str() : "-",
                name ? name->c_str() : "(no name)");
    ++count;
    return true;  // keep going
  });
  if (!status.ok()) return examples::PrintCallError(status);
  std::printf("%zu programs\n", count);
  return 0;
}
