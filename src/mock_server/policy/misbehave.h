// Wire-level misbehaviour for fault injection: raw bytes written past gSOAP's serializer.
#ifndef MARKETO_MOCK_SERVER_POLICY_MISBEHAVE_H_
#define MARKETO_MOCK_SERVER_POLICY_MISBEHAVE_H_

#include "context.h"
#include "policy/fault_injection.h"
#include "stdsoap2.h"

namespace mock {

// Acts out `kind` on the connection for operation `op` (e.g. "syncMObjects") and returns
// SOAP_STOP (the response is "sent"); the connection is closed afterwards (keep-alive off).
int Misbehave(struct soap* soap, const char* op, MisbehaviourKind kind, ServerContext* ctx);

}  // namespace mock

#endif  // MARKETO_MOCK_SERVER_POLICY_MISBEHAVE_H_
