// The read side of LeadClient: getMultipleLeads validation, walks that split a selection into
// calls Marketo accepts (100 keys, 30 days) and page through each, and the parallel export.
#include <algorithm>
#include <atomic>
#include <climits>
#include <exception>
#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <unordered_set>
#include <utility>
#include <vector>

#include "invalid_argument.h"
#include "lead_walk.h"
#include "marketo/connection.h"
#include "marketo/lead_client.h"

namespace marketo {
namespace {

using Clock = std::chrono::system_clock;

using internal::Invalid;

Clock::time_point WindowEnd(const LeadSelector& s) {
  return s.latest_updated_at ? *s.latest_updated_at : Clock::now();
}

Status CheckKeys(const LeadSelector& s, bool one_call) {
  if (s.key_values.empty()) return Invalid("selector: no keys");
  if (one_call && s.key_values.size() > kMaxLeadKeysPerCall) {
    return Invalid("selector: " + std::to_string(s.key_values.size()) +
                   " keys, at most 100 per call (ForEachLead splits longer lists)");
  }
  for (std::size_t i = 0; i < s.key_values.size(); ++i) {
    const Status v = ValidateLeadKey(LeadKey{s.key_type, s.key_values[i]});
    if (!v.ok()) return Invalid("selector: key[" + std::to_string(i) + "] " + v.message());
  }
  return Status();
}

Status CheckList(const LeadSelector& s) {
  if (s.list_name.has_value() == s.list_id.has_value()) {
    return Invalid("selector: give the static list's name or its id (exactly one)");
  }
  if (s.list_name && s.list_name->empty()) return Invalid("selector: list name is empty");
  if (s.list_id && (*s.list_id < 1 || *s.list_id > INT_MAX)) {
    return Invalid("selector: list id must be between 1 and " + std::to_string(INT_MAX));
  }
  return Status();
}

Status CheckWindow(const LeadSelector& s, bool one_call) {
  const Clock::time_point end = WindowEnd(s);
  if (end < s.oldest_updated_at) {
    return Invalid("selector: the window ends before it starts (oldest is after latest)");
  }
  if (one_call && end - s.oldest_updated_at > kMaxUpdateWindow) {
    return Invalid(
        "selector: the window is longer than 30 days (ForEachLead and ExportLeads split it)");
  }
  return Status();
}

Status CheckSelector(const LeadSelector& s, bool one_call) {
  switch (s.kind) {
    case LeadSelector::Kind::kKeys:
      return CheckKeys(s, one_call);
    case LeadSelector::Kind::kStaticList:
      return CheckList(s);
    case LeadSelector::Kind::kUpdatedBetween:
      return CheckWindow(s, one_call);
  }
  return Invalid("selector: unknown kind");
}

Status CheckReadOptions(const std::vector<std::string>& attributes, int batch_size) {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < attributes.size(); ++i) {
    if (attributes[i].empty()) {
      return Invalid("includeAttributes[" + std::to_string(i) + "] is empty");
    }
    if (!seen.insert(attributes[i]).second) {
      return Invalid("includeAttributes: \"" + attributes[i] + "\" is given twice");
    }
  }
  if (batch_size < 1 || batch_size > kMaxLeadsPageSize) {
    return Invalid("batchSize must be from 1 to 1000, got " + std::to_string(batch_size));
  }
  return Status();
}

// The calls a selection needs: key lists in parts of 100, windows in parts of 30 days (the last
// one open when the window is), a static list whole.
std::vector<LeadSelector> SplitSelector(const LeadSelector& s) {
  std::vector<LeadSelector> parts;
  if (s.kind == LeadSelector::Kind::kKeys) {
    for (std::size_t i = 0; i < s.key_values.size(); i += kMaxLeadKeysPerCall) {
      const auto end = std::min(s.key_values.size(), i + kMaxLeadKeysPerCall);
      parts.push_back(LeadSelector::Keys(
          s.key_type, std::vector<std::string>(s.key_values.begin() + static_cast<long>(i),
                                               s.key_values.begin() + static_cast<long>(end))));
    }
    return parts;
  }
  if (s.kind != LeadSelector::Kind::kUpdatedBetween) return {s};
  const Clock::time_point end = WindowEnd(s);
  Clock::time_point from = s.oldest_updated_at;
  while (end - from > kMaxUpdateWindow) {
    parts.push_back(LeadSelector::UpdatedBetween(from, from + kMaxUpdateWindow));
    from += kMaxUpdateWindow;
  }
  parts.push_back(LeadSelector::UpdatedBetween(from, s.latest_updated_at));
  return parts;
}

// Receives each lead of one part with its page's starting position and index in the page;
// returns false to stop.
using PartSink =
    std::function<bool(LeadRecord&& lead, const StreamPosition& page_start, std::size_t index)>;

}  // namespace

LeadReadPosition LeadReadPosition::FromText(std::string text) {
  LeadReadPosition p;
  p.text_ = std::move(text);
  return p;
}

Status ValidateLeadSelector(const LeadSelector& selector) { return CheckSelector(selector, true); }

Status ValidateGetMultipleLeadsRequest(const GetMultipleLeadsRequest& request) {
  if (Status s = CheckSelector(request.selector, true); !s.ok()) return s;
  return CheckReadOptions(request.include_attributes, request.batch_size.value_or(1));
}

StatusOr<LeadsPage> LeadClient::GetMultipleLeads(const GetMultipleLeadsRequest& request) {
  if (Status s = ValidateGetMultipleLeadsRequest(request); !s.ok()) return s;
  return connection_->GetMultipleLeads(request);
}

namespace {

// Pages through one part from `start`, skipping the first `skip` leads of the first page.
Status ReadPart(Connection& connection, GetMultipleLeadsRequest request, std::size_t skip,
                const PartSink& sink, const std::atomic<bool>* stop) {
  for (;;) {
    if (stop != nullptr && stop->load()) return Status();
    auto page = connection.GetMultipleLeads(request);
    if (!page.ok()) return std::move(page).status();
    for (std::size_t i = skip; i < page->leads.size(); ++i) {
      if (!sink(std::move(page->leads[i]), request.stream_position, i)) return Status();
    }
    skip = 0;
    if (page->remaining_count <= 0) return Status();
    // Leads remain: going on from the same (or no) position would loop or drop them.
    if (page->new_stream_position.empty() || page->new_stream_position == request.stream_position) {
      return Status(StatusCode::kMalformedResponse,
                    "getMultipleLeads: leads remain but the stream position did not advance");
    }
    request.stream_position = std::move(page->new_stream_position);
  }
}

}  // namespace

Status LeadClient::ForEachLead(const LeadSelector& selector, const ReadLeadsOptions& options,
                               const LeadVisitor& visit) {
  if (Status s = CheckSelector(selector, false); !s.ok()) return s;
  if (Status s = CheckReadOptions(options.include_attributes, options.batch_size); !s.ok()) {
    return s;
  }
  internal::WalkCursor at;
  if (!options.resume_from.empty() && !internal::ParseCursor(options.resume_from.text(), &at)) {
    return Invalid("resume_from is not a position of ForEachLead: \"" + options.resume_from.text() +
                   "\"");
  }
  const std::vector<LeadSelector> parts = SplitSelector(selector);
  std::unordered_set<std::int64_t> seen;
  bool stopped = false;
  for (std::size_t p = at.part; p < parts.size() && !stopped; ++p) {
    GetMultipleLeadsRequest request{parts[p], options.include_attributes, options.batch_size,
                                    StreamPosition(p == at.part ? at.page_start : "")};
    const PartSink sink = [&](LeadRecord&& lead, const StreamPosition& start, std::size_t i) {
      if (lead.id && !seen.insert(*lead.id).second) return true;  // delivered already
      const LeadReadPosition after =
          LeadReadPosition::FromText(internal::FormatCursor({p, i + 1, start.text()}));
      stopped = !visit(std::move(lead), after);
      return !stopped;
    };
    if (Status s = ReadPart(*connection_, request, p == at.part ? at.skip : 0, sink, nullptr);
        !s.ok()) {
      return s;
    }
  }
  return Status();
}

StatusOr<std::vector<LeadRecord>> LeadClient::GetAllLeads(const LeadSelector& selector,
                                                          const ReadLeadsOptions& options) {
  std::vector<LeadRecord> all;
  Status s = ForEachLead(selector, options, [&all](LeadRecord&& lead, const LeadReadPosition&) {
    all.push_back(std::move(lead));
    return true;
  });
  if (!s.ok()) return s;
  return all;
}

namespace {

// What the export's workers share: the slices left, the callback and its lock, the ids
// delivered, and the first failure.
struct ExportRun {
  std::vector<LeadSelector> slices;
  const std::function<bool(LeadRecord&&)>* on_lead = nullptr;
  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};
  std::mutex mu;
  std::unordered_set<std::int64_t> seen;  // guarded by mu
  Status error;                           // guarded by mu
  std::exception_ptr exception;           // guarded by mu: the first one thrown

  bool Deliver(LeadRecord&& lead) {
    std::lock_guard<std::mutex> lock(mu);
    if (stop.load()) return false;
    if (lead.id && !seen.insert(*lead.id).second) return true;
    if (!(*on_lead)(std::move(lead))) stop.store(true);
    return !stop.load();
  }
  void Fail(Status s) {
    std::lock_guard<std::mutex> lock(mu);
    if (error.ok()) error = std::move(s);
    stop.store(true);
  }
  void Throw(std::exception_ptr e) {
    std::lock_guard<std::mutex> lock(mu);
    if (!exception) exception = std::move(e);
    stop.store(true);
  }
  void ReadSlices(Connection& connection, const ExportLeadsOptions& options) {
    for (std::size_t i = next++; i < slices.size() && !stop.load(); i = next++) {
      GetMultipleLeadsRequest request{slices[i], options.include_attributes, options.batch_size,
                                      StreamPosition()};
      const PartSink sink = [this](LeadRecord&& lead, const StreamPosition&, std::size_t) {
        return Deliver(std::move(lead));
      };
      if (Status s = ReadPart(connection, request, 0, sink, &stop); !s.ok()) Fail(std::move(s));
    }
  }
};

}  // namespace

Status LeadClient::ExportLeads(Clock::time_point oldest, Clock::time_point latest,
                               const ExportLeadsOptions& options,
                               const std::function<bool(LeadRecord&& lead)>& on_lead) {
  if (latest < oldest) return Invalid("ExportLeads: latest is before oldest");
  if (options.slice <= std::chrono::hours(0) || options.slice > kMaxUpdateWindow) {
    return Invalid("ExportLeads: slice must be from 1 hour to 30 days");
  }
  if (Status s = CheckReadOptions(options.include_attributes, options.batch_size); !s.ok()) {
    return s;
  }
  ExportRun run;
  run.on_lead = &on_lead;
  for (Clock::time_point from = oldest; from < latest || run.slices.empty();
       from += options.slice) {
    run.slices.push_back(
        LeadSelector::UpdatedBetween(from, std::min(latest, from + options.slice)));
  }
  // An exception (from on_lead, say) stops the export and is rethrown once all workers stopped.
  auto worker = [&] {
    try {
      run.ReadSlices(*connection_, options);
    } catch (...) {
      run.Throw(std::current_exception());
    }
  };
  const std::size_t threads =
      std::min(std::max<std::size_t>(options.concurrency, 1), run.slices.size());
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  if (run.exception) std::rethrow_exception(run.exception);
  return run.error;
}

}  // namespace marketo
