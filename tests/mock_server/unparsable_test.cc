// Requests the mock cannot read answer fault 20012 at once (issue 15, cases 10 and 11): bodies
// that are no SOAP envelope, broken HTTP framing, and characters or entities XML forbids.
#include <gtest/gtest.h>
#include <zlib.h>

#include <chrono>
#include <nlohmann/json.hpp>

#include "raw_socket.h"
#include "test_util.h"

namespace marketo_test {
namespace {

using std::chrono::milliseconds;

class UnparsableTest : public ::testing::Test {
 protected:
  // Sends raw bytes and expects a 20012 fault within 3 s (the io timeout is 30 s).
  void Expect20012(const std::string& raw, const std::string& reason_part = "") {
    RawSocket s(server_.port());
    ASSERT_TRUE(s.ok());
    ASSERT_TRUE(s.Send(raw));
    const auto start = std::chrono::steady_clock::now();
    bool closed = false;
    const std::string got = s.ReadUntil(milliseconds(3000), &closed);
    EXPECT_LT(std::chrono::steady_clock::now() - start, milliseconds(3000));
    EXPECT_EQ(got.rfind("HTTP/1.1 500", 0), 0u) << got;
    EXPECT_NE(got.find("<faultstring>20012 - Request Not Understood</faultstring>"),
              std::string::npos)
        << got;
    if (!reason_part.empty()) {
      EXPECT_NE(got.find(reason_part), std::string::npos) << got;
    }
  }

  // A signed syncMObjects whose Opportunity Name is `name` (raw XML text).
  static std::string SyncNamed(const std::string& name) {
    return RawPost(SignedEnvelope(SyncBody(
        "INSERT", "<mObject><type>Opportunity</type><attribList><attrib><name>Name</name><value>" +
                      name + "</value></attrib></attribList></mObject>")));
  }

  MockServerProcess server_;
};

TEST_F(UnparsableTest, BodiesThatAreNoEnvelopeAnswerAtOnce) {
  Expect20012(RawPost("hello, this is plain text"));
  Expect20012(RawPost(SignedEnvelope(kListBody).substr(0, 200)), "the body ended before");
  const std::string gzip_garbage =
      std::string("\x1f\x8b\x08", 3) + std::string(1, '\0') + "garbage that is no gzip stream";
  Expect20012(RawPost(gzip_garbage, "Content-Encoding: gzip\r\n"));
  Expect20012(RawPost("", "Transfer-Encoding: chunked\r\n", false) + "zz\r\ngarbage\r\n0\r\n\r\n",
              "is not hexadecimal");
  Expect20012(RawPost("", "Transfer-Encoding: chunked\r\n", false) + "5\r\n<a/>\r\n");
  Expect20012(RawPost(""));
  Expect20012("GET /soap/mktows/3_1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
}

TEST_F(UnparsableTest, AWellFramedChunkedRequestStillWorks) {
  const std::string env = SignedEnvelope(kListBody);
  char size[16];
  std::snprintf(size, sizeof size, "%zx", env.size());
  RawSocket s(server_.port());
  ASSERT_TRUE(s.Send(RawPost("", "Transfer-Encoding: chunked\r\n", false) + size + "\r\n" + env +
                     "\r\n0\r\n\r\n"));
  bool closed = false;
  const std::string got = s.ReadUntil(milliseconds(5000), &closed);
  EXPECT_EQ(got.rfind("HTTP/1.1 200", 0), 0u) << got;
}

TEST_F(UnparsableTest, CharactersXmlForbidsAre20012) {
  for (const std::string& name : std::vector<std::string>{
           "&#xFFFF;", "&#xD800;", "&#x110000;", "&#0;", "&#x1;", "&undefined;", "a & b",
           std::string("nul\0byte", 8), "\xED\xA0\x80", "\xC0\xAF", "\xEF\xBF\xBF", "\xFF"}) {
    SCOPED_TRACE(name);
    Expect20012(SyncNamed(name));
  }
  Expect20012(SyncNamed("&#xFFFF;"), "&amp;#xFFFF; is not an XML character");
  Expect20012(SyncNamed("&nbsp;"), "undefined entity &amp;nbsp;");
  server_.Stop();
  const auto dump = nlohmann::json::parse(server_.ReadDump());  // throws on invalid UTF-8
  EXPECT_FALSE(dump["counters"]["objects"].contains("CREATED"));
}

// gzip of `text` (zlib's gzip wrapper, windowBits 16 + 15).
std::string Gzip(const std::string& text) {
  z_stream z{};
  std::string out(text.size() + 1024, '\0');
  if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + 15, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    return "";
  }
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  z.avail_in = static_cast<uInt>(text.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return rc == Z_STREAM_END ? out : "";
}

TEST_F(UnparsableTest, CompressedBodiesAreCheckedAfterInflating) {
  const auto body = [](const std::string& name) {
    return SignedEnvelope(SyncBody(
        "INSERT", "<mObject><type>Opportunity</type><attribList><attrib><name>Name</name><value>" +
                      name + "</value></attrib></attribList></mObject>"));
  };
  RawSocket ok(server_.port());
  ASSERT_TRUE(ok.Send(RawPost(Gzip(body("zipped")), "Content-Encoding: gzip\r\n")));
  bool closed = false;
  const std::string got = ok.ReadUntil(milliseconds(5000), &closed);
  EXPECT_EQ(got.rfind("HTTP/1.1 200", 0), 0u) << got;
  EXPECT_NE(got.find("CREATED"), std::string::npos) << got;
  Expect20012(RawPost(Gzip(body("&#xFFFF;")), "Content-Encoding: gzip\r\n"),
              "is not an XML character");
}

TEST_F(UnparsableTest, AllowedCharactersStillWork) {
  for (const std::string& name :
       std::vector<std::string>{"&lt;&gt;&amp;&quot;&apos;", "&#x10FFFF;&#xE000;&#9;",
                                "caf\xC3\xA9 \xF0\x9F\x98\x80", "<![CDATA[a & b <c>]]>"}) {
    RawSocket s(server_.port());
    ASSERT_TRUE(s.Send(SyncNamed(name)));
    bool closed = false;
    const std::string got = s.ReadUntil(milliseconds(5000), &closed);
    EXPECT_EQ(got.rfind("HTTP/1.1 200", 0), 0u) << name << ": " << got;
    EXPECT_NE(got.find("CREATED"), std::string::npos) << name << ": " << got;
  }
}

}  // namespace
}  // namespace marketo_test
