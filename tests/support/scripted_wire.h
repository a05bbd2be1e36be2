#ifndef MARKETO_TESTS_SUPPORT_SCRIPTED_WIRE_H_
#define MARKETO_TESTS_SUPPORT_SCRIPTED_WIRE_H_

// A Wire (the SDK's seam under its gSOAP connection) that replays scripted HTTP responses and
// records every request. Thread-safe.

#include <deque>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "transport/wire.h"

namespace marketo_test {

class ScriptedWire : public marketo::internal::Wire {
 public:
  // The next scripted response; an empty one when nothing is scripted, and nullopt simulates a
  // connection that dies after the request was sent (the client sees EOF with bytes sent).
  std::string RoundTrip(const std::string& request) override {
    std::lock_guard<std::mutex> lock(mu_);
    requests.push_back(request);
    if (responses.empty()) return {};
    std::optional<std::string> r = std::move(responses.front());
    responses.pop_front();
    if (!r) throw std::runtime_error("connection reset");
    return *r;
  }

  void Push(std::optional<std::string> raw) {
    std::lock_guard<std::mutex> lock(mu_);
    responses.push_back(std::move(raw));
  }

  // The body of the last request (after the HTTP head).
  std::string LastBody() const {
    std::lock_guard<std::mutex> lock(mu_);
    const std::string& r = requests.back();
    return r.substr(r.find("\r\n\r\n") + 4);
  }

  // Read them only while no call is running.
  std::vector<std::string> requests;
  std::deque<std::optional<std::string>> responses;

 private:
  mutable std::mutex mu_;
};

}  // namespace marketo_test

#endif  // MARKETO_TESTS_SUPPORT_SCRIPTED_WIRE_H_
