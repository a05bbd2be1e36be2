#include "marketo/campaign_client.h"

#include <algorithm>
#include <climits>
#include <set>
#include <string>
#include <utility>

#include "invalid_argument.h"
#include "marketo/connection.h"

namespace marketo {
namespace {

using internal::Invalid;

Status CheckName(const std::optional<std::string>& value, const char* field) {
  if (value && value->empty()) return Invalid(std::string(field) + " is empty");
  return Status();
}

Status CheckTokens(const std::vector<ProgramToken>& tokens) {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::string at = "tokens[" + std::to_string(i) + "].name";
    if (!IsProgramTokenName(tokens[i].name)) {
      return Invalid(at + " \"" + tokens[i].name + "\" is not of the form {{my.name}}");
    }
    if (!seen.insert(tokens[i].name).second) {
      return Invalid(at + " \"" + tokens[i].name + "\" is given twice");
    }
  }
  return Status();
}

// Exactly one of the two ways to name a campaign (Marketo faults on any other combination).
Status CheckCampaignNaming(const RequestCampaignRequest& r) {
  const bool names = r.program_name || r.campaign_name;
  if (r.campaign_id) {
    if (names) return Invalid("campaignId goes alone: drop programName and campaignName");
    if (!r.tokens.empty()) return Invalid("tokens need programName and campaignName, not an id");
    if (*r.campaign_id < 1 || *r.campaign_id > INT_MAX) {
      return Invalid("campaignId must be from 1 to " + std::to_string(INT_MAX) + ", got " +
                     std::to_string(*r.campaign_id));
    }
    return Status();
  }
  if (!r.program_name || !r.campaign_name) {
    return Invalid("name the campaign by campaignId alone or by programName and campaignName");
  }
  if (Status s = CheckName(r.program_name, "programName"); !s.ok()) return s;
  return CheckName(r.campaign_name, "campaignName");
}

CampaignLeadOutcome Outcome(std::size_t i, CampaignLeadState state, Status why) {
  CampaignLeadOutcome o;
  o.index = i;
  o.call = i / kMaxCampaignLeadsPerCall;
  o.state = state;
  o.call_status = std::move(why);
  return o;
}

// The Status of a call that answered success=false: it reached the server.
Status NotSuccessful(std::size_t call) {
  return Status(StatusCode::kSoapFault,
                "requestCampaign: call " + std::to_string(call) + " answered success=false");
}

}  // namespace

const char* ToString(CampaignSource source) noexcept {
  return source == CampaignSource::kSalesInsight ? "SALES" : "MKTOWS";
}

const char* ToString(CampaignLeadState state) noexcept {
  switch (state) {
    case CampaignLeadState::kRequested:
      return "REQUESTED";
    case CampaignLeadState::kFailed:
      return "FAILED";
    case CampaignLeadState::kNotSent:
      return "NOT_SENT";
  }
  return "NOT_SENT";
}

bool IsProgramTokenName(const std::string& name) noexcept {
  static constexpr char kOpen[] = "{{my.";
  static constexpr std::size_t kOpenLen = sizeof kOpen - 1;
  if (name.size() <= kOpenLen + 2 || name.compare(0, kOpenLen, kOpen) != 0) return false;
  if (name.compare(name.size() - 2, 2, "}}") != 0) return false;
  const std::string inner = name.substr(kOpenLen, name.size() - kOpenLen - 2);
  return inner.find_first_of("{}") == std::string::npos;
}

Status ValidateGetCampaignsForSourceRequest(const GetCampaignsForSourceRequest& request) {
  if (Status s = CheckName(request.name, "name"); !s.ok()) return s;
  if (request.exact_name && !request.name) return Invalid("exactName needs a name");
  return Status();
}

Status ValidateRequestCampaignRequest(const RequestCampaignRequest& request) {
  if (Status s = CheckCampaignNaming(request); !s.ok()) return s;
  if (request.leads.empty()) return Invalid("leads is empty: name at least one lead");
  for (std::size_t i = 0; i < request.leads.size(); ++i) {
    Status v = ValidateLeadKey(request.leads[i]);
    if (!v.ok()) {
      return Invalid("leads[" + std::to_string(i) + "].value: " + std::string(v.message()));
    }
  }
  return CheckTokens(request.tokens);
}

Status ValidateScheduleCampaignRequest(const ScheduleCampaignRequest& request) {
  if (request.program_name.empty()) return Invalid("programName is empty");
  if (request.campaign_name.empty()) return Invalid("campaignName is empty");
  if (Status s = CheckName(request.clone_to_program_name, "cloneToProgramName"); !s.ok()) return s;
  return CheckTokens(request.tokens);
}

CampaignClient::CampaignClient(std::shared_ptr<Connection> connection)
    : connection_(std::move(connection)) {}

CampaignClient::CampaignClient(ClientOptions options)
    : connection_(MakeConnection(std::move(options))) {}

StatusOr<std::vector<CampaignRecord>> CampaignClient::GetCampaignsForSource(
    const GetCampaignsForSourceRequest& request) {
  if (Status s = ValidateGetCampaignsForSourceRequest(request); !s.ok()) return s;
  return connection_->GetCampaignsForSource(request);
}

RequestCampaignResult CampaignClient::RequestCampaign(const RequestCampaignRequest& request,
                                                      const RequestCampaignOptions& options) {
  RequestCampaignResult out;
  const std::size_t n = request.leads.size();
  out.status = ValidateRequestCampaignRequest(request);
  if (!out.status.ok()) {
    for (std::size_t i = 0; i < n; ++i) {
      out.leads.push_back(Outcome(i, CampaignLeadState::kNotSent, out.status));
    }
    return out;
  }
  RequestCampaignRequest call = request;
  call.leads.clear();
  for (std::size_t begin = 0; begin < n; begin += kMaxCampaignLeadsPerCall) {
    const std::size_t end = std::min(n, begin + kMaxCampaignLeadsPerCall);
    const std::size_t index = begin / kMaxCampaignLeadsPerCall;
    if (!out.status.ok() && options.stop_on_call_error) {
      ErrorInfo info = out.status.error_info();
      info.request_may_have_reached_server = false;
      const Status why(out.status.code(),
                       "not sent: an earlier call failed: " + out.status.message(), info);
      for (std::size_t i = begin; i < end; ++i) {
        out.leads.push_back(Outcome(i, CampaignLeadState::kNotSent, why));
      }
      continue;
    }
    call.leads.assign(request.leads.begin() + static_cast<std::ptrdiff_t>(begin),
                      request.leads.begin() + static_cast<std::ptrdiff_t>(end));
    ++out.calls;
    StatusOr<CampaignCallResult> r = connection_->RequestCampaign(call);
    Status s = !r.ok() ? r.status() : r->success ? Status() : NotSuccessful(index);
    if (!s.ok()) {
      ++out.failed_calls;
      if (out.status.ok()) out.status = s;
    }
    const CampaignLeadState state =
        s.ok() ? CampaignLeadState::kRequested : CampaignLeadState::kFailed;
    for (std::size_t i = begin; i < end; ++i) out.leads.push_back(Outcome(i, state, s));
  }
  return out;
}

StatusOr<CampaignCallResult> CampaignClient::ScheduleCampaign(
    const ScheduleCampaignRequest& request) {
  if (Status s = ValidateScheduleCampaignRequest(request); !s.ok()) return s;
  return connection_->ScheduleCampaign(request);
}

}  // namespace marketo
