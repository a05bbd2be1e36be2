// Tiny consumer: compiles against the installed headers, links the installed library and checks
// that header and library agree.
#include <cstdio>
#include <cstring>

#include "marketo/version.h"

int main() {
  if (std::strcmp(marketo::Version(), MARKETO_SOAP_VERSION_STRING) != 0) {
    std::fprintf(stderr, "header %s != library %s\n", MARKETO_SOAP_VERSION_STRING,
                 marketo::Version());
    return 1;
  }
  std::printf("marketo-soap %s (gSOAP %s, API %s)\n", marketo::Version(), marketo::GsoapVersion(),
              MARKETO_SOAP_API_VERSION);
  return 0;
}
