// Leads and activities as JSONL: one input lead per line for lead-sync, one exported lead or
// activity per output line for the exports.
#ifndef MARKETO_EXAMPLES_BULK_LEAD_JSONL_H_
#define MARKETO_EXAMPLES_BULK_LEAD_JSONL_H_

#include <string>
#include <string_view>
#include <variant>

#include "marketo/lead.h"

namespace bulk {

// Parses one line such as
//   {"id":19,"email":"ada@example.com","foreignSysPersonId":"CRM-7","foreignSysType":"SFDC",
//    "attributes":{"FirstName":"Ada","LeadScore":12}}
// Every key is optional (lead-sync then asks for a match key). Unknown keys are errors and
// attribute order is kept. On failure returns a message naming the field.
std::variant<marketo::LeadRecord, std::string> ParseLeadLine(std::string_view line);

// One line of lead-export's output, in the same shape as ParseLeadLine's input (attribute
// values as strings, exactly as received).
std::string LeadToJson(const marketo::LeadRecord& lead);

// One line of activity-export's output: every field of the record, times as W3C timestamps.
std::string ActivityToJson(const marketo::ActivityRecord& activity);

}  // namespace bulk

#endif  // MARKETO_EXAMPLES_BULK_LEAD_JSONL_H_
