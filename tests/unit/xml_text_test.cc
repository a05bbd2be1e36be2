#include "transport/xml_text.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace {

using marketo::internal::HttpBody;
using marketo::internal::MaskCredentials;
using marketo::internal::ParseServiceException;
using marketo::internal::ScrubSecret;

std::string Scrubbed(std::string text, const std::string& secret) {
  ScrubSecret(text, secret);
  return text;
}

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

// Case 6 of issue 15: masking in place was quadratic (9.9 s for 4 MiB of such elements).
TEST(MaskCredentials, LinearOnManyElements) {
  const std::string one = "<requestSignature>x</requestSignature>";
  std::string xml;
  for (std::size_t i = 0; xml.size() < (std::size_t{4} << 20); ++i) xml += one;
  const std::size_t count = xml.size() / one.size();
  const auto t0 = std::chrono::steady_clock::now();
  MaskCredentials(xml);
  const auto elapsed = std::chrono::steady_clock::now() - t0;
  EXPECT_LT(elapsed, std::chrono::seconds(5));  // milliseconds when linear
  EXPECT_EQ(xml.size(), count * (one.size() + 2));
  EXPECT_EQ(xml.find(">x<"), std::string::npos);
  EXPECT_EQ(xml.substr(0, one.size() + 2), "<requestSignature>***</requestSignature>");
}

TEST(ScrubSecret, ShortSecretOnlyAsWholeWord) {
  // Case 14 of issue 15: the key "y" turned "syncMObjects" into "s***ncMObjects".
  EXPECT_EQ(Scrubbed("syncMObjects: SOAP fault", "y"), "syncMObjects: SOAP fault");
  EXPECT_EQ(Scrubbed("key y rejected", "y"), "key *** rejected");
  EXPECT_EQ(Scrubbed("y", "y"), "***");
  EXPECT_EQ(Scrubbed("k=abc1;abc1x;xabc1;_abc1", "abc1"), "k=***;abc1x;xabc1;_abc1");
  EXPECT_EQ(Scrubbed("\"short-key\"", "short-key"), "\"***\"");
}

TEST(ScrubSecret, LongSecretEverywhere) {
  const std::string key = "fm-Secret-Key-7f3a9";
  EXPECT_EQ(Scrubbed("a " + key + " b", key), "a *** b");
  EXPECT_EQ(Scrubbed("glued" + key + key + "x", key), "glued******x");
  const std::string sig(40, 'a');
  EXPECT_EQ(Scrubbed("sig=" + sig + "a", sig), "sig=***a");
  EXPECT_EQ(Scrubbed("nothing here", key), "nothing here");
  EXPECT_EQ(Scrubbed("text", ""), "text");
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
