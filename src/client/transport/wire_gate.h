#ifndef MARKETO_SRC_CLIENT_TRANSPORT_WIRE_GATE_H_
#define MARKETO_SRC_CLIENT_TRANSPORT_WIRE_GATE_H_

#include <condition_variable>
#include <cstddef>
#include <mutex>

namespace marketo {
namespace internal {

// Caps the requests of one Connection::WireLimited() view that are on the wire: the transport
// takes a permit just before a request's first byte and gives it back once the whole response
// has arrived. A batch helper (SyncAll) runs more callers than permits, so while one request is
// on the wire another caller builds and serialises the next and parses the previous response,
// yet the server never sees more than `permits` of them at once. Unlike the limiter's in-flight
// slot this never times out: it only waits for this view's own requests.
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

}  // namespace internal
}  // namespace marketo

#endif  // MARKETO_SRC_CLIENT_TRANSPORT_WIRE_GATE_H_
