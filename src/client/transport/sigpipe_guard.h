#ifndef MARKETO_SRC_CLIENT_TRANSPORT_SIGPIPE_GUARD_H_
#define MARKETO_SRC_CLIENT_TRANSPORT_SIGPIPE_GUARD_H_

#include <signal.h>

namespace marketo {
namespace internal {

// Blocks SIGPIPE in this thread for one call; a SIGPIPE raised meanwhile is consumed before the
// mask is restored. Needed on top of MSG_NOSIGNAL because OpenSSL writes with write(), which a
// closing peer turns into SIGPIPE.
class SigpipeGuard {
 public:
  SigpipeGuard();
  ~SigpipeGuard();
  SigpipeGuard(const SigpipeGuard&) = delete;
  SigpipeGuard& operator=(const SigpipeGuard&) = delete;

 private:
  sigset_t pipe_set_;
  sigset_t old_mask_;
  bool was_pending_ = false;  // a SIGPIPE that was pending before belongs to the caller
};

}  // namespace internal
}  // namespace marketo

#endif  // MARKETO_SRC_CLIENT_TRANSPORT_SIGPIPE_GUARD_H_
