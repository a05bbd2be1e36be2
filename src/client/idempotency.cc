#include "marketo/idempotency.h"

#include <algorithm>

namespace marketo {
namespace {

using Rule = IdempotencyRule;

// The retry table: one row per WSDL operation, indexed by Operation. The README prints it with
// the reason for each row; a unit test keeps the two in step.
constexpr Rule kRules[kOperationCount] = {
    Rule::kIdempotent,            // deleteMObjects: deleting twice leaves it deleted
    Rule::kIdempotent,            // describeMObject
    Rule::kIdempotent,            // getMObjects
    Rule::kUnlessCreatesUnkeyed,  // syncMObjects
    Rule::kIdempotent,            // getCampaignsForSource
    Rule::kIdempotent,            // getImportToListStatus
    Rule::kIdempotent,            // getLead
    Rule::kIdempotent,            // getLeadActivity
    Rule::kIdempotent,            // getLeadChanges
    Rule::kIdempotent,            // getMultipleLeads
    Rule::kNonIdempotent,         // importToList: a second import job
    Rule::kIdempotent,            // listMObjects
    Rule::kIdempotent,            // listOperation: membership is a set
    Rule::kNonIdempotent,         // requestCampaign: the campaign would run twice
    Rule::kNonIdempotent,         // scheduleCampaign: a second run (or clone)
    Rule::kUnlessCreatesUnkeyed,  // syncLead
    Rule::kUnlessCreatesUnkeyed,  // syncMultipleLeads
    Rule::kUnlessCreatesUnkeyed,  // syncCustomObjects
    Rule::kIdempotent,            // deleteCustomObjects
    Rule::kIdempotent,            // getCustomObjects
    Rule::kNonIdempotent,         // mergeLeads: the losers are gone after the first
    Rule::kIdempotent,            // getChannels
    Rule::kIdempotent,            // getTags
};

bool HasIdAttrib(const TypeAttrib& group) {
  return std::any_of(group.attributes.begin(), group.attributes.end(),
                     [](const Attrib& a) { return a.name == "Id"; });
}

bool CreatesUnkeyed(MObjectSpan objects, SyncOperation operation) {
  if (operation == SyncOperation::kInsert) return true;
  for (const MObject& o : objects) {
    if (operation == SyncOperation::kUpsert && !o.id && !o.external_key) return true;
    for (const TypeAttrib& g : o.type_attributes) {
      if (g.attr_type == "Cost" && !HasIdAttrib(g)) return true;
    }
  }
  return false;
}

}  // namespace

const char* ToString(Idempotency idempotency) noexcept {
  switch (idempotency) {
    case Idempotency::kIdempotent:
      return "Idempotent";
    case Idempotency::kNonIdempotent:
      return "NonIdempotent";
  }
  return "Unknown";
}

const char* ToString(IdempotencyRule rule) noexcept {
  switch (rule) {
    case Rule::kIdempotent:
      return "Idempotent";
    case Rule::kNonIdempotent:
      return "NonIdempotent";
    case Rule::kUnlessCreatesUnkeyed:
      return "UnlessCreatesUnkeyed";
  }
  return "Unknown";
}

IdempotencyRule DefaultIdempotencyRule(Operation operation) noexcept {
  const auto i = static_cast<std::size_t>(operation);
  // An out-of-range value is treated as the cautious case.
  return i < kOperationCount ? kRules[i] : Rule::kNonIdempotent;
}

Idempotency DefaultIdempotency(const CallDescription& call) noexcept {
  switch (DefaultIdempotencyRule(call.operation)) {
    case Rule::kIdempotent:
      return Idempotency::kIdempotent;
    case Rule::kNonIdempotent:
      return Idempotency::kNonIdempotent;
    case Rule::kUnlessCreatesUnkeyed:
      return call.creates_unkeyed ? Idempotency::kNonIdempotent : Idempotency::kIdempotent;
  }
  return Idempotency::kNonIdempotent;
}

CallDescription DescribeSyncMObjects(MObjectSpan objects, SyncOperation operation) noexcept {
  return CallDescription{Operation::kSyncMObjects, CreatesUnkeyed(objects, operation)};
}

Idempotency SyncIdempotency(MObjectSpan objects, SyncOperation operation) noexcept {
  return DefaultIdempotency(DescribeSyncMObjects(objects, operation));
}

}  // namespace marketo
