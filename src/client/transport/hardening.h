#ifndef MARKETO_SRC_CLIENT_TRANSPORT_HARDENING_H_
#define MARKETO_SRC_CLIENT_TRANSPORT_HARDENING_H_

#include <cstddef>

namespace marketo {
namespace internal {

// gSOAP hardening limits, sized for Marketo's documented responses (docs/protocol.md,
// "MObjects" and "Limits"):
// * kMaxXmlDepth 32: the deepest SOAP path is Envelope/Body/successGetMObjects/result/
//   mObjectList/mObject/typeAttribList/typeAttrib/attrList/attrib/value = 11 levels; gSOAP
//   skips unknown subtrees iteratively, so this only bounds deserialised nesting.
// * kMaxOccurs 10000: arrays hold at most 100 objects/statuses per call; describe field lists
//   and per-object attribute lists are in the tens to hundreds.
// * kMaxStringLength 4 MiB: Program "Token" values can be whole HTML snippets.
// * recv_maxlength = ClientOptions::max_response_bytes (16 MiB by default): 100 programs with
//   details and tokens stay well below it; also caps decompressed size.
inline constexpr unsigned kMaxXmlDepth = 32;
inline constexpr long kMaxStringLength = 4L * 1024 * 1024;
inline constexpr std::size_t kMaxOccurs = 10000;

}  // namespace internal
}  // namespace marketo

#endif  // MARKETO_SRC_CLIENT_TRANSPORT_HARDENING_H_
