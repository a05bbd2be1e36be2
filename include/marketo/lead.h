#ifndef MARKETO_LEAD_H_
#define MARKETO_LEAD_H_

/// @file
/// The lead family's values: lead keys and lead records (schema `LeadKey`, `LeadRecord`).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
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

}  // namespace marketo

#endif  // MARKETO_LEAD_H_
