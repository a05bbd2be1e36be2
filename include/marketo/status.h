#ifndef MARKETO_STATUS_H_
#define MARKETO_STATUS_H_

/// @file
/// The SDK's error model: StatusCode, Status and RuntimeError.

#include <stdexcept>
#include <string>

namespace marketo {

/// Category of a failure. Every error the SDK reports carries exactly one of these.
enum class StatusCode {
  /// Success.
  kOk,
  /// The caller's input was rejected before any I/O (validation), or the options are unusable.
  kInvalidArgument,
  /// The service could not be reached or the connection broke: refused, reset, closed early.
  kUnavailable,
  /// A connect, send or receive timeout expired.
  kDeadlineExceeded,
  /// TLS handshake or certificate verification failed (wrong CA, host-name mismatch, ...).
  kTlsError,
  /// The server answered with an HTTP error status and no SOAP fault; see Status::http_status().
  kHttpError,
  /// The server answered with a SOAP fault; see Status::marketo_error_code() and fault_code().
  kSoapFault,
  /// The response could not be parsed or exceeded a hardening limit.
  kMalformedResponse,
  /// The response's per-object status count differs from the number of objects sent.
  kResponseMismatch,
  /// A quota or rate limit was hit (Marketo 20015, 20023, 20024).
  kResourceExhausted,
  /// A bug or an unexpected condition inside the SDK.
  kInternal,
  /// The connection does not implement the operation (a test double that overrides only some
  /// operations of Connection).
  kUnimplemented,
};

/// Returns the enumerator name without the `k`, e.g. "SoapFault".
const char* ToString(StatusCode code) noexcept;

/// Extra facts about a failure; all fields are optional (zero / empty when unknown).
struct ErrorInfo {
  /// HTTP status of the response, 0 when no response arrived.
  int http_status = 0;
  /// Marketo error code from `detail/serviceException/code` (e.g. 20014), 0 if none.
  int marketo_error_code = 0;
  /// SOAP `faultcode`, e.g. "SOAP-ENV:Client"; empty if the failure was not a fault.
  std::string fault_code;
  /// False only when the SDK can prove that no byte of the request was handed to the network
  /// (validation errors, connect failures). Retrying a non-idempotent INSERT is safe only then.
  bool request_may_have_reached_server = true;
};

/// Outcome of an operation: OK, or a code plus a human-readable message and ErrorInfo.
///
/// Messages never contain the encryption key or a request signature.
class Status {
 public:
  /// An OK status.
  Status() = default;
  /// A status with the given code and message; `code == kOk` yields an OK status.
  Status(StatusCode code, std::string message, ErrorInfo info = {});

  /// True when the operation succeeded.
  bool ok() const noexcept { return code_ == StatusCode::kOk; }
  /// The failure category (kOk on success).
  StatusCode code() const noexcept { return code_; }
  /// Human-readable description; empty for OK.
  const std::string& message() const noexcept { return message_; }
  /// HTTP status of the response, 0 when none.
  int http_status() const noexcept { return info_.http_status; }
  /// Marketo error code (e.g. 20014), 0 when none.
  int marketo_error_code() const noexcept { return info_.marketo_error_code; }
  /// SOAP faultcode, empty when none.
  const std::string& fault_code() const noexcept { return info_.fault_code; }
  /// See ErrorInfo::request_may_have_reached_server. Always false for OK statuses.
  bool request_may_have_reached_server() const noexcept {
    return !ok() && info_.request_may_have_reached_server;
  }
  /// All extra facts at once.
  const ErrorInfo& error_info() const noexcept { return info_; }

  /// "OK" or "<Code>: <message>" plus the HTTP status / Marketo code when present.
  std::string ToString() const;

  /// Statuses compare equal when code, message and ErrorInfo all match.
  friend bool operator==(const Status& a, const Status& b) noexcept;
  /// Negation of operator==.
  friend bool operator!=(const Status& a, const Status& b) noexcept { return !(a == b); }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  ErrorInfo info_;
};

/// The only exception type that crosses the SDK's API; thrown by StatusOr::value() on error.
class RuntimeError : public std::runtime_error {
 public:
  /// Wraps a (non-OK) status; what() returns status.ToString().
  explicit RuntimeError(Status status);
  /// The status that caused the exception.
  const Status& status() const noexcept { return status_; }

 private:
  Status status_;
};

}  // namespace marketo

#endif  // MARKETO_STATUS_H_
