// Text formats that policy/ and semantics/ both read.
#ifndef MARKETO_MOCK_SERVER_TEXT_H_
#define MARKETO_MOCK_SERVER_TEXT_H_

#include <ctime>
#include <optional>
#include <string>

namespace mock {

// Parses "YYYY-MM-DDThh:mm:ss[.fff](+hh:mm|-hh:mm|+hhmm|Z)" to a UTC epoch.
std::optional<std::time_t> ParseTimestamp(const std::string& text);

// "YYYY-MM-DDThh:mm:ss+00:00": UTC with a numeric offset, as Marketo writes dates.
std::string FormatTimestamp(std::time_t t);

// n in decimal, left-padded with zeros to width digits ("LEAD-0019").
std::string ZeroPad(long long n, int width);

// Lower-case hex of the bytes of s, and back (nullopt for anything else).
std::string ToHex(const std::string& s);
std::optional<std::string> FromHex(const std::string& s);

// 16 hex digits of the FNV-1a hash of s: binds a stream token to the query it belongs to.
std::string HashHex(const std::string& s);

}  // namespace mock

#endif  // MARKETO_MOCK_SERVER_TEXT_H_
