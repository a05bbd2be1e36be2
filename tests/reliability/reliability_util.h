// Shared helpers of the fault-matrix and no-loss tests.
#ifndef MARKETO_TESTS_RELIABILITY_RELIABILITY_UTIL_H_
#define MARKETO_TESTS_RELIABILITY_RELIABILITY_UTIL_H_

#include <atomic>
#include <memory>
#include <string>
#include <utility>

#include "marketo/marketo.h"
#include "operations/soap_connection.h"
#include "transport/hardening.h"

namespace marketo::testing {

// Counts the attempts that reach the transport (below the retry and limiter layers).
class CountingConnection : public MObjectConnection {
 public:
  explicit CountingConnection(std::shared_ptr<MObjectConnection> inner)
      : inner_(std::move(inner)) {}
  StatusOr<std::vector<SyncResult>> SyncMObjects(MObjectSpan objects,
                                                 SyncOperation operation) override {
    ++attempts;
    return inner_->SyncMObjects(objects, operation);
  }
  StatusOr<GetMObjectsPage> GetMObjects(const GetMObjectsRequest& request) override {
    ++attempts;
    return inner_->GetMObjects(request);
  }
  StatusOr<std::vector<SyncResult>> DeleteMObjects(MObjectSpan objects) override {
    ++attempts;
    return inner_->DeleteMObjects(objects);
  }
  StatusOr<ObjectMetadata> DescribeMObject(const std::string& name) override {
    ++attempts;
    return inner_->DescribeMObject(name);
  }
  StatusOr<std::vector<std::string>> ListMObjects() override {
    ++attempts;
    return inner_->ListMObjects();
  }

  std::atomic<int> attempts{0};

 private:
  std::shared_ptr<MObjectConnection> inner_;
};

// The production stack (retry + limiter + gSOAP over real sockets) with an attempt counter
// under the retry layer.
struct CountedClient {
  explicit CountedClient(const ClientOptions& options)
      : counter(
            std::make_shared<CountingConnection>(internal::MakeSoapConnection(options, nullptr))),
        client(internal::MakeConnectionStack(options, counter)) {}
  int attempts() const { return counter->attempts.load(); }

  std::shared_ptr<CountingConnection> counter;
  MObjectClient client;
};

}  // namespace marketo::testing

#endif  // MARKETO_TESTS_RELIABILITY_RELIABILITY_UTIL_H_
