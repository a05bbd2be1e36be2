#ifndef MARKETO_SRC_CLIENT_OPERATIONS_SOAP_TIME_H_
#define MARKETO_SRC_CLIENT_OPERATIONS_SOAP_TIME_H_

// xsd:dateTime as gSOAP holds it (time_t, seconds) and as the SDK does (system_clock).

#include <algorithm>
#include <chrono>
#include <ctime>

namespace marketo {
namespace internal {

// Saturates instead of overflowing: system_clock counts nanoseconds in libstdc++, so it spans
// only about 1678-2262, while a response may carry any xsd:dateTime (found by the fuzzer:
// "2410-01-01T00:00:00Z" made from_time_t overflow, which is undefined behaviour).
inline std::chrono::system_clock::time_point FromTimeT(std::time_t t) {
  using std::chrono::system_clock;
  constexpr long long kMaxSeconds =
      std::chrono::duration_cast<std::chrono::seconds>(system_clock::duration::max()).count() - 1;
  const long long clamped = std::clamp<long long>(t, -kMaxSeconds, kMaxSeconds);
  return system_clock::time_point(
      std::chrono::duration_cast<system_clock::duration>(std::chrono::seconds(clamped)));
}

// Whole seconds, rounded down (the wire has no fractions).
inline std::time_t ToTimeT(std::chrono::system_clock::time_point t) {
  return static_cast<std::time_t>(
      std::chrono::floor<std::chrono::seconds>(t.time_since_epoch()).count());
}

}  // namespace internal
}  // namespace marketo

#endif  // MARKETO_SRC_CLIENT_OPERATIONS_SOAP_TIME_H_
