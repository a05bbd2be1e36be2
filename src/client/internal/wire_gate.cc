#include "internal/wire_gate.h"

namespace marketo {
namespace internal {
namespace {

thread_local WireGate* t_gate = nullptr;

}  // namespace

WireGate* CurrentWireGate() { return t_gate; }

ScopedWireGate::ScopedWireGate(WireGate* gate) : previous_(t_gate) { t_gate = gate; }

ScopedWireGate::~ScopedWireGate() { t_gate = previous_; }

bool PassesWireGate(const MObjectConnection* connection) {
  const auto* gated = dynamic_cast<const WireGated*>(connection);
  return gated != nullptr && gated->PassesWireGate();
}

}  // namespace internal
}  // namespace marketo
