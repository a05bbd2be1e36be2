// listOperation, importToList and getImportToListStatus against marketo-mock-server: the seeded
// lists, statuses in request order (a non-member check is an answer), strict, the faults, import
// jobs with their row counts, LISTONLY, clearList, FAILED jobs, and the dump.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "lists_util.h"

namespace marketo_test {
namespace {

using json = nlohmann::json;

constexpr char kWebinar[] = "Webinar Attendees Q1 2013";  // seeded list 2: id % 7 == 0
constexpr char kProgram[] = "Q3 Webinar Series";          // seeded Program 1970

class ListsTest : public ::testing::Test {
 protected:
  HttpResponse Op(const std::string& op, const std::string& list,
                  const std::vector<std::string>& ids, bool strict = false) {
    return Call(server_, "listOperation", ListOperationBody(op, list, ids, strict));
  }
  HttpResponse Import(const std::string& list, const std::string& header,
                      const std::vector<std::string>& rows, const std::string& mode = "UPSERTLEADS",
                      bool clear = false) {
    return Call(server_, "importToList", ImportBody(kProgram, list, header, rows, mode, clear));
  }
  HttpResponse Status(const std::string& list) {
    return Call(server_, "getImportToListStatus", StatusBody(kProgram, list));
  }
  std::vector<std::string> Members(const std::string& list, const std::vector<std::string>& ids) {
    const auto r = Op("ISMEMBEROFLIST", list, ids);
    EXPECT_EQ(r.status, 200) << r.body;
    return Texts(r.body, "status");
  }
  MockServerProcess server_{{"--import-ms", "0"}};
};

TEST_F(ListsTest, MembershipCheckAnswersEveryLeadInOrder) {
  const auto r = Op("ISMEMBEROFLIST", "webinar attendees q1 2013", {"7", "8", "999999", "14"});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Text(r.body, "success"), "false");  // a non-member: a normal answer (S6)
  EXPECT_EQ(Texts(r.body, "status"), (std::vector<std::string>{"true", "false", "false", "true"}));
  EXPECT_EQ(Texts(r.body, "keyValue"), (std::vector<std::string>{"7", "8", "999999", "14"}));
  EXPECT_EQ(Text(Op("ISMEMBEROFLIST", kWebinar, {"7", "14"}).body, "success"), "true");
}

TEST_F(ListsTest, AddAndRemoveChangeMembershipAndLogActivities) {
  auto r = Op("ADDTOLIST", kWebinar, {"8", "7"});  // 7 is in already: still true
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Text(r.body, "success"), "true");
  EXPECT_EQ(Members(kWebinar, {"8"}), std::vector<std::string>{"true"});
  r = Op("REMOVEFROMLIST", kWebinar, {"8", "999999"});
  EXPECT_EQ(Text(r.body, "success"), "false");
  EXPECT_EQ(Texts(r.body, "status"), (std::vector<std::string>{"true", "false"}));
  EXPECT_EQ(Members(kWebinar, {"8"}), std::vector<std::string>{"false"});

  server_.Stop();
  const json d = json::parse(server_.ReadDump());
  EXPECT_EQ(d["activity_counts"]["Remove from List"], 1);
  EXPECT_EQ(d["activity_counts"]["Add to List"], 1127 + 1);
  for (const auto& l : d["static_lists"]) {
    if (l["id"] == 2) {
      EXPECT_EQ(l["members"].size(), 139u);
    }
  }
}

TEST_F(ListsTest, StrictAppliesNothingWhenOneLeadFails) {
  const auto r = Op("ADDTOLIST", kWebinar, {"9", "999999"}, true);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Text(r.body, "success"), "false");
  EXPECT_EQ(Texts(r.body, "status"), (std::vector<std::string>{"false", "false"}));
  EXPECT_EQ(Members(kWebinar, {"9"}), std::vector<std::string>{"false"});
}

TEST_F(ListsTest, RequestProblemsAreFaults) {
  ExpectLeadFault(Op("ADDTOLIST", "No Such List", {"7"}), 20111, "List Not Found",
                  "List 'No Such List' not found");
  ExpectLeadFault(Call(server_, "listOperation",
                       ListOperationBody("ADDTOLIST", kWebinar, {"7"}, false, "MKTOSALESUSERID")),
                  20110, "Bad Parameter");
  ExpectLeadFault(Op("ADDTOLIST", kWebinar, {}), 20109, "Parameter Required");
  const std::vector<std::string> many(1001, "7");
  ExpectLeadFault(Op("ADDTOLIST", kWebinar, many), 20110, "Bad Parameter",
                  "listMemberList accepts at most 1000 leads per call, got 1001");
}

TEST_F(ListsTest, UpsertImportCreatesAndUpdatesLeadsAndCountsRows) {
  auto r = Import("Suppression List", "Email Address,First Name,Company Name,{{my.Code}}",
                  {"new.import@example.com,Nia,\"Acme, Inc.\",X1", "lead5@example.com,Eve,,X2",
                   "short@example.com,only-two", "\"unclosed@example.com,A,B,C"});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Text(r.body, "importStatus"), "COMPLETE");  // --import-ms 0
  r = Status("suppression list");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Text(r.body, "status"), "COMPLETE");
  EXPECT_EQ(Text(r.body, "rowsImported"), "2");
  EXPECT_EQ(Text(r.body, "rowsFailed"), "2");
  EXPECT_EQ(Text(r.body, "rowsIgnored"), "0");
  EXPECT_EQ(Text(r.body, "estimatedRows"), "4");
  EXPECT_NE(Text(r.body, "endedTime"), "<missing>");

  r = Call(server_, "getLead", GetLeadBody("EMAIL", "new.import@example.com"));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(AttrValue(r.body, "Company"), "Acme, Inc.");
  EXPECT_EQ(AttrValue(r.body, "FirstName"), "Nia");
  const std::string new_id = Text(r.body, "Id");
  EXPECT_EQ(Members("Suppression List", {new_id, "5"}), (std::vector<std::string>{"true", "true"}));
  r = Call(server_, "getLead", GetLeadBody("IDNUM", "5"));
  EXPECT_EQ(AttrValue(r.body, "FirstName"), "Eve");

  server_.Stop();
  const json d = json::parse(server_.ReadDump());
  ASSERT_EQ(d["import_jobs"].size(), 1u);
  const json& job = d["import_jobs"][0];
  EXPECT_EQ(job["program"], kProgram);
  EXPECT_EQ(job["list"], "Suppression List");
  EXPECT_EQ(job["status"], "COMPLETE");
  EXPECT_EQ(job["rowsImported"], 2);
  EXPECT_EQ(job["tokenColumns"], json::array({"{{my.Code}}"}));
}

TEST_F(ListsTest, ListOnlyIgnoresUnknownLeadsAndClearListEmptiesFirst) {
  auto r =
      Import("Customers", "Email", {"lead2@example.com", "nobody@example.com"}, "LISTONLY", true);
  ASSERT_EQ(r.status, 200) << r.body;
  r = Status("Customers");
  EXPECT_EQ(Text(r.body, "rowsImported"), "1");
  EXPECT_EQ(Text(r.body, "rowsIgnored"), "1");
  // lead2@ is leads 2, 202, 505, 808: the most recently created joins; the seeded 13 left.
  EXPECT_EQ(Members("Customers", {"808", "13"}), (std::vector<std::string>{"true", "false"}));
  r = Call(server_, "getLead", GetLeadBody("EMAIL", "nobody@example.com"));
  EXPECT_EQ(r.status, 500);  // LISTONLY creates nothing
}

TEST_F(ListsTest, AnUnknownColumnFailsTheJob) {
  ASSERT_EQ(Import("Customers", "Email,Shoe Size", {"lead2@example.com,44"}).status, 200);
  const auto r = Status("Customers");
  EXPECT_EQ(Text(r.body, "status"), "FAILED");
  EXPECT_EQ(Text(r.body, "rowsFailed"), "1");
  EXPECT_EQ(Text(r.body, "importSummary"), "Unknown column 'Shoe Size'");
}

TEST_F(ListsTest, ImportFaults) {
  ExpectLeadFault(Call(server_, "importToList",
                       ImportBody("No Such Program", "Customers", "Email", {"a@example.com"})),
                  20110, "Bad Parameter", "Program 'No Such Program' not found");
  ExpectLeadFault(Import("No Such List", "Email", {"a@example.com"}), 20111, "List Not Found");
  ExpectLeadFault(Status("Trade Show Leads"), 20110, "Bad Parameter");  // no job yet
  ExpectLeadFault(Call(server_, "getImportToListStatus",
                       "<ns1:paramsGetImportToListStatus><listName>x</listName>"
                       "</ns1:paramsGetImportToListStatus>"),
                  20109, "Parameter Required");
}

TEST(ListImportTimeTest, AJobReadsProcessingUntilItsTimeHasPassed) {
  MockServerProcess server({"--import-ms", "600000"});
  auto r = Call(server, "importToList",
                ImportBody(kProgram, "Trade Show Leads", "Email", {"lead3@example.com"}));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Text(r.body, "importStatus"), "PROCESSING");
  r = Call(server, "getImportToListStatus", StatusBody(kProgram, "Trade Show Leads"));
  EXPECT_EQ(Text(r.body, "status"), "PROCESSING");
  EXPECT_NE(Text(r.body, "estimatedTime"), "<missing>");
  EXPECT_EQ(Text(r.body, "rowsImported"), "");  // nil until the job ends
  // One job per program and list at a time.
  ExpectLeadFault(Call(server, "importToList",
                       ImportBody(kProgram, "Trade Show Leads", "Email", {"lead4@example.com"})),
                  20110, "Bad Parameter");
}

}  // namespace
}  // namespace marketo_test
