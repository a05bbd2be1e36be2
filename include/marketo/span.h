#ifndef MARKETO_SPAN_H_
#define MARKETO_SPAN_H_

/// @file
/// Span: a non-owning view of contiguous values, for calls that take any number of inputs
/// (C++17 has no std::span).

#include <cstddef>
#include <vector>

namespace marketo {

/// A non-owning view of `size()` contiguous `T`s. Cheap to copy; the viewed values must outlive
/// it. A `std::vector<T>` converts to it implicitly.
template <typename T>
class Span {
 public:
  /// An empty span.
  Span() = default;
  /// A view of `count` values starting at `data`.
  Span(const T* data, std::size_t count) noexcept : data_(data), size_(count) {}
  /// A view of a whole vector.
  Span(const std::vector<T>& v) noexcept  // NOLINT(google-explicit-constructor)
      : data_(v.data()), size_(v.size()) {}
  /// First element.
  const T* begin() const noexcept { return data_; }
  /// One past the last element.
  const T* end() const noexcept { return data_ + size_; }
  /// Number of values.
  std::size_t size() const noexcept { return size_; }
  /// True when there are no values.
  bool empty() const noexcept { return size_ == 0; }
  /// Element access without bounds check.
  const T& operator[](std::size_t i) const noexcept { return data_[i]; }
  /// The sub-view [offset, offset + count), clamped to the span.
  Span subspan(std::size_t offset, std::size_t count) const noexcept {
    if (offset >= size_) return Span(data_ + size_, 0);
    const std::size_t left = size_ - offset;
    return Span(data_ + offset, count < left ? count : left);
  }

 private:
  const T* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace marketo

#endif  // MARKETO_SPAN_H_
