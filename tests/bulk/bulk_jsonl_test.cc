// The bulk tool's JSONL for leads and activities, and its command-line times.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <variant>

#include "cli.h"
#include "lead_jsonl.h"

namespace {

using ::testing::HasSubstr;

marketo::LeadRecord Lead(const std::string& line) {
  auto parsed = bulk::ParseLeadLine(line);
  if (auto* error = std::get_if<std::string>(&parsed)) ADD_FAILURE() << *error;
  return std::get<marketo::LeadRecord>(parsed);
}

std::string Error(const std::string& line) {
  auto parsed = bulk::ParseLeadLine(line);
  return std::holds_alternative<std::string>(parsed) ? std::get<std::string>(parsed) : "";
}

TEST(BulkLeadJsonl, ParsesKeysAndAttributesInOrder) {
  const auto lead =
      Lead(R"({"id":"19","email":"ada@example.com","foreignSysPersonId":7,"foreignSysType":"SFDC",)"
           R"("attributes":{"LastName":"Lovelace","FirstName":"Ada","LeadScore":12}})");
  EXPECT_EQ(lead.id, 19);
  EXPECT_EQ(lead.email, "ada@example.com");
  EXPECT_EQ(lead.foreign_sys_person_id, "7");
  EXPECT_EQ(lead.foreign_sys_type, marketo::ForeignSysType::kSfdc);
  ASSERT_EQ(lead.attributes.size(), 3u);
  EXPECT_EQ(lead.attributes[0].name, "LastName");  // as written
  EXPECT_EQ(lead.LeadScore(), 12);
}

TEST(BulkLeadJsonl, ErrorsNameTheField) {
  EXPECT_THAT(Error(R"({"email":"a@b.c","colour":"red"})"), HasSubstr("colour: unknown key"));
  EXPECT_THAT(Error(R"({"foreignSysType":"ORACLE"})"), HasSubstr("foreignSysType: expected"));
  EXPECT_THAT(Error(R"({"attributes":{"City":["Paris"]}})"),
              HasSubstr("attributes.City: expected a string or number"));
  EXPECT_THAT(Error(R"({"id":"x1"})"), HasSubstr("id: expected an integer id"));
  EXPECT_THAT(Error(R"({"email":5})"), HasSubstr("email: expected a string"));
  EXPECT_EQ(Error("{not json"), "not valid JSON");
}

TEST(BulkLeadJsonl, AnExportedLeadReadsBackAsTheSameLead) {
  marketo::LeadRecord lead;
  lead.id = 5;
  lead.email = "ü@example.com";
  lead.foreign_sys_person_id = "F-1";
  lead.foreign_sys_type = marketo::ForeignSysType::kNetsuite;
  lead.Set("FirstName", "Zoë").Set("Title", "");
  const auto back = Lead(bulk::LeadToJson(lead));
  EXPECT_EQ(back.id, lead.id);
  EXPECT_EQ(back.email, lead.email);
  EXPECT_EQ(back.foreign_sys_type, lead.foreign_sys_type);
  EXPECT_EQ(back.attributes, lead.attributes);
}

TEST(BulkLeadJsonl, ActivitiesCarryEveryField) {
  marketo::ActivityRecord a;
  a.id = 99;
  a.marketo_guid = "g";
  a.activity_date_time = std::chrono::system_clock::time_point(std::chrono::seconds(1767225600));
  a.activity_type = "Change Data Value";
  a.mkt_person_id = "19";
  a.attributes.push_back({"Old Value", "Ada", std::nullopt});
  const std::string json = bulk::ActivityToJson(a);
  EXPECT_THAT(json, HasSubstr(R"("activityDateTime":"2026-01-01T00:00:00+00:00")"));
  EXPECT_THAT(json, HasSubstr(R"("attributes":{"Old Value":"Ada"})"));
  EXPECT_THAT(json, HasSubstr(R"("id":99)"));
  EXPECT_THAT(json, ::testing::Not(HasSubstr("campaign")));  // absent, not empty
}

TEST(BulkCli, TimesAndCsv) {
  using std::chrono::seconds;
  const auto epoch = [](long long s) { return std::chrono::system_clock::time_point(seconds(s)); };
  EXPECT_EQ(bulk::ParseTime("2026-01-01"), epoch(1767225600));
  EXPECT_EQ(bulk::ParseTime("2026-01-01T01:00:00Z"), epoch(1767229200));
  EXPECT_EQ(bulk::ParseTime("2026-01-01T01:00:00+01:00"), epoch(1767225600));
  EXPECT_EQ(bulk::ParseTime("2026-01-01T00:00:00-05:30"), epoch(1767225600 + 19800));
  for (const char* bad : {"", "2026-1-1", "2026-13-01", "2026-01-01T25:00:00Z",
                          "2026-01-01T01:00:00", "2026-01-01 01:00:00Z", "yesterday"}) {
    EXPECT_FALSE(bulk::ParseTime(bad).has_value()) << bad;
  }
  EXPECT_EQ(bulk::CsvField("plain"), "plain");
  EXPECT_EQ(bulk::CsvField("a,\"b\""), "\"a,\"\"b\"\"\"");
}

}  // namespace
