#ifndef MARKETO_SRC_CLIENT_INTERNAL_WIRE_GATE_H_
#define MARKETO_SRC_CLIENT_INTERNAL_WIRE_GATE_H_

#include <condition_variable>
#include <cstddef>
#include <mutex>

#include "marketo/mobject_connection.h"

namespace marketo {
namespace internal {

// Caps the requests one SyncAll has on the wire: a permit is taken just before a request's
// first byte is sent and given back once its whole response has arrived. SyncAll runs more
// workers than permits, so while one batch is on the wire another worker builds and serialises
// the next request and parses the previous response, yet the server never sees more than
// SyncAllOptions::concurrency requests at once.
class WireGate {
 public:
  explicit WireGate(std::size_t permits) : free_(permits) {}
  WireGate(const WireGate&) = delete;
  WireGate& operator=(const WireGate&) = delete;

  // Returns true when it had to wait for a permit.
  bool Acquire() {
    std::unique_lock<std::mutex> lock(mu_);
    const bool waited = free_ == 0;
    cv_.wait(lock, [this] { return free_ > 0; });
    --free_;
    return waited;
  }
  void Release() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      ++free_;
    }
    cv_.notify_one();
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::size_t free_;
};

// The gate that requests sent from this thread must pass; null outside SyncAll's workers.
WireGate* CurrentWireGate();

// Sets CurrentWireGate() for the current scope.
class ScopedWireGate {
 public:
  explicit ScopedWireGate(WireGate* gate);
  ~ScopedWireGate();
  ScopedWireGate(const ScopedWireGate&) = delete;
  ScopedWireGate& operator=(const ScopedWireGate&) = delete;

 private:
  WireGate* previous_;
};

// Implemented by the SDK's own connections. SyncAll adds workers beyond its concurrency only
// when the connection's transport passes CurrentWireGate(); any other MObjectConnection (a
// user's, a mock) gets exactly `concurrency` workers, as the gate would not bind it.
class WireGated {
 public:
  virtual ~WireGated() = default;
  virtual bool PassesWireGate() const = 0;
};

// True when `connection` is a WireGated whose transport passes the gate.
bool PassesWireGate(const MObjectConnection* connection);

}  // namespace internal
}  // namespace marketo

#endif  // MARKETO_SRC_CLIENT_INTERNAL_WIRE_GATE_H_
