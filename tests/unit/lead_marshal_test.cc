// The lead family's marshal functions as pure functions, with a bare gSOAP context.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "operations/lead_operations.h"

namespace {

namespace leads = marketo::internal::leads;
using marketo::LeadRecord;
using marketo::StatusCode;
using marketo::internal::RequestBuilder;

class LeadMarshal : public ::testing::Test {
 protected:
  ~LeadMarshal() override {
    soap_destroy(soap_);
    soap_end(soap_);
    soap_free(soap_);
  }

  mktows__SyncStatus* Status(int id, const char* st, const char* error = nullptr) {
    auto* s = soap_new_mktows__SyncStatus(soap_);
    s->leadId = id;
    s->status = st;
    if (error != nullptr) {
      s->error = soap_new_std__string(soap_);
      *s->error = error;
    }
    return s;
  }

  struct soap* soap_ = soap_new1(SOAP_C_UTFSTRING);
  RequestBuilder builder_{soap_};
};

TEST_F(LeadMarshal, SyncLeadCarriesKeysAttributesCookieAndWorkspace) {
  marketo::SyncLeadRequest r;
  r.lead.id = 19;
  r.lead.email = "ada@example.com";
  r.lead.foreign_sys_person_id = "CRM-7";
  r.lead.foreign_sys_type = marketo::ForeignSysType::kSfdc;
  r.lead.Set("FirstName", "Ada");
  r.lead.attributes.push_back({"LeadScore", "12", std::string("integer")});
  r.return_lead = true;
  r.marketo_cookie = "id:123-ABC-456&token:_mch-x";
  r.move_cookie = false;
  r.target_workspace = "EMEA";
  auto* p = leads::SyncLeadToSoap(builder_, r);
  EXPECT_TRUE(p->returnLead);
  ASSERT_NE(p->marketoCookie, nullptr);
  EXPECT_EQ(*p->marketoCookie, "id:123-ABC-456&token:_mch-x");
  ASSERT_NE(p->moveCookie, nullptr);
  EXPECT_FALSE(*p->moveCookie);
  const mktows__LeadRecord& lead = *p->leadRecord;
  EXPECT_EQ(*lead.Id, 19);
  EXPECT_EQ(*lead.Email, "ada@example.com");
  EXPECT_EQ(*lead.ForeignSysPersonId, "CRM-7");
  EXPECT_EQ(*lead.ForeignSysType, mktows__ForeignSysType__SFDC);
  ASSERT_EQ(lead.leadAttributeList->attribute.size(), 2u);
  EXPECT_EQ(lead.leadAttributeList->attribute[0]->attrType, nullptr);
  EXPECT_EQ(*lead.leadAttributeList->attribute[1]->attrType, "integer");
  ASSERT_NE(builder_.context_header(), nullptr);
  EXPECT_EQ(builder_.context_header()->targetWorkspace, "EMEA");
  builder_.Reset();  // the header belongs to one request
  EXPECT_EQ(builder_.context_header(), nullptr);
}

TEST_F(LeadMarshal, AbsentFieldsStayAbsent) {
  marketo::SyncLeadRequest r;
  r.lead.email = "x@y.z";
  auto* p = leads::SyncLeadToSoap(builder_, r);
  EXPECT_EQ(p->leadRecord->Id, nullptr);
  EXPECT_EQ(p->leadRecord->ForeignSysType, nullptr);
  EXPECT_EQ(p->leadRecord->leadAttributeList, nullptr);
  EXPECT_EQ(p->marketoCookie, nullptr);
  EXPECT_EQ(p->moveCookie, nullptr);
  EXPECT_EQ(builder_.context_header(), nullptr);
}

TEST_F(LeadMarshal, SyncMultipleSendsDedupAndEveryLead) {
  std::vector<LeadRecord> leads(3);
  for (std::size_t i = 0; i < 3; ++i) leads[i].email = "l" + std::to_string(i) + "@x.y";
  auto* p = leads::SyncMultipleToSoap(builder_, {leads, false});
  ASSERT_EQ(p->leadRecordList->leadRecord.size(), 3u);
  EXPECT_EQ(*p->leadRecordList->leadRecord[2]->Email, "l2@x.y");
  ASSERT_NE(p->dedupEnabled, nullptr);
  EXPECT_FALSE(*p->dedupEnabled);
}

TEST_F(LeadMarshal, GetLeadKey) {
  auto* p = leads::GetLeadToSoap(builder_, marketo::LeadKey::Cookie("c"));
  EXPECT_EQ(p->leadKey->keyType, mktows__LeadKeyRef__COOKIE);
  EXPECT_EQ(p->leadKey->keyValue, "c");
}

TEST_F(LeadMarshal, StatusesComeBackPerLeadAndCountsAreChecked) {
  mktows__SuccessSyncMultipleLeads resp;
  resp.soap = soap_;
  resp.result = soap_new_mktows__ResultSyncMultipleLeads(soap_);
  resp.result->syncStatusList = soap_new_mktows__ArrayOfSyncStatus(soap_);
  resp.result->syncStatusList->syncStatus = {
      Status(5, "UPDATED"), Status(0, "FAILED", "Lead Sync Failed"), Status(6, "ARCHIVED")};
  std::vector<LeadRecord> sent(3);
  auto r = leads::SyncMultipleFromSoap(resp, {sent, true});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)[0].lead_id, 5);
  EXPECT_EQ((*r)[0].status, marketo::LeadSyncStatus::kUpdated);
  EXPECT_EQ((*r)[1].status, marketo::LeadSyncStatus::kFailed);
  EXPECT_EQ((*r)[1].raw_status, "FAILED");
  EXPECT_EQ((*r)[1].error, "Lead Sync Failed");
  // A status this version does not know keeps its lead's result (and its raw text).
  EXPECT_EQ((*r)[2].status, marketo::LeadSyncStatus::kUnknown);
  EXPECT_EQ((*r)[2].raw_status, "ARCHIVED");
  std::vector<LeadRecord> four(4);
  EXPECT_EQ(leads::SyncMultipleFromSoap(resp, {four, true}).status().code(),
            StatusCode::kResponseMismatch);
}

TEST_F(LeadMarshal, SyncLeadResultWithAndWithoutTheLead) {
  mktows__SuccessSyncLead resp;
  resp.soap = soap_;
  resp.result = soap_new_mktows__ResultSyncLead(soap_);
  resp.result->leadId = 1001;
  resp.result->syncStatus = Status(1001, "CREATED");
  auto r = leads::SyncLeadFromSoap(resp, {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->lead_id, 1001);
  EXPECT_EQ(r->status, marketo::LeadSyncStatus::kCreated);
  EXPECT_FALSE(r->lead.has_value());  // returnLead false: xsi:nil
  resp.result->leadRecord = soap_new_mktows__LeadRecord(soap_);
  resp.result->leadRecord->Id = soap_new_int(soap_);
  *resp.result->leadRecord->Id = 1001;
  resp.result->leadRecord->ForeignSysType = soap_new_mktows__ForeignSysType(soap_);
  *resp.result->leadRecord->ForeignSysType = mktows__ForeignSysType__NETSUITE;
  r = leads::SyncLeadFromSoap(resp, {});
  ASSERT_TRUE(r->lead.has_value());
  EXPECT_EQ(r->lead->id, 1001);
  EXPECT_EQ(r->lead->foreign_sys_type, marketo::ForeignSysType::kNetsuite);
  mktows__SuccessSyncLead empty;
  EXPECT_EQ(leads::SyncLeadFromSoap(empty, {}).status().code(), StatusCode::kMalformedResponse);
}

}  // namespace
