// Links the installed package and checks that headers and library agree on the version.
#include <cstdio>
#include <cstring>

#include "marketo/version.h"

int main() {
  std::printf("marketo-soap %s (gSOAP %s)\n", marketo::Version(), marketo::GsoapVersion());
  return std::strcmp(marketo::Version(), MARKETO_SOAP_VERSION_STRING) == 0 ? 0 : 1;
}
