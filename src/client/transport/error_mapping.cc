#include "transport/error_mapping.h"

#include <cstdlib>
#include <cstring>
#include <string>
#include <utility>

#include "marketo/error_codes.h"
#include "transport/hardening.h"
#include "transport/xml_text.h"

namespace marketo {
namespace internal {
namespace {

// A category and the text after "<op>: ".
struct Mapped {
  StatusCode code;
  std::string text;
};

std::string FaultString(struct soap* s) {
  const char** fs = soap_faultstring(s);
  return fs != nullptr && *fs != nullptr ? *fs : "";
}

std::string FaultDetail(struct soap* s) {
  const char** fd = soap_faultdetail(s);
  return fd != nullptr && *fd != nullptr ? *fd : "";
}

// The fault's detail element as literal XML (the WSDL leaves it untyped).
std::string DetailXml(const struct soap* s) {
  if (s->fault == nullptr) return "";
  if (s->fault->detail != nullptr && s->fault->detail->__any) return s->fault->detail->__any;
  if (s->fault->SOAP_ENV__Detail != nullptr && s->fault->SOAP_ENV__Detail->__any) {
    return s->fault->SOAP_ENV__Detail->__any;
  }
  return "";
}

bool IsLimitCode(int code) {
  return code == error_codes::kRequestLimitExceeded || code == error_codes::kRateLimitExceeded ||
         code == error_codes::kConcurrencyLimitExceeded;
}

Mapped MapFault(struct soap* s, ErrorInfo& info) {
  const char** fc = soap_faultcode(s);
  if (fc != nullptr && *fc != nullptr) info.fault_code = *fc;
  ServiceException ex = ParseServiceException(DetailXml(s));
  const std::string fs = FaultString(s);
  if (ex.code == 0) ex.code = std::atoi(fs.c_str());  // "20014 - Authentication failed"
  info.marketo_error_code = ex.code > 0 ? ex.code : 0;
  const std::string& text = ex.message.empty() ? fs : ex.message;
  if (ex.code == error_codes::kRequestLimitExceeded) {
    // Says what to do; the retry loop never retries it.
    return {StatusCode::kResourceExhausted,
            "daily API request quota exhausted (Marketo 20015: " + text +
                "); not retried: the quota resets daily at 12:00 AM CST"};
  }
  std::string msg = "SOAP fault";
  if (info.marketo_error_code != 0) msg += " " + std::to_string(info.marketo_error_code);
  return {IsLimitCode(ex.code) ? StatusCode::kResourceExhausted : StatusCode::kSoapFault,
          msg + ": " + text};
}

// gSOAP reports a close, a timeout and some broken XML alike as EOF; the I/O record tells them
// apart.
Mapped MapEof(const Context& c) {
  const CallIo& io = c.io;
  if (io.bytes_received >= c.options.max_response_bytes) {
    return {StatusCode::kMalformedResponse, "response exceeds max_response_bytes (" +
                                                std::to_string(c.options.max_response_bytes) + ")"};
  }
  // The lenient parser reports some broken XML (e.g. mismatched end tags) as EOF.
  if (io.Complete()) return {StatusCode::kMalformedResponse, "malformed XML in response"};
  if (io.send_timed_out || io.recv_timed_out) {
    return {StatusCode::kDeadlineExceeded,
            io.send_timed_out ? "send timed out" : "receive timed out"};
  }
  if (io.recv_eof || io.send_errno != 0 || io.bytes_received == 0) {
    std::string msg = io.bytes_received == 0 ? "connection closed without a response"
                                             : "connection closed before the response was complete";
    if (io.send_errno != 0) msg += std::string(" (") + std::strerror(io.send_errno) + ")";
    return {StatusCode::kUnavailable, std::move(msg)};
  }
  return {StatusCode::kMalformedResponse, "malformed XML in response"};
}

// A response cut off by a reset, a close or a stall (e.g. inside the HTTP head, which gSOAP
// reports as "error 200") is a transport failure, not a bad answer.
bool CutOff(int err, const CallIo& io) {
  return (err == 200 || (err > 0 && err < 100) || err == SOAP_HTTP_ERROR) && io.Incomplete() &&
         (io.recv_eof || io.recv_timed_out);
}

// Which limit of hardening.h (or max_response_bytes) a response broke; gSOAP's own text for
// these errors is often empty.
std::string ParserLimit(const Context& c, int err) {
  std::string what;
  if (err == SOAP_OCCURS) {
    what = "item-count limit (a list has more than " + std::to_string(kMaxOccurs) +
           " items, or fewer than the schema requires)";
  } else if (err == SOAP_LEVEL) {
    what = "depth limit (XML nested deeper than " + std::to_string(kMaxXmlDepth) + " levels)";
  } else if (c.io.content_length >= 0 &&
             static_cast<unsigned long long>(c.io.content_length) > c.options.max_response_bytes) {
    what = "size limit (Content-Length exceeds max_response_bytes of " +
           std::to_string(c.options.max_response_bytes) + ")";
  } else {
    what = "string-length limit (a value is longer than " + std::to_string(kMaxStringLength) +
           " bytes)";
  }
  if (std::string fs = FaultString(c.soap()); !fs.empty()) what += ": " + fs;
  return what;
}

// Everything after the transport: HTTP statuses, parser limits and unreadable content.
Mapped MapResponse(const Context& c, int err, ErrorInfo& info) {
  struct soap* s = c.soap();
  if (err == 200) {
    // A 200 response gSOAP could not read as the SOAP message.
    info.http_status = 200;
    return {StatusCode::kMalformedResponse, "HTTP 200 response is not the expected SOAP message"};
  }
  if (err >= 100 && err <= 599) {
    info.http_status = err;
    std::string msg = "HTTP " + std::to_string(err);
    if (std::string fs = FaultString(s); !fs.empty()) msg += ": " + fs;
    return {StatusCode::kHttpError, std::move(msg)};
  }
  if (err == SOAP_OCCURS || err == SOAP_LENGTH || err == SOAP_LEVEL) {
    return {StatusCode::kMalformedResponse,
            "response exceeds a parser limit: " + ParserLimit(c, err)};
  }
  if (err == SOAP_EOM) return {StatusCode::kInternal, "out of memory"};
  if (err == SOAP_HTTP_ERROR) {
    return {StatusCode::kMalformedResponse, "invalid HTTP response: " + FaultString(s)};
  }
  if (err > 0 && err < 100) {
    std::string msg = "cannot parse response (invalid or unexpected XML content)";
    if (std::string fs = FaultString(s); !fs.empty()) msg += ": " + fs;
    return {StatusCode::kMalformedResponse, std::move(msg)};
  }
  return {StatusCode::kInternal, "unexpected transport error: " + FaultString(s)};
}

Mapped DeadlineHit(const Context& c) {
  const std::string span = std::to_string(c.deadline_span.count()) + " ms";
  return {StatusCode::kDeadlineExceeded,
          c.deadline_by_budget
              ? "whole-call deadline exceeded: the retry budget (RetryPolicy::max_total_time) "
                "ran out " +
                    span + " into this attempt"
              : "whole-call deadline of " + span +
                    " exceeded (ClientOptions::call_timeout bounds connect, TLS, send and "
                    "receive together)"};
}

Mapped MapFailure(const Context& c, Clock::duration elapsed, ErrorInfo& info) {
  struct soap* s = c.soap();
  const int err = s->error;
  if (c.io.deadline_hit) return DeadlineHit(c);
  if (!c.io.refused.empty()) return {StatusCode::kMalformedResponse, c.io.refused};
  if (err == SOAP_CLI_FAULT || err == SOAP_SVR_FAULT || err == SOAP_FAULT) {
    return MapFault(s, info);
  }
  if (err == SOAP_TCP_ERROR) {
    info.http_status = 0;
    if (LooksLikeTimeout(elapsed, c.options.connect_timeout)) {
      return {StatusCode::kDeadlineExceeded, "connect timed out"};
    }
    return {StatusCode::kUnavailable, "cannot connect: " + FaultString(s)};
  }
  if (err == SOAP_SSL_ERROR) {
    info.http_status = 0;
    std::string msg = "TLS error: " + FaultString(s);
    if (std::string d = FaultDetail(s); !d.empty()) msg += " (" + d + ")";
    return {StatusCode::kTlsError, std::move(msg)};
  }
  if (err == SOAP_EOF) return MapEof(c);
  if (CutOff(err, c.io)) {
    if (c.io.recv_timed_out) return {StatusCode::kDeadlineExceeded, "receive timed out"};
    return {StatusCode::kUnavailable, "connection closed before the response was complete"};
  }
  return MapResponse(c, err, info);
}

}  // namespace

Status MapError(const Context& c, const char* op, Clock::duration elapsed) {
  ErrorInfo info;
  info.request_may_have_reached_server = c.io.bytes_sent > 0;
  if (c.soap()->status >= 100 && c.soap()->status <= 599) info.http_status = c.soap()->status;
  Mapped m = MapFailure(c, elapsed, info);
  std::string msg = std::string(op) + ": " + std::move(m.text);
  ScrubSecret(msg, c.options.credentials.encryption_key);
  ScrubSecret(msg, c.auth.requestSignature);
  return Status(m.code, std::move(msg), std::move(info));
}

}  // namespace internal
}  // namespace marketo
