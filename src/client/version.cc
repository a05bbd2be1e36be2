#include "marketo/version.h"

#include <stdsoap2.h>

namespace marketo {

const char* Version() noexcept { return MARKETO_SOAP_VERSION_STRING; }

const char* GsoapVersion() noexcept {
  // GSOAP_VERSION is e.g. 208124 for 2.8.124.
  static const char* const kVersion = [] {
    static char buf[16];
    snprintf(buf, sizeof buf, "%d.%d.%d", GSOAP_VERSION / 100000, GSOAP_VERSION / 1000 % 100,
             GSOAP_VERSION % 1000);
    return buf;
  }();
  return kVersion;
}

}  // namespace marketo
