#include "transport/sigpipe_guard.h"

#include <pthread.h>

#include <cerrno>
#include <ctime>

namespace marketo {
namespace internal {
namespace {

bool SigpipePending() {
  sigset_t pending;
  sigemptyset(&pending);
  sigpending(&pending);
  return sigismember(&pending, SIGPIPE) == 1;
}

}  // namespace

SigpipeGuard::SigpipeGuard() {
  sigemptyset(&pipe_set_);
  sigaddset(&pipe_set_, SIGPIPE);
  was_pending_ = SigpipePending();
  pthread_sigmask(SIG_BLOCK, &pipe_set_, &old_mask_);
}

SigpipeGuard::~SigpipeGuard() {
  if (!was_pending_ && SigpipePending()) {
    const timespec zero{0, 0};
    while (sigtimedwait(&pipe_set_, nullptr, &zero) == -1 && errno == EINTR) {
    }
  }
  pthread_sigmask(SIG_SETMASK, &old_mask_, nullptr);
}

}  // namespace internal
}  // namespace marketo
