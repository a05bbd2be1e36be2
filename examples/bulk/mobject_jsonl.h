// One JSON object per input line → marketo::MObject, with errors that name the line's field.
#ifndef MARKETO_EXAMPLES_BULK_MOBJECT_JSONL_H_
#define MARKETO_EXAMPLES_BULK_MOBJECT_JSONL_H_

#include <string>
#include <string_view>
#include <variant>

#include "marketo/mobject.h"

namespace bulk {

// Parses one line such as
//   {"type":"Opportunity","id":"64","externalKey":{"name":"k","value":"v"},
//    "attributes":{"Name":"Q1 2014"},
//    "typeAttributes":[{"attrType":"Cost","attributes":{"Month":"2013-06","Amount":"2000"}}],
//    "associations":[{"type":"Company","id":"5"}]}
// Every key but "type" is optional. Unknown keys are errors (nothing is silently dropped), and
// attribute order is kept as written. On failure returns a message naming the field, e.g.
// `typeAttributes[0].attributes.Month: expected a string or number`.
std::variant<marketo::MObject, std::string> ParseMObjectLine(std::string_view line);

}  // namespace bulk

#endif  // MARKETO_EXAMPLES_BULK_MOBJECT_JSONL_H_
