#ifndef MARKETO_LEAD_H_
#define MARKETO_LEAD_H_

/// @file
/// The lead family's values: lead keys and records (schema `LeadKey`, `LeadRecord`), stream
/// positions and lead selectors.

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
