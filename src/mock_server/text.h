// Text formats that policy/ and semantics/ both read.
#ifndef MARKETO_MOCK_SERVER_TEXT_H_
#define MARKETO_MOCK_SERVER_TEXT_H_

#include <ctime>
#include <optional>
#include <string>

namespace mock {

// Parses "YYYY-MM-DDThh:mm:ss[.fff](+hh:mm|-hh:mm|+hhmm|Z)" to a UTC epoch.
std::optional<std::time_t> ParseTimestamp(const std::string& text);

}  // namespace mock

#endif  // MARKETO_MOCK_SERVER_TEXT_H_
