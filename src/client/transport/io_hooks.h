#ifndef MARKETO_SRC_CLIENT_TRANSPORT_IO_HOOKS_H_
#define MARKETO_SRC_CLIENT_TRANSPORT_IO_HOOKS_H_

#include "transport/context.h"

namespace marketo {
namespace internal {

// Puts the SDK's callbacks between gSOAP and the socket (or the Wire): they count and capture
// the bytes of each call (CallIo), take and give back the wire permit (WireGate), send the
// HTTP head with MSG_MORE, drop Accept-Encoding and set the User-Agent.
void InstallIoHooks(Context& c);

// Gives the wire permit back, if the call holds one; idempotent. The hooks call it once the
// whole response has arrived; the call itself calls it when it ends (see WireExit).
void LeaveWire(Context& c);

// Gives the permit back however the call ends.
class WireExit {
 public:
  explicit WireExit(Context& c) : c_(c) {}
  ~WireExit() { LeaveWire(c_); }
  WireExit(const WireExit&) = delete;
  WireExit& operator=(const WireExit&) = delete;

 private:
  Context& c_;
};

}  // namespace internal
}  // namespace marketo

#endif  // MARKETO_SRC_CLIENT_TRANSPORT_IO_HOOKS_H_
