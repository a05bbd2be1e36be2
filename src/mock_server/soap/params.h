// What every service_<family>.cc needs before its semantics run: the request's params element,
// and nil for the absent nillable elements of the answer (Marketo writes them as xsi:nil).
#ifndef MARKETO_MOCK_SERVER_SOAP_PARAMS_H_
#define MARKETO_MOCK_SERVER_SOAP_PARAMS_H_

#include <string>

#include "marketo/error_codes.h"
#include "semantics/marketo_fault.h"
#include "soapH.h"

namespace mock {

// A missing params element is a request Marketo could not read.
template <typename Params>
const Params& Require(const Params* in, const char* element) {
  if (in == nullptr) {
    throw MarketoFault(marketo::error_codes::kInvalidRequest, std::string(element) + " is missing");
  }
  return *in;
}

inline void NilForAbsent(struct soap* soap) { soap->omode |= SOAP_XML_NIL; }

}  // namespace mock

#endif  // MARKETO_MOCK_SERVER_SOAP_PARAMS_H_
