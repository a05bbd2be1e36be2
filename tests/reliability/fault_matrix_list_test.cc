// Fault matrix, static-list family: each list call's retry rule when an answer is lost (an
// import is never repeated: a second job; membership and status reads are), and a status list
// that does not match the members sent. Every case is bounded in time and leaks no secret.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "fault_matrix.h"

namespace {
using marketo::LeadKey;
using marketo::ListClient;
using marketo::ListKey;
using marketo::Status;
using marketo::StatusCode;
using marketo_test::CountedClient;
using marketo_test::Envelope;
using marketo_test::LoopbackConn;
using marketo_test::LoopbackServer;
using marketo_test::MockServerProcess;
using marketo_test::fault_matrix::ExpectNoSecrets;
using marketo_test::fault_matrix::kRawKey;
using marketo_test::fault_matrix::kRetries;
using marketo_test::fault_matrix::Ok;
using marketo_test::fault_matrix::Options;
using marketo_test::fault_matrix::Reply;
using marketo_test::fault_matrix::Timed;

const ListKey kList = ListKey::Name("Webinar Attendees Q1 2013");

marketo::ImportToListRequest OneRow() {
  marketo::ImportToListRequest r;
  r.program_name = "Q3 Webinar Series";
  r.list_name = "Suppression List";
  r.columns = {"Email Address"};
  r.rows = {{"a@example.org"}};
  return r;
}

struct LostAnswerCase {
  const char* id;  // the test name's suffix
  const char* name;
  std::function<Status(ListClient&)> call;
  int attempts;  // with kRetries retries
};

void PrintTo(const LostAnswerCase& c, std::ostream* os) { *os << c.name; }

std::vector<LostAnswerCase> LostAnswerCases() {
  return {
      {"AddToList", "listOperation ADDTOLIST (membership is a set)",
       [](ListClient& c) { return c.AddToList(kList, {LeadKey::Id(8)}).status; }, 1 + kRetries},
      {"RemoveFromList", "listOperation REMOVEFROMLIST",
       [](ListClient& c) { return c.RemoveFromList(kList, {LeadKey::Id(8)}).status; },
       1 + kRetries},
      {"IsMemberOfList", "listOperation ISMEMBEROFLIST (a read)",
       [](ListClient& c) { return c.IsMemberOfList(kList, {LeadKey::Id(8)}).status; },
       1 + kRetries},
      {"GetImportToListStatus", "getImportToListStatus (a read)",
       [](ListClient& c) {
         return c.GetImportStatus({"Q3 Webinar Series", "Suppression List"}).status();
       },
       1 + kRetries},
      {"ImportToList", "importToList (a repeat starts a second import)",
       [](ListClient& c) { return c.ImportToList(OneRow()).status(); }, 1},
  };
}

class FaultMatrixListLostAnswer : public ::testing::TestWithParam<LostAnswerCase> {};

// The request arrived whole; the connection is reset before any answer.
TEST_P(FaultMatrixListLostAnswer, RetriedOnlyWhenARepeatIsHarmless) {
  const LostAnswerCase& lc = GetParam();
  LoopbackServer server([](LoopbackConn& c) {
    c.ReadRequest();
    c.Reset();
  });
  auto o = Options(server.url());
  CountedClient cc(o);
  ListClient lists(cc.stack);
  const Status s = Timed(o, 1 + kRetries, [&] { return lc.call(lists); });
  ASSERT_FALSE(s.ok()) << lc.name;
  EXPECT_EQ(s.code(), StatusCode::kUnavailable) << lc.name << ": " << s.ToString();
  EXPECT_TRUE(s.request_may_have_reached_server()) << lc.name;
  EXPECT_EQ(cc.attempts(), lc.attempts) << lc.name;
  ExpectNoSecrets(s, kRawKey);
}

INSTANTIATE_TEST_SUITE_P(EveryListCall, FaultMatrixListLostAnswer,
                         ::testing::ValuesIn(LostAnswerCases()),
                         [](const auto& test) { return std::string(test.param.id); });

TEST(FaultMatrixList, FewerStatusesThanMembersFailsEveryMemberOfTheCall) {
  LoopbackServer server(Reply(Ok(Envelope(
      "<ns1:successListOperation><result><success>true</success><statusList><leadStatus>"
      "<leadKey><keyType>IDNUM</keyType><keyValue>7</keyValue></leadKey><status>true</status>"
      "</leadStatus></statusList></result></ns1:successListOperation>"))));
  auto o = Options(server.url());
  CountedClient cc(o);
  ListClient lists(cc.stack);
  auto r = Timed(o, 1, [&] { return lists.AddToList(kList, {LeadKey::Id(7), LeadKey::Id(8)}); });
  EXPECT_EQ(r.status.code(), StatusCode::kResponseMismatch) << r.status.ToString();
  ASSERT_EQ(r.results.size(), 2u);
  for (const auto& m : r.results) {
    EXPECT_FALSE(m.status);
    EXPECT_EQ(m.call_status.code(), StatusCode::kResponseMismatch);
  }
  EXPECT_EQ(cc.attempts(), 1);
  ExpectNoSecrets(r.status, kRawKey);
}

// Against the mock: the job is created and the answer lost; the SDK does not start a second.
TEST(FaultMatrixList, ALostImportAnswerLeavesExactlyOneJob) {
  MockServerProcess server(
      {"--fault", "every=1:kind=reset-after-commit:op=importToList", "--import-ms", "0"});
  auto o = Options(server.url(), marketo_test::kMockEncryptionKey);
  CountedClient cc(o);
  ListClient lists(cc.stack);
  const Status s = Timed(o, 1, [&] { return lists.ImportToList(OneRow()).status(); });
  EXPECT_EQ(s.code(), StatusCode::kUnavailable) << s.ToString();
  EXPECT_EQ(cc.attempts(), 1);
  server.Stop();
  // Each job in the dump's import_jobs has one "rowsIgnored".
  const std::string dump = server.ReadDump();
  std::size_t jobs = 0;
  for (auto at = dump.find("\"rowsIgnored\""); at != std::string::npos;
       at = dump.find("\"rowsIgnored\"", at + 1)) {
    ++jobs;
  }
  EXPECT_EQ(jobs, 1u);
}

}  // namespace
