// Accept loop: one thread per connection (bounded), HTTP or HTTPS, stops on request.
#ifndef MARKETO_MOCK_SERVER_SERVER_H_
#define MARKETO_MOCK_SERVER_SERVER_H_

#include <atomic>
#include <csignal>

#include "context.h"

namespace mock {

struct ServerSignals {
  volatile std::sig_atomic_t* stop;      // set by SIGINT/SIGTERM
  volatile std::sig_atomic_t* dump_now;  // set by SIGUSR1
};

// Binds 127.0.0.1, prints the listening line, serves until *signals.stop. Returns the process
// exit code.
int RunServer(ServerContext& ctx, const ServerSignals& signals);

}  // namespace mock

#endif  // MARKETO_MOCK_SERVER_SERVER_H_
