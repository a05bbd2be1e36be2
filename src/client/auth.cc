#include "marketo/auth.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cstdio>
#include <ctime>

namespace marketo {

std::string FormatW3CTimestamp(std::chrono::system_clock::time_point tp,
                               std::chrono::minutes utc_offset) {
  using std::chrono::floor;
  using std::chrono::seconds;
  // floor, not duration_cast: pre-1970 instants must not round toward the future.
  const auto local = floor<seconds>(tp) + utc_offset;
  const std::time_t t = static_cast<std::time_t>(local.time_since_epoch().count());
  std::tm tm{};
  gmtime_r(&t, &tm);
  const long off = static_cast<long>(utc_offset.count());
  const long abs_off = off < 0 ? -off : off;
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d%c%02ld:%02ld", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, off < 0 ? '-' : '+',
                abs_off / 60, abs_off % 60);
  return buf;
}

std::string ComputeSignature(std::string_view timestamp, std::string_view user_id,
                             std::string_view encryption_key) {
  std::string message;
  message.reserve(timestamp.size() + user_id.size());
  message.append(timestamp).append(user_id);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha1(), encryption_key.data(), static_cast<int>(encryption_key.size()),
       reinterpret_cast<const unsigned char*>(message.data()), message.size(), digest, &len);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(static_cast<std::size_t>(len) * 2, '0');
  for (std::size_t i = 0; i < len; ++i) {
    out[2 * i] = kHex[digest[i] >> 4];
    out[2 * i + 1] = kHex[digest[i] & 0xf];
  }
  return out;
}

}  // namespace marketo
