// The custom-object side of the store: the custom object types (describe-like field
// definitions the operations enforce) and their records. Callers hold Store::mutex().
#ifndef MARKETO_MOCK_SERVER_SEMANTICS_CUSTOM_OBJECT_BOOK_H_
#define MARKETO_MOCK_SERVER_SEMANTICS_CUSTOM_OBJECT_BOOK_H_

#include <cstdint>
#include <ctime>
#include <map>
#include <string>
#include <vector>

#include "semantics/model.h"

namespace mock {

struct CoField {
  enum class Role { kDedupe, kLink, kPlain };
  std::string name;
  std::string data_type;  // "string", "integer", "date", "boolean" (values.h ValueFitsType)
  Role role = Role::kPlain;
  std::string lead_field;  // kLink: the Lead field it names ("Id" or "Email")
};

struct CoType {
  std::string name;
  std::string description;
  std::vector<CoField> fields;  // in describe order

  const CoField* Find(const std::string& field) const;
  const CoField* LinkField() const;
};

struct CoRecord {
  std::uint64_t seq = 0;    // creation order, which getCustomObjects pages in
  std::vector<Attr> attrs;  // every non-empty field, in the type's field order
  std::time_t created = 0;
  std::time_t updated = 0;
};

// The records of one type, by creation order, with an index by the dedupe key's text.
struct CoTable {
  CoType type;
  std::map<std::uint64_t, CoRecord> by_seq;
  std::map<std::string, std::uint64_t> by_key;
};

class CustomObjectBook {
 public:
  CustomObjectBook();  // the types; custom_objects_seed.cc adds their first records

  CoTable* Find(const std::string& type);  // Choice: names match case-sensitively
  const std::map<std::string, CoTable>& tables() const { return tables_; }
  std::uint64_t NextSeq() { return next_seq_++; }
  // The dedupe key's text ("VIN = 1HGCM82633A004352") of `attrs`; "" when a dedupe field is
  // missing or empty.
  static std::string KeyText(const CoType& type, const std::vector<Attr>& attrs);

 private:
  std::map<std::string, CoTable> tables_;
  std::uint64_t next_seq_ = 1;
};

}  // namespace mock

#endif  // MARKETO_MOCK_SERVER_SEMANTICS_CUSTOM_OBJECT_BOOK_H_
