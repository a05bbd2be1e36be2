// One JSON object per input line → marketo::MObject, with errors that name the line's field.
#ifndef MARKETO_EXAMPLES_MOBJECT_SYNC_JSONL_INPUT_H_
#define MARKETO_EXAMPLES_MOBJECT_SYNC_JSONL_INPUT_H_

#include <string>
#include <string_view>
#include <variant>

#include "marketo/mobject.h"

namespace mobject_sync {

// Parses one line such as
//   {"type":"Opportunity","id":"64","externalKey":{"name":"k","value":"v"},
//    "attributes":{"Name":"Q1 2014"},
//    "typeAttributes":[{"attrType":"Cost","attributes":{"Month":"2013-06","Amount":"2000"}}],
//    "associations":[{"type":"Company","id":"5"}]}
// Every key but "type" is optional. Unknown keys are errors (nothing is silently dropped), and
// attribute order is kept as written. On failure returns a message naming the field, e.g.
// `typeAttributes[0].attributes.Month: expected a string or number`.
std::variant<marketo::MObject, std::string> ParseLine(std::string_view line);

// True for lines that carry no object (empty or whitespace only); they are skipped, not rejected.
bool IsBlank(std::string_view line) noexcept;

}  // namespace mobject_sync

#endif  // MARKETO_EXAMPLES_MOBJECT_SYNC_JSONL_INPUT_H_
