#include "transport/context_pool.h"

#include <algorithm>
#include <utility>

namespace marketo {
namespace internal {

ContextPool::ContextPool(const ClientOptions& options, std::shared_ptr<Wire> wire)
    : options_(options),
      wire_(std::move(wire)),
      max_(std::max<std::size_t>(options.max_connections, 1)) {}

ContextPool::Lease ContextPool::Acquire() {
  std::unique_lock<std::mutex> lock(mu_);
  cv_.wait(lock, [this] { return !idle_.empty() || created_ < max_; });
  if (!idle_.empty()) {
    auto c = std::move(idle_.back());
    idle_.pop_back();
    return Lease(this, std::move(c));
  }
  ++created_;
  lock.unlock();
  try {
    return Lease(this, std::make_unique<Context>(options_, wire_));
  } catch (...) {
    std::lock_guard<std::mutex> relock(mu_);
    --created_;
    cv_.notify_one();
    throw;
  }
}

void ContextPool::Release(std::unique_ptr<Context> c) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    idle_.push_back(std::move(c));
  }
  cv_.notify_one();
}

}  // namespace internal
}  // namespace marketo
