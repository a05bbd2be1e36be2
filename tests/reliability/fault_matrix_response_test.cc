// Fault matrix, response content: status counts, unknown values, parser limits, hostile XML.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <vector>

#include "fault_matrix.h"

namespace {
using marketo::MObject;
using marketo::StatusCode;
using marketo::SyncOperation;
using marketo::SyncStatus;
using marketo_test::CountedClient;
using marketo_test::Envelope;
using marketo_test::HttpResponseBytes;
using marketo_test::LoopbackConn;
using marketo_test::LoopbackServer;
using marketo_test::fault_matrix::ExpectNoSecrets;
using marketo_test::fault_matrix::kRawKey;
using marketo_test::fault_matrix::Ok;
using marketo_test::fault_matrix::Options;
using marketo_test::fault_matrix::Reply;
using marketo_test::fault_matrix::SyncStatuses;
using marketo_test::fault_matrix::Timed;
using marketo_test::fault_matrix::TwoOpportunities;
using std::chrono::milliseconds;
using ::testing::HasSubstr;
using ::testing::Not;

// ---- response content -------------------------------------------------------------------

TEST(FaultMatrix, FewerStatusesThanObjectsIsResponseMismatch) {
  LoopbackServer server(Reply(SyncStatuses({"UPDATED"})));
  auto o = Options(server.url());
  CountedClient cc(o);
  auto v = TwoOpportunities();
  auto r = Timed(o, 1, [&] { return cc.client.Sync(v, SyncOperation::kUpdate); });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kResponseMismatch) << r.status().ToString();
  EXPECT_EQ(cc.attempts(), 1);
  ExpectNoSecrets(r.status(), kRawKey);
}

TEST(FaultMatrix, MoreStatusesThanObjectsIsResponseMismatch) {
  LoopbackServer server(Reply(SyncStatuses({"UPDATED", "UPDATED", "CREATED"})));
  auto o = Options(server.url());
  CountedClient cc(o);
  auto v = TwoOpportunities();
  auto r = Timed(o, 1, [&] { return cc.client.Sync(v, SyncOperation::kUpdate); });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kResponseMismatch) << r.status().ToString();
  EXPECT_EQ(cc.attempts(), 1);
}

// Case 13 of issue 15: an UPDATE of id 64 answered CREATED with id 999999 counted as created.
TEST(FaultMatrix, StatusContradictingTheRequestIsNotASuccess) {
  LoopbackServer server(
      Reply(Ok(Envelope("<ns1:successSyncMObjects><result><mObjStatusList>"
                        "<mObjStatus><id>999999</id><status>CREATED</status></mObjStatus>"
                        "<mObjStatus><id>51</id><status>UPDATED</status></mObjStatus>"
                        "</mObjStatusList></result></ns1:successSyncMObjects>"))));
  auto o = Options(server.url());
  CountedClient cc(o);
  std::vector<MObject> v{marketo::Opportunity(64).SetAmount("1"),
                         marketo::Opportunity(51).SetAmount("2")};
  auto r = Timed(o, 1, [&] { return cc.client.Sync(v, SyncOperation::kUpdate); });
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)[0].status, SyncStatus::kUnknown);
  EXPECT_EQ((*r)[0].raw_status, "CREATED");
  EXPECT_THAT((*r)[0].error, HasSubstr("status CREATED contradicts UPDATE"));
  EXPECT_EQ((*r)[1].status, SyncStatus::kUpdated);
  EXPECT_EQ(marketo::Summarize(*r).created, 0u);
}

TEST(FaultMatrix, UnknownStatusValueIsKeptAsUnknown) {
  LoopbackServer server(Reply(SyncStatuses({"UPDATED", "QUANTUM_ENTANGLED"})));
  auto o = Options(server.url());
  CountedClient cc(o);
  auto v = TwoOpportunities();
  auto r = Timed(o, 1, [&] { return cc.client.Sync(v, SyncOperation::kUpdate); });
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)[0].status, SyncStatus::kUpdated);
  EXPECT_EQ((*r)[1].status, SyncStatus::kUnknown);
  EXPECT_EQ((*r)[1].raw_status, "QUANTUM_ENTANGLED");
}

TEST(FaultMatrix, ResponseOverSizeLimitIsMalformed) {
  std::string objects;
  while (objects.size() < std::size_t{300} * 1024) {
    objects += "<objects>" + std::string(1000, 'A') + "</objects>";
  }
  LoopbackServer server(Reply(Ok(Envelope("<ns1:successListMObjects><result>" + objects +
                                          "</result></ns1:successListMObjects>"))));
  auto o = Options(server.url());
  o.max_response_bytes = std::size_t{64} * 1024;
  CountedClient cc(o);
  auto r = Timed(o, 1, [&] { return cc.client.List(); });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kMalformedResponse) << r.status().ToString();
  EXPECT_THAT(r.status().message(), HasSubstr("max_response_bytes"));
  EXPECT_EQ(cc.attempts(), 1);  // permanent: the same answer would come again
  ExpectNoSecrets(r.status(), kRawKey);
}

// gSOAP reads Content-Length as unsigned: "-85" would become a length near 2^64 (found by the
// fuzzer as an allocation of that size). The SDK refuses it, and any length over the limit,
// from the header alone: under every spelling gSOAP takes for that header (it matches the key
// with soap_tag_cmp, where '-' stands for any character), on a success and on an error status
// (whose body gSOAP reads into memory as the error text).
TEST(FaultMatrix, NegativeContentLengthIsMalformed) {
  for (const char* head :
       {"HTTP/1.1 200 OK\r\nContent-Length", "HTTP/1.1 200 OK\r\ncontent-length",
        "HTTP/1.1 200 OK\r\nContentXLength", "HTTP/1.1 505 No\r\nContentmLength"}) {
    SCOPED_TRACE(head);
    LoopbackServer server(Reply(std::string(head) + ": -85\r\nContent-Type: text/xml\r\n\r\n<x/>"));
    auto o = Options(server.url());
    CountedClient cc(o);
    auto r = Timed(o, 1, [&] { return cc.client.List(); });
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kMalformedResponse) << r.status().ToString();
    EXPECT_THAT(r.status().message(), HasSubstr("invalid Content-Length"));
  }
}

TEST(FaultMatrix, AnnouncedLengthOverTheLimitIsRefusedFromTheHeader) {
  LoopbackServer server(
      Reply("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: 2000000000\r\n\r\n<"));
  auto o = Options(server.url());
  CountedClient cc(o);
  auto r = Timed(o, 1, [&] { return cc.client.List(); });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kMalformedResponse) << r.status().ToString();
  EXPECT_THAT(r.status().message(), HasSubstr("max_response_bytes"));
  EXPECT_THAT(r.status().message(), Not(HasSubstr(": (")));  // the limit is named, not empty
}

TEST(FaultMatrix, StringOverLengthLimitIsMalformed) {
  const std::string huge(marketo::internal::kMaxStringLength + 10, 'B');
  LoopbackServer server(Reply(Ok(Envelope("<ns1:successListMObjects><result><objects>" + huge +
                                          "</objects></result></ns1:successListMObjects>"))));
  auto o = Options(server.url());
  o.max_response_bytes = std::size_t{64} * 1024 * 1024;
  CountedClient cc(o);
  auto r = Timed(o, 1, [&] { return cc.client.List(); });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kMalformedResponse) << r.status().ToString();
  EXPECT_THAT(r.status().message(), HasSubstr("parser limit: string-length limit"));
  EXPECT_THAT(r.status().message(), HasSubstr(std::to_string(marketo::internal::kMaxStringLength)));
}

// gSOAP checks "more than maxoccurs items so far" before adding the next one, so the first
// rejected array has kMaxOccurs + 2 items.
TEST(FaultMatrix, TooManyItemsIsMalformed) {
  std::string objects;
  for (std::size_t i = 0; i < marketo::internal::kMaxOccurs + 2; ++i) {
    objects += "<objects>x</objects>";
  }
  LoopbackServer server(Reply(Ok(Envelope("<ns1:successListMObjects><result>" + objects +
                                          "</result></ns1:successListMObjects>"))));
  auto o = Options(server.url());
  CountedClient cc(o);
  auto r = Timed(o, 1, [&] { return cc.client.List(); });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kMalformedResponse) << r.status().ToString();
  EXPECT_THAT(r.status().message(), HasSubstr("parser limit: item-count limit"));
  EXPECT_THAT(r.status().message(), HasSubstr(std::to_string(marketo::internal::kMaxOccurs)));
}

// Deep nesting. gSOAP's maxlevel (kMaxXmlDepth = 32) counts only elements it deserialises, and
// the deepest element path of the mktows schema is 11, so a response cannot get deeper than the
// limit with known elements. What an attacker can send is deep *unknown* markup: inside a string
// element it is kept as literal text, and as an unknown subtree it is skipped; both without
// recursion (100,000 levels would overflow the stack, which ASan would report).
TEST(FaultMatrix, DeepNestingInsideAStringIsLiteralText) {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<n>";
  for (int i = 0; i < 100000; ++i) deep += "</n>";
  LoopbackServer server(Reply(Ok(Envelope("<ns1:successListMObjects><result><objects>" + deep +
                                          "</objects></result></ns1:successListMObjects>"))));
  auto o = Options(server.url());
  CountedClient cc(o);
  auto r = Timed(o, 1, [&] { return cc.client.List(); });
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0], deep);
}

TEST(FaultMatrix, DeepUnknownSubtreeIsSkipped) {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<u>";
  for (int i = 0; i < 100000; ++i) deep += "</u>";
  LoopbackServer server(Reply(Ok(Envelope("<ns1:successListMObjects><result>" + deep +
                                          "<objects>Opportunity</objects></result>"
                                          "</ns1:successListMObjects>"))));
  auto o = Options(server.url());
  CountedClient cc(o);
  auto r = Timed(o, 1, [&] { return cc.client.List(); });
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_THAT(*r, ::testing::ElementsAre("Opportunity"));
}

// A DTD with an external entity and a "billion laughs" chain: gSOAP does no DTD processing, so
// nothing is fetched and nothing expands.
TEST(FaultMatrix, DtdEntitiesAreNeitherExpandedNorFetched) {
  std::atomic<int> fetched{0};
  LoopbackServer evil([&](LoopbackConn& c) {
    ++fetched;
    c.ReadRequest(milliseconds(200));
    c.Write(HttpResponseBytes(200, "text/plain", "EXFILTRATED"));
  });
  std::string dtd = "<!DOCTYPE SOAP-ENV:Envelope [<!ENTITY xxe SYSTEM \"" + evil.url() +
                    "\"><!ENTITY lol \"lol\">";
  std::string prev = "lol";
  for (int i = 1; i <= 9; ++i) {
    const std::string name = "lol" + std::to_string(i);
    dtd += "<!ENTITY " + name + " \"";
    for (int k = 0; k < 10; ++k) dtd += "&" + prev + ";";
    dtd += "\">";
    prev = name;
  }
  dtd += "]>";
  std::string env = Envelope(
      "<ns1:successListMObjects><result><objects>A&xxe;B</objects>"
      "<objects>&lol9;</objects></result></ns1:successListMObjects>");
  env.insert(env.find("<SOAP-ENV:Envelope"), dtd);
  LoopbackServer server(Reply(Ok(env)));
  auto o = Options(server.url());
  CountedClient cc(o);
  auto r = Timed(o, 1, [&] { return cc.client.List(); });
  EXPECT_EQ(fetched.load(), 0);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->size(), 2u);
  // Unknown entities become U+007F; the point is that nothing was substituted or expanded.
  EXPECT_EQ((*r)[0],
            "A\x7f"
            "B");
  EXPECT_LT((*r)[1].size(), 16u);
  EXPECT_THAT((*r)[1], Not(HasSubstr("lollol")));
}

// Regression (found by fuzz/response_fuzzer.cc): a timestamp beyond system_clock's range (about
// 1678-2262 with nanosecond ticks) overflowed in from_time_t, undefined behaviour that UBSan
// reports in the sanitizer build. It now saturates.
TEST(FaultMatrix, FarFutureTimestampSaturates) {
  LoopbackServer server(Reply(
      Ok(Envelope("<ns1:successGetMObjects><result><returnCount>1</returnCount><hasMore>false"
                  "</hasMore><newStreamPosition></newStreamPosition><mObjectList><mObject>"
                  "<type>Program</type><id>1010</id><createdAt>2410-01-01T00:00:00Z</createdAt>"
                  "<updatedAt>1500-01-01T00:00:00Z</updatedAt></mObject></mObjectList></result>"
                  "</ns1:successGetMObjects>"))));
  auto o = Options(server.url());
  CountedClient cc(o);
  marketo::GetMObjectsRequest req;
  req.type = "Program";
  auto r = Timed(o, 1, [&] { return cc.client.Get(req); });
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->objects.size(), 1u);
  const MObject& p = r->objects[0];
  ASSERT_TRUE(p.created_at.has_value());
  ASSERT_TRUE(p.updated_at.has_value());
  const auto year_2262 = std::chrono::system_clock::time_point(std::chrono::hours(24 * 365 * 292));
  EXPECT_GT(*p.created_at, year_2262 - std::chrono::hours(24 * 366));
  EXPECT_LT(*p.updated_at,
            std::chrono::system_clock::time_point() - std::chrono::hours(24 * 365 * 200));
}

}  // namespace
