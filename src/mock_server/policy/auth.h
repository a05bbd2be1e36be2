// Marketo's request authentication: HMAC-SHA1 over timestamp + user id, and a bounded clock skew.
// Protocol: docs/protocol.md, "Authentication".
#ifndef MARKETO_MOCK_SERVER_POLICY_AUTH_H_
#define MARKETO_MOCK_SERVER_POLICY_AUTH_H_

#include <ctime>
#include <string>

namespace mock {

// Lower-case hex HMAC-SHA1(key, message).
std::string HmacSha1Hex(const std::string& key, const std::string& message);

struct AuthConfig {
  std::string user_id;
  std::string encryption_key;
  int max_skew_s = 900;
};

// 0 when the header authenticates; otherwise the Marketo code (kAuthenticationFailed or
// kRequestExpired).
// A missing header is passed as nullptrs.
int CheckAuthentication(const AuthConfig& config, const std::string* user_id,
                        const std::string* signature, const std::string* timestamp,
                        std::time_t now);

}  // namespace mock

#endif  // MARKETO_MOCK_SERVER_POLICY_AUTH_H_
