#include "policy/auth.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "marketo/error_codes.h"
#include "text.h"

namespace mock {

namespace error_codes = marketo::error_codes;

std::string HmacSha1Hex(const std::string& key, const std::string& message) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (HMAC(EVP_sha1(), key.data(), static_cast<int>(key.size()),
           reinterpret_cast<const unsigned char*>(message.data()), message.size(), mac,
           &len) == nullptr) {
    return "";
  }
  return ToHex(std::string(reinterpret_cast<const char*>(mac), len));
}

int CheckAuthentication(const AuthConfig& config, const std::string* user_id,
                        const std::string* signature, const std::string* timestamp,
                        std::time_t now) {
  if (user_id == nullptr || signature == nullptr || timestamp == nullptr) {
    return error_codes::kAuthenticationFailed;
  }
  if (*user_id != config.user_id) return error_codes::kAuthenticationFailed;
  const std::string expected = HmacSha1Hex(config.encryption_key, *timestamp + *user_id);
  // Constant time, and exact: Marketo's signatures are lower-case hex.
  if (expected.empty() || signature->size() != expected.size() ||
      CRYPTO_memcmp(signature->data(), expected.data(), expected.size()) != 0) {
    return error_codes::kAuthenticationFailed;
  }
  const auto ts = ParseTimestamp(*timestamp);
  if (!ts) return error_codes::kRequestExpired;
  const long long skew = static_cast<long long>(now) - static_cast<long long>(*ts);
  if (skew > config.max_skew_s || -skew > config.max_skew_s) return error_codes::kRequestExpired;
  return 0;
}

}  // namespace mock
