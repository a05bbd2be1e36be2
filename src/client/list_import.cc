// importToList, getImportToListStatus and the wait helper of ListClient.
#include <set>
#include <string>
#include <thread>
#include <utility>

#include "invalid_argument.h"
#include "marketo/connection.h"
#include "marketo/list_client.h"

namespace marketo {
namespace {

using internal::Invalid;

bool IsTokenName(const std::string& c) { return c.rfind("{{", 0) == 0; }

// "{{my.name}}" with a name; other "{{...}}" texts are not program tokens.
bool IsWellFormedToken(const std::string& c) {
  const std::string open = "{{my.";
  return c.size() > open.size() + 2 && c.rfind(open, 0) == 0 &&
         c.compare(c.size() - 2, 2, "}}") == 0;
}

Status CheckColumns(const std::vector<std::string>& columns) {
  if (columns.empty()) return Invalid("importFileHeader has no columns");
  std::set<std::string> seen;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const std::string& c = columns[i];
    const std::string where = "column[" + std::to_string(i) + "]";
    if (c.empty()) return Invalid(where + " has no name");
    std::string named = where;
    named += " \"" + c + "\"";
    if (IsTokenName(c) && !IsWellFormedToken(c)) {
      return Invalid(named + " is not a {{my.token}} name");
    }
    if (!seen.insert(c).second) return Invalid(named + " is given twice");
  }
  return Status();
}

Status CheckRows(const ImportToListRequest& r) {
  if (r.rows.empty()) return Invalid("importFileRows is empty");
  for (std::size_t i = 0; i < r.rows.size(); ++i) {
    if (r.rows[i].size() != r.columns.size()) {
      return Invalid("row[" + std::to_string(i) + "] has " + std::to_string(r.rows[i].size()) +
                     " cells; the header has " + std::to_string(r.columns.size()) + " columns");
    }
  }
  return Status();
}

std::string Describe(const ImportStatusInfo& info) {
  std::string s = info.raw_status.empty() ? ToString(info.status) : info.raw_status;
  if (info.rows_imported) s += ", " + std::to_string(*info.rows_imported) + " rows imported";
  return s;
}

}  // namespace

const char* ToString(ImportListMode mode) noexcept {
  switch (mode) {
    case ImportListMode::kUpsertLeads:
      return "UPSERTLEADS";
    case ImportListMode::kListOnly:
      return "LISTONLY";
  }
  return "UNKNOWN";
}

const char* ToString(ImportStatus status) noexcept {
  switch (status) {
    case ImportStatus::kProcessing:
      return "PROCESSING";
    case ImportStatus::kComplete:
      return "COMPLETE";
    case ImportStatus::kFailed:
      return "FAILED";
    case ImportStatus::kCanceled:
      return "CANCELED";
    case ImportStatus::kUnknown:
      return "UNKNOWN";
  }
  return "UNKNOWN";
}

ImportStatus ParseImportStatus(std::string_view text) noexcept {
  if (text == "PROCESSING") return ImportStatus::kProcessing;
  if (text == "COMPLETE") return ImportStatus::kComplete;
  if (text == "FAILED") return ImportStatus::kFailed;
  if (text == "CANCELED") return ImportStatus::kCanceled;
  return ImportStatus::kUnknown;
}

Status ValidateImportToListRequest(const ImportToListRequest& request) {
  if (request.program_name.empty()) return Invalid("programName is empty");
  if (request.list_name.empty()) return Invalid("listName is empty");
  if (request.mode != ImportListMode::kUpsertLeads && request.mode != ImportListMode::kListOnly) {
    return Invalid("importListMode has an unknown value (" +
                   std::to_string(static_cast<int>(request.mode)) + ")");
  }
  if (request.campaign_name && request.campaign_name->empty()) {
    return Invalid("campaignName is empty (leave it unset to send none)");
  }
  if (Status s = CheckColumns(request.columns); !s.ok()) return s;
  return CheckRows(request);
}

Status ValidateImportStatusRequest(const ImportStatusRequest& request) {
  if (request.program_name.empty()) return Invalid("programName is empty");
  if (request.list_name.empty()) return Invalid("listName is empty");
  return Status();
}

StatusOr<ImportToListResult> ListClient::ImportToList(const ImportToListRequest& request) {
  if (Status s = ValidateImportToListRequest(request); !s.ok()) return s;
  return connection_->ImportToList(request);
}

StatusOr<ImportStatusInfo> ListClient::GetImportStatus(const ImportStatusRequest& request) {
  if (Status s = ValidateImportStatusRequest(request); !s.ok()) return s;
  return connection_->GetImportToListStatus(request);
}

ImportWaitResult ListClient::WaitForImport(const ImportStatusRequest& request,
                                           const WaitForImportOptions& options) {
  ImportWaitResult out;
  out.status = ValidateImportStatusRequest(request);
  if (out.status.ok() && options.poll_interval.count() <= 0) {
    out.status = Invalid("poll_interval must be positive");
  }
  if (!out.status.ok()) return out;
  const auto now = [&] {
    return options.clock ? options.clock() : std::chrono::steady_clock::now();
  };
  const auto sleep = [&](std::chrono::milliseconds d) {
    if (options.sleep) {
      options.sleep(d);
    } else {
      std::this_thread::sleep_for(d);
    }
  };
  const auto deadline = now() + options.timeout;
  for (;;) {
    const auto poll_at = now();
    ++out.polls;
    auto r = connection_->GetImportToListStatus(request);
    if (!r.ok()) {
      out.status = std::move(r).status();
      return out;
    }
    out.last = std::move(*r);
    if (out.last->status != ImportStatus::kProcessing) return out;  // an end state (or unknown)
    const auto next = poll_at + options.poll_interval;
    if (next > deadline) {
      out.status = Status(StatusCode::kDeadlineExceeded,
                          "importToList of list \"" + request.list_name + "\" still " +
                              Describe(*out.last) + " after " + std::to_string(out.polls) +
                              " polls; the wait's timeout has passed");
      return out;
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(next - now());
    if (left.count() > 0) sleep(left);
  }
}

}  // namespace marketo
