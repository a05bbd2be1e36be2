#ifndef MARKETO_SRC_CLIENT_TRANSPORT_REQUEST_BUILDER_H_
#define MARKETO_SRC_CLIENT_TRANSPORT_REQUEST_BUILDER_H_

#include <atomic>
#include <cstddef>
#include <memory>
#include <type_traits>
#include <utility>
#include <vector>

#include "soapH.h"

namespace marketo {
namespace internal {

// Where marshal functions get the gSOAP objects of a request. New<T>() hands out objects that
// are kept from call to call: once a context has built a request of some shape, building
// another of that shape allocates nothing (strings and vectors keep their capacity).
// Document/literal serialisation does no pointer tracking, so gSOAP writes these like objects
// from its own arena and never frees them. soap() is the context for arena allocations
// (soap_new_*), which live until the call ends.
// Generated classes reset themselves with soap_default(); other types are value-initialised.
template <typename T, typename = void>
struct HasSoapDefault : std::false_type {};
template <typename T>
struct HasSoapDefault<T, std::void_t<decltype(std::declval<T&>().soap_default(nullptr))>>
    : std::true_type {};

class RequestBuilder {
 public:
  explicit RequestBuilder(struct soap* soap) : soap_(soap) {}
  RequestBuilder(const RequestBuilder&) = delete;
  RequestBuilder& operator=(const RequestBuilder&) = delete;

  struct soap* soap() const {
    return soap_;
  }

  // A T reset to its defaults, valid until the next Reset().
  template <typename T>
  T* New() {
    return Pool<T>().Next(soap_);
  }

  // Before each request: every recycled object is free again.
  void Reset() {
    for (auto& p : pools_) {
      if (p) p->Reset();
    }
    context_header_ = nullptr;
  }

  // The MktowsContextHeader to send with this request (syncLead only), or null.
  void SetContextHeader(mktows__MktowsContextHeaderInfo* header) { context_header_ = header; }
  mktows__MktowsContextHeaderInfo* context_header() const { return context_header_; }

 private:
  struct PoolBase {
    virtual ~PoolBase() = default;
    virtual void Reset() = 0;
  };

  template <typename T>
  struct TypedPool final : PoolBase {
    T* Next(struct soap* s) {
      if (used == items.size()) items.push_back(std::make_unique<T>());
      T* p = items[used++].get();
      if constexpr (HasSoapDefault<T>::value) {
        p->soap_default(s);  // back to defaults; erase()/clear() keep the buffers
      } else {
        *p = T();  // scalars, enums and std::string
      }
      return p;
    }
    void Reset() override { used = 0; }

    std::vector<std::unique_ptr<T>> items;
    std::size_t used = 0;
  };

  // One small index per type, the same in every builder, so a lookup is a vector access.
  static std::size_t NewIndex() {
    static std::atomic<std::size_t> next{0};
    return next++;
  }

  template <typename T>
  TypedPool<T>& Pool() {
    static const std::size_t index = NewIndex();
    if (index >= pools_.size()) pools_.resize(index + 1);
    if (!pools_[index]) pools_[index] = std::make_unique<TypedPool<T>>();
    return static_cast<TypedPool<T>&>(*pools_[index]);
  }

  struct soap* soap_;
  std::vector<std::unique_ptr<PoolBase>> pools_;
  mktows__MktowsContextHeaderInfo* context_header_ = nullptr;
};

}  // namespace internal
}  // namespace marketo

#endif  // MARKETO_SRC_CLIENT_TRANSPORT_REQUEST_BUILDER_H_
