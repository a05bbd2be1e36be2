// Raw SOAP over plain HTTP for wire-level tests: build a signed envelope, POST it on a loopback
// socket, get status, headers and body back exactly as sent.
#ifndef MARKETO_TESTS_SUPPORT_SOAP_HTTP_H_
#define MARKETO_TESTS_SUPPORT_SOAP_HTTP_H_

#include <chrono>
#include <ctime>
#include <map>
#include <string>

namespace marketo_test {

// marketo-mock-server's default credentials (see its --help).
inline constexpr char kMockUserId[] = "mockorg1_0123456789ABCDEF012345";
inline constexpr char kMockEncryptionKey[] = "mockEncryptionKey2026";

// Lower-case hex HMAC-SHA1, as Marketo's requestSignature.
std::string HmacSha1Hex(const std::string& key, const std::string& message);

// W3C timestamp with a numeric offset ("2026-11-28T13:04:54-08:00" style; UTC gives +00:00).
std::string W3cTimestamp(std::time_t t);

// <ns1:AuthenticationHeader> with the signature of timestamp + user id.
std::string AuthHeaderXml(const std::string& user_id, const std::string& key,
                          const std::string& timestamp);

// A SOAP 1.1 envelope (prefixes SOAP-ENV and ns1 as in Marketo's docs) around `body_xml`,
// with the AuthenticationHeader in the header unless header_xml is empty.
std::string SoapEnvelope(const std::string& header_xml, const std::string& body_xml);

// Envelope signed now with the mock's default credentials.
std::string SignedEnvelope(const std::string& body_xml);

struct HttpResponse {
  int status = 0;                              // 0 when no status line arrived
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;
  bool complete = false;  // the whole Content-Length arrived
  std::string error;      // transport problem ("connection reset", "timeout", ...), or ""
};

// POSTs `body` to an http:// URL with Content-Type text/xml and a quoted SOAPAction
// (http://www.marketo.com/mktows/<operation>); `Connection: close`.
HttpResponse PostSoap(const std::string& url, const std::string& operation, const std::string& body,
                      std::chrono::milliseconds timeout = std::chrono::seconds(15));

}  // namespace marketo_test

#endif  // MARKETO_TESTS_SUPPORT_SOAP_HTTP_H_
