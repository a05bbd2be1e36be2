// Marketo error codes (reference §7.2) and the exception the mock's operations throw to turn a
// request-level problem into a SOAP fault of Marketo's shape.
#ifndef MARKETO_MOCK_SERVER_SEMANTICS_MARKETO_ERRORS_H_
#define MARKETO_MOCK_SERVER_SEMANTICS_MARKETO_ERRORS_H_

#include <stdexcept>
#include <string>

namespace mock {

// The short text of the doc table (§7.2); empty for a code the table does not list.
const char* MarketoErrorText(int code);

// True for every code of the §7.2 table (fault injection only answers real codes).
bool IsKnownMarketoCode(int code);

// Thrown by operations; the service turns it into a fault
// "<code> - <text>" with detail message "<message> (<code>)".
class MarketoFault : public std::runtime_error {
 public:
  MarketoFault(int code, const std::string& message) : std::runtime_error(message), code_(code) {}
  int code() const { return code_; }

 private:
  int code_;
};

}  // namespace mock

#endif  // MARKETO_MOCK_SERVER_SEMANTICS_MARKETO_ERRORS_H_
