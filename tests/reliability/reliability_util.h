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
  marketo::StatusOr<marketo::SyncLeadResult> SyncLead(
      const marketo::SyncLeadRequest& request) override {
    ++attempts;
    return inner_->SyncLead(request);
  }
  marketo::StatusOr<std::vector<marketo::LeadSyncResult>> SyncMultipleLeads(
      const marketo::SyncMultipleLeadsRequest& request) override {
    ++attempts;
    return inner_->SyncMultipleLeads(request);
  }
  marketo::StatusOr<std::vector<marketo::LeadRecord>> GetLead(
      const marketo::LeadKey& key) override {
    ++attempts;
    return inner_->GetLead(key);
  }
  marketo::StatusOr<marketo::LeadsPage> GetMultipleLeads(
      const marketo::GetMultipleLeadsRequest& request) override {
    ++attempts;
    return inner_->GetMultipleLeads(request);
  }
  marketo::StatusOr<marketo::ActivityPage> GetLeadActivity(
      const marketo::GetLeadActivityRequest& request) override {
    ++attempts;
    return inner_->GetLeadActivity(request);
  }
  marketo::StatusOr<marketo::ActivityPage> GetLeadChanges(
      const marketo::GetLeadChangesRequest& request) override {
    ++attempts;
    return inner_->GetLeadChanges(request);
  }
  marketo::StatusOr<marketo::MergeLeadsResult> MergeLeads(
      const marketo::MergeLeadsRequest& request) override {
    ++attempts;
    return inner_->MergeLeads(request);
  }
  marketo::StatusOr<std::vector<marketo::CustomObjectResult>> SyncCustomObjects(
      const marketo::SyncCustomObjectsRequest& request) override {
    ++attempts;
    return inner_->SyncCustomObjects(request);
  }
  marketo::StatusOr<std::vector<marketo::CustomObjectResult>> DeleteCustomObjects(
      const marketo::DeleteCustomObjectsRequest& request) override {
    ++attempts;
    return inner_->DeleteCustomObjects(request);
  }
  marketo::StatusOr<marketo::CustomObjectsPage> GetCustomObjects(
      const marketo::GetCustomObjectsRequest& request) override {
    ++attempts;
    return inner_->GetCustomObjects(request);
  }
  marketo::StatusOr<std::vector<marketo::CampaignRecord>> GetCampaignsForSource(
      const marketo::GetCampaignsForSourceRequest& request) override {
    ++attempts;
    return inner_->GetCampaignsForSource(request);
  }
  marketo::StatusOr<marketo::CampaignCallResult> RequestCampaign(
      const marketo::RequestCampaignRequest& request) override {
    ++attempts;
    return inner_->RequestCampaign(request);
  }
  marketo::StatusOr<marketo::CampaignCallResult> ScheduleCampaign(
      const marketo::ScheduleCampaignRequest& request) override {
    ++attempts;
    return inner_->ScheduleCampaign(request);
  }
  marketo::StatusOr<std::vector<marketo::Channel>> GetChannels(
      const marketo::GetChannelsRequest& request) override {
    ++attempts;
    return inner_->GetChannels(request);
  }
  marketo::StatusOr<std::vector<marketo::TagType>> GetTags(
      const marketo::GetTagsRequest& request) override {
    ++attempts;
    return inner_->GetTags(request);
  }
  marketo::StatusOr<marketo::ImportStatusInfo> GetImportToListStatus(
      const marketo::ImportStatusRequest& request) override {
    ++attempts;
    return inner_->GetImportToListStatus(request);
  }
  marketo::StatusOr<marketo::ImportToListResult> ImportToList(
      const marketo::ImportToListRequest& request) override {
    ++attempts;
    return inner_->ImportToList(request);
  }
  marketo::StatusOr<marketo::ListOperationResult> ListOperation(
      const marketo::ListOperationRequest& request) override {
    ++attempts;
    return inner_->ListOperation(request);
  }

  std::atomic<int> attempts{0};

 private:
  std::shared_ptr<marketo::Connection> inner_;
};

// The production stack (retry loop + limiter + gSOAP over real sockets) with an attempt
// counter under the retry loop, and the family clients over it.
struct CountedClient {
  explicit CountedClient(const marketo::ClientOptions& options)
      : counter(std::make_shared<CountingConnection>(
            marketo::internal::MakeSoapConnection(options, nullptr))),
        stack(marketo::internal::MakeConnectionStack(options, counter)),
        client(stack),
        leads(stack),
        custom_objects(stack) {}
  int attempts() const { return counter->attempts.load(); }

  std::shared_ptr<CountingConnection> counter;
  std::shared_ptr<marketo::Connection> stack;
  marketo::MObjectClient client;
  marketo::LeadClient leads;
  marketo::CustomObjectClient custom_objects;
};

}  // namespace marketo_test

#endif  // MARKETO_TESTS_RELIABILITY_RELIABILITY_UTIL_H_
