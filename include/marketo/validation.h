#ifndef MARKETO_VALIDATION_H_
#define MARKETO_VALIDATION_H_

/// @file
/// Client-side checks run before any I/O. MObjectClient calls them; they are public so that
/// tools can pre-check input (e.g. report a bad input line without sending anything).
///
/// Batch validators name the object's index and the field, e.g.
/// `object[3] (Program): typeAttribList[0] (Cost): attribute "Month" must be YYYY-MM, got
/// "2013/06"`. Per-object validators return the same text without the `object[i] ` prefix, e.g.
/// `Program: typeAttribList[0] (Cost): ...`. All failures use StatusCode::kInvalidArgument and
/// report request_may_have_reached_server() == false.

#include <cstddef>
#include <string_view>

#include "marketo/mobject.h"
#include "marketo/query.h"
#include "marketo/status.h"
#include "marketo/sync.h"

namespace marketo {

/// Maximum number of objects in one syncMObjects call.
inline constexpr std::size_t kMaxSyncBatchSize = 100;

/// Checks one object for syncMObjects with `operation`:
/// - type is Program, Opportunity or OpportunityPersonRole;
/// - Program: UPDATE only, id required, typeAttribList entries are Cost (Month "YYYY-MM" and a
///   numeric Amount required, optional integer Id, optional Note) or Tag (Type and Value);
/// - UPDATE and UPSERT need a key: id, or externalKey as the alternative key;
/// - OpportunityPersonRole INSERT needs the OpportunityId and PersonId attributes;
/// - typeAttribList only on Program; associations: Company for Opportunity, Lead or Opportunity
///   for OpportunityPersonRole, each with an id or an externalKey;
/// - no empty attribute / key names; ids are positive 32-bit integers.
Status ValidateSyncObject(const MObject& object, SyncOperation operation);

/// Checks a whole syncMObjects call: at most kMaxSyncBatchSize objects, each valid.
Status ValidateSyncRequest(MObjectSpan objects, SyncOperation operation);

/// Checks one object for deleteMObjects: Opportunity or OpportunityPersonRole with an id.
Status ValidateDeleteObject(const MObject& object);

/// Checks a whole deleteMObjects call.
Status ValidateDeleteRequest(MObjectSpan objects);

/// Checks a getMObjects request: supported type, not both id and externalKey, non-empty
/// criterion names, valid associations.
Status ValidateGetRequest(const GetMObjectsRequest& request);

/// Checks a describeMObject name: ActivityRecord, LeadRecord, Opportunity or
/// OpportunityPersonRole.
Status ValidateDescribeName(std::string_view object_name);

}  // namespace marketo

#endif  // MARKETO_VALIDATION_H_
