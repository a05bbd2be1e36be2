// The lead fields the mock knows: what syncLead accepts (anything else is 20105), what getLead
// returns and with which attrType, and which fields a LeadKeyRef finds leads by.
#ifndef MARKETO_MOCK_SERVER_SEMANTICS_LEADS_FIELDS_H_
#define MARKETO_MOCK_SERVER_SEMANTICS_LEADS_FIELDS_H_

#include <string>
#include <vector>

namespace mock {

struct LeadField {
  const char* name;
  const char* type;      // attrType on the wire: string, integer, boolean, email, ...
  const char* key_type;  // the LeadKeyRef that looks leads up by this field, or nullptr
  bool read_only;
  bool top_level;  // Email, ForeignSysPersonId, ForeignSysType: elements of LeadRecord itself
};

// In the order getLead returns them.
const std::vector<LeadField>& LeadFields();
const LeadField* FindLeadField(const std::string& name);
// The field a LeadKeyRef (EMAIL, SFDCLEADID, ...) matches; nullptr for IDNUM, COOKIE and
// anything that is not a key type.
const LeadField* FieldForKeyType(const std::string& key_type);
// True for the LeadKeyRef values of the WSDL (IDNUM, COOKIE and the field keys).
bool IsLeadKeyType(const std::string& key_type);

inline constexpr char kCreatedAtField[] = "CreatedAt";
inline constexpr char kUpdatedAtField[] = "UpdatedAt";

}  // namespace mock

#endif  // MARKETO_MOCK_SERVER_SEMANTICS_LEADS_FIELDS_H_
