#ifndef MARKETO_SRC_CLIENT_CALL_DEADLINE_H_
#define MARKETO_SRC_CLIENT_CALL_DEADLINE_H_

#include <chrono>
#include <optional>

namespace marketo {
namespace internal {

// The end of the retry budget of the call running on this thread. The retry loop sets it around
// each attempt; the transport never lets an attempt run past it (nor past call_timeout). A
// thread-local because an attempt runs on the calling thread and the layers between the two
// (limiter, operations) need not carry it.
class BudgetDeadline {
 public:
  using TimePoint = std::chrono::steady_clock::time_point;

  explicit BudgetDeadline(TimePoint end) : saved_(current_) { current_ = end; }
  ~BudgetDeadline() { current_ = saved_; }
  BudgetDeadline(const BudgetDeadline&) = delete;
  BudgetDeadline& operator=(const BudgetDeadline&) = delete;

  static std::optional<TimePoint> Current() { return current_; }

 private:
  std::optional<TimePoint> saved_;
  static inline thread_local std::optional<TimePoint> current_;
};

}  // namespace internal
}  // namespace marketo

#endif  // MARKETO_SRC_CLIENT_CALL_DEADLINE_H_
