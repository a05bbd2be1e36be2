#include "marketo/operation.h"

namespace marketo {
namespace {

// Indexed by Operation; the order is the WSDL's portType order.
constexpr const char* kNames[kOperationCount] = {
    "deleteMObjects",
    "describeMObject",
    "getMObjects",
    "syncMObjects",
    "getCampaignsForSource",
    "getImportToListStatus",
    "getLead",
    "getLeadActivity",
    "getLeadChanges",
    "getMultipleLeads",
    "importToList",
    "listMObjects",
    "listOperation",
    "requestCampaign",
    "scheduleCampaign",
    "syncLead",
    "syncMultipleLeads",
    "syncCustomObjects",
    "deleteCustomObjects",
    "getCustomObjects",
    "mergeLeads",
    "getChannels",
    "getTags",
};

}  // namespace

const char* ToString(Operation operation) noexcept {
  const auto i = static_cast<std::size_t>(operation);
  return i < kOperationCount ? kNames[i] : "unknownOperation";
}

std::optional<Operation> ParseOperation(std::string_view name) noexcept {
  for (std::size_t i = 0; i < kOperationCount; ++i) {
    if (name == kNames[i]) return static_cast<Operation>(i);
  }
  return std::nullopt;
}

}  // namespace marketo
