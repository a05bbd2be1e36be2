// Counters for --dump: calls per operation, faults per code, injected kinds, object outcomes.
#ifndef MARKETO_MOCK_SERVER_STATS_H_
#define MARKETO_MOCK_SERVER_STATS_H_

#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace mock {

class Stats {
 public:
  void CountCall(const std::string& op) { Add(&calls_, op); }
  void CountFault(int code) { Add(&faults_, std::to_string(code)); }
  void CountInjected(const std::string& label) { Add(&injected_, label); }
  // status: "CREATED", "UPDATED", ... per object type.
  void CountObject(const std::string& status, const std::string& type) {
    std::lock_guard<std::mutex> lock(mu_);
    ++objects_[status][type];
  }

  struct Snapshot {
    std::map<std::string, std::uint64_t> calls, faults, injected;
    std::map<std::string, std::map<std::string, std::uint64_t>> objects;
  };
  Snapshot Get() const {
    std::lock_guard<std::mutex> lock(mu_);
    return Snapshot{calls_, faults_, injected_, objects_};
  }

 private:
  void Add(std::map<std::string, std::uint64_t>* m, const std::string& key) {
    std::lock_guard<std::mutex> lock(mu_);
    ++(*m)[key];
  }
  mutable std::mutex mu_;
  std::map<std::string, std::uint64_t> calls_, faults_, injected_;
  std::map<std::string, std::map<std::string, std::uint64_t>> objects_;
};

}  // namespace mock

#endif  // MARKETO_MOCK_SERVER_STATS_H_
