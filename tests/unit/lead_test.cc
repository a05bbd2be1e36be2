// Lead values, validators and idempotency traits: no connection involved.
#include "marketo/lead.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <climits>
#include <string>
#include <vector>

#include "marketo/lead_client.h"

namespace {

using marketo::ForeignSysType;
using marketo::LeadKey;
using marketo::LeadKeyType;
using marketo::LeadRecord;
using marketo::StatusCode;
using ::testing::HasSubstr;

TEST(LeadValues, NamesRoundTrip) {
  for (auto t :
       {LeadKeyType::kIdnum, LeadKeyType::kCookie, LeadKeyType::kEmail,
        LeadKeyType::kLeadOwnerEmail, LeadKeyType::kSfdcAccountId, LeadKeyType::kSfdcContactId,
        LeadKeyType::kSfdcLeadId, LeadKeyType::kSfdcLeadOwnerId, LeadKeyType::kSfdcOpptyId}) {
    EXPECT_EQ(marketo::ParseLeadKeyType(marketo::ToString(t)), t);
  }
  EXPECT_STREQ(marketo::ToString(LeadKeyType::kSfdcOpptyId), "SFDCOPPTYID");
  EXPECT_EQ(marketo::ParseLeadKeyType("idnum"), std::nullopt);
  EXPECT_STREQ(marketo::ToString(ForeignSysType::kNetsuite), "NETSUITE");
  EXPECT_EQ(marketo::ParseForeignSysType("SFDC"), ForeignSysType::kSfdc);
  EXPECT_EQ(marketo::ParseForeignSysType("Sfdc"), std::nullopt);
  EXPECT_EQ(marketo::ParseLeadSyncStatus("UPDATED"), marketo::LeadSyncStatus::kUpdated);
  EXPECT_EQ(marketo::ParseLeadSyncStatus("MERGED"), marketo::LeadSyncStatus::kUnknown);
}

TEST(LeadValues, KeysAndFields) {
  EXPECT_EQ(LeadKey::Id(42), (LeadKey{LeadKeyType::kIdnum, "42"}));
  EXPECT_EQ(LeadKey::Email("a@b.c").type, LeadKeyType::kEmail);
  LeadRecord lead;
  lead.Set("FirstName", "Ada").Set("LeadScore", "17").Set("FirstName", "Grace");
  ASSERT_EQ(lead.attributes.size(), 2u);  // Set replaces an earlier value of the same name
  EXPECT_EQ(lead.FirstName(), "Grace");
  EXPECT_EQ(lead.LeadScore(), 17);
  EXPECT_EQ(lead.Company(), std::nullopt);
  lead.Set("LeadScore", "high");
  EXPECT_EQ(lead.LeadScore(), std::nullopt);  // not a number: only the raw text remains
  EXPECT_EQ(*lead.Find("LeadScore"), "high");
}

TEST(LeadValidation, SyncLeadNeedsAMatchKey) {
  marketo::SyncLeadRequest r;
  r.lead.Set("FirstName", "Ada");
  auto s = marketo::ValidateSyncLeadRequest(r);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(s.message(), HasSubstr("needs a match key"));
  EXPECT_FALSE(s.request_may_have_reached_server());
  for (auto set : {+[](marketo::SyncLeadRequest& q) { q.lead.id = 5; },
                   +[](marketo::SyncLeadRequest& q) { q.lead.email = "a@b.c"; },
                   +[](marketo::SyncLeadRequest& q) { q.marketo_cookie = "id:1&token:_mch-x"; },
                   +[](marketo::SyncLeadRequest& q) {
                     q.lead.foreign_sys_person_id = "F1";
                     q.lead.foreign_sys_type = ForeignSysType::kCustom;
                   }}) {
    marketo::SyncLeadRequest keyed = r;
    set(keyed);
    EXPECT_TRUE(marketo::ValidateSyncLeadRequest(keyed).ok());
  }
}

TEST(LeadValidation, BadFieldsAreNamed) {
  auto message = [](LeadRecord lead) {
    if (!lead.email) lead.email = "a@b.c";
    return marketo::ValidateSyncLeadsRecord(lead).message();
  };
  LeadRecord big;
  big.id = static_cast<std::int64_t>(INT_MAX) + 1;
  EXPECT_THAT(message(big), HasSubstr("Id must be between 1 and 2147483647"));
  LeadRecord foreign;
  foreign.foreign_sys_person_id = "F1";
  EXPECT_THAT(message(foreign), HasSubstr("ForeignSysPersonId and ForeignSysType go together"));
  LeadRecord empty_name;
  empty_name.attributes.push_back({"", "x", std::nullopt});
  EXPECT_THAT(message(empty_name), HasSubstr("attribute[0] has no name"));
  LeadRecord twice;
  twice.Set("City", "Paris");
  twice.attributes.push_back({"City", "Rome", std::nullopt});
  EXPECT_THAT(message(twice), HasSubstr("attribute \"City\" is given twice"));
  LeadRecord empty_email;
  empty_email.email = "";
  EXPECT_THAT(message(empty_email), HasSubstr("Email is empty"));
  // syncMultipleLeads has no cookie: a lead without id, foreign id or email is rejected.
  EXPECT_THAT(marketo::ValidateSyncLeadsRecord(LeadRecord{}).message(),
              HasSubstr("needs a match key"));
}

TEST(LeadValidation, Keys) {
  EXPECT_TRUE(marketo::ValidateLeadKey(LeadKey::Id(7)).ok());
  EXPECT_TRUE(marketo::ValidateLeadKey(LeadKey::Email("x@y.z")).ok());
  for (const char* bad : {"", "0", "-3", "12a", " 5", "+5", "99999999999"}) {
    EXPECT_EQ(marketo::ValidateLeadKey({LeadKeyType::kIdnum, bad}).code(),
              StatusCode::kInvalidArgument)
        << bad;
  }
  EXPECT_THAT(marketo::ValidateLeadKey({LeadKeyType::kCookie, ""}).message(),
              HasSubstr("COOKIE key has no value"));
}

TEST(LeadIdempotency, OnlyAnEmailKeyWithoutDeduplicationCreatesUnkeyed) {
  std::vector<LeadRecord> leads(2);
  leads[0].id = 1;
  leads[1].email = "a@b.c";
  marketo::SyncMultipleLeadsRequest r{leads, true};
  EXPECT_FALSE(marketo::SyncMultipleLeadsCreatesUnkeyed(r));
  r.dedup_enabled = false;
  EXPECT_TRUE(marketo::SyncMultipleLeadsCreatesUnkeyed(r));
  leads[1].foreign_sys_person_id = "F";
  leads[1].foreign_sys_type = ForeignSysType::kSfdc;
  EXPECT_FALSE(marketo::SyncMultipleLeadsCreatesUnkeyed({leads, false}));
  EXPECT_FALSE(marketo::SyncLeadCreatesUnkeyed(marketo::SyncLeadRequest{}));
}

}  // namespace
