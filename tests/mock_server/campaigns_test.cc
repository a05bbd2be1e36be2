// getCampaignsForSource, requestCampaign, scheduleCampaign, getChannels and getTags against
// marketo-mock-server: the seeded campaigns, channels and tag types, the activities a run writes
// into the lead activity log, the faults of bad requests, and the dump.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "leads_util.h"

namespace marketo_test {
namespace {

using nlohmann::json;

std::string ForSource(const std::string& source, const std::string& rest = "") {
  return "<ns1:paramsGetCampaignsForSource><source>" + source + "</source>" + rest +
         "</ns1:paramsGetCampaignsForSource>";
}

std::string Leads(const std::vector<std::string>& ids) {
  std::string x = "<leadList>";
  for (const auto& id : ids) x += LeadKeyXml("IDNUM", id);
  return x + "</leadList>";
}

std::string Tokens(const std::vector<std::pair<std::string, std::string>>& tokens) {
  std::string x = "<programTokenList>";
  for (const auto& [n, v] : tokens) {
    x += "<attrib><name>";
    x += n;
    x += "</name><value>";
    x += v;
    x += "</value></attrib>";
  }
  return x + "</programTokenList>";
}

// The elements after <source>, in schema order: campaignId, leadList, programName,
// campaignName, programTokenList.
std::string RequestBody(const std::string& rest, const std::string& source = "MKTOWS") {
  return "<ns1:paramsRequestCampaign><source>" + source + "</source>" + rest +
         "</ns1:paramsRequestCampaign>";
}

std::string ScheduleBody(const std::string& program, const std::string& campaign,
                         const std::string& rest = "", const std::string& clone = "") {
  return "<ns1:paramsScheduleCampaign><programName>" + program + "</programName>" +
         (clone.empty() ? "" : "<cloneToProgramName>" + clone + "</cloneToProgramName>") +
         "<campaignName>" + campaign + "</campaignName>" + rest + "</ns1:paramsScheduleCampaign>";
}

class CampaignTest : public ::testing::Test {
 protected:
  std::vector<std::string> Activity(const std::string& id) {
    const auto r = Call(
        server_, "getLeadActivity",
        "<ns1:paramsGetLeadActivity>" + LeadKeyXml("IDNUM", id) + "</ns1:paramsGetLeadActivity>");
    EXPECT_EQ(r.status, 200) << r.body;
    return Texts(r.body, "activityRecord");
  }
  MockServerProcess server_;
};

TEST_F(CampaignTest, CampaignsForSourceListOnlyRequestableOnesAndFilterByName) {
  const auto api = Call(server_, "getCampaignsForSource", ForSource("MKTOWS"));
  ASSERT_EQ(api.status, 200) << api.body;
  EXPECT_EQ(Text(api.body, "returnCount"), "3");
  const std::vector<std::string> want = {"3001", "3002", "3007"};
  std::vector<std::string> ids;
  for (const auto& c : Texts(api.body, "campaignRecord")) ids.push_back(Text(c, "id"));
  EXPECT_EQ(ids, want);  // not 3003 (batch), 3004 (other trigger), 3005 (SALES), 3008 (no source)
  EXPECT_EQ(Text(api.body, "name"), "Webinar Registration");

  const auto sales = Call(server_, "getCampaignsForSource", ForSource("SALES"));
  EXPECT_EQ(Text(sales.body, "returnCount"), "2");
  const auto part =
      Call(server_, "getCampaignsForSource", ForSource("MKTOWS", "<name>webinar</name>"));
  EXPECT_EQ(Text(part.body, "returnCount"), "2");
  const auto exact = Call(server_, "getCampaignsForSource",
                          ForSource("MKTOWS", "<name>webinar</name><exactName>true</exactName>"));
  EXPECT_EQ(Text(exact.body, "returnCount"), "0");
  EXPECT_NE(exact.body.find("<campaignRecordList xsi:nil=\"true\"/>"), std::string::npos)
      << exact.body;
}

TEST_F(CampaignTest, RequestByNamesWritesRequestAndStatusActivitiesOnEachLead) {
  const auto r = Call(server_, "requestCampaign",
                      RequestBody(Leads({"5", "6", "5"}) +
                                  "<programName>q3 webinar series</programName>"
                                  "<campaignName>Webinar Registration</campaignName>" +
                                  Tokens({{"{{my.Speaker}}", "Grace"}})));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Text(r.body, "success"), "true");
  const auto records = Activity("5");
  ASSERT_GE(records.size(), 2u);
  EXPECT_EQ(Text(records[0], "activityType"), "Change Status in Progression");
  EXPECT_EQ(AttrValue(records[0], "Old Status"), "Not in Program");
  EXPECT_EQ(AttrValue(records[0], "New Status"), "Registered");
  EXPECT_EQ(AttrValue(records[0], "Success"), "false");
  EXPECT_EQ(Text(records[0], "mktgAssetName"), "Q3 Webinar Series");
  EXPECT_EQ(Text(records[1], "activityType"), "Request Campaign");
  EXPECT_EQ(Text(records[1], "mktgAssetName"), "Webinar Registration");
  EXPECT_EQ(AttrValue(records[1], "Campaign ID"), "3001");
  EXPECT_EQ(AttrValue(records[1], "Source"), "Web service API");
  EXPECT_EQ(AttrValue(records[1], "{{my.Speaker}}"), "Grace");
  EXPECT_EQ(Text(Activity("6")[1], "activityType"), "Request Campaign");

  // Requested again: a second Request Campaign, but the status does not change.
  ASSERT_EQ(
      Call(server_, "requestCampaign", RequestBody("<campaignId>3001</campaignId>" + Leads({"5"})))
          .status,
      200);
  const auto again = Activity("5");
  EXPECT_EQ(Text(again[0], "activityType"), "Request Campaign");
  EXPECT_EQ(Text(again[1], "activityType"), "Change Status in Progression");

  server_.Stop();
  const json d = json::parse(server_.ReadDump());
  EXPECT_EQ(d["program_members"]["1970"]["5"], "Registered");
  ASSERT_EQ(d["campaign_runs"].size(), 2u);
  EXPECT_EQ(d["campaign_runs"][0]["leads"], 2);  // lead 5 given twice counts once
  EXPECT_EQ(d["campaign_runs"][0]["tokens"]["{{my.Speaker}}"], "Grace");
  EXPECT_EQ(d["counters"]["objects"]["REQUESTED"]["Campaign"], 2);
  EXPECT_EQ(d["activity_counts"]["Request Campaign"], 3);
}

TEST_F(CampaignTest, BadCombinationsUnknownAndNotRequestableCampaignsAreFaults) {
  const std::string names =
      "<programName>Q3 Webinar Series</programName><campaignName>Webinar Reminder</campaignName>";
  ExpectLeadFault(Call(server_, "requestCampaign",
                       RequestBody("<campaignId>3002</campaignId>" + Leads({"5"}) + names)),
                  20110, "Bad Parameter");
  ExpectLeadFault(Call(server_, "requestCampaign",
                       RequestBody("<campaignId>3002</campaignId>" + Leads({"5"}) +
                                   Tokens({{"{{my.Speaker}}", "x"}}))),
                  20110, "Bad Parameter");
  ExpectLeadFault(Call(server_, "requestCampaign",
                       RequestBody(Leads({"5"}) + "<programName>Q3 Webinar Series</programName>")),
                  20110, "Bad Parameter");
  ExpectLeadFault(
      Call(server_, "requestCampaign", RequestBody("<campaignId>9999</campaignId>" + Leads({"5"}))),
      20113, "Campaign Not Found", "No campaign with id 9999");
  ExpectLeadFault(
      Call(server_, "requestCampaign", RequestBody("<campaignId>3004</campaignId>" + Leads({"5"}))),
      20113, "Campaign Not Found");
  ExpectLeadFault(Call(server_, "requestCampaign",
                       RequestBody("<campaignId>3005</campaignId>" + Leads({"5"}))),  // SALES only
                  20113, "Campaign Not Found");
  ExpectLeadFault(Call(server_, "requestCampaign",
                       RequestBody(Leads({"5"}) + names + Tokens({{"my.Speaker", "x"}}))),
                  20110, "Bad Parameter");
  ExpectLeadFault(Call(server_, "requestCampaign",
                       RequestBody(Leads({"5"}) + names + Tokens({{"{{my.Nope}}", "x"}}))),
                  20110, "Bad Parameter");
  ExpectLeadFault(Call(server_, "requestCampaign",
                       RequestBody("<campaignId>3002</campaignId>" + Leads({"5", "999999"}))),
                  20103, "Lead Not Found", "No lead found with IDNUM = 999999");
  ExpectLeadFault(Call(server_, "requestCampaign", RequestBody("<campaignId>3002</campaignId>")),
                  20109, "Parameter Required");
  // Nothing of the faulted calls ran.
  for (const auto& rec : Activity("5")) EXPECT_NE(Text(rec, "activityType"), "Request Campaign");
  ASSERT_EQ(Call(server_, "requestCampaign",
                 RequestBody("<campaignId>3005</campaignId>" + Leads({"5"}), "SALES"))
                .status,
            200);
  EXPECT_EQ(AttrValue(Activity("5")[0], "Source"), "Sales Insight");
}

TEST_F(CampaignTest, ScheduleRunsABatchCampaignOverItsListNowAndRecordsAFutureOne) {
  const auto now = Call(server_, "scheduleCampaign",
                        ScheduleBody("Q3 Webinar Series", "Webinar Attendance",
                                     Tokens({{"{{my.Webinar Title}}", "Live"}})));
  ASSERT_EQ(now.status, 200) << now.body;
  EXPECT_EQ(Text(now.body, "success"), "true");
  const auto records = Activity("7");  // in list 2 (id % 7 == 0)
  EXPECT_EQ(Text(records[0], "activityType"), "Change Status in Progression");
  EXPECT_EQ(AttrValue(records[0], "New Status"), "Attended");
  EXPECT_EQ(AttrValue(records[0], "Success"), "true");
  EXPECT_NE(Text(Activity("8")[0], "activityType"), "Change Status in Progression");

  ASSERT_EQ(Call(server_, "scheduleCampaign",
                 ScheduleBody("Event 1004", "Monthly Newsletter",
                              "<campaignRunAt>" + Around(86400) + "</campaignRunAt>"))
                .status,
            200);
  ExpectLeadFault(Call(server_, "scheduleCampaign", ScheduleBody("Q3 Webinar Series", "Nope")),
                  20113, "Campaign Not Found");
  ExpectLeadFault(
      Call(server_, "scheduleCampaign", ScheduleBody("Q3 Webinar Series", "Webinar Reminder")),
      20110, "Bad Parameter", "Campaign 'Webinar Reminder' is not a batch campaign");
  ASSERT_EQ(Call(server_, "scheduleCampaign",
                 ScheduleBody("Q3 Webinar Series", "Webinar Attendance", "", "Q4 Webinar Series"))
                .status,
            200);
  ExpectLeadFault(Call(server_, "scheduleCampaign",
                       ScheduleBody("Q3 Webinar Series", "Webinar Attendance", "", "Event 1004")),
                  20110, "Bad Parameter");

  server_.Stop();
  const json d = json::parse(server_.ReadDump());
  const auto& runs = d["campaign_runs"];
  ASSERT_EQ(runs.size(), 3u);
  EXPECT_EQ(runs[0]["state"], "ran");
  EXPECT_EQ(runs[0]["leads"], 139);
  EXPECT_EQ(runs[1]["state"], "scheduled");
  EXPECT_EQ(runs[1]["leads"], 0);
  EXPECT_EQ(runs[2]["clonedProgram"], 1971);
  EXPECT_EQ(d["program_members"]["1970"].size(), 139u);
  EXPECT_EQ(d["program_tokens"]["1971"]["{{my.Speaker}}"], "Ada Person1");
  bool clone = false;
  for (const auto& o : d["objects"]) {
    if (o["type"] == "Program" && o["id"] == 1971) {
      clone = true;
      EXPECT_EQ(o["attributes"]["Name"], "Q4 Webinar Series");
    }
  }
  EXPECT_TRUE(clone);
}

TEST_F(CampaignTest, ChannelsCarryProgressionStatusesAndTagsLeaveChannelsOut) {
  const auto all = Call(server_, "getChannels", "<ns1:paramsGetChannels/>");
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(Texts(all.body, "tagStatus").size(), 7u);
  const auto web = Call(server_, "getChannels",
                        "<ns1:paramsGetChannels><tag><values><stringItem>Webinar</stringItem>"
                        "<stringItem>Nope</stringItem></values></tag></ns1:paramsGetChannels>");
  const auto channels = Texts(web.body, "tagStatus");
  ASSERT_EQ(channels.size(), 1u);
  EXPECT_EQ(Text(channels[0], "tagValue"), "Webinar");
  const auto statuses = Texts(channels[0], "progressionStatusItem");
  ASSERT_EQ(statuses.size(), 5u);
  EXPECT_EQ(Texts(statuses[3], "value"), (std::vector<std::string>{"Attended", "3", "true"}));
  const auto event = Call(server_, "getChannels",
                          "<ns1:paramsGetChannels><tag><values><stringItem>Event</stringItem>"
                          "</values></tag></ns1:paramsGetChannels>");
  EXPECT_NE(event.body.find("<name>Check-in Status</name>"), std::string::npos);

  const auto tags = Call(server_, "getTags", "<ns1:paramsGetTags/>");
  ASSERT_EQ(tags.status, 200) << tags.body;
  EXPECT_EQ(Texts(tags.body, "type"), (std::vector<std::string>{"Product Line", "Region"}));
  const auto region = Call(server_, "getTags",
                           "<ns1:paramsGetTags><tagList><tag><type>Region</type></tag>"
                           "<tag><type>Channel</type></tag></tagList></ns1:paramsGetTags>");
  EXPECT_EQ(Texts(region.body, "type"), (std::vector<std::string>{"Region"}));
  EXPECT_EQ(Texts(region.body, "stringItem"),
            (std::vector<std::string>{"Americas", "EMEA", "APAC"}));

  server_.Stop();
  const json d = json::parse(server_.ReadDump());
  EXPECT_EQ(d["channels"].size(), 7u);
  EXPECT_EQ(d["tag_types"]["Region"].size(), 3u);
  EXPECT_EQ(d["campaigns"].size(), 8u);
}

}  // namespace
}  // namespace marketo_test
