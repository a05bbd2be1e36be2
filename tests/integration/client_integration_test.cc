// MObjectClient over real sockets against marketo-mock-server (HTTP and HTTPS).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "marketo/marketo.h"
#include "support/mock_server_process.h"
#include "support/soap_http.h"

namespace {

using marketo::ClientOptions;
using marketo::MObject;
using marketo::MObjectClient;
using marketo::StatusCode;
using marketo::SyncOperation;
using marketo::SyncStatus;
using marketo_test::MockServerProcess;
using ::testing::HasSubstr;
using ::testing::Not;

ClientOptions Options(const std::string& url) {
  ClientOptions o;
  o.endpoint = url;
  o.credentials = {marketo_test::kMockUserId, marketo_test::kMockEncryptionKey};
  o.connect_timeout = std::chrono::seconds(5);
  o.send_timeout = std::chrono::seconds(10);
  o.receive_timeout = std::chrono::seconds(10);
  return o;
}

std::string Cert(const std::string& name) { return marketo_test::TestCertsDir() + "/" + name; }

std::string Https(const MockServerProcess& server, const std::string& host) {
  return "https://" + host + ":" + std::to_string(server.port()) + "/soap/mktows/3_1";
}

std::vector<std::string> TlsArgs(const std::string& pem) {
  return {"--tls-cert", Cert(pem), "--tls-key", Cert(pem)};
}

TEST(Integration, SeedSamplesOverHttp) {
  MockServerProcess server;
  MObjectClient client(Options(server.url()));

  std::vector<MObject> program{marketo::Program(1970).AddCost("2013-06", "2000", 153)};
  auto p = client.Sync(program, SyncOperation::kUpdate);
  ASSERT_TRUE(p.ok()) << p.status().ToString() << server.ReadStderr();
  EXPECT_EQ((*p)[0].id, 1970);
  EXPECT_EQ((*p)[0].status, SyncStatus::kUpdated);

  std::vector<MObject> opp{
      marketo::Opportunity().SetName("Q1 2014").SetAmount("2000").SetProbability("80%")};
  auto o = client.Sync(opp, SyncOperation::kInsert);
  ASSERT_TRUE(o.ok()) << o.status().ToString();
  EXPECT_EQ((*o)[0].status, SyncStatus::kCreated);
  EXPECT_TRUE((*o)[0].id.has_value());

  std::vector<MObject> role{marketo::OpportunityPersonRole(64, 19).SetRole("Influencer/Champion")};
  auto r = client.Sync(role, SyncOperation::kInsert);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)[0].status, SyncStatus::kCreated);
}

TEST(Integration, SyncAllDescribeListGetDeleteOverHttp) {
  MockServerProcess server;
  MObjectClient client(Options(server.url()));

  std::vector<MObject> many;
  for (int i = 0; i < 250; ++i) {
    many.push_back(marketo::Opportunity().SetName("Bulk " + std::to_string(i)).SetAmount("10"));
  }
  auto all = client.SyncAll(many, SyncOperation::kInsert);
  ASSERT_TRUE(all.status.ok()) << all.status.ToString();
  EXPECT_EQ(all.calls, 3u);
  ASSERT_EQ(all.results.size(), 250u);
  std::vector<std::int64_t> ids;
  for (std::size_t i = 0; i < all.results.size(); ++i) {
    EXPECT_EQ(all.results[i].index, i);
    EXPECT_EQ(all.results[i].status, SyncStatus::kCreated) << all.results[i].error;
    ASSERT_TRUE(all.results[i].id.has_value());
    ids.push_back(*all.results[i].id);
  }

  auto list = client.List();
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_THAT(*list, ::testing::Contains("Opportunity"));

  auto md = client.Describe("Opportunity");
  ASSERT_TRUE(md.ok()) << md.status().ToString();
  EXPECT_EQ(md->name, "Opportunity");
  EXPECT_FALSE(md->fields.empty());

  marketo::GetMObjectsRequest req;
  req.type = "Program";
  req.include_details = true;
  auto page = client.Get(req);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  auto programs = client.GetAll(req);
  ASSERT_TRUE(programs.ok()) << programs.status().ToString();
  EXPECT_GT(programs->size(), 100u) << "needs more than one page";
  EXPECT_LE(page->objects.size(), 100u);

  std::vector<MObject> del{marketo::Opportunity(ids[0]), marketo::Opportunity(ids[1])};
  auto d = client.Remove(del);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ((*d)[0].status, SyncStatus::kDeleted);
  EXPECT_EQ((*d)[1].status, SyncStatus::kDeleted);
}

// SyncAll prepares requests ahead with twice `concurrency` workers, yet the server never has
// more than `concurrency` of its calls at once: the mock answers 20024 to a call over its
// --concurrency-limit, and with retries off any such fault would fail a batch. The control run,
// one above the limit, shows the check bites. The mock holds each call 300 ms so that calls
// which may overlap do overlap, even under valgrind.
TEST(Integration, SyncAllStaysWithinTheServersConcurrencyLimit) {
  std::vector<MObject> objects;
  for (int i = 0; i < 400; ++i) {
    objects.push_back(marketo::Opportunity(50 + i % 30).SetName("Pipelined " + std::to_string(i)));
  }
  for (std::size_t limit : {1u, 3u}) {
    SCOPED_TRACE("limit " + std::to_string(limit));
    MockServerProcess server(
        {"--concurrency-limit", std::to_string(limit), "--rate-limit", "0", "--latency-ms", "300"});
    ClientOptions o = Options(server.url());
    o.retry = marketo::RetryPolicy::NoRetries();
    o.limits.max_calls_per_window = 0;
    o.limits.max_in_flight = 0;
    o.max_connections = 2 * (limit + 1);
    MObjectClient client(o);
    marketo::SyncAllOptions opts;
    opts.concurrency = limit;
    auto all = client.SyncAll(objects, SyncOperation::kUpsert, opts);
    EXPECT_TRUE(all.status.ok()) << all.status.ToString();
    EXPECT_EQ(all.calls, 4u);
    EXPECT_EQ(all.failed_calls, 0u);
    for (const auto& r : all.results) ASSERT_EQ(r.status, SyncStatus::kUpdated) << r.error;

    opts.concurrency = limit + 1;
    auto over = client.SyncAll(objects, SyncOperation::kUpsert, opts);
    EXPECT_GT(over.failed_calls, 0u);
    EXPECT_EQ(over.status.marketo_error_code(), 20024) << over.status.ToString();
  }
}

TEST(Integration, WrongKeyIsTypedFault20014WithoutSecrets) {
  MockServerProcess server;
  auto o = Options(server.url());
  o.credentials.encryption_key = "definitely-Wrong-Key-9";
  MObjectClient client(o);
  auto r = client.List();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kSoapFault);
  EXPECT_EQ(r.status().marketo_error_code(), 20014);
  EXPECT_THAT(r.status().ToString(), Not(HasSubstr("definitely-Wrong-Key-9")));
}

TEST(Integration, ConnectionRefusedIsUnavailableAndNotSent) {
  std::string url;
  {
    MockServerProcess server;
    url = server.url();
  }
  MObjectClient client(Options(url));
  auto r = client.List();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kUnavailable);
  EXPECT_FALSE(r.status().request_may_have_reached_server());
}

TEST(Integration, HttpsWithPinnedCa) {
  MockServerProcess server(TlsArgs("server.pem"));
  auto o = Options(Https(server, "localhost"));
  o.tls.ca_file = Cert("ca.crt");
  MObjectClient client(o);
  for (int i = 0; i < 3; ++i) {  // keep-alive reuse across calls
    auto r = client.List();
    ASSERT_TRUE(r.ok()) << r.status().ToString() << server.ReadStderr();
  }
}

TEST(Integration, HttpsWrongCaIsRefused) {
  MockServerProcess server(TlsArgs("other-server.pem"));
  auto o = Options(Https(server, "localhost"));
  o.tls.ca_file = Cert("ca.crt");
  auto r = MObjectClient(o).List();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kTlsError) << r.status().ToString();
  EXPECT_FALSE(r.status().request_may_have_reached_server());
}

TEST(Integration, HttpsWrongHostNameIsRefused) {
  MockServerProcess server(TlsArgs("wronghost.pem"));
  auto o = Options(Https(server, "localhost"));
  o.tls.ca_file = Cert("ca.crt");
  auto r = MObjectClient(o).List();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kTlsError) << r.status().ToString();
}

}  // namespace
