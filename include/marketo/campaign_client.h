#ifndef MARKETO_CAMPAIGN_CLIENT_H_
#define MARKETO_CAMPAIGN_CLIENT_H_

/// @file
/// CampaignClient and the requests and results of the three campaign operations
/// (getCampaignsForSource, requestCampaign, scheduleCampaign).
///
/// connection.h includes this header for the request types, so it only declares Connection;
/// build the connection with MakeConnection() from marketo/connection.h (marketo/marketo.h has
/// both).

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "marketo/lead.h"
#include "marketo/options.h"
#include "marketo/status_or.h"

namespace marketo {

class Connection;

/// Most leads one requestCampaign call carries (Marketo ignores the rest); CampaignClient
/// splits longer lists into calls of at most this many.
inline constexpr std::size_t kMaxCampaignLeadsPerCall = 100;

/// Who requests a campaign (schema `ReqCampSourceType`).
enum class CampaignSource {
  /// MKTOWS: the Web Service API.
  kWebServiceApi,
  /// SALES: Sales Insight.
  kSalesInsight,
};

/// Wire name: "MKTOWS" or "SALES".
const char* ToString(CampaignSource source) noexcept;

/// A smart campaign as getCampaignsForSource lists it (schema `CampaignRecord`).
struct CampaignRecord {
  /// The campaign's id (what RequestCampaignRequest::campaign_id takes).
  std::int64_t id = 0;
  /// Its name.
  std::string name;
  /// Its description; may be empty.
  std::string description;
};

/// One getCampaignsForSource call: the campaigns `source` may request (those with a "Campaign is
/// Requested" trigger for that source).
struct GetCampaignsForSourceRequest {
  /// Whose campaigns.
  CampaignSource source = CampaignSource::kWebServiceApi;
  /// Only campaigns whose name contains this (not empty when set).
  std::optional<std::string> name;
  /// With `name`: true matches the whole name only.
  std::optional<bool> exact_name;
};

/// A My Token override for one run (schema `Attrib` in `programTokenList`).
struct ProgramToken {
  /// The full token, `{{my.name}}`.
  std::string name;
  /// The value for this run.
  std::string value;
};

/// requestCampaign: leads into a "Campaign is Requested" trigger campaign. Name the campaign
/// either by `campaign_id` alone, or by `program_name` + `campaign_name` (optionally with
/// `tokens`); any other combination is rejected before any I/O.
///
/// As a Connection call it carries at most kMaxCampaignLeadsPerCall leads; CampaignClient
/// takes any number and splits them.
struct RequestCampaignRequest {
  /// Who requests it.
  CampaignSource source = CampaignSource::kWebServiceApi;
  /// The campaign's id (getCampaignsForSource).
  std::optional<std::int64_t> campaign_id;
  /// The program that holds the campaign.
  std::optional<std::string> program_name;
  /// The campaign's name within `program_name`.
  std::optional<std::string> campaign_name;
  /// The leads, at least one.
  std::vector<LeadKey> leads;
  /// My Token overrides (only with program and campaign names).
  std::vector<ProgramToken> tokens;
};

/// What one requestCampaign or scheduleCampaign call answered (schema `Result*Campaign`).
struct CampaignCallResult {
  /// The server's `success` flag.
  bool success = false;
};

/// How one lead of CampaignClient::RequestCampaign fared.
enum class CampaignLeadState {
  /// Its call answered success=true.
  kRequested,
  /// Its call failed, or answered success=false; see CampaignLeadOutcome::call_status.
  kFailed,
  /// Never sent: the request was invalid, or an earlier call failed and the run stopped.
  kNotSent,
};

/// "REQUESTED", "FAILED" or "NOT_SENT".
const char* ToString(CampaignLeadState state) noexcept;

/// The outcome for one input lead of CampaignClient::RequestCampaign.
struct CampaignLeadOutcome {
  /// Position of the lead in RequestCampaignRequest::leads.
  std::size_t index = 0;
  /// Which call carried it (0 for the first 100 leads, 1 for the next, ...).
  std::size_t call = 0;
  /// What happened to it.
  CampaignLeadState state = CampaignLeadState::kNotSent;
  /// OK for kRequested; otherwise why. For kFailed,
  /// `call_status.error_info().request_may_have_reached_server` tells whether the campaign may
  /// still have run for this lead (an answer lost after the request was sent).
  Status call_status;
};

/// Result of CampaignClient::RequestCampaign: one outcome per input lead, in input order.
struct RequestCampaignResult {
  /// Exactly one entry per input lead (`leads[i].index == i`).
  std::vector<CampaignLeadOutcome> leads;
  /// OK when every call answered success=true; otherwise the first failure.
  Status status;
  /// Calls made.
  std::size_t calls = 0;
  /// Calls that failed or answered success=false.
  std::size_t failed_calls = 0;
};

/// Options of CampaignClient::RequestCampaign.
struct RequestCampaignOptions {
  /// Stop at the first failed call; the leads of later calls are kNotSent. When false, every
  /// call is made and each lead's outcome is its own call's.
  bool stop_on_call_error = true;
};

/// scheduleCampaign: runs a batch campaign once, now or at `run_at`.
struct ScheduleCampaignRequest {
  /// The program that holds the campaign.
  std::string program_name;
  /// The batch campaign's name.
  std::string campaign_name;
  /// When to run; absent means now.
  std::optional<std::chrono::system_clock::time_point> run_at;
  /// My Token overrides for this run.
  std::vector<ProgramToken> tokens;
  /// API 3_1: clone the program under this name and schedule the clone's campaign (Marketo
  /// allows 10 such calls a day).
  std::optional<std::string> clone_to_program_name;
};

/// A source; a name that is not empty; exact_name only with a name.
Status ValidateGetCampaignsForSourceRequest(const GetCampaignsForSourceRequest& request);
/// The campaign named by id alone or by program and campaign names (tokens only with names),
/// at least one lead, valid lead keys (`leads[i]`), tokens of the form `{{my.name}}` given once
/// (`tokens[i]`). Any number of leads (CampaignClient splits them).
Status ValidateRequestCampaignRequest(const RequestCampaignRequest& request);
/// Program and campaign names, a clone name that is not empty, valid tokens.
Status ValidateScheduleCampaignRequest(const ScheduleCampaignRequest& request);
/// A token name of the form `{{my.name}}` (name not empty, no braces in it).
bool IsProgramTokenName(const std::string& name) noexcept;

/// Typed, validated calls of the campaign family over a shared Connection. Cheap to copy; safe
/// to use from several threads at once.
///
/// requestCampaign and scheduleCampaign are never repeated once a request may have reached the
/// server (a repeat would run the campaign twice); getCampaignsForSource is retried like any
/// read.
class CampaignClient {
 public:
  /// Uses `connection` for every call; share it with the other family clients. Not null.
  explicit CampaignClient(std::shared_ptr<Connection> connection);
  /// Convenience: CampaignClient(MakeConnection(std::move(options))).
  explicit CampaignClient(ClientOptions options);

  /// One getCampaignsForSource call, validated first.
  StatusOr<std::vector<CampaignRecord>> GetCampaignsForSource(
      const GetCampaignsForSourceRequest& request);

  /// Requests the campaign for any number of leads. The request is validated first; if it is
  /// invalid nothing is sent and every lead is kNotSent with that Status. Otherwise the leads go
  /// out in input order, kMaxCampaignLeadsPerCall per call, one call after another (lead i in
  /// call i / 100).
  ///
  /// A failure part-way: the calls before the failed one ran (their leads kRequested); the
  /// failed call's leads are kFailed (the campaign may or may not have run for them: see
  /// CampaignLeadOutcome::call_status); with `stop_on_call_error` (the default) the later
  /// calls' leads are kNotSent, so requesting again exactly the leads that are not kRequested
  /// (minus the kFailed ones whose request may have reached the server, if a second run would
  /// hurt) completes the run. Never fails as a whole.
  RequestCampaignResult RequestCampaign(const RequestCampaignRequest& request,
                                        const RequestCampaignOptions& options = {});

  /// One scheduleCampaign call, validated first.
  StatusOr<CampaignCallResult> ScheduleCampaign(const ScheduleCampaignRequest& request);

  /// The underlying connection.
  const std::shared_ptr<Connection>& connection() const noexcept { return connection_; }

 private:
  std::shared_ptr<Connection> connection_;
};

}  // namespace marketo

#endif  // MARKETO_CAMPAIGN_CLIENT_H_
