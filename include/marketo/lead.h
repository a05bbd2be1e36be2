#ifndef MARKETO_LEAD_H_
#define MARKETO_LEAD_H_

/// @file
/// The lead family's values: lead keys and records (schema `LeadKey`, `LeadRecord`), activity
/// records and positions, stream positions and lead selectors.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "marketo/span.h"

namespace marketo {

/// How a LeadKey names a lead (schema `LeadKeyRef`).
enum class LeadKeyType {
  /// IDNUM: the Marketo lead id.
  kIdnum,
  /// COOKIE: a Munchkin tracking cookie.
  kCookie,
  /// EMAIL: may match several leads.
  kEmail,
  /// LEADOWNEREMAIL.
  kLeadOwnerEmail,
  /// SFDCACCOUNTID.
  kSfdcAccountId,
  /// SFDCCONTACTID.
  kSfdcContactId,
  /// SFDCLEADID.
  kSfdcLeadId,
  /// SFDCLEADOWNERID.
  kSfdcLeadOwnerId,
  /// SFDCOPPTYID.
  kSfdcOpptyId,
};

/// Wire name, e.g. "IDNUM".
const char* ToString(LeadKeyType type) noexcept;
/// Parses a wire name (case-sensitive); nullopt otherwise.
std::optional<LeadKeyType> ParseLeadKeyType(std::string_view text) noexcept;

/// A key that names one or more leads: a key type and its value.
struct LeadKey {
  /// What `value` is.
  LeadKeyType type = LeadKeyType::kIdnum;
  /// The key, as text (a lead id in decimal for kIdnum).
  std::string value;

  /// By Marketo lead id.
  static LeadKey Id(std::int64_t id) { return {LeadKeyType::kIdnum, std::to_string(id)}; }
  /// By email address (may match several leads).
  static LeadKey Email(std::string email) { return {LeadKeyType::kEmail, std::move(email)}; }
  /// By Munchkin cookie.
  static LeadKey Cookie(std::string cookie) { return {LeadKeyType::kCookie, std::move(cookie)}; }

  /// Keys compare equal when type and value match.
  friend bool operator==(const LeadKey& a, const LeadKey& b) {
    return a.type == b.type && a.value == b.value;
  }
};

/// The system a ForeignSysPersonId belongs to (schema `ForeignSysType`).
enum class ForeignSysType {
  /// CUSTOM.
  kCustom,
  /// SFDC.
  kSfdc,
  /// NETSUITE.
  kNetsuite,
};

/// Wire name, e.g. "SFDC".
const char* ToString(ForeignSysType type) noexcept;
/// Parses a wire name (case-sensitive); nullopt otherwise.
std::optional<ForeignSysType> ParseForeignSysType(std::string_view text) noexcept;

/// One lead field as `leadAttributeList` carries it (schema `Attribute`).
struct LeadAttribute {
  /// Field name, e.g. "FirstName".
  std::string name;
  /// Value exactly as sent or received.
  std::string value;
  /// The server's type hint ("string", "integer", "date", ...); absent when it sent none.
  std::optional<std::string> type;

  /// Attributes compare equal when name, value and type match.
  friend bool operator==(const LeadAttribute& a, const LeadAttribute& b) {
    return a.name == b.name && a.value == b.value && a.type == b.type;
  }
};

/// A lead (schema `LeadRecord`): the match keys, and every other field by name.
///
/// The raw text of every field is kept in `attributes`; the typed getters only read it.
struct LeadRecord {
  /// Marketo lead id.
  std::optional<std::int64_t> id;
  /// Email address.
  std::optional<std::string> email;
  /// The lead's id in a foreign system (CRM); goes with `foreign_sys_type`.
  std::optional<std::string> foreign_sys_person_id;
  /// The system `foreign_sys_person_id` belongs to.
  std::optional<ForeignSysType> foreign_sys_type;
  /// Every other field, in order.
  std::vector<LeadAttribute> attributes;

  /// Sets field `name` (replacing an earlier value of that name) and returns *this.
  LeadRecord& Set(std::string_view name, std::string value);
  /// The value of field `name`, or nullptr.
  const std::string* Find(std::string_view name) const noexcept;

  /// FirstName, when present.
  std::optional<std::string> FirstName() const { return Text("FirstName"); }
  /// LastName, when present.
  std::optional<std::string> LastName() const { return Text("LastName"); }
  /// Company, when present.
  std::optional<std::string> Company() const { return Text("Company"); }
  /// Title, when present.
  std::optional<std::string> Title() const { return Text("Title"); }
  /// Phone, when present.
  std::optional<std::string> Phone() const { return Text("Phone"); }
  /// LeadScore as a number, when present and an integer.
  std::optional<std::int64_t> LeadScore() const;

 private:
  std::optional<std::string> Text(std::string_view name) const;
};

/// A non-owning view of contiguous lead records.
using LeadSpan = Span<LeadRecord>;

/// Where the server left off in a paged read: the `streamPosition` it returned, as an opaque,
/// printable token. Pass it back to continue; an empty one means the start.
class StreamPosition {
 public:
  /// The start of the stream.
  StreamPosition() = default;
  /// A position the server returned (or text() of one saved earlier).
  explicit StreamPosition(std::string token) : token_(std::move(token)) {}
  /// The token, safe to print and to store.
  const std::string& text() const noexcept { return token_; }
  /// True at the start of the stream.
  bool empty() const noexcept { return token_.empty(); }
  /// Positions compare equal when their tokens do.
  friend bool operator==(const StreamPosition& a, const StreamPosition& b) {
    return a.token_ == b.token_;
  }
  /// Negation of operator==.
  friend bool operator!=(const StreamPosition& a, const StreamPosition& b) { return !(a == b); }

 private:
  std::string token_;
};

/// The activity types a getLeadActivity filter names (schema `ActivityType`, the WSDL's
/// CamelCase tokens; records carry display names such as "Visit Webpage" instead).
inline constexpr const char* kActivityTypes[] = {
    "VisitWebpage",
    "FillOutForm",
    "ClickLink",
    "SendEmail",
    "EmailDelivered",
    "EmailBounced",
    "UnsubscribeEmail",
    "OpenEmail",
    "ClickEmail",
    "NewLead",
    "ChangeDataValue",
    "LeadAssigned",
    "NewSFDCOpprtnty",
    "Wait",
    "RunSubflow",
    "RemoveFromFlow",
    "PushLeadToSales",
    "CreateTask",
    "ConvertLead",
    "ChangeScore",
    "ChangeOwner",
    "AddToList",
    "RemoveFromList",
    "SFDCActivity",
    "EmailBouncedSoft",
    "PushLeadUpdatesToSales",
    "DeleteLeadFromSales",
    "SFDCActivityUpdated",
    "SFDCMergeLeads",
    "MergeLeads",
    "ResolveConflicts",
    "AssocWithOpprtntyInSales",
    "DissocFromOpprtntyInSales",
    "UpdateOpprtntyInSales",
    "DeleteLead",
    "SendAlert",
    "SendSalesEmail",
    "OpenSalesEmail",
    "ClickSalesEmail",
    "AddtoSFDCCampaign",
    "RemoveFromSFDCCampaign",
    "ChangeStatusInSFDCCampaign",
    "ReceiveSalesEmail",
    "InterestingMoment",
    "RequestCampaign",
    "SalesEmailBounced",
    "ChangeLeadPartition",
    "ChangeRevenueStage",
    "ChangeRevenueStageManually",
    "ComputeDataValue",
    "ChangeStatusInProgression",
    "ChangeFieldInProgram",
    "EnrichWithDatacom",
    "ChangeSegment",
    "ResolveRuleset",
    "SmartCampaignTest",
    "SmartCampaignTestTrigger",
};

/// True for a token of kActivityTypes.
bool IsActivityType(std::string_view token) noexcept;

/// One activity of a lead (schema `ActivityRecord`), or one entry of the lead-change stream
/// (schema `LeadChangeRecord`, which has no person name, foreign ids or org fields).
struct ActivityRecord {
  /// The activity's id.
  std::optional<std::int64_t> id;
  /// Its GUID (API 3_1).
  std::string marketo_guid;
  /// When it happened.
  std::chrono::system_clock::time_point activity_date_time;
  /// Display name, e.g. "Visit Webpage", "Change Data Value".
  std::string activity_type;
  /// The asset involved (a page, an email, a list), when any.
  std::optional<std::string> mktg_asset_name;
  /// The activity's details by name, e.g. "Attribute Name", "Old Value", "New Value".
  std::vector<LeadAttribute> attributes;
  /// The campaign that caused it, when any.
  std::optional<std::string> campaign;
  /// The lead's name (ActivityRecord only).
  std::optional<std::string> person_name;
  /// The lead's Marketo id, as text.
  std::string mkt_person_id;
  /// The lead's foreign system id (ActivityRecord only).
  std::optional<std::string> foreign_sys_id;
  /// The lead's organisation (ActivityRecord only).
  std::optional<std::string> org_name;
  /// The organisation's foreign system id (ActivityRecord only).
  std::optional<std::string> foreign_sys_org_id;

  /// The value of detail `name`, or nullptr.
  const std::string* Find(std::string_view name) const noexcept;
};

/// A place in an activity stream (schema `StreamPosition`): where to start (creation times) or
/// where a page ended (`offset`, opaque). ToText() makes it one printable token to persist.
struct ActivityPosition {
  /// Newest creation time wanted.
  std::optional<std::chrono::system_clock::time_point> latest_created_at;
  /// Oldest creation time wanted.
  std::optional<std::chrono::system_clock::time_point> oldest_created_at;
  /// Creation time to continue from.
  std::optional<std::chrono::system_clock::time_point> activity_created_at;
  /// The server's opaque offset of a page's end.
  std::optional<std::string> offset;

  /// Everything created at or after `oldest`.
  static ActivityPosition Since(std::chrono::system_clock::time_point oldest);
  /// True when no field is set (the start of a lead's activity).
  bool empty() const noexcept {
    return !latest_created_at && !oldest_created_at && !activity_created_at && !offset;
  }
  /// One printable token for all four fields.
  std::string ToText() const;
  /// Reads ToText()'s token back; nullopt for anything else.
  static std::optional<ActivityPosition> FromText(std::string_view text);
};

/// Which leads a read selects (schema `LeadSelector` and its three kinds).
struct LeadSelector {
  /// The selector's kind.
  enum class Kind {
    /// Leads named by keys of one type (`LeadKeySelector`).
    kKeys,
    /// The members of a static list, by name or id (`StaticListSelector`).
    kStaticList,
    /// Leads updated in a time window (`LastUpdateAtSelector`).
    kUpdatedBetween,
  };
  /// Which of the fields below apply.
  Kind kind = Kind::kKeys;
  /// kKeys: the type of every key in `key_values`.
  LeadKeyType key_type = LeadKeyType::kIdnum;
  /// kKeys: the keys (at most 100 per call; LeadClient's walks split longer lists).
  std::vector<std::string> key_values;
  /// kStaticList: the list's name (or set `list_id`, not both).
  std::optional<std::string> list_name;
  /// kStaticList: the list's id.
  std::optional<std::int64_t> list_id;
  /// kUpdatedBetween: the start of the window.
  std::chrono::system_clock::time_point oldest_updated_at;
  /// kUpdatedBetween: the end of the window; absent means "until now".
  std::optional<std::chrono::system_clock::time_point> latest_updated_at;

  /// Leads named by `values`, all of type `type`.
  static LeadSelector Keys(LeadKeyType type, std::vector<std::string> values);
  /// The members of the static list called `name`.
  static LeadSelector StaticList(std::string name);
  /// The members of the static list with id `id`.
  static LeadSelector StaticListId(std::int64_t id);
  /// Leads updated in [oldest, latest] (latest absent: until now).
  static LeadSelector UpdatedBetween(
      std::chrono::system_clock::time_point oldest,
      std::optional<std::chrono::system_clock::time_point> latest = std::nullopt);
};

}  // namespace marketo

#endif  // MARKETO_LEAD_H_
