// Namespace-aware XML comparison for golden tests: two documents are equivalent when their element
// trees match by (namespace URI, local name), attributes and trimmed text. Prefixes, namespace
// declarations, whitespace-only text and comments do not matter.
#ifndef MARKETO_TESTS_GOLDEN_XML_EQUIVALENCE_H_
#define MARKETO_TESTS_GOLDEN_XML_EQUIVALENCE_H_

#include <set>
#include <string>

namespace marketo_test {

struct XmlCompareOptions {
  // Local names of elements whose text is not compared (e.g. the three auth values).
  std::set<std::string> ignore_text_of;
};

// Returns an empty string when equivalent, else a description of the first difference.
std::string XmlDifference(const std::string& expected, const std::string& actual,
                          const XmlCompareOptions& options = {});

}  // namespace marketo_test

#endif  // MARKETO_TESTS_GOLDEN_XML_EQUIVALENCE_H_
