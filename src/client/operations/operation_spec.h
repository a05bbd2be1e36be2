#ifndef MARKETO_SRC_CLIENT_OPERATIONS_OPERATION_SPEC_H_
#define MARKETO_SRC_CLIENT_OPERATIONS_OPERATION_SPEC_H_

#include "marketo/connection.h"
#include "marketo/idempotency.h"
#include "marketo/operation.h"
#include "marketo/status_or.h"
#include "soapMktowsApiSoapBindingProxy.h"
#include "transport/request_builder.h"

namespace marketo {
namespace internal {

// What one request tells the retry loop: whether a repeat could create a record twice (see
// CallDescription), and an optional second word for messages ("INSERT").
struct CallTraits {
  bool creates_unkeyed = false;
  const char* mode = nullptr;
};

// The declaration of one operation: everything the generic call path needs to know about it.
// `Args` are the parameters of its Connection method.
template <typename Result, typename Params, typename Response, typename... Args>
struct SoapOperation {
  Operation id;
  // The Connection method, for stacks layered over another Connection.
  StatusOr<Result> (Connection::*method)(Args...);
  // Idempotency traits of a request; null for an operation that needs none (its table rule is
  // enough).
  CallTraits (*traits)(Args...);
  // Marshal in: builds the request from the arguments.
  Params* (*to_soap)(RequestBuilder&, Args...);
  // Marshal out: the SDK result of a parsed response (the arguments, e.g. to check counts).
  StatusOr<Result> (*from_soap)(Response&, Args...);
  // The generated proxy call.
  int (MktowsApiSoapBindingProxy::*invoke)(const char*, const char*, Params*, Response&);
};

template <typename T>
struct NonDeduced {
  using Type = T;
};

// Declares an operation with its types deduced from the functions, e.g.
//   inline constexpr auto kListMObjects = DeclareOperation(Operation::kListMObjects,
//       &Connection::ListMObjects, nullptr, &ListMObjectsToSoap, &ListMObjectsFromSoap,
//       &MktowsApiSoapBindingProxy::listMObjects);
template <typename Result, typename Params, typename Response, typename... Args>
constexpr SoapOperation<Result, Params, Response, Args...> DeclareOperation(
    Operation id, StatusOr<Result> (Connection::*method)(Args...),
    typename NonDeduced<CallTraits (*)(Args...)>::Type traits,
    Params* (*to_soap)(RequestBuilder&, Args...), StatusOr<Result> (*from_soap)(Response&, Args...),
    int (MktowsApiSoapBindingProxy::*invoke)(const char*, const char*, Params*, Response&)) {
  return {id, method, traits, to_soap, from_soap, invoke};
}

}  // namespace internal
}  // namespace marketo

#endif  // MARKETO_SRC_CLIENT_OPERATIONS_OPERATION_SPEC_H_
