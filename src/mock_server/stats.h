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
    auto& by_type = objects_[Bounded(objects_, status)];
    ++by_type[Bounded(by_type, type)];
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
    ++(*m)[Bounded(*m, key)];
  }
  // A safety net under the callers' own bucketing: no key is long, no map is large, whatever
  // a client sends; the excess counts under "(other)".
  template <typename Map>
  static std::string Bounded(const Map& m, const std::string& key) {
    constexpr std::size_t kMaxKeyBytes = 100, kMaxKeys = 200;
    if (key.size() > kMaxKeyBytes) return "(other)";
    if (m.size() >= kMaxKeys && m.count(key) == 0) return "(other)";
    return key;
  }
  mutable std::mutex mu_;
  std::map<std::string, std::uint64_t> calls_, faults_, injected_;
  std::map<std::string, std::map<std::string, std::uint64_t>> objects_;
};

}  // namespace mock

#endif  // MARKETO_MOCK_SERVER_STATS_H_
