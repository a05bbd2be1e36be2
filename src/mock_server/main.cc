// marketo-mock-server: a Marketo SOAP API (mktows 3_1) server for demos and tests.
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include "dump.h"
#include "options.h"
#include "server.h"

namespace {

volatile std::sig_atomic_t g_stop = 0;
volatile std::sig_atomic_t g_dump = 0;

extern "C" void OnStop(int) { g_stop = 1; }
extern "C" void OnDump(int) { g_dump = 1; }

void Install(int sig, void (*handler)(int)) {
  struct sigaction sa {};
  sa.sa_handler = handler;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;  // no SA_RESTART: a blocked accept() returns and sees the flag
  sigaction(sig, &sa, nullptr);
}

}  // namespace

int main(int argc, char** argv) {
  // A client that disconnects mid-response must never kill the server (OpenSSL writes with
  // write(), so MSG_NOSIGNAL alone is not enough).
  std::signal(SIGPIPE, SIG_IGN);

  mock::Options options;
  std::string error;
  switch (mock::ParseOptions(argc, argv, &options, &error)) {
    case mock::ParseResult::kHelp:
      std::fputs(mock::HelpText().c_str(), stdout);
      return 0;
    case mock::ParseResult::kError:
      std::fprintf(stderr, "marketo-mock-server: %s\n", error.c_str());
      return 2;
    case mock::ParseResult::kOk:
      break;
  }
  Install(SIGINT, OnStop);
  Install(SIGTERM, OnStop);
  Install(SIGUSR1, OnDump);

  auto ctx = std::make_unique<mock::ServerContext>(options);
  const int rc = mock::RunServer(*ctx, mock::ServerSignals{&g_stop, &g_dump});
  if (!options.dump_path.empty() && !mock::WriteDump(options.dump_path, ctx->store, ctx->stats)) {
    std::fprintf(stderr, "marketo-mock-server: cannot write %s\n", options.dump_path.c_str());
    std::fflush(stderr);
    std::_Exit(4);
  }
  std::fflush(stdout);
  if (rc == 3) std::_Exit(0);  // detached threads still running: skip static destructors
  return rc == 2 ? 2 : 0;
}
