// Activity reads, change reads and mergeLeads: validation, positions as tokens, walks that stop
// and resume exactly, and the XML they send and parse through the Wire seam.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "marketo/connection.h"
#include "marketo/lead_client.h"
#include "operations/soap_connection.h"
#include "support/scripted_wire.h"
#include "support/test_xml.h"

namespace {

using marketo::ActivityPage;
using marketo::ActivityPosition;
using marketo::ActivityRecord;
using marketo::GetLeadActivityRequest;
using marketo::GetLeadChangesRequest;
using marketo::LeadClient;
using marketo::LeadKey;
using marketo::LeadReadPosition;
using marketo::StatusCode;
using marketo::StatusOr;
using marketo_test::Envelope;
using marketo_test::FlattenXml;
using marketo_test::HttpReply;
using ::testing::Contains;
using ::testing::HasSubstr;
using Clock = std::chrono::system_clock;

const Clock::time_point kT0 = Clock::time_point(std::chrono::seconds(1767225600));

// One lead's activity 1..n, paged by an offset "o<next>".
class FakeActivity : public marketo::Connection {
 public:
  explicit FakeActivity(int n) : n_(n) {}
  StatusOr<ActivityPage> GetLeadActivity(const GetLeadActivityRequest& r) override {
    requests.push_back(r);
    const int from = r.start_position.offset ? std::stoi(r.start_position.offset->substr(1)) : 0;
    ActivityPage page;
    for (int i = from; i < std::min(n_, from + r.batch_size.value_or(100)); ++i) {
      ActivityRecord a;
      a.id = i + 1;
      page.activities.push_back(a);
    }
    const int next = from + static_cast<int>(page.activities.size());
    page.remaining_count = n_ - next;
    page.new_start_position.offset = "o" + std::to_string(stuck ? from : next);
    return page;
  }
  StatusOr<ActivityPage> GetLeadChanges(const GetLeadChangesRequest& r) override {
    GetLeadActivityRequest as_activity;
    as_activity.start_position = r.start_position.offset ? r.start_position : ActivityPosition();
    as_activity.batch_size = r.batch_size;
    return GetLeadActivity(as_activity);
  }
  std::vector<GetLeadActivityRequest> requests;
  bool stuck = false;

 private:
  int n_;
};

TEST(LeadActivity, RequestsAreValidatedBeforeAnyIo) {
  auto fake = std::make_shared<FakeActivity>(5);
  LeadClient client(fake);
  GetLeadActivityRequest r;
  r.key = LeadKey::Id(19);
  r.filter.include_types = {"VisitWebpage"};
  r.filter.exclude_types = {"OpenEmail"};
  EXPECT_THAT(client.GetLeadActivity(r).status().message(), HasSubstr("not both"));
  r.filter.exclude_types.clear();
  r.filter.include_types = {"Visit Webpage"};  // a display name, not a token
  EXPECT_THAT(client.GetLeadActivity(r).status().message(),
              HasSubstr("unknown activity type \"Visit Webpage\""));
  r.filter.include_types = {"VisitWebpage", "NewLead"};
  r.batch_size = 101;
  EXPECT_THAT(client.GetLeadActivity(r).status().message(), HasSubstr("from 1 to 100"));

  GetLeadChangesRequest c;
  EXPECT_THAT(client.GetLeadChanges(c).status().message(), HasSubstr("startPosition is required"));
  c.start_position = ActivityPosition::Since(kT0);
  std::vector<std::string> keys(101, "1");
  c.lead_selector = marketo::LeadSelector::Keys(marketo::LeadKeyType::kIdnum, keys);
  EXPECT_THAT(client.GetLeadChanges(c).status().message(), HasSubstr("at most 100 per call"));
  c.lead_selector.reset();
  c.activity_name_filter = {"Change Data Value", ""};
  EXPECT_THAT(client.GetLeadChanges(c).status().message(), HasSubstr("activityNameFilter[1]"));
  EXPECT_TRUE(fake->requests.empty());
}

TEST(LeadActivity, MergeRequestsAreValidated) {
  auto mock = std::make_shared<FakeActivity>(0);
  LeadClient client(mock);
  marketo::MergeLeadsRequest m;
  EXPECT_THAT(client.MergeLeads(m).status().message(), HasSubstr("winner: no keys"));
  m.winner = {LeadKey::Id(5)};
  EXPECT_THAT(client.MergeLeads(m).status().message(), HasSubstr("no losing lead"));
  m.losers = {{LeadKey::Id(6)}, {LeadKey::Id(5)}};
  EXPECT_THAT(client.MergeLeads(m).status().message(), HasSubstr("loser[1] is the winner"));
  m.losers = {{LeadKey::Id(6)}, {}};
  EXPECT_THAT(client.MergeLeads(m).status().message(), HasSubstr("loser[1]: no keys"));
  // Valid: reaches the connection (which does not implement it).
  m.losers = {{LeadKey::Id(6)}};
  EXPECT_EQ(client.MergeLeads(m).status().code(), StatusCode::kUnimplemented);
}

TEST(LeadActivity, PositionsArePrintableTokensThatRoundTrip) {
  ActivityPosition p;
  p.oldest_created_at = kT0;
  p.latest_created_at = kT0 + std::chrono::hours(5);
  p.offset = "ID:10248;14\n";
  const std::string text = p.ToText();
  EXPECT_EQ(text.find_first_of("\n\r\t "), std::string::npos);
  auto back = ActivityPosition::FromText(text);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->oldest_created_at, p.oldest_created_at);
  EXPECT_EQ(back->latest_created_at, p.latest_created_at);
  EXPECT_EQ(back->offset, p.offset);
  EXPECT_FALSE(back->activity_created_at.has_value());
  EXPECT_TRUE(ActivityPosition::FromText("ap1")->empty());
  for (const char* bad : {"", "ap2", "ap1;o=", "ap1;o=12x", "ap1;x=0g", "ap1;q=1", "ap1;;"}) {
    EXPECT_FALSE(ActivityPosition::FromText(bad).has_value()) << bad;
  }
}

TEST(LeadActivity, AWalkStopsAndResumesAtTheNextActivity) {
  auto fake = std::make_shared<FakeActivity>(23);
  LeadClient client(fake);
  GetLeadActivityRequest r;
  r.key = LeadKey::Id(19);
  marketo::ReadActivityOptions options;
  options.batch_size = 5;
  std::vector<std::int64_t> seen;
  LeadReadPosition saved;
  ASSERT_TRUE(client
                  .ForEachActivity(r, options,
                                   [&](ActivityRecord&& a, const LeadReadPosition& after) {
                                     seen.push_back(*a.id);
                                     saved = after;
                                     return seen.size() < 12;
                                   })
                  .ok());
  options.resume_from = LeadReadPosition::FromText(saved.text());
  ASSERT_TRUE(client
                  .ForEachActivity(r, options,
                                   [&](ActivityRecord&& a, const LeadReadPosition&) {
                                     seen.push_back(*a.id);
                                     return true;
                                   })
                  .ok());
  std::vector<std::int64_t> want(23);
  for (int i = 0; i < 23; ++i) want[i] = i + 1;
  EXPECT_EQ(seen, want);  // 1..12, then 13..23: nothing twice, nothing lost
  options.resume_from = LeadReadPosition::FromText("lr1.1.0.ap1");
  EXPECT_EQ(client
                .ForEachActivity(r, options,
                                 [](ActivityRecord&&, const LeadReadPosition&) { return true; })
                .code(),
            StatusCode::kInvalidArgument);
}

TEST(LeadActivity, AChangeWalkPagesToTheEndAndAStuckPositionFails) {
  auto fake = std::make_shared<FakeActivity>(7);
  LeadClient client(fake);
  GetLeadChangesRequest c;
  c.start_position = ActivityPosition::Since(kT0);
  marketo::ReadActivityOptions options;
  options.batch_size = 3;
  int count = 0;
  ASSERT_TRUE(client
                  .ForEachLeadChange(c, options,
                                     [&](ActivityRecord&&, const LeadReadPosition&) {
                                       ++count;
                                       return true;
                                     })
                  .ok());
  EXPECT_EQ(count, 7);
  fake->stuck = true;
  EXPECT_EQ(client
                .ForEachLeadChange(c, options,
                                   [](ActivityRecord&&, const LeadReadPosition&) { return true; })
                .code(),
            StatusCode::kMalformedResponse);
}

class ActivityWireTest : public ::testing::Test {
 protected:
  LeadClient Client() {
    marketo::ClientOptions o;
    o.endpoint = "http://mock.invalid/soap/mktows/3_1";
    o.credentials = {"user", "key"};
    return LeadClient(marketo::internal::MakeSoapConnection(o, wire_));
  }
  std::shared_ptr<marketo_test::ScriptedWire> wire_ =
      std::make_shared<marketo_test::ScriptedWire>();
};

TEST_F(ActivityWireTest, ActivityRequestAndRecordsOverTheWire) {
  wire_->Push(HttpReply(Envelope(
      "<ns1:successGetLeadActivity><leadActivityList><returnCount>1</returnCount>"
      "<remainingCount>0</remainingCount><newStartPosition><latestCreatedAt xsi:nil=\"true\"/>"
      "<oldestCreatedAt>2026-01-01T00:00:00+00:00</oldestCreatedAt><offset>ID:99</offset>"
      "</newStartPosition><activityRecordList><activityRecord><id>99</id>"
      "<marketoGUID>g-99</marketoGUID><activityDateTime>2026-01-02T03:04:05-05:00"
      "</activityDateTime><activityType>Change Data Value</activityType><mktgAssetName/>"
      "<activityAttributes><attribute><attrName>Old Value</attrName><attrType xsi:nil=\"true\"/>"
      "<attrValue>Ada</attrValue></attribute></activityAttributes><campaign xsi:nil=\"true\"/>"
      "<personName>Ada L</personName><mktPersonId>19</mktPersonId></activityRecord>"
      "</activityRecordList></leadActivityList></ns1:successGetLeadActivity>")));
  GetLeadActivityRequest r;
  r.key = LeadKey::Id(19);
  r.filter.exclude_types = {"VisitWebpage", "NewLead"};
  r.start_position.offset = "ID:50";
  r.batch_size = 10;
  auto page = Client().GetLeadActivity(r);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  const auto xml = FlattenXml(wire_->LastBody());
  EXPECT_THAT(xml, Contains("/Envelope/Body/paramsGetLeadActivity/leadKey/keyValue=19"));
  EXPECT_THAT(xml, Contains("/Envelope/Body/paramsGetLeadActivity/activityFilter/excludeTypes/"
                            "activityType=NewLead"));
  EXPECT_THAT(xml, Contains("/Envelope/Body/paramsGetLeadActivity/startPosition/offset=ID:50"));
  ASSERT_EQ(page->activities.size(), 1u);
  const ActivityRecord& a = page->activities[0];
  EXPECT_EQ(a.id, 99);
  EXPECT_EQ(a.marketo_guid, "g-99");
  EXPECT_EQ(a.activity_type, "Change Data Value");
  EXPECT_EQ(a.activity_date_time, Clock::time_point(std::chrono::seconds(1767341045)));
  EXPECT_EQ(a.mktg_asset_name, "");  // present but empty
  EXPECT_FALSE(a.campaign.has_value());
  ASSERT_NE(a.Find("Old Value"), nullptr);
  EXPECT_EQ(*a.Find("Old Value"), "Ada");
  EXPECT_EQ(a.person_name, "Ada L");
  EXPECT_EQ(page->new_start_position.offset, "ID:99");
  EXPECT_FALSE(page->new_start_position.latest_created_at.has_value());
}

TEST_F(ActivityWireTest, MergeSendsKeyListsAndReadsTheStatus) {
  wire_->Push(HttpReply(
      Envelope("<ns1:successMergeLeads><result><mergeStatus><winningLeadId>5</winningLeadId>"
               "<losingLeadIdList><integerItem>6</integerItem><integerItem>7</integerItem>"
               "</losingLeadIdList><status>MERGED</status><error xsi:nil=\"true\"/></mergeStatus>"
               "</result></ns1:successMergeLeads>")));
  marketo::MergeLeadsRequest m;
  m.winner = {LeadKey::Id(5)};
  m.losers = {{LeadKey::Id(6)}, {LeadKey::Email("seven@example.com")}};
  m.merge_in_sales = false;
  auto got = Client().MergeLeads(m);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(got->status, marketo::LeadMergeStatus::kMerged);
  EXPECT_EQ(got->winning_lead_id, 5);
  EXPECT_EQ(got->losing_lead_ids, (std::vector<std::int64_t>{6, 7}));
  const auto xml = FlattenXml(wire_->LastBody());
  EXPECT_THAT(xml, Contains("/Envelope/Body/paramsMergeLeads/winningLeadKeyList/attribute/"
                            "attrName=IDNUM"));
  EXPECT_THAT(xml, Contains("/Envelope/Body/paramsMergeLeads/losingLeadKeyLists/keyList/"
                            "attribute/attrValue=seven@example.com"));
  EXPECT_THAT(xml, Contains("/Envelope/Body/paramsMergeLeads/mergeInSales=false"));
}

}  // namespace
