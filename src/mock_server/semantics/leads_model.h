// Plain C++ shapes of the lead and activity messages (docs/protocol.md, "Leads and activities"),
// independent of the gSOAP types; soap/convert_leads.* maps between the two. Enumerations travel
// as their WSDL text (key types "EMAIL", activity tokens "VisitWebpage", foreign types "SFDC").
#ifndef MARKETO_MOCK_SERVER_SEMANTICS_LEADS_MODEL_H_
#define MARKETO_MOCK_SERVER_SEMANTICS_LEADS_MODEL_H_

#include <cstdint>
#include <ctime>
#include <optional>
#include <string>
#include <vector>

#include "semantics/model.h"

namespace mock {

struct LeadKey {
  std::string type;  // LeadKeyRef text: IDNUM, COOKIE, EMAIL, SFDCLEADID, ...
  std::string value;
};

// A LeadRecord as a client sends it.
struct LeadIn {
  std::optional<int> id;
  std::optional<std::string> email;
  std::optional<std::string> foreign_id;
  std::optional<std::string> foreign_type;
  std::vector<Attr> attrs;
};

struct LeadAttrOut {
  std::string name;
  std::string type;  // attrType
  std::string value;
};

// A LeadRecord as the mock answers it; empty strings are left out.
struct LeadOut {
  int id = 0;
  std::string email;
  std::string foreign_id;
  std::string foreign_type;
  std::vector<LeadAttrOut> attrs;
};

// syncLead's and syncMultipleLeads' per-record answer. status: kCreated, kUpdated or kFailed.
struct LeadSyncOutcome {
  int lead_id = 0;
  Status status = Status::kFailed;
  std::string error;
  std::optional<LeadOut> lead;  // syncLead with returnLead
};

struct SyncLeadRequest {
  LeadIn lead;
  bool return_lead = false;
  std::optional<std::string> cookie;
  bool move_cookie = false;
  std::optional<std::string> workspace;  // MktowsContextHeader/targetWorkspace
};

struct LeadSelector {
  enum class Kind { kNone, kKeys, kStaticList, kLastUpdate };
  Kind kind = Kind::kNone;
  std::string key_type;  // kKeys
  std::vector<std::string> keys;
  std::optional<std::string> list_name;  // kStaticList
  std::optional<int> list_id;
  std::optional<std::time_t> oldest, latest;  // kLastUpdate
};

struct LeadsQuery {
  LeadSelector selector;
  std::optional<std::time_t> last_updated_at;  // deprecated form of kLastUpdate
  std::string stream_position;
  std::optional<int> batch_size;
  std::optional<std::vector<std::string>> include_attributes;
};

struct LeadsPage {
  std::vector<LeadOut> leads;
  int remaining = 0;
  std::string new_stream_position;
};

struct StreamPos {
  std::optional<std::time_t> latest, oldest, activity;
  std::optional<std::string> offset;
};

struct TypeFilter {
  std::vector<std::string> include, exclude;  // ActivityType tokens
};

struct ActivityQuery {
  LeadKey key;
  TypeFilter filter;
  StreamPos start;
  std::optional<int> batch_size;
};

struct ChangesQuery {
  StreamPos start;
  TypeFilter filter;
  std::optional<std::vector<std::string>> names;  // activityNameFilter (display names)
  std::optional<int> batch_size;
  LeadSelector selector;
};

struct ActivityOut {
  std::int64_t id = 0;
  std::string guid;
  std::time_t at = 0;
  std::string type;
  std::string asset;
  std::vector<Attr> attrs;
  std::string campaign;
  int lead_id = 0;
  std::string person_name;  // "" -> nil
  std::string foreign_id;   // foreignSysId
  std::string org_name;     // Company
  std::string foreign_org;  // SFDCAccountId
};

struct ActivityPage {
  std::vector<ActivityOut> records;
  int remaining = 0;
  StreamPos next;
};

struct MergeRequest {
  std::vector<Attr> winner;               // attrName = key type, attrValue = key
  std::vector<std::vector<Attr>> losers;  // one key list per losing lead
  bool in_sales = false;
};

struct MergeOutcome {
  std::optional<int> winner;
  std::vector<int> losers;
  bool merged = false;
  std::string error;
};

}  // namespace mock

#endif  // MARKETO_MOCK_SERVER_SEMANTICS_LEADS_MODEL_H_
