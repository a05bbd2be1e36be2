// ListClient over real sockets against marketo-mock-server and its seeded lists (see
// src/mock_server/README.md, "Seeded data"), over HTTP and HTTPS.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "marketo/marketo.h"
#include "support/mock_server_process.h"
#include "support/soap_http.h"

namespace {

using marketo::ImportStatus;
using marketo::LeadKey;
using marketo::ListClient;
using marketo::ListKey;
using marketo::StatusCode;
using marketo_test::MockServerProcess;
using ::testing::HasSubstr;

marketo::ClientOptions Options(const std::string& url) {
  marketo::ClientOptions o;
  o.endpoint = url;
  o.credentials = {marketo_test::kMockUserId, marketo_test::kMockEncryptionKey};
  o.connect_timeout = std::chrono::seconds(5);
  o.send_timeout = std::chrono::seconds(10);
  o.receive_timeout = std::chrono::seconds(10);
  o.limits = marketo::LimitOptions::Unlimited();
  return o;
}

const ListKey kWebinar = ListKey::Name("Webinar Attendees Q1 2013");  // id % 7 == 0

TEST(ListIntegration, AddCheckAndRemoveMembersAcrossSeveralCalls) {
  MockServerProcess server;
  ListClient client(Options(server.url()));
  std::vector<LeadKey> members;
  for (int id = 1; id <= 1000; ++id) members.push_back(LeadKey::Id(id));
  members.push_back(LeadKey::Id(999999));  // no such lead: the 1001st, in a second call
  auto check = client.IsMemberOfList(kWebinar, members);
  ASSERT_TRUE(check.status.ok()) << check.status.ToString() << server.ReadStderr();
  EXPECT_EQ(check.calls, 2u);
  ASSERT_EQ(check.results.size(), 1001u);
  int in = 0;
  for (const auto& r : check.results) in += r.status ? 1 : 0;
  EXPECT_EQ(in, 139);
  EXPECT_TRUE(check.results[6].status);   // lead 7
  EXPECT_FALSE(check.results[7].status);  // lead 8: a normal answer
  EXPECT_TRUE(check.results[7].call_status.ok());

  auto added = client.AddToList(kWebinar, {LeadKey::Id(8), LeadKey::Id(9)});
  ASSERT_TRUE(added.status.ok()) << added.status.ToString();
  EXPECT_TRUE(added.results[0].status && added.results[1].status);
  auto again = client.IsMemberOfList(kWebinar, {LeadKey::Id(9), LeadKey::Id(8), LeadKey::Id(10)});
  EXPECT_TRUE(again.results[0].status);
  EXPECT_TRUE(again.results[1].status);
  EXPECT_FALSE(again.results[2].status);

  auto removed = client.RemoveFromList(kWebinar, {LeadKey::Id(8)});
  ASSERT_TRUE(removed.status.ok());
  EXPECT_FALSE(client.IsMemberOfList(kWebinar, {LeadKey::Id(8)}).results[0].status);

  auto missing = client.AddToList(ListKey::Name("No Such List"), {LeadKey::Id(1)});
  EXPECT_EQ(missing.status.marketo_error_code(), marketo::error_codes::kListNotFound);
  EXPECT_EQ(missing.results[0].call_status.code(), StatusCode::kSoapFault);
}

marketo::ImportToListRequest Rows() {
  marketo::ImportToListRequest r;
  r.program_name = "Q3 Webinar Series";
  r.list_name = "Suppression List";
  r.columns = {"Email Address", "First Name", "Company Name", "{{my.Discount}}"};
  r.rows = {{"csv.one@example.com", "Uno", "Acme, Inc.", "10%"},
            {"csv.two@example.com", "Dos \"the second\"", "Globex", "20%"}};
  return r;
}

TEST(ListIntegration, ImportRowsAndWaitForTheJobOverHttps) {
  MockServerProcess server({"--tls-cert", marketo_test::TestCertsDir() + "/server.pem", "--tls-key",
                            marketo_test::TestCertsDir() + "/server.pem", "--import-ms", "0"});
  auto o = Options("https://localhost:" + std::to_string(server.port()) + "/soap/mktows/3_1");
  o.tls.ca_file = marketo_test::TestCertsDir() + "/ca.crt";
  ListClient client(o);
  auto started = client.ImportToList(Rows());
  ASSERT_TRUE(started.ok()) << started.status().ToString() << server.ReadStderr();
  marketo::WaitForImportOptions wait;
  wait.poll_interval = std::chrono::milliseconds(10);  // the mock's jobs take no time
  auto done = client.WaitForImport({"Q3 Webinar Series", "Suppression List"}, wait);
  ASSERT_TRUE(done.status.ok()) << done.status.ToString();
  ASSERT_TRUE(done.last.has_value());
  EXPECT_EQ(done.last->status, ImportStatus::kComplete);
  EXPECT_EQ(done.last->rows_imported, 2);
  EXPECT_EQ(done.last->rows_failed, 0);

  // The quoted cells arrived whole: the lead has the comma and the quotes.
  marketo::LeadClient leads(client.connection());
  auto two = leads.GetLead(LeadKey::Email("csv.two@example.com"));
  ASSERT_TRUE(two.ok()) << two.status().ToString();
  ASSERT_EQ(two->size(), 1u);
  EXPECT_EQ((*two)[0].FirstName(), "Dos \"the second\"");
  auto one = leads.GetLead(LeadKey::Email("csv.one@example.com"));
  ASSERT_TRUE(one.ok());
  EXPECT_EQ((*one)[0].Company(), "Acme, Inc.");
  auto member = client.IsMemberOfList(ListKey::Name("Suppression List"),
                                      {LeadKey::Id(*(*one)[0].id), LeadKey::Id(*(*two)[0].id)});
  EXPECT_TRUE(member.results[0].status && member.results[1].status);
}

TEST(ListIntegration, AStillProcessingJobStopsTheWaitAtItsDeadline) {
  MockServerProcess server({"--import-ms", "600000"});
  ListClient client(Options(server.url()));
  ASSERT_TRUE(client.ImportToList(Rows()).ok());
  marketo::WaitForImportOptions wait;
  wait.poll_interval = std::chrono::milliseconds(5);
  wait.timeout = std::chrono::milliseconds(20);
  auto r = client.WaitForImport({"Q3 Webinar Series", "Suppression List"}, wait);
  EXPECT_EQ(r.status.code(), StatusCode::kDeadlineExceeded);
  EXPECT_THAT(r.status.message(), HasSubstr("PROCESSING"));
  ASSERT_TRUE(r.last.has_value());
  EXPECT_EQ(r.last->status, ImportStatus::kProcessing);
  // A second import while the first runs is refused by the server.
  auto second = client.ImportToList(Rows());
  EXPECT_EQ(second.status().marketo_error_code(), marketo::error_codes::kBadParameter);
}

}  // namespace
