#ifndef MARKETO_OPTIONS_H_
#define MARKETO_OPTIONS_H_

/// @file
/// Client configuration: endpoint, credentials, timeouts, TLS, pool size, retries, limits, hooks.

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "marketo/limits.h"
#include "marketo/retry.h"

namespace marketo {

/// SOAP API credentials from Admin > Integration > Web Services.
struct Credentials {
  /// The SOAP "User ID", e.g. "demo17_1_809934544BFABAE58E5D27". Masked in wire logs.
  std::string user_id;
  /// The encryption key used to sign requests. Never logged, never part of an error message.
  std::string encryption_key;
};

/// TLS settings for https endpoints. TLS 1.2 and 1.3 only.
struct TlsOptions {
  /// Verify the server certificate chain and host name. Turn off only for local experiments.
  bool verify_peer = true;
  /// PEM file of trusted CAs. When set, ONLY these CAs are trusted (the system store is not
  /// loaded). When empty, OpenSSL's default store is used (on Debian /etc/ssl/certs, honouring
  /// SSL_CERT_FILE / SSL_CERT_DIR).
  std::string ca_file;
  /// Directory of hashed CA certificates, used in addition to ca_file when set.
  std::string ca_path;
};

/// Direction of a message passed to the wire-log hook.
enum class WireDirection {
  /// Request XML sent to the server.
  kRequest,
  /// Response XML received from the server.
  kResponse,
};

/// Receives request/response XML bodies with `mktowsUserId` and `requestSignature` masked.
/// Called on the calling thread; must not throw.
using WireLogHook = std::function<void(WireDirection direction, std::string_view xml)>;

/// Source of "now" for request timestamps; injectable for tests.
using ClockFunction = std::function<std::chrono::system_clock::time_point()>;

/// Everything needed to build a connection. All timeouts are finite by default.
struct ClientOptions {
  /// SOAP endpoint, e.g. "https://123-ABC-456.mktoapi.com/soap/mktows/3_1".
  std::string endpoint;
  /// User id and encryption key.
  Credentials credentials;
  /// Time allowed for TCP connect plus TLS handshake.
  std::chrono::milliseconds connect_timeout = std::chrono::seconds(10);
  /// Time allowed for each blocking send.
  std::chrono::milliseconds send_timeout = std::chrono::seconds(30);
  /// Time allowed for each blocking receive (i.e. the longest silence from the server).
  std::chrono::milliseconds receive_timeout = std::chrono::seconds(60);
  /// Whole-attempt deadline: connect, TLS handshake, sending the request and receiving the
  /// whole response (1xx interim responses, headers and body) together, however the server
  /// spaces its bytes. Each attempt also ends when the retry budget (RetryPolicy::max_total_time)
  /// runs out. Must be > 0; a call that hits it fails with kDeadlineExceeded.
  std::chrono::milliseconds call_timeout = std::chrono::seconds(120);
  /// TLS settings.
  TlsOptions tls;
  /// Maximum number of gSOAP contexts (each with its own keep-alive connection). Calls beyond
  /// this number wait for a free context. Defaults to Marketo's concurrency limit of 10.
  std::size_t max_connections = 10;
  /// Largest response accepted, in bytes; bigger responses fail with kMalformedResponse.
  std::size_t max_response_bytes = std::size_t{16} * 1024 * 1024;
  /// Clock for request timestamps; empty means std::chrono::system_clock::now.
  ClockFunction clock;
  /// Zone of the request timestamps (minutes east of UTC); 0 renders "+00:00".
  std::chrono::minutes timestamp_utc_offset{0};
  /// Optional wire log (see WireLogHook); empty disables capture entirely.
  WireLogHook wire_log;
  /// HTTP User-Agent; empty means "marketo-soap/<version>".
  std::string user_agent;
  /// Retry policy applied to every call (see retry.h). Retrying is ON by default: up to 4
  /// retries with jittered exponential backoff, idempotent calls only unless the request
  /// provably never ran. Use RetryPolicy::NoRetries() for exactly one attempt per call.
  RetryPolicy retry;
  /// Client-side rate and concurrency limits shared by all calls of the connection (see
  /// limits.h). Default: 100 calls per 20 s, 10 in flight.
  LimitOptions limits;

  /// Fills endpoint, credentials.user_id and credentials.encryption_key from
  /// MARKETO_SOAP_ENDPOINT, MARKETO_USER_ID and MARKETO_ENCRYPTION_KEY where `base` leaves them
  /// empty (explicit values win), and returns the result.
  static ClientOptions FromEnvironment(ClientOptions base);
  /// FromEnvironment() applied to default options.
  static ClientOptions FromEnvironment();
};

}  // namespace marketo

#endif  // MARKETO_OPTIONS_H_
