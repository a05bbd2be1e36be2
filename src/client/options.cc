#include "marketo/options.h"

#include <cstdlib>

namespace marketo {
namespace {

void FillFromEnv(std::string& field, const char* name) {
  if (!field.empty()) return;
  if (const char* v = std::getenv(name); v != nullptr) field = v;
}

}  // namespace

ClientOptions ClientOptions::FromEnvironment(ClientOptions base) {
  FillFromEnv(base.endpoint, "MARKETO_SOAP_ENDPOINT");
  FillFromEnv(base.credentials.user_id, "MARKETO_USER_ID");
  FillFromEnv(base.credentials.encryption_key, "MARKETO_ENCRYPTION_KEY");
  return base;
}

ClientOptions ClientOptions::FromEnvironment() { return FromEnvironment(ClientOptions{}); }

}  // namespace marketo
