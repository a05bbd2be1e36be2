#ifndef MARKETO_SRC_CLIENT_OPERATIONS_CONNECTION_CORE_H_
#define MARKETO_SRC_CLIENT_OPERATIONS_CONNECTION_CORE_H_

#include <cstddef>
#include <functional>
#include <memory>
#include <utility>

#include "marketo/connection.h"
#include "operations/operation_spec.h"
#include "pipeline/call_pipeline.h"
#include "transport/context_pool.h"
#include "transport/soap_call.h"
#include "transport/wire.h"
#include "transport/wire_gate.h"

namespace marketo {
namespace internal {

// What a connection and all its WireLimited() views share: the options, one pipeline (one
// limiter, one retry loop) and one context pool.
struct SharedState {
  // Without a pipeline each call is exactly one attempt with no limiter: the transport alone.
  SharedState(ClientOptions opts, bool with_pipeline, std::shared_ptr<Wire> wire);

  const ClientOptions options;
  const std::unique_ptr<CallPipeline> pipeline;  // may be null
  ContextPool pool;
};

// The generic call path under every Connection method of the SDK's connection. The family
// layers (MObjectOperations, ...) implement each method as `Call(spec, args...)`; this class
// runs the spec through the pipeline and, per attempt, either through gSOAP (marshal, sign,
// send, map errors, unmarshal) or, for a stack layered over another Connection, to that
// connection's method.
class ConnectionCore : public Connection {
 public:
  // `inner` (may be null) receives the attempts instead of gSOAP; `gate` (may be null) is the
  // wire gate of a WireLimited() view.
  ConnectionCore(std::shared_ptr<SharedState> state, std::shared_ptr<Connection> inner,
                 std::shared_ptr<WireGate> gate)
      : state_(std::move(state)), inner_(std::move(inner)), gate_(std::move(gate)) {}

  std::shared_ptr<Connection> WireLimited(std::size_t max_on_wire) override;

 protected:
  const std::shared_ptr<SharedState>& state() const { return state_; }

  template <typename R, typename P, typename Resp, typename... A, typename... CallArgs>
  StatusOr<R> Call(const SoapOperation<R, P, Resp, A...>& op, CallArgs&&... args) {
    auto attempt = [&]() -> StatusOr<R> { return Attempt(op, args...); };
    if (state_->pipeline == nullptr) return attempt();
    const CallTraits traits = op.traits != nullptr ? op.traits(args...) : CallTraits{};
    return state_->pipeline->template Run<R>(CallDescription{op.id, traits.creates_unkeyed},
                                             traits.mode, attempt);
  }

 private:
  // The same connection class over other parts (implemented by the final class).
  virtual std::shared_ptr<Connection> MakeView(std::shared_ptr<Connection> inner,
                                               std::shared_ptr<WireGate> gate) const = 0;

  template <typename R, typename P, typename Resp, typename... A, typename... CallArgs>
  StatusOr<R> Attempt(const SoapOperation<R, P, Resp, A...>& op, CallArgs&... args) {
    if (inner_ != nullptr) return (inner_.get()->*op.method)(args...);
    auto lease = state_->pool.Acquire();
    Context& c = *lease;
    ArenaGuard arena(c);
    P* params = op.to_soap(c.builder, args...);
    Resp response;
    const char* endpoint = state_->options.endpoint.c_str();
    auto invoke = [&] { return (c.proxy.*op.invoke)(endpoint, nullptr, params, response); };
    if (Status s = Exchange(c, ToString(op.id), gate_.get(), std::ref(invoke)); !s.ok()) return s;
    return op.from_soap(response, args...);
  }

  std::shared_ptr<SharedState> state_;
  std::shared_ptr<Connection> inner_;
  std::shared_ptr<WireGate> gate_;
};

}  // namespace internal
}  // namespace marketo

#endif  // MARKETO_SRC_CLIENT_OPERATIONS_CONNECTION_CORE_H_
