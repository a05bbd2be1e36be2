// The exception an operation throws for a request-level problem; soap/ turns it into a Marketo
// fault. Codes come from marketo/error_codes.h, the table the SDK uses too.
#ifndef MARKETO_MOCK_SERVER_SEMANTICS_MARKETO_FAULT_H_
#define MARKETO_MOCK_SERVER_SEMANTICS_MARKETO_FAULT_H_

#include <stdexcept>
#include <string>

#include "marketo/error_codes.h"

namespace mock {

namespace error_codes = marketo::error_codes;

// The fault answers "<code> - <table text>" with detail message "<message> (<code>)".
class MarketoFault : public std::runtime_error {
 public:
  MarketoFault(int code, const std::string& message) : std::runtime_error(message), code_(code) {}
  int code() const { return code_; }

 private:
  int code_;
};

}  // namespace mock

#endif  // MARKETO_MOCK_SERVER_SEMANTICS_MARKETO_FAULT_H_
