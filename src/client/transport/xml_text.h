#ifndef MARKETO_SRC_CLIENT_TRANSPORT_XML_TEXT_H_
#define MARKETO_SRC_CLIENT_TRANSPORT_XML_TEXT_H_

// Small text helpers that work on raw XML/HTTP bytes without a parser: the wire log and the
// SOAP fault detail (which the WSDL leaves untyped, so gSOAP hands it over as literal XML).

#include <cstddef>
#include <string>
#include <string_view>

namespace marketo {
namespace internal {

// Replaces the text content of every <mktowsUserId> and <requestSignature> element (any
// namespace prefix) with "***".
void MaskCredentials(std::string& xml);

// Secrets at least this long are removed wherever they occur; shorter ones only as whole words,
// so that a short key never garbles unrelated text (with the key "y", "syncMObjects" stays).
inline constexpr std::size_t kMinInWordSecret = 16;

// Replaces each occurrence of a non-empty `secret` with "***": every occurrence when the secret
// has kMinInWordSecret characters or more, otherwise only those not adjacent to a letter, digit
// or '_'. One pass; the text is not modified when nothing matches.
void ScrubSecret(std::string& text, std::string_view secret);

// The body of a raw HTTP message (after the blank line), de-chunked when the headers say
// "Transfer-Encoding: chunked". Returns the input unchanged when it has no header block.
std::string HttpBody(std::string_view raw);

// Text content of the first element whose local name is `local_name`, entity-decoded;
// empty when absent.
std::string ElementText(std::string_view xml, std::string_view local_name);

// `detail/serviceException` of a Marketo fault.
struct ServiceException {
  std::string name;
  std::string message;
  int code = 0;
};
ServiceException ParseServiceException(std::string_view detail_xml);

}  // namespace internal
}  // namespace marketo

#endif  // MARKETO_SRC_CLIENT_TRANSPORT_XML_TEXT_H_
