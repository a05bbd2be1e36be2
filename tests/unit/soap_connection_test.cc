// The real gSOAP connection, driven through the internal Wire seam: real serialisation, auth
// header, HTTP parsing and error mapping, but canned bytes instead of a socket.
#include "operations/soap_connection.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "marketo/auth.h"
#include "marketo/mobject_client.h"
#include "support/scripted_wire.h"
#include "support/test_xml.h"

namespace {

using marketo_test::FaultReply;

using marketo::ClientOptions;
using marketo::MObject;
using marketo::MObjectClient;
using marketo::StatusCode;
using marketo::SyncOperation;
using marketo::SyncStatus;
using marketo_test::Envelope;
using marketo_test::FlattenXml;
using marketo_test::HttpReply;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kUserId[] = "demo17_1_809934544BFABAE58E5D27";
constexpr char kKey[] = "s3cret-Key-42";

using FakeWire = marketo_test::ScriptedWire;

class SoapConnectionTest : public ::testing::Test {
 protected:
  ClientOptions Options() {
    ClientOptions o;
    o.endpoint = "http://mock.invalid/soap/mktows/3_1";
    o.credentials = {kUserId, kKey};
    // 2013-08-05T21:22:45Z, rendered at -07:00 like the seed request.
    o.clock = [this] {
      return std::chrono::system_clock::time_point(std::chrono::seconds(1375737765 + tick_++));
    };
    o.timestamp_utc_offset = std::chrono::hours(-7);
    return o;
  }
  MObjectClient Client(ClientOptions o) {
    return MObjectClient(marketo::internal::MakeSoapConnection(std::move(o), wire_));
  }
  MObjectClient Client() { return Client(Options()); }

  std::shared_ptr<FakeWire> wire_ = std::make_shared<FakeWire>();
  std::atomic<long long> tick_{0};  // the clock is called from every thread of a shared client
};

std::string SyncResponse(const std::string& statuses) {
  return HttpReply(Envelope("<ns1:successSyncMObjects><result><mObjStatusList>" + statuses +
                            "</mObjStatusList></result></ns1:successSyncMObjects>"));
}

std::vector<MObject> SeedProgram() {
  return {marketo::Program(1970).AddCost("2013-06", "2000", 153)};
}

TEST_F(SoapConnectionTest, SeedProgramRequestHasExactlyTheSeedElements) {
  wire_->Push(SyncResponse("<mObjStatus><id>1970</id><status>UPDATED</status></mObjStatus>"));
  auto r = Client().Sync(SeedProgram(), SyncOperation::kUpdate);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(wire_->requests.size(), 1u);
  const std::string& req = wire_->requests[0];
  EXPECT_THAT(req, HasSubstr("POST /soap/mktows/3_1 HTTP/1.1"));
  EXPECT_THAT(req, HasSubstr("SOAPAction: \"http://www.marketo.com/mktows/syncMObjects\""));
  EXPECT_THAT(req, Not(HasSubstr("Accept-Encoding")));
  EXPECT_THAT(req, HasSubstr("User-Agent: marketo-soap/"));

  auto got = FlattenXml(wire_->LastBody());
  auto want = FlattenXml(marketo_test::ReadFile(std::string(MARKETO_TEST_FIXTURES_DIR) +
                                                "/seed_sync_program_cost_request.xml"));
  // The seed's signature was made with a key we do not know; compare it separately.
  const std::string sig_path = "/Envelope/Header/AuthenticationHeader/requestSignature=";
  for (auto* v : {&got, &want}) {
    for (auto& line : *v) {
      if (line.rfind(sig_path, 0) == 0) line = sig_path + "<sig>";
    }
  }
  EXPECT_EQ(got, want);
  EXPECT_THAT(wire_->LastBody(),
              HasSubstr("<requestSignature>" +
                        marketo::ComputeSignature("2013-08-05T14:22:45-07:00", kUserId, kKey) +
                        "</requestSignature>"));
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].id, 1970);
  EXPECT_EQ((*r)[0].status, SyncStatus::kUpdated);
  EXPECT_EQ((*r)[0].raw_status, "UPDATED");
}

TEST_F(SoapConnectionTest, HeaderIsSignedFreshForEveryCall) {
  wire_->Push(SyncResponse("<mObjStatus><id>1</id><status>UPDATED</status></mObjStatus>"));
  wire_->Push(SyncResponse("<mObjStatus><id>1</id><status>UNCHANGED</status></mObjStatus>"));
  auto client = Client();
  std::vector<MObject> v{marketo::Opportunity(1).SetName("x")};
  ASSERT_TRUE(client.Sync(v, SyncOperation::kUpdate).ok());
  auto second = client.Sync(v, SyncOperation::kUpdate);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ((*second)[0].status, SyncStatus::kUnchanged);
  ASSERT_EQ(wire_->requests.size(), 2u);
  EXPECT_THAT(wire_->requests[0], HasSubstr("<requestTimestamp>2013-08-05T14:22:45-07:00<"));
  EXPECT_THAT(wire_->requests[1], HasSubstr("<requestTimestamp>2013-08-05T14:22:46-07:00<"));
  EXPECT_THAT(wire_->requests[1],
              HasSubstr(marketo::ComputeSignature("2013-08-05T14:22:46-07:00", kUserId, kKey)));
}

TEST_F(SoapConnectionTest, OpportunityInsertSerialisesAttributesAndAssociations) {
  wire_->Push(SyncResponse(
      "<mObjStatus><id xsi:nil=\"true\"/><externalKey><name>Ext</name><value>A-1</value>"
      "</externalKey><status>FAILED</status><error>Company not found</error></mObjStatus>"));
  MObject o = marketo::Opportunity().SetName("Q1 <2014> & co").AssociateCompany(5);
  o.SetExternalKey("Ext", "A-1");
  std::vector<MObject> v{o};
  auto r = Client().Sync(v, SyncOperation::kInsert);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  auto flat = FlattenXml(wire_->LastBody());
  const std::string m = "/Envelope/Body/paramsSyncMObjects/mObjectList/mObject";
  EXPECT_THAT(flat, ::testing::IsSupersetOf(std::vector<std::string>{
                        m + "/type=Opportunity",
                        m + "/externalKey/name=Ext",
                        m + "/attribList/attrib/value=Q1 &lt;2014&gt; &amp; co",
                        m + "/associationList/mObjAssociation/mObjType=Company",
                        m + "/associationList/mObjAssociation/id=5",
                        "/Envelope/Body/paramsSyncMObjects/operation=INSERT",
                    }));
  EXPECT_FALSE((*r)[0].id.has_value());
  EXPECT_EQ((*r)[0].status, SyncStatus::kFailed);
  EXPECT_EQ((*r)[0].error, "Company not found");
  EXPECT_EQ((*r)[0].external_key->value, "A-1");
}

TEST_F(SoapConnectionTest, UnknownStatusValue) {
  wire_->Push(SyncResponse("<mObjStatus><id>7</id><status>MERGED</status></mObjStatus>"));
  std::vector<MObject> v{marketo::Opportunity(7)};
  auto r = Client().Sync(v, SyncOperation::kUpdate);
  // wsdl/typemap.dat maps MObjStatusEnum to a string, so an unknown value reaches the SDK.
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)[0].status, SyncStatus::kUnknown);
  EXPECT_EQ((*r)[0].raw_status, "MERGED");
  EXPECT_EQ((*r)[0].id, 7);
}

TEST_F(SoapConnectionTest, StatusCountMismatch) {
  wire_->Push(SyncResponse("<mObjStatus><id>1</id><status>CREATED</status></mObjStatus>"));
  std::vector<MObject> v{marketo::Opportunity().SetName("a"), marketo::Opportunity().SetName("b")};
  auto r = Client().Sync(v, SyncOperation::kInsert);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kResponseMismatch);
  EXPECT_THAT(r.status().message(), HasSubstr("sent 2 objects but got 1 statuses"));
}

TEST_F(SoapConnectionTest, AuthFaultIsTypedAndLeaksNoSecret) {
  wire_->Push(FaultReply(20014, "Authentication failed"));
  std::vector<MObject> v{marketo::Opportunity(1)};
  auto r = Client().Sync(v, SyncOperation::kUpdate);
  ASSERT_FALSE(r.ok());
  const auto& s = r.status();
  EXPECT_EQ(s.code(), StatusCode::kSoapFault);
  EXPECT_EQ(s.marketo_error_code(), 20014);
  EXPECT_EQ(s.fault_code(), "SOAP-ENV:Client");
  EXPECT_EQ(s.http_status(), 500);
  EXPECT_TRUE(s.request_may_have_reached_server());
  EXPECT_THAT(s.message(), HasSubstr("Authentication failed (20014)"));
  const std::string sig = marketo::ComputeSignature("2013-08-05T14:22:45-07:00", kUserId, kKey);
  EXPECT_THAT(s.ToString(), Not(HasSubstr(kKey)));
  EXPECT_THAT(s.ToString(), Not(HasSubstr(sig)));
}

TEST_F(SoapConnectionTest, QuotaFaultIsResourceExhausted) {
  wire_->Push(FaultReply(20023, "Rate Limit Exceeded"));
  auto r = Client().List();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(r.status().marketo_error_code(), 20023);
}

TEST_F(SoapConnectionTest, EchoedSecretInFaultIsScrubbed) {
  const std::string sig = marketo::ComputeSignature("2013-08-05T14:22:45-07:00", kUserId, kKey);
  wire_->Push(FaultReply(20014, std::string("bad signature ") + sig + " key " + kKey));
  auto r = Client().List();
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), Not(HasSubstr(sig)));
  EXPECT_THAT(r.status().message(), Not(HasSubstr(kKey)));
  EXPECT_THAT(r.status().message(), HasSubstr("***"));
}

TEST_F(SoapConnectionTest, Http500Html) {
  wire_->Push(HttpReply("<html><body>Internal Server Error</body></html>",
                        "500 Internal Server Error", "text/html"));
  auto r = Client().List();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kHttpError);
  EXPECT_EQ(r.status().http_status(), 500);
}

TEST_F(SoapConnectionTest, Http503Empty) {
  wire_->Push(HttpReply("", "503 Service Unavailable", "text/plain"));
  auto r = Client().List();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kHttpError);
  EXPECT_EQ(r.status().http_status(), 503);
}

TEST_F(SoapConnectionTest, NonXml200) {
  wire_->Push(HttpReply("this is not xml", "200 OK", "text/plain"));
  auto r = Client().List();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kMalformedResponse);
  EXPECT_EQ(r.status().http_status(), 200);
}

TEST_F(SoapConnectionTest, TruncatedBody) {
  std::string full = SyncResponse("<mObjStatus><id>1</id><status>CREATED</status></mObjStatus>");
  wire_->Push(full.substr(0, full.size() - 60));
  std::vector<MObject> v{marketo::Opportunity().SetName("a")};
  auto r = Client().Sync(v, SyncOperation::kInsert);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kUnavailable);
  EXPECT_THAT(r.status().message(), HasSubstr("before the response was complete"));
  EXPECT_TRUE(r.status().request_may_have_reached_server());
}

TEST_F(SoapConnectionTest, NoResponseAtAll) {
  auto r = Client().List();  // the fake wire answers nothing
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kUnavailable);
}

TEST_F(SoapConnectionTest, WireLogMasksCredentials) {
  std::vector<std::pair<marketo::WireDirection, std::string>> log;
  auto o = Options();
  o.wire_log = [&](marketo::WireDirection d, std::string_view xml) { log.emplace_back(d, xml); };
  wire_->Push(
      HttpReply(Envelope("<ns1:successListMObjects><result><objects>Opportunity</objects></result>"
                         "</ns1:successListMObjects>")));
  auto r = Client(o).List();
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].first, marketo::WireDirection::kRequest);
  EXPECT_EQ(log[0].second.rfind("<?xml", 0), 0u) << "body only, no HTTP headers";
  EXPECT_THAT(log[0].second, HasSubstr("<mktowsUserId>***</mktowsUserId>"));
  EXPECT_THAT(log[0].second, HasSubstr("<requestSignature>***</requestSignature>"));
  EXPECT_THAT(log[0].second, HasSubstr("<requestTimestamp>2013-08-05T14:22:45-07:00<"));
  EXPECT_THAT(log[0].second, Not(HasSubstr(kUserId)));
  EXPECT_THAT(log[0].second, HasSubstr("paramsListMObjects"));
  EXPECT_EQ(log[1].first, marketo::WireDirection::kResponse);
  EXPECT_THAT(log[1].second, HasSubstr("<objects>Opportunity</objects>"));
}

std::string GetPage(const std::string& objects, bool more, const std::string& pos) {
  return HttpReply(
      Envelope("<ns1:successGetMObjects><result><returnCount>1</returnCount>"
               "<hasMore>" +
               std::string(more ? "true" : "false") + "</hasMore><newStreamPosition>" + pos +
               "</newStreamPosition><mObjectList>" + objects +
               "</mObjectList></result></ns1:successGetMObjects>"));
}

TEST_F(SoapConnectionTest, GetPagingOverTheSeam) {
  wire_->Push(GetPage(
      "<mObject><type>Program</type><id>1010</id><createdAt>2013-07-09T16:44:28-05:00</createdAt>"
      "<attribList><attrib><name>Name</name><value>Webinar</value></attrib></attribList>"
      "<typeAttribList><typeAttrib><attrType>Cost</attrType><attrList><attrib><name>Month</name>"
      "<value>2011-07-01</value></attrib></attrList></typeAttrib></typeAttribList></mObject>",
      true, "pos-2"));
  wire_->Push(GetPage("<mObject><type>Program</type><id>1011</id></mObject>", false, ""));
  marketo::GetMObjectsRequest req;
  req.type = "Program";
  req.include_details = true;
  req.criteria.push_back({"Id", marketo::Comparison::kLe, "1010"});
  auto all = Client().GetAll(req);
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  ASSERT_EQ(all->size(), 2u);
  const MObject& p = (*all)[0];
  EXPECT_EQ(p.id, 1010);
  EXPECT_EQ(*p.Find("Name"), "Webinar");
  ASSERT_EQ(p.type_attributes.size(), 1u);
  EXPECT_EQ(p.type_attributes[0].attributes[0].value, "2011-07-01");
  ASSERT_TRUE(p.created_at.has_value());
  EXPECT_EQ(marketo::FormatW3CTimestamp(*p.created_at), "2013-07-09T21:44:28+00:00");
  EXPECT_EQ((*all)[1].id, 1011);
  ASSERT_EQ(wire_->requests.size(), 2u);
  auto first = FlattenXml(wire_->requests[0].substr(wire_->requests[0].find("\r\n\r\n") + 4));
  const std::string g = "/Envelope/Body/paramsGetMObjects";
  EXPECT_THAT(first, ::testing::IsSupersetOf(std::vector<std::string>{
                         g + "/type=Program", g + "/includeDetails=true",
                         g + "/mObjCriteriaList/mObjCriteria/attrName=Id",
                         g + "/mObjCriteriaList/mObjCriteria/comparison=LE",
                         g + "/mObjCriteriaList/mObjCriteria/attrValue=1010"}));
  EXPECT_THAT(wire_->requests[0], Not(HasSubstr("streamPosition")));
  EXPECT_THAT(wire_->requests[1], HasSubstr("<streamPosition>pos-2</streamPosition>"));
}

// Request objects are recycled from call to call on a pooled context: a smaller, plainer request
// after a rich one must carry nothing of the first.
TEST_F(SoapConnectionTest, ReusedContextCarriesNothingOverBetweenRequests) {
  wire_->Push(
      SyncResponse("<mObjStatus><id>7</id><status>CREATED</status></mObjStatus>"
                   "<mObjStatus><id>8</id><status>CREATED</status></mObjStatus>"));
  wire_->Push(SyncResponse("<mObjStatus><id>9</id><status>UPDATED</status></mObjStatus>"));
  wire_->Push(
      HttpReply(Envelope("<ns1:successDeleteMObjects><result><mObjStatusList><mObjStatus><id>9</id>"
                         "<status>DELETED</status></mObjStatus></mObjStatusList></result>"
                         "</ns1:successDeleteMObjects>")));
  auto client = Client();  // one pooled context serves all three calls
  MObject rich = marketo::Opportunity(3).SetName("Rich one").SetStage("Won").AssociateCompany(5);
  rich.SetExternalKey("Ext", "A-1");
  std::vector<MObject> first{rich, marketo::Program(1970).AddCost("2013-06", "2000", 153)};
  auto r1 = client.Sync(first, SyncOperation::kUpdate);
  ASSERT_TRUE(r1.ok()) << r1.status().ToString();
  EXPECT_THAT(wire_->LastBody(), HasSubstr("<externalKey>"));
  EXPECT_THAT(wire_->LastBody(), HasSubstr("<typeAttribList>"));
  EXPECT_THAT(wire_->LastBody(), HasSubstr("<associationList>"));
  std::vector<MObject> second{marketo::Opportunity(9).SetName("Plain")};
  auto r = client.Sync(second, SyncOperation::kUpdate);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const std::string m = "/Envelope/Body/paramsSyncMObjects/mObjectList/mObject";
  std::vector<std::string> body;
  for (const auto& line : FlattenXml(wire_->LastBody())) {
    // Leaves only: containers flatten to "path=" with no text.
    if (line.rfind("/Envelope/Body/", 0) == 0 && line.back() != '=') body.push_back(line);
  }
  EXPECT_THAT(body, ::testing::UnorderedElementsAre(
                        m + "/type=Opportunity", m + "/id=9", m + "/attribList/attrib/name=Name",
                        m + "/attribList/attrib/value=Plain",
                        "/Envelope/Body/paramsSyncMObjects/operation=UPDATE"));
  ASSERT_TRUE(client.Remove(second).ok());
  EXPECT_THAT(wire_->LastBody(), Not(HasSubstr("Plain")));
  EXPECT_THAT(wire_->LastBody(), Not(HasSubstr("attrib")));
  EXPECT_THAT(wire_->LastBody(), HasSubstr("<id>9</id>"));
}

TEST_F(SoapConnectionTest, DeleteSendsOnlyTypeAndId) {
  wire_->Push(HttpReply(
      Envelope("<ns1:successDeleteMObjects><result><mObjStatusList><mObjStatus><id>42</id>"
               "<status>DELETED</status></mObjStatus></mObjStatusList></result>"
               "</ns1:successDeleteMObjects>")));
  std::vector<MObject> v{marketo::Opportunity(42).SetName("ignored")};
  auto r = Client().Remove(v);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)[0].status, SyncStatus::kDeleted);
  EXPECT_THAT(wire_->LastBody(), Not(HasSubstr("ignored")));
  EXPECT_THAT(wire_->LastBody(), HasSubstr("<id>42</id>"));
}

TEST_F(SoapConnectionTest, DescribeParsesMetadataWithNils) {
  wire_->Push(HttpReply(Envelope(
      "<ns1:successDescribeMObject><result><metadata><name>ActivityRecord</name>"
      "<description xsi:nil=\"true\"/><isCustom>false</isCustom><isVirtual>true</isVirtual>"
      "<fieldList><field><name>id</name><description>Id</description>"
      "<displayName xsi:nil=\"true\"/><sourceObject>Event</sourceObject><dataType>integer"
      "</dataType><size>10</size><isReadonly>true</isReadonly><isUpdateBlocked>true"
      "</isUpdateBlocked><isName>false</isName><isPrimaryKey>true</isPrimaryKey><isCustom>false"
      "</isCustom><isDynamic>false</isDynamic><dynamicFieldRef xsi:nil=\"true\"/><updatedAt>"
      "2010-01-01T00:00:00+00:00</updatedAt></field></fieldList><updatedAt>"
      "2010-01-01T00:00:00+00:00</updatedAt></metadata></result></ns1:successDescribeMObject>")));
  auto md = Client().Describe("ActivityRecord");
  ASSERT_TRUE(md.ok()) << md.status().ToString();
  EXPECT_EQ(md->name, "ActivityRecord");
  EXPECT_FALSE(md->description.has_value());
  EXPECT_TRUE(md->is_virtual);
  ASSERT_EQ(md->fields.size(), 1u);
  EXPECT_EQ(md->fields[0].size, 10);
  EXPECT_FALSE(md->fields[0].display_name.has_value());
  EXPECT_TRUE(md->fields[0].is_primary_key);
  EXPECT_EQ(marketo::FormatW3CTimestamp(md->updated_at), "2010-01-01T00:00:00+00:00");
  EXPECT_THAT(wire_->LastBody(), HasSubstr("<objectName>ActivityRecord</objectName>"));
}

TEST_F(SoapConnectionTest, ValidationFailureSendsNothing) {
  std::vector<MObject> v{marketo::Program(1).AddCost("2013/06", "1")};
  auto r = Client().Sync(v, SyncOperation::kUpdate);
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(wire_->requests.empty());
}

TEST_F(SoapConnectionTest, SharedClientAcrossThreads) {
  constexpr int kThreads = 4, kCalls = 25;
  for (int i = 0; i < kThreads * kCalls; ++i) {
    wire_->Push(HttpReply(
        Envelope("<ns1:successListMObjects><result><objects>Opportunity</objects></result>"
                 "</ns1:successListMObjects>")));
  }
  auto o = Options();
  o.max_connections = 2;
  auto client = Client(o);
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, client]() mutable {
      for (int i = 0; i < kCalls; ++i) ok += client.List().ok() ? 1 : 0;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), kThreads * kCalls);
}

}  // namespace
