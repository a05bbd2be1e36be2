// The static-list operations through the real gSOAP connection over the Wire seam: the XML they
// send (schema order, the CSV of importToList, campaignName nil), canned answers (a non-member
// check, nil status fields), and their retry rules when an answer is lost.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "marketo/list_client.h"
#include "operations/soap_connection.h"
#include "support/fake_connection.h"
#include "support/scripted_wire.h"
#include "support/test_xml.h"

namespace {

using marketo::ImportStatus;
using marketo::LeadKey;
using marketo::ListClient;
using marketo::ListKey;
using marketo::StatusCode;
using marketo_test::Envelope;
using marketo_test::FlattenXml;
using marketo_test::HttpReply;
using marketo_test::ScriptedWire;
using ::testing::Contains;
using ::testing::HasSubstr;

class ListWireTest : public ::testing::Test {
 protected:
  marketo::ClientOptions Options() {
    marketo::ClientOptions o;
    o.endpoint = "http://mock.invalid/soap/mktows/3_1";
    o.credentials = {"demo17_1_809934544BFABAE58E5D27", "s3cret-Key-42"};
    time_.Install(o);
    o.retry.backoff.jitter = marketo::Jitter::kNone;
    return o;
  }
  ListClient Client() {
    return ListClient(marketo::internal::MakeSoapConnection(Options(), wire_));
  }
  ListClient Stack() { return ListClient(marketo::internal::MakeConnection(Options(), wire_)); }
  std::vector<std::string> Body() {
    std::vector<std::string> body;
    for (const auto& line : FlattenXml(wire_->LastBody())) {
      if (line.rfind("/Envelope/Body/", 0) == 0) body.push_back(line);
    }
    return body;
  }

  marketo_test::FakeTime time_;
  std::shared_ptr<ScriptedWire> wire_ = std::make_shared<ScriptedWire>();
};

// S6's shape: a membership check where the second lead is no member.
std::string MemberReply() {
  return HttpReply(Envelope(
      "<ns1:successListOperation><result><success>false</success><statusList>"
      "<leadStatus><leadKey><keyType>IDNUM</keyType><keyValue>7</keyValue></leadKey>"
      "<status>true</status></leadStatus>"
      "<leadStatus><leadKey><keyType>IDNUM</keyType><keyValue>8</keyValue></leadKey>"
      "<status>false</status></leadStatus></statusList></result></ns1:successListOperation>"));
}

TEST_F(ListWireTest, ListOperationGoesOutInSchemaOrderAndANonMemberIsAnAnswer) {
  wire_->Push(MemberReply());
  auto r = Client().IsMemberOfList(ListKey::Name("Webinar Attendees Q1 2013"),
                                   {LeadKey::Id(7), LeadKey::Id(8)});
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_TRUE(r.results[0].status);
  EXPECT_FALSE(r.results[1].status);
  EXPECT_TRUE(r.results[1].call_status.ok());
  EXPECT_THAT(wire_->requests[0],
              HasSubstr("SOAPAction: \"http://www.marketo.com/mktows/listOperation\""));
  const std::string p = "/Envelope/Body/paramsListOperation/";
  const std::vector<std::string> want = {
      p + "listOperation=ISMEMBEROFLIST",
      p + "listKey/keyType=MKTOLISTNAME",
      p + "listKey/keyValue=Webinar Attendees Q1 2013",
      p + "listKey=",
      p + "listMemberList/leadKey/keyType=IDNUM",
      p + "listMemberList/leadKey/keyValue=7",
      p + "listMemberList/leadKey=",
      p + "listMemberList/leadKey/keyType=IDNUM",
      p + "listMemberList/leadKey/keyValue=8",
      p + "listMemberList/leadKey=",
      p + "listMemberList=",
      "/Envelope/Body/paramsListOperation=",
  };
  EXPECT_EQ(Body(), want);  // no strict unless asked for

  wire_->Push(MemberReply());
  auto one = Client().ListOperation({marketo::ListOperationType::kAddToList,
                                     ListKey::Name("L"),
                                     {LeadKey::Id(7), LeadKey::Id(8)},
                                     true});
  ASSERT_TRUE(one.ok());
  EXPECT_FALSE(one->success);
  ASSERT_EQ(one->statuses.size(), 2u);
  EXPECT_EQ(one->statuses[1].key, LeadKey::Id(8));
  EXPECT_THAT(Body(), Contains(p + "strict=true"));
  EXPECT_THAT(Body(), Contains(p + "listOperation=ADDTOLIST"));
}

TEST_F(ListWireTest, ImportWritesTheCsvAndSendsANilCampaign) {
  wire_->Push(
      HttpReply(Envelope("<ns1:successImportToList><result><importStatus>PROCESSING"
                         "</importStatus></result></ns1:successImportToList>")));
  marketo::ImportToListRequest r;
  r.program_name = "Q3 Webinar Series";
  r.list_name = "Trade Show Leads";
  r.columns = {"Email Address", "Company Name", "{{my.Note}}"};
  r.rows = {{"a@example.com", "Acme, Inc.", "say \"hi\""}, {"b@example.com", "", "two\nlines"}};
  r.mode = marketo::ImportListMode::kListOnly;
  r.clear_list = true;
  auto got = Client().ImportToList(r);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(got->status, ImportStatus::kProcessing);
  EXPECT_EQ(got->raw_status, "PROCESSING");
  const std::string body = wire_->LastBody();
  EXPECT_THAT(body, HasSubstr("<importFileHeader>Email Address,Company Name,{{my.Note}}"
                              "</importFileHeader>"));
  EXPECT_THAT(body, HasSubstr("<stringItem>a@example.com,\"Acme, Inc.\",\"say \"\"hi\"\"\""
                              "</stringItem>"));
  EXPECT_THAT(body, HasSubstr("<stringItem>b@example.com,,\"two\nlines\"</stringItem>"));
  EXPECT_THAT(body, HasSubstr("<campaignName xsi:nil=\"true\"/>"));
  const std::string p = "/Envelope/Body/paramsImportToList/";
  const auto xml = Body();
  EXPECT_THAT(xml, Contains(p + "programName=Q3 Webinar Series"));
  EXPECT_THAT(xml, Contains(p + "importListMode=LISTONLY"));
  EXPECT_THAT(xml, Contains(p + "listName=Trade Show Leads"));
  EXPECT_THAT(xml, Contains(p + "clearList=true"));
  // Schema order: programName, header, rows, mode, listName, clearList, campaignName.
  EXPECT_LT(body.find("<programName>"), body.find("<importFileHeader>"));
  EXPECT_LT(body.find("<importFileRows>"), body.find("<importListMode>"));
  EXPECT_LT(body.find("<listName>"), body.find("<clearList>"));
  EXPECT_LT(body.find("<clearList>"), body.find("<campaignName"));
}

// XML readers turn a raw CR into LF, so a CR in a cell must travel as a character reference.
TEST_F(ListWireTest, ACarriageReturnInACellSurvivesTheXml) {
  wire_->Push(
      HttpReply(Envelope("<ns1:successImportToList><result><importStatus>PROCESSING"
                         "</importStatus></result></ns1:successImportToList>")));
  marketo::ImportToListRequest r;
  r.program_name = "P";
  r.list_name = "L";
  r.columns = {"Email", "Address"};
  r.rows = {{"a@example.com", "1 Main St\r\nSuite 2"}};
  ASSERT_TRUE(Client().ImportToList(r).ok());
  EXPECT_THAT(wire_->LastBody(), HasSubstr("a@example.com,\"1 Main St&#xD;\nSuite 2\""));
}

TEST_F(ListWireTest, StatusReadsEveryFieldAndLeavesNilsAbsent) {
  wire_->Push(HttpReply(Envelope(
      "<ns1:successGetImportToListStatus><result><status>COMPLETE</status>"
      "<startedTime>2026-01-01T00:00:00Z</startedTime><endedTime>2026-01-01T00:00:03Z"
      "</endedTime><estimatedTime xsi:nil=\"true\"/><estimatedRows>3</estimatedRows>"
      "<rowsImported>2</rowsImported><rowsFailed>1</rowsFailed><rowsIgnored>0</rowsIgnored>"
      "<importSummary>2 imported</importSummary></result></ns1:successGetImportToListStatus>")));
  auto got = Client().GetImportStatus({"Q3 Webinar Series", "Trade Show Leads"});
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(got->status, ImportStatus::kComplete);
  ASSERT_TRUE(got->started && got->ended);
  EXPECT_EQ(*got->ended - *got->started, std::chrono::seconds(3));
  EXPECT_FALSE(got->estimated_time.has_value());
  EXPECT_EQ(got->estimated_rows, 3);
  EXPECT_EQ(got->rows_imported, 2);
  EXPECT_EQ(got->rows_failed, 1);
  EXPECT_EQ(got->rows_ignored, 0);
  EXPECT_EQ(got->summary, "2 imported");
  const std::string p = "/Envelope/Body/paramsGetImportToListStatus/";
  EXPECT_EQ(Body(), (std::vector<std::string>{p + "programName=Q3 Webinar Series",
                                              p + "listName=Trade Show Leads",
                                              "/Envelope/Body/paramsGetImportToListStatus="}));
}

TEST_F(ListWireTest, ALostImportIsNotRepeatedButALostListOperationIs) {
  wire_->Push(std::nullopt);  // the connection dies after the request was sent
  marketo::ImportToListRequest r;
  r.program_name = "P";
  r.list_name = "L";
  r.columns = {"Email"};
  r.rows = {{"a@example.com"}};
  ListClient client = Stack();
  auto lost = client.ImportToList(r);
  EXPECT_EQ(lost.status().code(), StatusCode::kUnavailable);
  EXPECT_THAT(lost.status().message(), HasSubstr("not retried"));
  EXPECT_EQ(wire_->requests.size(), 1u);

  wire_->Push(std::nullopt);
  wire_->Push(MemberReply());
  auto again = client.AddToList(ListKey::Name("L"), {LeadKey::Id(7), LeadKey::Id(8)});
  ASSERT_TRUE(again.status.ok()) << again.status.ToString();
  EXPECT_EQ(wire_->requests.size(), 3u);  // membership is a set: repeated
}

TEST_F(ListWireTest, AStatusListOfTheWrongLengthIsAMismatch) {
  wire_->Push(MemberReply());
  auto r = Client().ListOperation(
      {marketo::ListOperationType::kAddToList, ListKey::Name("L"), {LeadKey::Id(7)}, {}});
  EXPECT_EQ(r.status().code(), StatusCode::kResponseMismatch);
}

}  // namespace
