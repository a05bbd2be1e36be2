// Command line of marketo-mock-server.
#ifndef MARKETO_MOCK_SERVER_OPTIONS_H_
#define MARKETO_MOCK_SERVER_OPTIONS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "policy/fault_injection.h"

namespace mock {

// Realistic-looking defaults in Marketo's formats (docs/protocol.md, "Authentication"):
// "<org>_<22 upper hex>" and a key of >= 10 characters with letters and digits. They are test
// credentials, not secrets.
inline constexpr char kDefaultUserId[] = "mockorg1_0123456789ABCDEF012345";
inline constexpr char kDefaultEncryptionKey[] = "mockEncryptionKey2026";
// Environment variable that sets the key (below --encryption-key / --encryption-key-file).
inline constexpr char kEncryptionKeyEnv[] = "MARKETO_MOCK_ENCRYPTION_KEY";

struct Options {
  int port = 0;
  std::string user_id = kDefaultUserId;
  std::string encryption_key = kDefaultEncryptionKey;
  std::string tls_cert;
  std::string tls_key;
  int latency_ms = 0;
  int latency_jitter_ms = 0;  // each answer waits latency_ms + uniform [0, this] more
  int max_skew_s = 900;
  int rate_limit = 100;           // calls per sliding rate_window_ms; 0 = off
  int rate_window_ms = 20000;     // Marketo's 20 s; smaller for fast tests
  int concurrency_limit = 10;     // concurrent calls; 0 = off
  std::uint64_t daily_quota = 0;  // 0 = off
  std::vector<FaultSpec> faults;
  std::string dump_path;
  std::optional<std::uint64_t> seed;
  int hang_s = 120;                // bound of kind=hang
  int max_connections = 64;        // connection threads
  int io_timeout_s = 30;           // server-side recv/send timeout
  int header_timeout_ms = 5000;    // a request's header: first byte (or accept) to blank line
  int body_timeout_ms = 30000;     // a request's body: end of header to last byte
  int import_ms = 3000;            // how long an importToList job reads PROCESSING
  int seed_leads = 0;              // extra bulk leads (leads_bulk_seed.h)
  bool stop_on_stdin_eof = false;  // a test harness that dies takes the server with it
};

enum class ParseResult { kOk, kHelp, kError };

// On kError, *error holds a message for stderr.
ParseResult ParseOptions(int argc, char** argv, Options* options, std::string* error);

std::string HelpText();

}  // namespace mock

#endif  // MARKETO_MOCK_SERVER_OPTIONS_H_
