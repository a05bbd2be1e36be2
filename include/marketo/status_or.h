#ifndef MARKETO_STATUS_OR_H_
#define MARKETO_STATUS_OR_H_

/// @file
/// StatusOr<T>: a value or the Status explaining why there is none.

#include <optional>
#include <type_traits>
#include <utility>

#include "marketo/status.h"

namespace marketo {

/// Holds either a value of type T or a non-OK Status.
///
/// Check ok() before dereferencing; value() throws RuntimeError instead when there is no value.
template <typename T>
class [[nodiscard]] StatusOr {
 public:
  static_assert(!std::is_same_v<std::decay_t<T>, Status>, "StatusOr<Status> is not allowed");

  /// A StatusOr holding a kInternal "uninitialized" error.
  StatusOr() : status_(StatusCode::kInternal, "uninitialized StatusOr") {}
  /// Holds an error. An OK status is a misuse and is turned into kInternal.
  StatusOr(Status status)  // NOLINT(google-explicit-constructor)
      : status_(std::move(status)) {
    if (status_.ok()) status_ = Status(StatusCode::kInternal, "StatusOr built from an OK Status");
  }
  /// Holds a value.
  StatusOr(T value)  // NOLINT(google-explicit-constructor)
      : value_(std::move(value)) {}

  /// True when a value is present.
  bool ok() const noexcept { return value_.has_value(); }
  /// True when a value is present.
  explicit operator bool() const noexcept { return ok(); }
  /// The error, or an OK status when a value is present.
  const Status& status() const& noexcept { return status_; }
  /// The error, or an OK status when a value is present (moved out).
  Status&& status() && noexcept { return std::move(status_); }

  /// The value; throws RuntimeError(status()) when there is none.
  T& value() & {
    Check();
    return *value_;
  }
  /// The value; throws RuntimeError(status()) when there is none.
  const T& value() const& {
    Check();
    return *value_;
  }
  /// The value (moved out); throws RuntimeError(status()) when there is none.
  T&& value() && {
    Check();
    return std::move(*value_);
  }

  /// Unchecked access; the caller must have tested ok().
  T& operator*() & noexcept { return *value_; }
  /// Unchecked access; the caller must have tested ok().
  const T& operator*() const& noexcept { return *value_; }
  /// Unchecked access (moved out); the caller must have tested ok().
  T&& operator*() && noexcept { return std::move(*value_); }
  /// Unchecked member access; the caller must have tested ok().
  T* operator->() noexcept { return &*value_; }
  /// Unchecked member access; the caller must have tested ok().
  const T* operator->() const noexcept { return &*value_; }

 private:
  void Check() const {
    if (!value_) throw RuntimeError{status_};
  }

  Status status_;
  std::optional<T> value_;
};

}  // namespace marketo

#endif  // MARKETO_STATUS_OR_H_
