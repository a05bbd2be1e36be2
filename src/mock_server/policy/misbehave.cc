#include "policy/misbehave.h"

#include <sys/socket.h>

#include <cctype>
#include <string>

namespace mock {
namespace {

void Raw(struct soap* soap, const std::string& bytes) {
  // fsend is gSOAP's transport: plain send() with MSG_NOSIGNAL, or SSL_write under TLS.
  if (!bytes.empty()) (void)soap->fsend(soap, bytes.data(), bytes.size());
}

std::string Response(const char* status, const char* content_type, const std::string& body,
                     std::size_t content_length) {
  std::string r = std::string("HTTP/1.1 ") + status + "\r\nServer: marketo-mock-server\r\n";
  if (content_type != nullptr) r += std::string("Content-Type: ") + content_type + "\r\n";
  r += "Content-Length: " + std::to_string(content_length) + "\r\nConnection: close\r\n\r\n";
  return r + body;
}

constexpr char kEnvelopeStart[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\" "
    "xmlns:ns1=\"http://www.marketo.com/mktows/\"><SOAP-ENV:Body>";

// "<ns1:successSyncLead>" for "syncLead": the start of that operation's answer, so a cut-off
// body is a cut-off answer to the call that was made.
std::string SuccessElement(const char* op) {
  std::string name(op);
  if (!name.empty()) name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
  return "<ns1:success" + name + ">";
}

}  // namespace

int Misbehave(struct soap* soap, const char* op, MisbehaviourKind kind, ServerContext* ctx) {
  soap->keep_alive = 0;
  switch (kind) {
    case MisbehaviourKind::kReset: {
      Raw(soap, "HTTP/1.1 200 OK\r\nContent-Type: text/xml; charset=utf-8\r\nContent-Len");
      // SO_LINGER 0: close() sends RST instead of FIN.
      struct linger lg {
        1, 0
      };
      if (soap_valid_socket(soap->socket)) {
        setsockopt(soap->socket, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
      }
      break;
    }
    case MisbehaviourKind::kTruncate: {
      const std::string body = kEnvelopeStart + SuccessElement(op) + "<result>";
      Raw(soap, Response("200 OK", "text/xml; charset=utf-8", body, body.size() + 4096));
      break;
    }
    case MisbehaviourKind::kHtml500: {
      const std::string body =
          "<!DOCTYPE html>\n<html><head><title>500 Internal Server Error</title></head>"
          "<body><h1>Internal Server Error</h1><p>The server encountered an internal error."
          "</p></body></html>\n";
      Raw(soap,
          Response("500 Internal Server Error", "text/html; charset=utf-8", body, body.size()));
      break;
    }
    case MisbehaviourKind::kHttp503:
      Raw(soap, Response("503 Service Unavailable", nullptr, "", 0));
      break;
    case MisbehaviourKind::kNonXml: {
      const std::string body = "Service temporarily unavailable; please try again later.\n";
      Raw(soap, Response("200 OK", "text/plain; charset=utf-8", body, body.size()));
      break;
    }
    case MisbehaviourKind::kMalformed: {
      const std::string body =
          std::string(kEnvelopeStart) +
          "<ns1:successSyncMObjects><result><mObjStatusList><mObjStatus><id>1</id>"
          "<status>CREATED</mObjStatus></result></ns1:successGetMObjects>"
          "</SOAP-ENV:Body></SOAP-ENV:Envelope>\n";
      Raw(soap, Response("200 OK", "text/xml; charset=utf-8", body, body.size()));
      break;
    }
    case MisbehaviourKind::kHang:
      // Bounded: the client's timeout normally ends it first; shutdown ends it at once.
      ctx->shutdown.SleepFor(std::chrono::seconds(ctx->options.hang_s));
      break;
    case MisbehaviourKind::kNone:
      break;
  }
  return SOAP_STOP;
}

}  // namespace mock
