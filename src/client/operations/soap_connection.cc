#include "operations/soap_connection.h"

#include <algorithm>
#include <utility>

#include "operations/campaign_operations.h"
#include "operations/connection_core.h"
#include "operations/custom_object_operations.h"
#include "operations/lead_activity_operations.h"
#include "operations/lead_operations.h"
#include "operations/list_operations.h"
#include "operations/mobject_operations.h"
#include "operations/tag_operations.h"

namespace marketo {
namespace internal {

SharedState::SharedState(ClientOptions opts, bool with_pipeline, std::shared_ptr<Wire> wire)
    : options(std::move(opts)),
      pipeline(with_pipeline ? std::make_unique<CallPipeline>(options) : nullptr),
      pool(options, std::move(wire)) {}

std::shared_ptr<Connection> ConnectionCore::WireLimited(std::size_t max_on_wire) {
  max_on_wire = std::max<std::size_t>(max_on_wire, 1);
  if (inner_ == nullptr) return MakeView(nullptr, std::make_shared<WireGate>(max_on_wire));
  // Layered over another connection: only as good as that one.
  auto inner = inner_->WireLimited(max_on_wire);
  return inner == nullptr ? nullptr : MakeView(std::move(inner), nullptr);
}

namespace {

// Every operation family the SDK types, as layers over the generic call path. A new family
// adds its layer here.
using Operations = ListOperations<TagOperations<CampaignOperations<CustomObjectOperations<
    LeadActivityOperations<LeadOperations<MObjectOperations<ConnectionCore>>>>>>>;

class SoapConnection final : public Operations {
 public:
  using Operations::Operations;

 private:
  std::shared_ptr<Connection> MakeView(std::shared_ptr<Connection> inner,
                                       std::shared_ptr<WireGate> gate) const override {
    return std::make_shared<SoapConnection>(state(), std::move(inner), std::move(gate));
  }
};

std::shared_ptr<Connection> Make(ClientOptions options, bool with_pipeline,
                                 std::shared_ptr<Wire> wire, std::shared_ptr<Connection> inner) {
  auto state = std::make_shared<SharedState>(std::move(options), with_pipeline, std::move(wire));
  return std::make_shared<SoapConnection>(std::move(state), std::move(inner), nullptr);
}

}  // namespace

std::shared_ptr<Connection> MakeConnection(ClientOptions options, std::shared_ptr<Wire> wire) {
  return Make(std::move(options), true, std::move(wire), nullptr);
}

std::shared_ptr<Connection> MakeSoapConnection(ClientOptions options, std::shared_ptr<Wire> wire) {
  return Make(std::move(options), false, std::move(wire), nullptr);
}

std::shared_ptr<Connection> MakeConnectionStack(ClientOptions options,
                                                std::shared_ptr<Connection> inner) {
  return Make(std::move(options), true, nullptr, std::move(inner));
}

}  // namespace internal

std::shared_ptr<Connection> MakeConnection(ClientOptions options) {
  return internal::MakeConnection(std::move(options), nullptr);
}

}  // namespace marketo
