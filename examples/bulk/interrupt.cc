#include "interrupt.h"

#include <atomic>
#include <csignal>
#include <initializer_list>

namespace bulk {
namespace {

std::atomic<int> g_signal{0};
static_assert(std::atomic<int>::is_always_lock_free, "the handler needs a lock-free flag");

extern "C" void OnInterrupt(int sig) { g_signal.store(sig, std::memory_order_relaxed); }

}  // namespace

void CatchInterrupts() {
  struct sigaction sa {};
  sa.sa_handler = OnInterrupt;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART | SA_RESETHAND;
  for (const int sig : {SIGINT, SIGTERM}) {
    struct sigaction old {};
    sigaction(sig, &sa, &old);
    // Ignored when started (nohup, a script's background job): keep it so.
    if (old.sa_handler == SIG_IGN) sigaction(sig, &old, nullptr);
  }
}

int InterruptSignal() noexcept { return g_signal.load(std::memory_order_relaxed); }

const char* SignalName(int sig) noexcept {
  if (sig == SIGINT) return "SIGINT";
  if (sig == SIGTERM) return "SIGTERM";
  return "a signal";
}

}  // namespace bulk
