// The lead operations through the real gSOAP connection over the Wire seam: the XML they send
// (both SOAP headers for syncLead), canned responses with nil and empty values, faults, and the
// retry rule of syncMultipleLeads without de-duplication.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "marketo/error_codes.h"
#include "marketo/lead_client.h"
#include "operations/soap_connection.h"
#include "support/fake_connection.h"
#include "support/scripted_wire.h"
#include "support/test_xml.h"

namespace {

using marketo::LeadClient;
using marketo::LeadKey;
using marketo::LeadRecord;
using marketo::LeadSyncStatus;
using marketo::StatusCode;
using marketo_test::Envelope;
using marketo_test::FaultReply;
using marketo_test::FlattenXml;
using marketo_test::HttpReply;
using marketo_test::ScriptedWire;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

class LeadWireTest : public ::testing::Test {
 protected:
  marketo::ClientOptions Options() {
    marketo::ClientOptions o;
    o.endpoint = "http://mock.invalid/soap/mktows/3_1";
    o.credentials = {"demo17_1_809934544BFABAE58E5D27", "s3cret-Key-42"};
    time_.Install(o);
    o.retry.backoff.jitter = marketo::Jitter::kNone;
    return o;
  }
  // The transport alone: one attempt per call.
  LeadClient Client() {
    return LeadClient(marketo::internal::MakeSoapConnection(Options(), wire_));
  }
  // The production stack (retry loop and limiter) over the same wire.
  LeadClient Stack() { return LeadClient(marketo::internal::MakeConnection(Options(), wire_)); }

  marketo_test::FakeTime time_;
  std::shared_ptr<ScriptedWire> wire_ = std::make_shared<ScriptedWire>();
};

std::string SyncLeadOk(const std::string& lead_record) {
  return HttpReply(
      Envelope("<ns1:successSyncLead><result><leadId>1001</leadId><syncStatus><leadId>1001</leadId>"
               "<status>CREATED</status><error xsi:nil=\"true\"/></syncStatus>" +
               lead_record + "</result></ns1:successSyncLead>"));
}

TEST_F(LeadWireTest, SyncLeadSendsBothHeadersAndTheRecordInSchemaOrder) {
  wire_->Push(SyncLeadOk("<leadRecord xsi:nil=\"true\"/>"));
  marketo::SyncLeadRequest r;
  r.lead.email = "ada@example.com";
  r.lead.foreign_sys_person_id = "CRM-7";
  r.lead.foreign_sys_type = marketo::ForeignSysType::kCustom;
  r.lead.Set("FirstName", "Ada");
  r.marketo_cookie = "id:123-ABC-456&token:_mch-x";
  r.target_workspace = "EMEA";
  auto got = Client().SyncLead(r);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(got->lead_id, 1001);
  EXPECT_EQ(got->status, LeadSyncStatus::kCreated);
  EXPECT_EQ(got->error, "");
  EXPECT_FALSE(got->lead.has_value());

  EXPECT_THAT(wire_->requests[0],
              HasSubstr("SOAPAction: \"http://www.marketo.com/mktows/syncLead\""));
  const auto xml = FlattenXml(wire_->LastBody());
  EXPECT_THAT(xml, Contains("/Envelope/Header/MktowsContextHeader/targetWorkspace=EMEA"));
  EXPECT_THAT(xml, Contains("/Envelope/Header/AuthenticationHeader/mktowsUserId="
                            "demo17_1_809934544BFABAE58E5D27"));
  const std::vector<std::string> want_body = {
      "/Envelope/Body/paramsSyncLead/leadRecord/Email=ada@example.com",
      "/Envelope/Body/paramsSyncLead/leadRecord/ForeignSysPersonId=CRM-7",
      "/Envelope/Body/paramsSyncLead/leadRecord/ForeignSysType=CUSTOM",
      "/Envelope/Body/paramsSyncLead/leadRecord/leadAttributeList/attribute/attrName=FirstName",
      "/Envelope/Body/paramsSyncLead/leadRecord/leadAttributeList/attribute/attrValue=Ada",
      "/Envelope/Body/paramsSyncLead/leadRecord/leadAttributeList/attribute=",
      "/Envelope/Body/paramsSyncLead/leadRecord/leadAttributeList=",
      "/Envelope/Body/paramsSyncLead/leadRecord=",
      "/Envelope/Body/paramsSyncLead/returnLead=false",
      "/Envelope/Body/paramsSyncLead/marketoCookie=id:123-ABC-456&amp;token:_mch-x",
      "/Envelope/Body/paramsSyncLead=",
  };
  std::vector<std::string> body;
  for (const auto& line : xml) {
    if (line.rfind("/Envelope/Body/", 0) == 0) body.push_back(line);
  }
  EXPECT_EQ(body, want_body);  // schema order, nothing else
}

TEST_F(LeadWireTest, WithoutAWorkspaceThereIsNoContextHeader) {
  wire_->Push(SyncLeadOk("<leadRecord xsi:nil=\"true\"/>"));
  marketo::SyncLeadRequest r;
  r.lead.id = 5;
  ASSERT_TRUE(Client().SyncLead(r).ok());
  EXPECT_THAT(wire_->LastBody(), Not(HasSubstr("MktowsContextHeader")));
}

TEST_F(LeadWireTest, ReturnedLeadKeepsNilsAbsentAndEmptyValuesEmpty) {
  wire_->Push(SyncLeadOk(
      "<leadRecord><Id>1001</Id><Email>ada@example.com</Email>"
      "<ForeignSysPersonId xsi:nil=\"true\"/><ForeignSysType xsi:nil=\"true\"/>"
      "<leadAttributeList><attribute><attrName>FirstName</attrName><attrType>string</attrType>"
      "<attrValue>Ada</attrValue></attribute><attribute><attrName>Title</attrName>"
      "<attrType xsi:nil=\"true\"/><attrValue></attrValue></attribute></leadAttributeList>"
      "</leadRecord>"));
  marketo::SyncLeadRequest r;
  r.lead.email = "ada@example.com";
  r.return_lead = true;
  auto got = Client().SyncLead(r);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  ASSERT_TRUE(got->lead.has_value());
  const LeadRecord& lead = *got->lead;
  EXPECT_EQ(lead.id, 1001);
  EXPECT_FALSE(lead.foreign_sys_person_id.has_value());
  EXPECT_FALSE(lead.foreign_sys_type.has_value());
  ASSERT_EQ(lead.attributes.size(), 2u);
  EXPECT_EQ(lead.attributes[0].type, "string");
  EXPECT_EQ(lead.FirstName(), "Ada");
  EXPECT_EQ(lead.attributes[1].type, std::nullopt);
  EXPECT_EQ(lead.Title(), "");  // present but empty: kept, not dropped
}

TEST_F(LeadWireTest, GetLeadReturnsEveryMatchAndAMissingLeadIsTyped) {
  wire_->Push(
      HttpReply(Envelope("<ns1:successGetLead><result><count>2</count><leadRecordList>"
                         "<leadRecord><Id>7</Id><Email>dup@example.com</Email></leadRecord>"
                         "<leadRecord><Id>9</Id><Email>dup@example.com</Email></leadRecord>"
                         "</leadRecordList></result></ns1:successGetLead>")));
  wire_->Push(FaultReply(20103, "Lead not found"));
  LeadClient client = Client();
  auto two = client.GetLead(LeadKey::Email("dup@example.com"));
  ASSERT_TRUE(two.ok()) << two.status().ToString();
  ASSERT_EQ(two->size(), 2u);
  EXPECT_EQ((*two)[1].id, 9);
  EXPECT_THAT(FlattenXml(wire_->LastBody()),
              Contains("/Envelope/Body/paramsGetLead/leadKey/keyType=EMAIL"));
  auto none = client.GetLead(LeadKey::Id(123456));
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.status().code(), StatusCode::kSoapFault);
  EXPECT_EQ(none.status().marketo_error_code(), marketo::error_codes::kLeadNotFound);
  EXPECT_THAT(none.status().message(), HasSubstr("getLead: SOAP fault 20103"));
}

std::string SyncMultipleOk(int n) {
  std::string statuses;
  for (int i = 0; i < n; ++i) {
    statuses += "<syncStatus><leadId>" + std::to_string(100 + i) +
                "</leadId><status>UPDATED</status><error xsi:nil=\"true\"/></syncStatus>";
  }
  return HttpReply(Envelope("<ns1:successSyncMultipleLeads><result><syncStatusList>" + statuses +
                            "</syncStatusList></result></ns1:successSyncMultipleLeads>"));
}

TEST_F(LeadWireTest, ALostAnswerIsRetriedWithDeduplicationAndNotWithout) {
  std::vector<LeadRecord> leads(2);
  leads[0].email = "a@example.com";
  leads[1].email = "b@example.com";
  wire_->Push(std::nullopt);  // the connection dies after the request was sent
  wire_->Push(SyncMultipleOk(2));
  LeadClient client = Stack();
  auto deduped = client.SyncLeads(leads);
  ASSERT_TRUE(deduped.status.ok()) << deduped.status.ToString();
  EXPECT_EQ(wire_->requests.size(), 2u);  // an upsert by email: repeated
  EXPECT_EQ(deduped.results[1].lead_id, 101);

  wire_->Push(std::nullopt);
  marketo::SyncLeadsOptions no_dedup;
  no_dedup.dedup_enabled = false;
  auto dup = client.SyncLeads(leads, no_dedup);
  EXPECT_EQ(wire_->requests.size(), 3u);  // not repeated: it could create the leads twice
  EXPECT_EQ(dup.status.code(), StatusCode::kUnavailable);
  EXPECT_THAT(dup.status.message(),
              HasSubstr("not retried: syncMultipleLeads without de-duplication is not idempotent"));
  EXPECT_THAT(FlattenXml(wire_->LastBody()),
              Contains("/Envelope/Body/paramsSyncMultipleLeads/dedupEnabled=false"));
  EXPECT_EQ(dup.results[0].status, LeadSyncStatus::kFailed);
}

TEST_F(LeadWireTest, SelectorsGoOutWithTheirXsiTypeAndPagesComeBack) {
  const std::string page =
      "<ns1:successGetMultipleLeads><result><returnCount>1</returnCount>"
      "<remainingCount>4</remainingCount><newStreamPosition>pos-2</newStreamPosition>"
      "<leadRecordList><leadRecord><Id>3</Id></leadRecord></leadRecordList></result>"
      "</ns1:successGetMultipleLeads>";
  for (int i = 0; i < 3; ++i) wire_->Push(HttpReply(Envelope(page)));
  LeadClient client = Client();
  marketo::GetMultipleLeadsRequest r;
  r.selector = marketo::LeadSelector::Keys(marketo::LeadKeyType::kEmail, {"a@x.y", "b@x.y"});
  r.include_attributes = {"FirstName"};
  r.batch_size = 2;
  r.stream_position = marketo::StreamPosition("pos-1");
  auto got = client.GetMultipleLeads(r);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(got->remaining_count, 4);
  EXPECT_EQ(got->new_stream_position.text(), "pos-2");
  ASSERT_EQ(got->leads.size(), 1u);
  std::string body = wire_->LastBody();
  EXPECT_THAT(body, HasSubstr("xsi:type=\"mktows:LeadKeySelector\""));
  auto xml = FlattenXml(body);
  EXPECT_THAT(xml, Contains("/Envelope/Body/paramsGetMultipleLeads/leadSelector/keyType=EMAIL"));
  EXPECT_THAT(xml, Contains("/Envelope/Body/paramsGetMultipleLeads/leadSelector/keyValues/"
                            "stringItem=b@x.y"));
  EXPECT_THAT(xml, Contains("/Envelope/Body/paramsGetMultipleLeads/streamPosition=pos-1"));
  EXPECT_THAT(xml, Contains("/Envelope/Body/paramsGetMultipleLeads/includeAttributes/"
                            "stringItem=FirstName"));

  r = {};
  r.selector = marketo::LeadSelector::UpdatedBetween(
      std::chrono::system_clock::time_point(std::chrono::seconds(1767225600)),
      std::chrono::system_clock::time_point(std::chrono::seconds(1767312000)));
  ASSERT_TRUE(client.GetMultipleLeads(r).ok());
  body = wire_->LastBody();
  EXPECT_THAT(body, HasSubstr("xsi:type=\"mktows:LastUpdateAtSelector\""));
  // The schema puts latestUpdatedAt before oldestUpdatedAt.
  EXPECT_LT(body.find("<latestUpdatedAt>2026-01-02T00:00:00Z"),
            body.find("<oldestUpdatedAt>2026-01-01T00:00:00Z"));
  EXPECT_THAT(body, Not(HasSubstr("streamPosition")));

  r = {};
  r.selector = marketo::LeadSelector::StaticList("Webinar attendees");
  ASSERT_TRUE(client.GetMultipleLeads(r).ok());
  EXPECT_THAT(FlattenXml(wire_->LastBody()),
              Contains("/Envelope/Body/paramsGetMultipleLeads/leadSelector/staticListName="
                       "Webinar attendees"));
  EXPECT_THAT(wire_->LastBody(), HasSubstr("xsi:type=\"mktows:StaticListSelector\""));
}

}  // namespace
