#ifndef MARKETO_SRC_CLIENT_TRANSPORT_CONTEXT_POOL_H_
#define MARKETO_SRC_CLIENT_TRANSPORT_CONTEXT_POOL_H_

#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <vector>

#include "marketo/options.h"
#include "transport/context.h"
#include "transport/wire.h"

namespace marketo {
namespace internal {

// Bounded pool of contexts, created lazily; LIFO so the warmest keep-alive connection is reused.
// A call borrows one for its whole duration and waits while all are busy.
class ContextPool {
 public:
  class Lease {
   public:
    Lease(ContextPool* pool, std::unique_ptr<Context> c) : pool_(pool), ctx_(std::move(c)) {}
    ~Lease() {
      if (ctx_) pool_->Release(std::move(ctx_));
    }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Context& operator*() const { return *ctx_; }

   private:
    ContextPool* pool_;
    std::unique_ptr<Context> ctx_;
  };

  // `options` must outlive the pool. With a Wire every context talks to it instead of a socket.
  ContextPool(const ClientOptions& options, std::shared_ptr<Wire> wire);
  ContextPool(const ContextPool&) = delete;
  ContextPool& operator=(const ContextPool&) = delete;

  Lease Acquire();

 private:
  void Release(std::unique_ptr<Context> c);

  const ClientOptions& options_;
  std::shared_ptr<Wire> wire_;
  std::size_t max_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Context>> idle_;
  std::size_t created_ = 0;
};

}  // namespace internal
}  // namespace marketo

#endif  // MARKETO_SRC_CLIENT_TRANSPORT_CONTEXT_POOL_H_
