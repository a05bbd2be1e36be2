// marketo-mock-server on the wire: raw SOAP over loopback HTTP, no SDK involved.
#include <gtest/gtest.h>

#include <ctime>
#include <regex>

#include "test_util.h"

namespace marketo_test {
namespace {

using marketo_test::AuthHeaderXml;
using marketo_test::kMockEncryptionKey;
using marketo_test::kMockUserId;
using marketo_test::PostSoap;
using marketo_test::SoapEnvelope;
using marketo_test::W3cTimestamp;

class WireTest : public ::testing::Test {
 protected:
  MockServerProcess server_;
};

void ExpectFault(const HttpResponse& r, int code, const std::string& text) {
  EXPECT_EQ(r.status, 500) << r.body;
  EXPECT_NE(r.headers.at("content-type").find("text/xml"), std::string::npos);
  EXPECT_EQ(Text(r.body, "faultcode"), "SOAP-ENV:Client");
  EXPECT_EQ(Text(r.body, "faultstring"), std::to_string(code) + " - " + text);
  EXPECT_EQ(Text(r.body, "name"), "mktServiceException");
  EXPECT_EQ(Text(r.body, "code"), std::to_string(code));
  const std::string message = Text(r.body, "message");
  const std::string suffix = " (" + std::to_string(code) + ")";
  ASSERT_GE(message.size(), suffix.size());
  EXPECT_EQ(message.substr(message.size() - suffix.size()), suffix);
  EXPECT_NE(r.body.find("serviceException xmlns:ns1=\"http://www.marketo.com/mktows/\""),
            std::string::npos);
}

TEST_F(WireTest, ListeningLineNamesAFreeLoopbackPort) {
  EXPECT_TRUE(
      std::regex_match(server_.url(), std::regex(R"(http://127\.0\.0\.1:[0-9]+/soap/mktows/3_1)")));
  EXPECT_GT(server_.port(), 0);
  MockServerProcess second;  // --port 0 twice: two different free ports
  EXPECT_NE(second.port(), server_.port());
}

TEST_F(WireTest, SeedSamplesSucceedUnchanged) {
  auto r = Call(server_, "syncMObjects", kSeedProgramCost);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Text(r.body, "id"), "1970");
  EXPECT_EQ(Text(r.body, "status"), "UPDATED");

  r = Call(server_, "syncMObjects", kSeedOpportunity);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Text(r.body, "status"), "CREATED");
  EXPECT_NE(Text(r.body, "id"), "");

  r = Call(server_, "syncMObjects", kSeedPersonRole);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Text(r.body, "status"), "CREATED");

  // Same cost again: nothing changes.
  r = Call(server_, "syncMObjects", kSeedProgramCost);
  EXPECT_EQ(Text(r.body, "status"), "UNCHANGED");
}

TEST_F(WireTest, ResponsesCarryNoSoapHeader) {
  const auto ok = Call(server_, "listMObjects", kListBody);
  ASSERT_EQ(ok.status, 200);
  EXPECT_EQ(ok.body.find("Header"), std::string::npos) << ok.body;
  EXPECT_EQ(ok.body.find("requestSignature"), std::string::npos);
  const auto bad = PostSoap(
      server_.url(), "listMObjects",
      SoapEnvelope(AuthHeaderXml(kMockUserId, "wrong-key-123", W3cTimestamp(std::time(nullptr))),
                   kListBody));
  ASSERT_EQ(bad.status, 500);
  EXPECT_EQ(bad.body.find("Header"), std::string::npos) << bad.body;
  EXPECT_EQ(bad.body.find("requestSignature"), std::string::npos);
}

TEST_F(WireTest, WrongSignatureIs20014WithMarketoFaultShape) {
  const auto r = PostSoap(
      server_.url(), "listMObjects",
      SoapEnvelope(AuthHeaderXml(kMockUserId, "wrong-key-123", W3cTimestamp(std::time(nullptr))),
                   kListBody));
  ExpectFault(r, 20014, "Authentication failed");
  EXPECT_EQ(Text(r.body, "message"), "Authentication failed (20014)");
}

TEST_F(WireTest, WrongUserIdIs20014) {
  ExpectFault(
      PostSoap(server_.url(), "listMObjects",
               SoapEnvelope(AuthHeaderXml("someoneelse_0123456789ABCDEF012345", kMockEncryptionKey,
                                          W3cTimestamp(std::time(nullptr))),
                            kListBody)),
      20014, "Authentication failed");
}

TEST_F(WireTest, MissingHeaderIs20014) {
  ExpectFault(PostSoap(server_.url(), "listMObjects", SoapEnvelope("", kListBody)), 20014,
              "Authentication failed");
}

TEST_F(WireTest, StaleOrFutureTimestampIs20016) {
  for (std::time_t delta : {-901, -86400, 901}) {
    const auto r = PostSoap(server_.url(), "listMObjects",
                            SoapEnvelope(AuthHeaderXml(kMockUserId, kMockEncryptionKey,
                                                       W3cTimestamp(std::time(nullptr) + delta)),
                                         kListBody));
    ExpectFault(r, 20016, "Request Expired");
  }
  // The doc's own example timestamp is long expired.
  ExpectFault(PostSoap(server_.url(), "listMObjects",
                       SoapEnvelope(AuthHeaderXml(kMockUserId, kMockEncryptionKey,
                                                  "2013-06-09T14:04:54-08:00"),
                                    kListBody)),
              20016, "Request Expired");
}

TEST_F(WireTest, UnparsableTimestampIs20016) {
  ExpectFault(PostSoap(server_.url(), "listMObjects",
                       SoapEnvelope(AuthHeaderXml(kMockUserId, kMockEncryptionKey, "yesterday"),
                                    kListBody)),
              20016, "Request Expired");
}

TEST_F(WireTest, SyncStatusesFollowTheReference) {
  const std::string opp64 = "<mObject><type>Opportunity</type><id>64</id></mObject>";
  const std::string program_insert =
      "<mObject><type>Program</type><id>1970</id><typeAttribList><typeAttrib><attrType>Tag"
      "</attrType><attrList>" +
      Attrib("Type", "Channel") + Attrib("Value", "Blog") +
      "</attrList></typeAttrib></typeAttribList></mObject>";
  auto r = Call(server_, "syncMObjects", SyncBody("INSERT", opp64 + program_insert));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Texts(r.body, "status"), (std::vector<std::string>{"SKIPPED", "FAILED"}));
  EXPECT_EQ(Texts(r.body, "id"), (std::vector<std::string>{"64", "1970"}));
  EXPECT_NE(Text(r.body, "error").find("UPDATE"), std::string::npos);

  // UPDATE of an unknown id -> SKIPPED; of an existing one without change -> UNCHANGED; with a
  // change -> UPDATED.
  const std::string unknown = "<mObject><type>Opportunity</type><id>999999</id><attribList>" +
                              Attrib("Stage", "Closed") + "</attribList></mObject>";
  const std::string same = "<mObject><type>Opportunity</type><id>64</id><attribList>" +
                           Attrib("ExternalOpportunityId", "OPP-0064") + "</attribList></mObject>";
  const std::string change = "<mObject><type>Opportunity</type><id>64</id><attribList>" +
                             Attrib("Stage", "Negotiation X") + "</attribList></mObject>";
  r = Call(server_, "syncMObjects", SyncBody("UPDATE", unknown + same + change));
  EXPECT_EQ(Texts(r.body, "status"), (std::vector<std::string>{"SKIPPED", "UNCHANGED", "UPDATED"}));

  // Unknown tag value and tag type -> FAILED with a message; unknown object type -> FAILED, id nil.
  const std::string bad_tag =
      "<mObject><type>Program</type><id>1970</id><typeAttribList><typeAttrib><attrType>Tag"
      "</attrType><attrList>" +
      Attrib("Type", "Channel") + Attrib("Value", "Carrier Pigeon") +
      "</attrList></typeAttrib></typeAttribList></mObject>";
  const std::string bad_type =
      "<mObject><type>Program</type><id>1970</id><typeAttribList><typeAttrib><attrType>Tag"
      "</attrType><attrList>" +
      Attrib("Type", "Mood") + Attrib("Value", "Happy") +
      "</attrList></typeAttrib></typeAttribList></mObject>";
  const std::string good_tag =
      "<mObject><type>Program</type><id>1970</id><typeAttribList><typeAttrib><attrType>Tag"
      "</attrType><attrList>" +
      Attrib("Type", "Channel") + Attrib("Value", "Tradeshow") +
      "</attrList></typeAttrib></typeAttribList></mObject>";
  const std::string lead = "<mObject><type>Lead</type></mObject>";
  r = Call(server_, "syncMObjects", SyncBody("UPDATE", bad_tag + bad_type + good_tag + lead));
  EXPECT_EQ(Texts(r.body, "status"),
            (std::vector<std::string>{"FAILED", "FAILED", "UPDATED", "FAILED"}));
  EXPECT_EQ(Texts(r.body, "error").size(), 3u);
  EXPECT_NE(r.body.find("<id xsi:nil=\"true\"/>"), std::string::npos) << r.body;
}

TEST_F(WireTest, SyncOfRolesAndAssociations) {
  // Role with an unknown person -> FAILED; resolved through associations by externalKey -> CREATED.
  const std::string bad = "<mObject><type>OpportunityPersonRole</type><attribList>" +
                          Attrib("OpportunityId", "64") + Attrib("PersonId", "424242") +
                          "</attribList></mObject>";
  const std::string by_assoc =
      "<mObject><type>OpportunityPersonRole</type><attribList>" + Attrib("Role", "Evaluator") +
      "</attribList><associationList>"
      "<mObjAssociation><mObjType>Opportunity</mObjType><externalKey><name>"
      "ExternalOpportunityId</name><value>OPP-0064</value></externalKey></mObjAssociation>"
      "<mObjAssociation><mObjType>Lead</mObjType><id>19</id></mObjAssociation>"
      "</associationList></mObject>";
  const std::string unresolvable =
      "<mObject><type>Opportunity</type><attribList>" + Attrib("Name", "x") +
      "</attribList><associationList><mObjAssociation><mObjType>Company</mObjType><externalKey>"
      "<name>ExternalCompanyId</name><value>NOPE</value></externalKey></mObjAssociation>"
      "</associationList></mObject>";
  auto r = Call(server_, "syncMObjects", SyncBody("INSERT", bad + by_assoc + unresolvable));
  EXPECT_EQ(Texts(r.body, "status"), (std::vector<std::string>{"FAILED", "CREATED", "FAILED"}));

  // INSERT by external key twice: the second is SKIPPED with the first one's id.
  const std::string keyed =
      "<mObject><type>Opportunity</type><externalKey><name>ExternalOpportunityId</name><value>"
      "NEW-1</value></externalKey><attribList>" +
      Attrib("Name", "Keyed") + "</attribList></mObject>";
  r = Call(server_, "syncMObjects", SyncBody("INSERT", keyed));
  ASSERT_EQ(Text(r.body, "status"), "CREATED");
  const std::string id = Text(r.body, "id");
  r = Call(server_, "syncMObjects", SyncBody("INSERT", keyed));
  EXPECT_EQ(Text(r.body, "status"), "SKIPPED");
  EXPECT_EQ(Text(r.body, "id"), id);
  r = Call(server_, "syncMObjects", SyncBody("UPSERT", keyed));
  EXPECT_EQ(Text(r.body, "status"), "UNCHANGED");
}

TEST_F(WireTest, MoreThan100ObjectsIsAFault) {
  std::string objects;
  for (int i = 0; i < 101; ++i) {
    objects += "<mObject><type>Opportunity</type><attribList>" +
               Attrib("Name", "bulk " + std::to_string(i)) + "</attribList></mObject>";
  }
  ExpectFault(Call(server_, "syncMObjects", SyncBody("INSERT", objects)), 20110, "Bad Parameter");
  // Exactly 100 is fine.
  const auto cut = objects.rfind("<mObject>");
  const auto r = Call(server_, "syncMObjects", SyncBody("INSERT", objects.substr(0, cut)));
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(Texts(r.body, "status").size(), 100u);
}

TEST_F(WireTest, GetMObjectsPagesAcrossBatchesWithDetails) {
  std::string token;
  std::vector<std::string> ids;
  int pages = 0;
  for (bool more = true; more; ++pages) {
    ASSERT_LT(pages, 10);
    const std::string body =
        "<ns1:paramsGetMObjects><type>Program</type><includeDetails>true</includeDetails>" +
        (token.empty() ? std::string() : "<streamPosition>" + token + "</streamPosition>") +
        "</ns1:paramsGetMObjects>";
    const auto r = Call(server_, "getMObjects", body);
    ASSERT_EQ(r.status, 200) << r.body;
    const auto page_ids = Texts(r.body, "id");
    EXPECT_LE(page_ids.size(), 100u);
    EXPECT_EQ(Text(r.body, "returnCount"), std::to_string(page_ids.size()));
    ids.insert(ids.end(), page_ids.begin(), page_ids.end());
    more = Text(r.body, "hasMore") == "true";
    token = Text(r.body, "newStreamPosition");
    if (pages == 0) {
      EXPECT_NE(r.body.find("<name>Tree Path</name>"), std::string::npos);
      EXPECT_NE(r.body.find("<attrType>Tag</attrType>"), std::string::npos);
    }
  }
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(ids.size(), 241u);  // 251 programs, 10 archived are excluded by default
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), ids.size());

  const auto bad = Call(server_, "getMObjects",
                        "<ns1:paramsGetMObjects><type>Program</type><streamPosition>garbage"
                        "</streamPosition></ns1:paramsGetMObjects>");
  ExpectFault(bad, 20122, "Bad Stream Position");
}

TEST_F(WireTest, GetMObjectsCriteria) {
  auto r = Call(server_, "getMObjects",
                "<ns1:paramsGetMObjects><type>Program</type><mObjCriteriaList>"
                "<mObjCriteria><attrName>Id</attrName><comparison>LE</comparison>"
                "<attrValue>1010</attrValue></mObjCriteria>"
                "<mObjCriteria><attrName>Name</attrName><comparison>NE</comparison>"
                "<attrValue>Program 1001</attrValue></mObjCriteria>"
                "</mObjCriteriaList></ns1:paramsGetMObjects>");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Texts(r.body, "id").size(), 9u);
  EXPECT_EQ(Text(r.body, "id"), "1002");

  r = Call(server_, "getMObjects",
           "<ns1:paramsGetMObjects><type>OpportunityPersonRole</type><mObjCriteriaList>"
           "<mObjCriteria><attrName>Role</attrName><comparison>EQ</comparison>"
           "<attrValue>Evaluator</attrValue></mObjCriteria></mObjCriteriaList>"
           "</ns1:paramsGetMObjects>");
  EXPECT_EQ(Texts(r.body, "id"), (std::vector<std::string>{"5"}));

  r = Call(server_, "getMObjects",
           "<ns1:paramsGetMObjects><type>Opportunity</type><mObjAssociationList>"
           "<mObjAssociation><mObjType>Company</mObjType><externalKey><name>ExternalCompanyId"
           "</name><value>COMP-001</value></externalKey></mObjAssociation>"
           "</mObjAssociationList></ns1:paramsGetMObjects>");
  EXPECT_EQ(Texts(r.body, "mObject").size(), 6u);  // 50..79 with id % 5 == 0

  ExpectFault(Call(server_, "getMObjects",
                   "<ns1:paramsGetMObjects><type>Widget</type></ns1:paramsGetMObjects>"),
              20110, "Bad Parameter");
}

TEST_F(WireTest, DeleteMObjects) {
  const auto r = Call(server_, "deleteMObjects",
                      "<ns1:paramsDeleteMObjects><mObjectList>"
                      "<mObject><type>Opportunity</type><id>64</id></mObject>"
                      "<mObject><type>Opportunity</type><id>64</id></mObject>"
                      "<mObject><type>Program</type><id>1970</id></mObject>"
                      "</mObjectList></ns1:paramsDeleteMObjects>");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Texts(r.body, "status"), (std::vector<std::string>{"DELETED", "UNCHANGED", "FAILED"}));
}

TEST_F(WireTest, DescribeAndList) {
  auto r = Call(server_, "listMObjects", kListBody);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Texts(r.body, "objects"),
            (std::vector<std::string>{"ActivityRecord", "LeadRecord", "Opportunity",
                                      "OpportunityPersonRole"}));
  r = Call(server_, "describeMObject",
           "<ns1:paramsDescribeMObject><objectName>ActivityRecord</objectName>"
           "</ns1:paramsDescribeMObject>");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto names = Texts(r.body, "name");
  // metadata name, then the 11 fields of docs/protocol.md ("MObjects", describeMObject) in order.
  EXPECT_EQ(names, (std::vector<std::string>{"ActivityRecord", "id", "activityDateTime",
                                             "activityType", "mktgAssetName", "activityAttributes",
                                             "campaign", "personName", "mktPersonId",
                                             "foreignSysId", "orgName", "foreignSysOrgId"}));
  EXPECT_EQ(Text(r.body, "isVirtual"), "true");
  for (const char* n : {"LeadRecord", "Opportunity", "OpportunityPersonRole"}) {
    r = Call(server_, "describeMObject",
             std::string("<ns1:paramsDescribeMObject><objectName>") + n +
                 "</objectName></ns1:paramsDescribeMObject>");
    EXPECT_EQ(r.status, 200) << n;
  }
  ExpectFault(Call(server_, "describeMObject",
                   "<ns1:paramsDescribeMObject><objectName>Widget</objectName>"
                   "</ns1:paramsDescribeMObject>"),
              20110, "Bad Parameter");
}

TEST_F(WireTest, OtherOperationsAre20019AndGarbageIs20012) {
  ExpectFault(Call(server_, "noSuchOperation", "<ns1:paramsNoSuchOperation/>"), 20019,
              "Unsupported Operation");
  ExpectFault(Call(server_, "getMObjects",
                   "<ns1:paramsGetMObjects><type>Program</type><bogus/></ns1:paramsGetMObjects>"),
              20012, "Request Not Understood");
}

TEST_F(WireTest, AnyNamespacePrefixIsAccepted) {
  std::string env = marketo_test::SignedEnvelope(kSeedProgramCost);
  for (std::string::size_type p; (p = env.find("ns1")) != std::string::npos;) {
    env.replace(p, 3, "mkto");
  }
  const auto r = PostSoap(server_.url(), "syncMObjects", env);
  EXPECT_EQ(r.status, 200) << r.body;
}

}  // namespace
}  // namespace marketo_test
