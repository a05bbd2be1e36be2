#include "marketo/lead_client.h"

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <set>
#include <string>
#include <utility>

#include "batch_runner.h"
#include "invalid_argument.h"
#include "marketo/connection.h"

namespace marketo {
namespace {

using internal::Invalid;

// The schema's lead id is an xs:int.
bool IdInRange(std::int64_t id) { return id >= 1 && id <= INT_MAX; }

Status CheckAttributes(const LeadRecord& lead) {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < lead.attributes.size(); ++i) {
    const LeadAttribute& a = lead.attributes[i];
    if (a.name.empty()) return Invalid("attribute[" + std::to_string(i) + "] has no name");
    if (!seen.insert(a.name).second) {
      return Invalid("attribute \"" + a.name + "\" is given twice");
    }
  }
  return Status();
}

// The key fields themselves, whatever the operation accepts as a match key.
Status CheckKeyFields(const LeadRecord& lead) {
  if (lead.id && !IdInRange(*lead.id)) {
    return Invalid("Id must be between 1 and " + std::to_string(INT_MAX) + ", got " +
                   std::to_string(*lead.id));
  }
  if (lead.email && lead.email->empty()) return Invalid("Email is empty");
  if (lead.foreign_sys_person_id && lead.foreign_sys_person_id->empty()) {
    return Invalid("ForeignSysPersonId is empty");
  }
  if (lead.foreign_sys_person_id.has_value() != lead.foreign_sys_type.has_value()) {
    return Invalid("ForeignSysPersonId and ForeignSysType go together; only one is set");
  }
  return CheckAttributes(lead);
}

bool HasRecordKey(const LeadRecord& lead) {
  return lead.id || lead.foreign_sys_person_id || lead.email;
}

LeadSyncResult FailedResult(std::size_t index, const Status& why, std::string error) {
  LeadSyncResult r;
  r.index = index;
  r.status = LeadSyncStatus::kFailed;
  r.error = std::move(error);
  r.call_status = why;
  return r;
}

}  // namespace

LeadSyncStatus ParseLeadSyncStatus(std::string_view text) noexcept {
  if (text == "CREATED") return LeadSyncStatus::kCreated;
  if (text == "UPDATED") return LeadSyncStatus::kUpdated;
  if (text == "FAILED") return LeadSyncStatus::kFailed;
  return LeadSyncStatus::kUnknown;
}

const char* ToString(LeadSyncStatus status) noexcept {
  switch (status) {
    case LeadSyncStatus::kCreated:
      return "CREATED";
    case LeadSyncStatus::kUpdated:
      return "UPDATED";
    case LeadSyncStatus::kFailed:
      return "FAILED";
    case LeadSyncStatus::kUnknown:
      return "UNKNOWN";
  }
  return "UNKNOWN";
}

Status ValidateSyncLeadRequest(const SyncLeadRequest& request) {
  if (Status s = CheckKeyFields(request.lead); !s.ok()) return s;
  if (request.marketo_cookie && request.marketo_cookie->empty()) {
    return Invalid("marketoCookie is empty");
  }
  if (request.target_workspace && request.target_workspace->empty()) {
    return Invalid("targetWorkspace is empty");
  }
  if (!HasRecordKey(request.lead) && !request.marketo_cookie) {
    return Invalid(
        "needs a match key: Id, ForeignSysPersonId (with ForeignSysType), Email or "
        "marketoCookie");
  }
  return Status();
}

Status ValidateSyncLeadsRecord(const LeadRecord& lead) {
  if (Status s = CheckKeyFields(lead); !s.ok()) return s;
  if (!HasRecordKey(lead)) {
    return Invalid("needs a match key: Id, ForeignSysPersonId (with ForeignSysType) or Email");
  }
  return Status();
}

Status ValidateLeadKey(const LeadKey& key) {
  if (key.value.empty()) return Invalid(std::string(ToString(key.type)) + " key has no value");
  if (key.type != LeadKeyType::kIdnum) return Status();
  const bool digits = key.value.find_first_not_of("0123456789") == std::string::npos;
  const long long id = digits ? std::strtoll(key.value.c_str(), nullptr, 10) : 0;
  if (!IdInRange(id)) {
    return Invalid("IDNUM key must be a lead id from 1 to " + std::to_string(INT_MAX) + ", got \"" +
                   key.value + "\"");
  }
  return Status();
}

bool SyncLeadCreatesUnkeyed(const SyncLeadRequest&) noexcept { return false; }

bool SyncMultipleLeadsCreatesUnkeyed(const SyncMultipleLeadsRequest& request) noexcept {
  if (request.dedup_enabled) return false;
  for (const LeadRecord& lead : request.leads) {
    if (!lead.id && !lead.foreign_sys_person_id) return true;
  }
  return false;
}

LeadClient::LeadClient(std::shared_ptr<Connection> connection)
    : connection_(std::move(connection)) {}

LeadClient::LeadClient(ClientOptions options) : connection_(MakeConnection(std::move(options))) {}

StatusOr<SyncLeadResult> LeadClient::SyncLead(const SyncLeadRequest& request) {
  if (Status s = ValidateSyncLeadRequest(request); !s.ok()) return s;
  return connection_->SyncLead(request);
}

SyncLeadsResult LeadClient::SyncLeads(LeadSpan leads, const SyncLeadsOptions& options) {
  SyncLeadsResult out;
  out.results.resize(leads.size());
  internal::BatchJob job;
  job.count = leads.size();
  job.batch_size = std::clamp<std::size_t>(options.batch_size, 1, kMaxSyncLeadsBatchSize);
  job.concurrency = options.concurrency;
  job.stop_on_call_error = options.stop_on_call_error;
  job.progress = options.progress;
  job.validate = [&](std::size_t i) {
    Status v = ValidateSyncLeadsRecord(leads[i]);
    if (v.ok()) return v;
    return Status(v.code(), "lead[" + std::to_string(i) + "] " + v.message(), v.error_info());
  };
  job.send = [&](Connection& connection, const std::size_t* idx, std::size_t n) {
    std::vector<LeadRecord> scratch;
    SyncMultipleLeadsRequest call{internal::Gather(leads, idx, n, scratch), options.dedup_enabled};
    auto r = connection.SyncMultipleLeads(call);
    if (!r.ok()) return std::move(r).status();
    return internal::Scatter("syncMultipleLeads", "leads", *r, idx, n, out.results);
  };
  job.fail = [&](std::size_t i, const Status& why, std::string text) {
    out.results[i] = FailedResult(i, why, std::move(text));
  };
  internal::BatchOutcome outcome = internal::RunBatches(*connection_, job);
  out.status = std::move(outcome.status);
  out.calls = outcome.calls;
  out.failed_calls = outcome.failed_calls;
  return out;
}

StatusOr<std::vector<LeadRecord>> LeadClient::GetLead(const LeadKey& key) {
  if (Status s = ValidateLeadKey(key); !s.ok()) return s;
  return connection_->GetLead(key);
}

}  // namespace marketo
