// Shared parts of the no-loss tests: the seeded fault mix, options with fast retries, and
// readers for the mock's --dump.
#ifndef MARKETO_TESTS_RELIABILITY_NO_LOSS_H_
#define MARKETO_TESTS_RELIABILITY_NO_LOSS_H_

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "marketo/marketo.h"
#include "support/soap_http.h"

namespace marketo_test {
namespace no_loss {

// Independent draws; the first spec that fires wins: about 22 % of all calls misbehave,
// including the "-after-commit" kinds that store the data and then lose the answer.
inline std::vector<std::string> FaultArgs() {
  return {"--rate-limit",
          "0",
          "--concurrency-limit",
          "0",
          "--seed",
          "7",
          "--fault",
          "rate=0.05:kind=reset",
          "--fault",
          "rate=0.03:kind=http503",
          "--fault",
          "rate=0.03:kind=truncate",
          "--fault",
          "rate=0.03:code=20011",
          "--fault",
          "rate=0.03:code=20024",
          "--fault",
          "rate=0.04:kind=reset-after-commit",
          "--fault",
          "rate=0.04:kind=truncate-after-commit"};
}

inline marketo::ClientOptions Options(const std::string& url) {
  marketo::ClientOptions o;
  o.endpoint = url;
  o.credentials = {kMockUserId, kMockEncryptionKey};
  o.connect_timeout = std::chrono::seconds(2);
  o.send_timeout = std::chrono::seconds(5);
  o.receive_timeout = std::chrono::seconds(5);
  o.retry.sleeper = [](std::chrono::milliseconds) {};  // the backoff schedule, without the wait
  o.retry.random_seed = 7;
  o.limits = marketo::LimitOptions::Unlimited();
  return o;
}

// "<prefix>-<i, five digits>".
inline std::string Name(const char* prefix, std::size_t i) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%s-%05zu", prefix, i);
  return buf;
}

// How often each value of field `field` that starts with `prefix` occurs among the stored
// records of the dump (one record a line).
inline std::map<std::string, int> StoredValues(const std::string& dump, const std::string& field,
                                               const std::string& prefix) {
  std::map<std::string, int> out;
  const std::string key = "\"" + field + "\": \"";
  const std::string needle = key + prefix;
  for (std::size_t p = dump.find(needle); p != std::string::npos; p = dump.find(needle, p + 1)) {
    const std::size_t b = p + key.size();
    out[dump.substr(b, dump.find('"', b) - b)]++;
  }
  return out;
}

inline std::uint64_t Counter(const std::string& dump, const std::string& key) {
  const std::string needle = "\"" + key + "\": ";
  const std::size_t p = dump.find(needle);
  return p == std::string::npos ? 0 : std::stoull(dump.substr(p + needle.size()));
}

inline std::uint64_t AfterCommitInjected(const std::string& dump) {
  return Counter(dump, "reset-after-commit") + Counter(dump, "truncate-after-commit");
}

}  // namespace no_loss
}  // namespace marketo_test

#endif  // MARKETO_TESTS_RELIABILITY_NO_LOSS_H_
