// Plain C++ shapes of the MObject messages, independent of the gSOAP types, so the semantics
// (mobjects_*.cc) can be read and reasoned about without the generated code. soap/convert.h maps
// between the two.
#ifndef MARKETO_MOCK_SERVER_SEMANTICS_MODEL_H_
#define MARKETO_MOCK_SERVER_SEMANTICS_MODEL_H_

#include <ctime>
#include <optional>
#include <string>
#include <vector>

namespace mock {

struct Attr {
  std::string name;
  std::string value;
  bool operator==(const Attr& o) const { return name == o.name && value == o.value; }
};

struct TypeAttrGroup {
  std::string attr_type;  // Cost, Tag, Token
  std::vector<Attr> attrs;
};

struct Assoc {
  std::string type;  // Company, Lead, Opportunity
  std::optional<int> id;
  std::optional<Attr> external_key;
};

struct MObj {
  std::string type;
  std::optional<int> id;
  std::optional<Attr> external_key;
  std::optional<std::time_t> created_at, updated_at;
  std::vector<Attr> attrs;
  std::vector<TypeAttrGroup> type_attrs;
  std::vector<Assoc> assocs;
};

enum class SyncOp { kInsert, kUpdate, kUpsert };
enum class Status { kCreated, kUpdated, kDeleted, kFailed, kUnchanged, kSkipped };

// The MObjStatusEnum text on the wire, also the key of the --dump object counters.
inline const char* StatusName(Status s) {
  switch (s) {
    case Status::kCreated:
      return "CREATED";
    case Status::kUpdated:
      return "UPDATED";
    case Status::kDeleted:
      return "DELETED";
    case Status::kFailed:
      return "FAILED";
    case Status::kUnchanged:
      return "UNCHANGED";
    case Status::kSkipped:
      return "SKIPPED";
  }
  return "FAILED";
}

struct ObjStatus {
  std::optional<int> id;
  std::optional<Attr> external_key;
  Status status = Status::kFailed;
  std::string error;  // only for kFailed
};

struct Criterion {
  std::string name;
  std::string comparison;  // EQ NE LT LE GT GE
  std::string value;
};

struct GetQuery {
  std::string type;
  std::optional<int> id;
  std::optional<Attr> external_key;
  std::vector<Criterion> criteria;
  std::vector<Assoc> assocs;
  bool include_details = false;
  std::optional<std::string> stream_position;
};

struct GetResult {
  std::vector<MObj> objects;
  bool has_more = false;
  std::string new_stream_position;
};

struct FieldMeta {
  std::string name;
  std::string description;
  std::optional<std::string> display_name;
  std::string source_object;
  std::string data_type;
  std::optional<int> size;
  bool readonly = false;
  bool update_blocked = false;
  bool is_name = false;
  bool primary_key = false;
  bool custom = false;
  bool dynamic = false;
};

struct ObjectMeta {
  std::string name;
  std::string description;
  bool custom = false;
  bool is_virtual = false;
  std::vector<FieldMeta> fields;
  std::time_t updated_at = 0;
};

}  // namespace mock

#endif  // MARKETO_MOCK_SERVER_SEMANTICS_MODEL_H_
