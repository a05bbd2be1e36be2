#ifndef MARKETO_OPERATION_H_
#define MARKETO_OPERATION_H_

/// @file
/// The 23 operations of the Marketo SOAP API, by name.

#include <cstddef>
#include <optional>
#include <string_view>

namespace marketo {

/// One operation of the WSDL, in portType order, so that policies (idempotency.h) and statuses
/// can name any of them.
enum class Operation {
  /// deleteMObjects.
  kDeleteMObjects,
  /// describeMObject.
  kDescribeMObject,
  /// getMObjects.
  kGetMObjects,
  /// syncMObjects.
  kSyncMObjects,
  /// getCampaignsForSource.
  kGetCampaignsForSource,
  /// getImportToListStatus.
  kGetImportToListStatus,
  /// getLead.
  kGetLead,
  /// getLeadActivity.
  kGetLeadActivity,
  /// getLeadChanges.
  kGetLeadChanges,
  /// getMultipleLeads.
  kGetMultipleLeads,
  /// importToList.
  kImportToList,
  /// listMObjects.
  kListMObjects,
  /// listOperation.
  kListOperation,
  /// requestCampaign.
  kRequestCampaign,
  /// scheduleCampaign.
  kScheduleCampaign,
  /// syncLead.
  kSyncLead,
  /// syncMultipleLeads.
  kSyncMultipleLeads,
  /// syncCustomObjects.
  kSyncCustomObjects,
  /// deleteCustomObjects.
  kDeleteCustomObjects,
  /// getCustomObjects.
  kGetCustomObjects,
  /// mergeLeads.
  kMergeLeads,
  /// getChannels.
  kGetChannels,
  /// getTags.
  kGetTags,
};

/// Number of operations in the WSDL.
inline constexpr std::size_t kOperationCount = 23;

/// The WSDL name, e.g. "syncMObjects" (also the SOAP action's last segment).
const char* ToString(Operation operation) noexcept;

/// Parses a WSDL operation name (case-sensitive); nullopt for anything else.
std::optional<Operation> ParseOperation(std::string_view name) noexcept;

}  // namespace marketo

#endif  // MARKETO_OPERATION_H_
