#include "marketo/status.h"

#include <utility>

namespace marketo {

const char* ToString(StatusCode code) noexcept {
  switch (code) {
    case StatusCode::kOk:
      return "Ok";
    case StatusCode::kInvalidArgument:
      return "InvalidArgument";
    case StatusCode::kUnavailable:
      return "Unavailable";
    case StatusCode::kDeadlineExceeded:
      return "DeadlineExceeded";
    case StatusCode::kTlsError:
      return "TlsError";
    case StatusCode::kHttpError:
      return "HttpError";
    case StatusCode::kSoapFault:
      return "SoapFault";
    case StatusCode::kMalformedResponse:
      return "MalformedResponse";
    case StatusCode::kResponseMismatch:
      return "ResponseMismatch";
    case StatusCode::kResourceExhausted:
      return "ResourceExhausted";
    case StatusCode::kInternal:
      return "Internal";
    case StatusCode::kUnimplemented:
      return "Unimplemented";
  }
  return "Unknown";
}

Status::Status(StatusCode code, std::string message, ErrorInfo info)
    : code_(code), message_(std::move(message)), info_(std::move(info)) {
  if (code_ == StatusCode::kOk) {
    message_.clear();
    info_ = ErrorInfo{};
  }
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  std::string out = marketo::ToString(code_);
  out += ": ";
  out += message_;
  if (info_.http_status != 0) out += " [HTTP " + std::to_string(info_.http_status) + "]";
  if (info_.marketo_error_code != 0) {
    out += " [Marketo " + std::to_string(info_.marketo_error_code) + "]";
  }
  return out;
}

bool operator==(const Status& a, const Status& b) noexcept {
  return a.code_ == b.code_ && a.message_ == b.message_ &&
         a.info_.http_status == b.info_.http_status &&
         a.info_.marketo_error_code == b.info_.marketo_error_code &&
         a.info_.fault_code == b.info_.fault_code &&
         a.info_.request_may_have_reached_server == b.info_.request_may_have_reached_server;
}

RuntimeError::RuntimeError(Status status)
    : std::runtime_error(status.ToString()), status_(std::move(status)) {}

}  // namespace marketo
