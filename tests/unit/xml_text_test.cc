#include "transport/xml_text.h"

#include <gtest/gtest.h>

namespace {

using marketo::internal::HttpBody;
using marketo::internal::MaskCredentials;
using marketo::internal::ParseServiceException;

TEST(MaskCredentials, MasksBothElementsWithOrWithoutPrefix) {
  std::string xml =
      "<h><mktowsUserId>user_1</mktowsUserId><requestSignature>abc</requestSignature>"
      "<requestTimestamp>t</requestTimestamp><x:mktowsUserId a=\"1\">u2</x:mktowsUserId>"
      "<mktowsUserIdX>keep</mktowsUserIdX><requestSignature/></h>";
  MaskCredentials(xml);
  EXPECT_EQ(xml,
            "<h><mktowsUserId>***</mktowsUserId><requestSignature>***</requestSignature>"
            "<requestTimestamp>t</requestTimestamp><x:mktowsUserId a=\"1\">***</x:mktowsUserId>"
            "<mktowsUserIdX>keep</mktowsUserIdX><requestSignature/></h>");
}

TEST(HttpBody, PlainAndChunked) {
  EXPECT_EQ(HttpBody("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc"), "abc");
  EXPECT_EQ(
      HttpBody(
          "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n"),
      "abcde");
  EXPECT_EQ(HttpBody("<raw/>"), "<raw/>");
}

TEST(ServiceException, ParsesMarketoDetail) {
  auto ex = ParseServiceException(
      "<ns1:serviceException xmlns:ns1=\"http://www.marketo.com/mktows/\"><name>mktServiceException"
      "</name><message>No lead found with EMAIL = a&amp;b (20103)</message><code>20103</code>"
      "</ns1:serviceException>");
  EXPECT_EQ(ex.name, "mktServiceException");
  EXPECT_EQ(ex.message, "No lead found with EMAIL = a&b (20103)");
  EXPECT_EQ(ex.code, 20103);
  EXPECT_EQ(ParseServiceException("<other/>").code, 0);
}

}  // namespace
