// Shared helpers of the fault-matrix and no-loss tests.
#ifndef MARKETO_TESTS_RELIABILITY_RELIABILITY_UTIL_H_
#define MARKETO_TESTS_RELIABILITY_RELIABILITY_UTIL_H_

#include <atomic>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "marketo/marketo.h"
#include "operations/soap_connection.h"
#include "transport/hardening.h"

namespace marketo_test {

// Counts the attempts that reach the transport (below the retry loop and the limiter).
class CountingConnection : public marketo::Connection {
 public:
  explicit CountingConnection(std::shared_ptr<marketo::Connection> inner)
      : inner_(std::move(inner)) {}
  marketo::StatusOr<std::vector<marketo::SyncResult>> SyncMObjects(
      marketo::MObjectSpan objects, marketo::SyncOperation operation) override {
    ++attempts;
    return inner_->SyncMObjects(objects, operation);
  }
  marketo::StatusOr<marketo::GetMObjectsPage> GetMObjects(
      const marketo::GetMObjectsRequest& request) override {
    ++attempts;
    return inner_->GetMObjects(request);
  }
  marketo::StatusOr<std::vector<marketo::SyncResult>> DeleteMObjects(
      marketo::MObjectSpan objects) override {
    ++attempts;
    return inner_->DeleteMObjects(objects);
  }
  marketo::StatusOr<marketo::ObjectMetadata> DescribeMObject(const std::string& name) override {
    ++attempts;
    return inner_->DescribeMObject(name);
  }
  marketo::StatusOr<std::vector<std::string>> ListMObjects() override {
    ++attempts;
    return inner_->ListMObjects();
  }

  std::atomic<int> attempts{0};

 private:
  std::shared_ptr<marketo::Connection> inner_;
};

// The production stack (retry loop + limiter + gSOAP over real sockets) with an attempt
// counter under the retry loop.
struct CountedClient {
  explicit CountedClient(const marketo::ClientOptions& options)
      : counter(std::make_shared<CountingConnection>(
            marketo::internal::MakeSoapConnection(options, nullptr))),
        client(marketo::internal::MakeConnectionStack(options, counter)) {}
  int attempts() const { return counter->attempts.load(); }

  std::shared_ptr<CountingConnection> counter;
  marketo::MObjectClient client;
};

}  // namespace marketo_test

#endif  // MARKETO_TESTS_RELIABILITY_RELIABILITY_UTIL_H_
