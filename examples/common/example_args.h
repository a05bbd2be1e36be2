// Shared by the small examples: endpoint and credentials from flags or MARKETO_* variables, and
// printing of per-object results. Header-only so each example stays a single translation unit.
#ifndef MARKETO_EXAMPLES_COMMON_EXAMPLE_ARGS_H_
#define MARKETO_EXAMPLES_COMMON_EXAMPLE_ARGS_H_

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "marketo/marketo.h"

namespace examples {

// Accepts --endpoint URL --user-id ID --encryption-key KEY [--ca-file PEM]; anything missing is
// taken from MARKETO_SOAP_ENDPOINT, MARKETO_USER_ID, MARKETO_ENCRYPTION_KEY.
inline marketo::ClientOptions OptionsFromArgs(int argc, char** argv) {
  marketo::ClientOptions options;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (i + 1 >= argc) {
      std::fprintf(stderr, "%s: %s needs a value\n", argv[0], flag.c_str());
      std::exit(2);
    }
    const std::string value = argv[++i];
    if (flag == "--endpoint") {
      options.endpoint = value;
    } else if (flag == "--user-id") {
      options.credentials.user_id = value;
    } else if (flag == "--encryption-key") {
      options.credentials.encryption_key = value;
    } else if (flag == "--ca-file") {
      options.tls.ca_file = value;
    } else {
      std::fprintf(stderr,
                   "usage: %s [--endpoint URL] [--user-id ID] [--encryption-key KEY] "
                   "[--ca-file PEM]\n(defaults: MARKETO_SOAP_ENDPOINT, MARKETO_USER_ID, "
                   "MARKETO_ENCRYPTION_KEY)\n",
                   argv[0]);
      std::exit(2);
    }
  }
  options = marketo::ClientOptions::FromEnvironment(std::move(options));
  if (options.endpoint.empty() || options.credentials.user_id.empty() ||
      options.credentials.encryption_key.empty()) {
    std::fprintf(stderr, "%s: endpoint, user id and encryption key are required\n", argv[0]);
    std::exit(2);
  }
  return options;
}

// Prints one line per object; returns 0 when every object succeeded, 1 otherwise.
inline int PrintResults(const std::vector<marketo::SyncResult>& results) {
  int rc = 0;
  for (const auto& r : results) {
    std::printf("object[%zu] id=%s status=%s%s%s\n", r.index,
                r.id ? std::to_string(*r.id).c_str() : "-",
                r.status == marketo::SyncStatus::kUnknown ? r.raw_status.c_str()
                                                          : marketo::ToString(r.status),
                r.error.empty() ? "" : " error=", r.error.c_str());
    if (r.status == marketo::SyncStatus::kFailed || r.status == marketo::SyncStatus::kUnknown) {
      rc = 1;
    }
  }
  return rc;
}

// Prints a call-level failure (never contains the key or a signature) and returns 2.
inline int PrintCallError(const marketo::Status& status) {
  std::fprintf(stderr, "call failed: %s\n", status.ToString().c_str());
  return 2;
}

}  // namespace examples

#endif  // MARKETO_EXAMPLES_COMMON_EXAMPLE_ARGS_H_
