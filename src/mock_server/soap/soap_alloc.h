// Values allocated in a soap context (freed by soap_destroy/soap_end after the response), for
// the optional elements of the generated types.
#ifndef MARKETO_MOCK_SERVER_SOAP_SOAP_ALLOC_H_
#define MARKETO_MOCK_SERVER_SOAP_SOAP_ALLOC_H_

#include <string>

#include "soapH.h"

namespace mock {

template <typename T>
T* NewValue(struct soap* soap, const T& value) {
  T* p = static_cast<T*>(soap_malloc(soap, sizeof(T)));
  if (p != nullptr) *p = value;
  return p;
}

inline std::string* NewString(struct soap* soap, const std::string& value) {
  std::string* s = soap_new_std__string(soap);
  *s = value;
  return s;
}

}  // namespace mock

#endif  // MARKETO_MOCK_SERVER_SOAP_SOAP_ALLOC_H_
