#ifndef MARKETO_AUTH_H_
#define MARKETO_AUTH_H_

/// @file
/// The Marketo request signature (pure functions; the client calls them for every attempt).

#include <chrono>
#include <string>
#include <string_view>

namespace marketo {

/// Formats `tp` as a W3C timestamp `YYYY-MM-DDThh:mm:ss±hh:mm` in the zone `utc_offset` east of
/// UTC: seconds precision (fractions are truncated toward the past), colon in the offset and
/// `+00:00` for UTC, never `Z`. Example: 2013-06-09T22:04:54Z with offset -8h gives
/// "2013-06-09T14:04:54-08:00".
std::string FormatW3CTimestamp(std::chrono::system_clock::time_point tp,
                               std::chrono::minutes utc_offset = std::chrono::minutes(0));

/// The `requestSignature`: lower-case hex HMAC-SHA1 keyed with `encryption_key` over
/// `timestamp + user_id` (40 characters).
std::string ComputeSignature(std::string_view timestamp, std::string_view user_id,
                             std::string_view encryption_key);

}  // namespace marketo

#endif  // MARKETO_AUTH_H_
