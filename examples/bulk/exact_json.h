// A JSON reader that alters nothing: a duplicate key is an error (nlohmann keeps the last), and a
// number that is not an exact 64-bit integer keeps the text it was written with (nlohmann would
// re-render it from a double, e.g. 12345678901234567890123 -> 1.2345678901234568e+22).
#ifndef MARKETO_EXAMPLES_BULK_EXACT_JSON_H_
#define MARKETO_EXAMPLES_BULK_EXACT_JSON_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace bulk {

// ordered_json keeps keys in input order, so attributes go on the wire as the user wrote them.
using Json = nlohmann::ordered_json;

// Parses `text` into `out`. A number that is not an integer (or does not fit 64 bits) becomes a
// binary value holding its text, which JSON text cannot otherwise produce (see RawNumber).
// Returns false with `error` set ("not valid JSON", "duplicate key \"type\"").
bool ParseExactJson(std::string_view text, Json& out, std::string& error);

// The number text of a value ParseExactJson stored as binary; empty for every other value.
std::string RawNumber(const Json& v);

}  // namespace bulk

#endif  // MARKETO_EXAMPLES_BULK_EXACT_JSON_H_
