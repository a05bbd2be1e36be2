// LeadClient's activity reads (getLeadActivity, getLeadChanges) and their walks, mergeLeads,
// and the walk cursor shared with the lead reads.
#include <functional>
#include <set>
#include <string>
#include <utility>

#include "invalid_argument.h"
#include "lead_walk.h"
#include "marketo/connection.h"
#include "marketo/lead_client.h"

namespace marketo {
namespace internal {
namespace {

constexpr char kCursorPrefix[] = "lr1.";

bool ParseNumber(const std::string& text, std::size_t* out) {
  if (text.empty() || text.size() > 9 ||
      text.find_first_not_of("0123456789") != std::string::npos) {
    return false;
  }
  *out = static_cast<std::size_t>(std::stoul(text));
  return true;
}

}  // namespace

std::string FormatCursor(const WalkCursor& c) {
  return kCursorPrefix + std::to_string(c.part) + "." + std::to_string(c.skip) + "." + c.page_start;
}

bool ParseCursor(const std::string& text, WalkCursor* out) {
  if (text.rfind(kCursorPrefix, 0) != 0) return false;
  const std::size_t a = sizeof kCursorPrefix - 1;
  const std::size_t b = text.find('.', a);
  if (b == std::string::npos) return false;
  const std::size_t c = text.find('.', b + 1);
  if (c == std::string::npos) return false;
  out->page_start = text.substr(c + 1);
  return ParseNumber(text.substr(a, b - a), &out->part) &&
         ParseNumber(text.substr(b + 1, c - b - 1), &out->skip);
}

}  // namespace internal

namespace {

using internal::Invalid;

Status CheckTypes(const std::vector<std::string>& types, const char* which) {
  for (const auto& t : types) {
    if (!IsActivityType(t)) {
      return Invalid(std::string("activityFilter.") + which + ": unknown activity type \"" + t +
                     "\" (the WSDL's ActivityType tokens, e.g. VisitWebpage)");
    }
  }
  return Status();
}

Status CheckBatch(const std::optional<int>& size, int max) {
  if (size && (*size < 1 || *size > max)) {
    return Invalid("batchSize must be from 1 to " + std::to_string(max) + ", got " +
                   std::to_string(*size));
  }
  return Status();
}

Status CheckNames(const std::vector<std::string>& names) {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i].empty()) return Invalid("activityNameFilter[" + std::to_string(i) + "] is empty");
    if (!seen.insert(names[i]).second) {
      return Invalid("activityNameFilter: \"" + names[i] + "\" is given twice");
    }
  }
  return Status();
}

using PageFetch = std::function<StatusOr<ActivityPage>(const ActivityPosition& start)>;

// Pages from `start` (skipping `skip` records of the first page) until nothing remains or
// `visit` says stop.
Status WalkActivities(const char* op, const PageFetch& fetch, ActivityPosition start,
                      std::size_t skip, const ActivityVisitor& visit) {
  for (;;) {
    auto page = fetch(start);
    if (!page.ok()) return std::move(page).status();
    const std::string start_text = start.ToText();
    for (std::size_t i = skip; i < page->activities.size(); ++i) {
      const auto after = LeadReadPosition::FromText(internal::FormatCursor({0, i + 1, start_text}));
      if (!visit(std::move(page->activities[i]), after)) return Status();
    }
    skip = 0;
    if (page->remaining_count <= 0) return Status();
    if (page->new_start_position.empty() || page->new_start_position.ToText() == start_text) {
      return Status(StatusCode::kMalformedResponse,
                    std::string(op) + ": records remain but the start position did not advance");
    }
    start = std::move(page->new_start_position);
  }
}

// Where a walk starts: the request's position, or the one a resume token names.
Status StartOf(const ActivityPosition& from_request, const LeadReadPosition& resume,
               ActivityPosition* start, std::size_t* skip) {
  *start = from_request;
  *skip = 0;
  if (resume.empty()) return Status();
  internal::WalkCursor at;
  std::optional<ActivityPosition> pos;
  if (internal::ParseCursor(resume.text(), &at)) pos = ActivityPosition::FromText(at.page_start);
  if (!pos || at.part != 0) {
    return Invalid("resume_from is not a position of an activity walk: \"" + resume.text() + "\"");
  }
  *start = std::move(*pos);
  *skip = at.skip;
  return Status();
}

}  // namespace

Status ValidateGetLeadActivityRequest(const GetLeadActivityRequest& request) {
  if (Status s = ValidateLeadKey(request.key); !s.ok()) return s;
  const ActivityFilter& f = request.filter;
  if (!f.include_types.empty() && !f.exclude_types.empty()) {
    return Invalid("activityFilter: give include types or exclude types, not both");
  }
  if (Status s = CheckTypes(f.include_types, "includeTypes"); !s.ok()) return s;
  if (Status s = CheckTypes(f.exclude_types, "excludeTypes"); !s.ok()) return s;
  return CheckBatch(request.batch_size, kMaxActivityPageSize);
}

Status ValidateGetLeadChangesRequest(const GetLeadChangesRequest& request) {
  const ActivityPosition& p = request.start_position;
  if (p.empty()) {
    return Invalid("startPosition is required (e.g. ActivityPosition::Since(time))");
  }
  if (p.latest_created_at && p.oldest_created_at && *p.latest_created_at < *p.oldest_created_at) {
    return Invalid("startPosition: latestCreatedAt is before oldestCreatedAt");
  }
  if (Status s = CheckNames(request.activity_name_filter); !s.ok()) return s;
  if (request.lead_selector) {
    if (Status s = ValidateLeadSelector(*request.lead_selector); !s.ok()) return s;
  }
  return CheckBatch(request.batch_size, kMaxLeadChangesPageSize);
}

Status ValidateMergeLeadsRequest(const MergeLeadsRequest& request) {
  if (request.winner.empty()) return Invalid("winner: no keys");
  if (request.losers.empty()) return Invalid("losers: no losing lead");
  for (std::size_t i = 0; i < request.winner.size(); ++i) {
    const Status v = ValidateLeadKey(request.winner[i]);
    if (!v.ok()) return Invalid("winner key[" + std::to_string(i) + "] " + v.message());
  }
  for (std::size_t l = 0; l < request.losers.size(); ++l) {
    const std::string who = "loser[" + std::to_string(l) + "]";
    if (request.losers[l].empty()) return Invalid(who + ": no keys");
    for (std::size_t i = 0; i < request.losers[l].size(); ++i) {
      const LeadKey& key = request.losers[l][i];
      const Status v = ValidateLeadKey(key);
      if (!v.ok()) return Invalid(who + " key[" + std::to_string(i) + "] " + v.message());
      for (const LeadKey& w : request.winner) {
        if (w == key) return Invalid(who + " is the winner (" + key.value + ")");
      }
    }
  }
  return Status();
}

StatusOr<ActivityPage> LeadClient::GetLeadActivity(const GetLeadActivityRequest& request) {
  if (Status s = ValidateGetLeadActivityRequest(request); !s.ok()) return s;
  return connection_->GetLeadActivity(request);
}

Status LeadClient::ForEachActivity(const GetLeadActivityRequest& request,
                                   const ReadActivityOptions& options,
                                   const ActivityVisitor& visit) {
  GetLeadActivityRequest r = request;
  r.batch_size = options.batch_size;
  if (Status s = ValidateGetLeadActivityRequest(r); !s.ok()) return s;
  ActivityPosition start;
  std::size_t skip = 0;
  if (Status s = StartOf(r.start_position, options.resume_from, &start, &skip); !s.ok()) return s;
  const PageFetch fetch = [&](const ActivityPosition& at) {
    r.start_position = at;
    return connection_->GetLeadActivity(r);
  };
  return WalkActivities("getLeadActivity", fetch, std::move(start), skip, visit);
}

StatusOr<ActivityPage> LeadClient::GetLeadChanges(const GetLeadChangesRequest& request) {
  if (Status s = ValidateGetLeadChangesRequest(request); !s.ok()) return s;
  return connection_->GetLeadChanges(request);
}

Status LeadClient::ForEachLeadChange(const GetLeadChangesRequest& request,
                                     const ReadActivityOptions& options,
                                     const ActivityVisitor& visit) {
  GetLeadChangesRequest r = request;
  r.batch_size = options.batch_size;
  ActivityPosition start;
  std::size_t skip = 0;
  if (Status s = StartOf(r.start_position, options.resume_from, &start, &skip); !s.ok()) return s;
  r.start_position = start;
  if (Status s = ValidateGetLeadChangesRequest(r); !s.ok()) return s;
  const PageFetch fetch = [&](const ActivityPosition& at) {
    r.start_position = at;
    return connection_->GetLeadChanges(r);
  };
  return WalkActivities("getLeadChanges", fetch, std::move(start), skip, visit);
}

StatusOr<MergeLeadsResult> LeadClient::MergeLeads(const MergeLeadsRequest& request) {
  if (Status s = ValidateMergeLeadsRequest(request); !s.ok()) return s;
  return connection_->MergeLeads(request);
}

}  // namespace marketo
