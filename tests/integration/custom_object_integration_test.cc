// CustomObjectClient over real sockets against marketo-mock-server and its seeded Car and
// Subscription records (see src/mock_server/README.md, "Custom objects"), over HTTP and HTTPS.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "marketo/marketo.h"
#include "support/mock_server_process.h"
#include "support/soap_http.h"

namespace {

using marketo::CustomObject;
using marketo::CustomObjectClient;
using marketo::CustomObjectStatus;
using marketo::StatusCode;
using marketo::SyncOperation;
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

std::vector<CustomObject> Cars(int n, const std::string& prefix) {
  std::vector<CustomObject> cars(n);
  for (int i = 0; i < n; ++i) {
    cars[i].Key("VIN", prefix + std::to_string(i)).Set("MKTOID", std::to_string(100 + i % 50));
    cars[i].Set("Year", std::to_string(2000 + i % 20));
  }
  return cars;
}

// Sync 250, read them back by link, update some, delete one: answers in input order.
void SyncReadAndDelete(CustomObjectClient& client) {
  const auto cars = Cars(250, "IT-");
  auto synced = client.SyncCustomObjects("Car", cars, SyncOperation::kInsert);
  ASSERT_TRUE(synced.status.ok()) << synced.status.ToString();
  EXPECT_EQ(synced.calls, 3u);
  for (std::size_t i = 0; i < cars.size(); ++i) {
    ASSERT_EQ(synced.results[i].status, CustomObjectStatus::kCreated) << synced.results[i].error;
    ASSERT_EQ(synced.results[i].keys.at(0).value, "IT-" + std::to_string(i));
  }
  // Lead 100 has the cars 0, 50, 100, 150, 200; pages of 2 walk all of them.
  marketo::ReadCustomObjectsOptions read;
  read.batch_size = 2;
  auto mine = client.GetAllCustomObjects({"Car", {{"MKTOID", "100", std::nullopt}}, {}}, read);
  ASSERT_TRUE(mine.ok()) << mine.status().ToString();
  std::vector<std::string> vins;
  for (const auto& c : *mine) vins.push_back(*c.Find("VIN"));
  // The calls may reach the server in any order (the client works ahead), so sort.
  std::sort(vins.begin(), vins.end());
  EXPECT_EQ(vins, (std::vector<std::string>{"IT-0", "IT-100", "IT-150", "IT-200", "IT-50"}));

  auto again = client.SyncCustomObjects("Car", Cars(2, "IT-"), SyncOperation::kInsert);
  EXPECT_EQ(again.results[0].status, CustomObjectStatus::kFailed);
  EXPECT_EQ(again.results[0].error, "Record already exists with VIN = IT-0");

  std::vector<marketo::CustomObjectKey> keys{{{"VIN", "IT-0", std::nullopt}},
                                             {{"VIN", "IT-0", std::nullopt}}};
  auto deleted = client.DeleteCustomObjects("Car", keys);
  ASSERT_TRUE(deleted.status.ok()) << deleted.status.ToString();
  EXPECT_EQ(deleted.results[0].status, CustomObjectStatus::kDeleted);
  EXPECT_EQ(deleted.results[1].status, CustomObjectStatus::kFailed);
}

TEST(CustomObjectIntegration, SyncReadBackAndDeleteOverHttp) {
  MockServerProcess server;
  CustomObjectClient client(Options(server.url()));
  SyncReadAndDelete(client);
}

TEST(CustomObjectIntegration, SyncReadBackAndDeleteOverHttps) {
  MockServerProcess server({"--tls-cert", marketo_test::TestCertsDir() + "/server.pem", "--tls-key",
                            marketo_test::TestCertsDir() + "/server.pem"});
  auto o = Options("https://localhost:" + std::to_string(server.port()) + "/soap/mktows/3_1");
  o.tls.ca_file = marketo_test::TestCertsDir() + "/ca.crt";
  CustomObjectClient client(o);
  SyncReadAndDelete(client);
}

TEST(CustomObjectIntegration, WalkStopsAndResumesAndErrorsAreTyped) {
  MockServerProcess server;
  CustomObjectClient client(Options(server.url()));
  marketo::ReadCustomObjectsOptions read;
  read.batch_size = 7;
  std::vector<std::string> first;
  marketo::CustomObjectReadPosition saved;
  ASSERT_TRUE(client
                  .ForEachCustomObject({"Car", {}, {"Make"}}, read,
                                       [&](CustomObject&& c, const auto& after) {
                                         first.push_back(*c.Find("VIN"));
                                         saved = after;
                                         EXPECT_EQ(c.Find("Color"), nullptr);
                                         return first.size() < 10;
                                       })
                  .ok());
  read.resume_from = saved;
  auto rest = client.GetAllCustomObjects({"Car", {}, {"Make"}}, read);
  ASSERT_TRUE(rest.ok()) << rest.status().ToString();
  EXPECT_EQ(first.size() + rest->size(), 40u);  // the seeded cars, each once
  EXPECT_EQ(*(*rest)[0].Find("VIN"), "SEEDVIN00011");

  marketo::GetCustomObjectsRequest bad;
  bad.query.object_name = "Boat";
  auto fault = client.GetCustomObjects(bad);
  EXPECT_EQ(fault.status().code(), StatusCode::kSoapFault);
  EXPECT_EQ(fault.status().marketo_error_code(), marketo::error_codes::kBadParameter);
  EXPECT_THAT(fault.status().message(), HasSubstr("Object name is not valid"));
  bad.query.object_name = "Car";
  bad.stream_position = marketo::StreamPosition("not-a-token");
  EXPECT_EQ(client.GetCustomObjects(bad).status().marketo_error_code(),
            marketo::error_codes::kBadStreamPosition);
}

}  // namespace
