// The parts of a Marketo-shaped SOAP fault.
// Fault shape: docs/protocol.md, "Faults and error codes".
#ifndef MARKETO_MOCK_SERVER_SOAP_FAULT_H_
#define MARKETO_MOCK_SERVER_SOAP_FAULT_H_

#include <string>

namespace mock {

// The short text of Marketo's table for code; "" for a code the table does not list.
const char* ErrorText(int code);

// "<code> - <ErrorText(code)>".
std::string FaultString(int code);

// detail/ns1:serviceException{name, message "<message> (<code>)", code}, as XML text.
std::string FaultDetail(int code, const std::string& message);

}  // namespace mock

#endif  // MARKETO_MOCK_SERVER_SOAP_FAULT_H_
