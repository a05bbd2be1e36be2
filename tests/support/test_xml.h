#ifndef MARKETO_TESTS_SUPPORT_TEST_XML_H_
#define MARKETO_TESTS_SUPPORT_TEST_XML_H_

// Canned SOAP messages for tests (an envelope, the HTTP response around it) and XML flattening:
// a document as "path=text" lines (local names, prefixes dropped, attributes ignored), so two
// envelopes can be compared element by element.

#include <string>
#include <string_view>
#include <vector>

namespace marketo_test {

std::vector<std::string> FlattenXml(std::string_view xml);
std::string ReadFile(const std::string& path);
// "HTTP/1.1 <status>\r\nContent-Type: ...\r\nContent-Length: N\r\n\r\n<body>"
std::string HttpReply(std::string_view body, std::string_view status = "200 OK",
                      std::string_view content_type = "text/xml; charset=utf-8");
std::string Envelope(std::string_view body_inner);
// A Marketo fault as its servers send it: HTTP 500, faultstring "<code> - <text>", and
// detail/serviceException with message "<text> (<code>)".
std::string FaultReply(int code, std::string_view text);

}  // namespace marketo_test

#endif  // MARKETO_TESTS_SUPPORT_TEST_XML_H_
