// Request builders for the static-list wire tests.
#ifndef MARKETO_TESTS_MOCK_SERVER_LISTS_UTIL_H_
#define MARKETO_TESTS_MOCK_SERVER_LISTS_UTIL_H_

#include <string>
#include <vector>

#include "leads_util.h"

namespace marketo_test {

inline std::string ListOperationBody(const std::string& op, const std::string& list,
                                     const std::vector<std::string>& ids, bool strict = false,
                                     const std::string& key_type = "MKTOLISTNAME") {
  std::string members;
  for (const auto& id : ids) members += LeadKeyXml("IDNUM", id);
  return "<ns1:paramsListOperation><listOperation>" + op + "</listOperation><listKey><keyType>" +
         key_type + "</keyType><keyValue>" + list + "</keyValue></listKey><listMemberList>" +
         members + "</listMemberList>" + (strict ? "<strict>true</strict>" : "") +
         "</ns1:paramsListOperation>";
}

inline std::string ImportBody(const std::string& program, const std::string& list,
                              const std::string& header, const std::vector<std::string>& rows,
                              const std::string& mode = "UPSERTLEADS", bool clear = false) {
  std::string items;
  for (const auto& r : rows) items += "<stringItem>" + Esc(r) + "</stringItem>";
  return std::string("<ns1:paramsImportToList ") + kXsi + "><programName>" + program +
         "</programName><importFileHeader>" + Esc(header) + "</importFileHeader><importFileRows>" +
         items + "</importFileRows><importListMode>" + mode + "</importListMode><listName>" + list +
         "</listName><clearList>" + (clear ? "true" : "false") +
         "</clearList><campaignName xsi:nil=\"true\"/></ns1:paramsImportToList>";
}

inline std::string StatusBody(const std::string& program, const std::string& list) {
  return "<ns1:paramsGetImportToListStatus><programName>" + program + "</programName><listName>" +
         list + "</listName></ns1:paramsGetImportToListStatus>";
}

}  // namespace marketo_test

#endif  // MARKETO_TESTS_MOCK_SERVER_LISTS_UTIL_H_
