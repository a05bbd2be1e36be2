#ifndef MARKETO_SRC_CLIENT_TRANSPORT_SOAP_CALL_H_
#define MARKETO_SRC_CLIENT_TRANSPORT_SOAP_CALL_H_

#include <functional>

#include "marketo/status.h"
#include "transport/context.h"
#include "transport/wire_gate.h"

namespace marketo {
namespace internal {

// One attempt of any operation on a leased context whose request is already built: signs the
// AuthenticationHeader afresh, sends the request through `invoke` (the generated proxy call),
// passes the wire permit of `gate` if there is one, writes the wire log and maps any failure to
// a Status. The response has been parsed into the caller's object when this returns OK.
Status Exchange(Context& c, const char* op, WireGate* gate, const std::function<int()>& invoke);

}  // namespace internal
}  // namespace marketo

#endif  // MARKETO_SRC_CLIENT_TRANSPORT_SOAP_CALL_H_
