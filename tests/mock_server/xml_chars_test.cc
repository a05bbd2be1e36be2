// XmlCharChecker on its own: what it lets through, what it stops, and that the answer does not
// depend on how the body is cut into reads (its fast path skips plain text).
#include "xml_chars.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace marketo_test {
namespace {

// The checker's verdict on `body`, fed whole or one byte per read.
std::string Check(const std::string& body, bool bytewise) {
  mock::XmlCharChecker c;
  if (!bytewise) return c.Feed(body.data(), body.size());
  std::string problem;
  for (char b : body) problem = c.Feed(&b, 1);
  return problem;
}

class XmlChars : public ::testing::TestWithParam<bool> {};

TEST_P(XmlChars, SkipsReferencesInsideCommentsCdataAndProcessingInstructions) {
  for (const std::string body :
       {"<a>plain text, digits 0123 and CDAT letters</a>", "<!-- a & b -->&amp;",
        "<?xml version=\"1.0\"?><a>&lt;</a>", "<?pi a & b?>x", "<![CDATA[a & b <c>]]>&gt;",
        "<a>caf\xC3\xA9 \xF0\x9F\x98\x80 &#x10FFFF;</a>", "<!--x-->-->&quot;"}) {
    SCOPED_TRACE(body);
    EXPECT_EQ(Check(body, GetParam()), "");
  }
}

TEST_P(XmlChars, StopsReferencesOutsideThem) {
  for (const std::string body : {"<a>a & b</a>", "<!-- x -->& y", "<!-x-- & y", "<![CDATA[a]]>& b",
                                 "<?pi?>&bad y", "<!X-- & y", "<a>&nbsp;</a>"}) {
    SCOPED_TRACE(body);
    EXPECT_NE(Check(body, GetParam()), "");
  }
  EXPECT_EQ(Check("x &nbsp; y", GetParam()), "undefined entity &nbsp;");
}

TEST_P(XmlChars, StopsForbiddenCharactersEverywhere) {
  for (const std::string& body :
       std::vector<std::string>{std::string("a\0b", 3), "<!-- \x01 -->", "<![CDATA[\x1F]]>",
                                "\xEF\xBF\xBF", "\xC0\xAF", "&#xD800;", "\xFF"}) {
    SCOPED_TRACE(body);
    EXPECT_NE(Check(body, GetParam()), "");
  }
}

INSTANTIATE_TEST_SUITE_P(WholeOrByteByByte, XmlChars, ::testing::Bool());

}  // namespace
}  // namespace marketo_test
