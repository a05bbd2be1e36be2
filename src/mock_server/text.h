// Text formats that policy/ and semantics/ both read.
#ifndef MARKETO_MOCK_SERVER_TEXT_H_
#define MARKETO_MOCK_SERVER_TEXT_H_

#include <ctime>
#include <optional>
#include <string>

namespace mock {

// Parses "YYYY-MM-DDThh:mm:ss[.fff](+hh:mm|-hh:mm|+hhmm|Z)" to a UTC epoch.
std::optional<std::time_t> ParseTimestamp(const std::string& text);

// Lower-case hex of the bytes of s, and back (nullopt for anything else).
std::string ToHex(const std::string& s);
std::optional<std::string> FromHex(const std::string& s);

}  // namespace mock

#endif  // MARKETO_MOCK_SERVER_TEXT_H_
