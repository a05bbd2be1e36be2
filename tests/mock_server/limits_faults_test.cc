// Limits (rate, concurrency, quota), fault injection kinds, and the --dump counters.
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <future>
#include <nlohmann/json.hpp>
#include <thread>

#include "test_util.h"

namespace marketo_test {
namespace {

using nlohmann::json;

std::vector<std::string> Codes(const std::vector<HttpResponse>& rs) {
  std::vector<std::string> out;
  for (const auto& r : rs) out.push_back(r.status == 200 ? "ok" : Text(r.body, "code"));
  return out;
}

TEST(LimitsTest, RateLimitIs20023) {
  MockServerProcess server({"--rate-limit", "3"});
  std::vector<HttpResponse> rs;
  for (int i = 0; i < 4; ++i) rs.push_back(Call(server, "listMObjects", kListBody));
  EXPECT_EQ(Codes(rs), (std::vector<std::string>{"ok", "ok", "ok", "20023"}));
  EXPECT_EQ(Text(rs[3].body, "faultstring"), "20023 - Rate Limit Exceeded");
}

TEST(LimitsTest, RateWindowMsSetsTheSlidingWindow) {
  // Two calls per 1.5 s: the third is refused; once the window has passed, calls are admitted.
  MockServerProcess server({"--rate-limit", "2", "--rate-window-ms", "1500"});
  std::vector<HttpResponse> rs;
  for (int i = 0; i < 3; ++i) rs.push_back(Call(server, "listMObjects", kListBody));
  EXPECT_EQ(Codes(rs), (std::vector<std::string>{"ok", "ok", "20023"}));
  std::this_thread::sleep_for(std::chrono::milliseconds(1600));
  EXPECT_EQ(Call(server, "listMObjects", kListBody).status, 200);
}

TEST(LimitsTest, LatencyWithJitterIsAtLeastTheBase) {
  MockServerProcess server({"--latency-ms", "100", "--latency-jitter-ms", "200", "--seed", "1"});
  for (int i = 0; i < 3; ++i) {
    const auto start = std::chrono::steady_clock::now();
    ASSERT_EQ(Call(server, "listMObjects", kListBody).status, 200);
    EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(100));
  }
}

TEST(LimitsTest, ConcurrencyLimitIs20024) {
  MockServerProcess server({"--concurrency-limit", "1", "--latency-ms", "1500"});
  auto first =
      std::async(std::launch::async, [&] { return Call(server, "listMObjects", kListBody); });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  const HttpResponse second = Call(server, "listMObjects", kListBody);
  const HttpResponse one = first.get();
  EXPECT_EQ(one.status, 200) << one.body << one.error << server.ReadStderr();
  EXPECT_EQ(second.status, 500);
  EXPECT_EQ(Text(second.body, "code"), "20024");
  // Once the first is done, calls are admitted again.
  EXPECT_EQ(Call(server, "listMObjects", kListBody).status, 200);
  if (HasFailure()) {
    server.Stop();
    ADD_FAILURE() << "server dump: " << server.ReadDump().substr(0, 600) << " stderr "
                  << server.ReadStderr();
  }
}

TEST(LimitsTest, DailyQuotaIs20015) {
  MockServerProcess server({"--daily-quota", "2"});
  std::vector<HttpResponse> rs;
  for (int i = 0; i < 3; ++i) rs.push_back(Call(server, "listMObjects", kListBody));
  EXPECT_EQ(Codes(rs), (std::vector<std::string>{"ok", "ok", "20015"}));
}

TEST(LimitsTest, ZeroTurnsLimitsOff) {
  MockServerProcess server({"--rate-limit", "0", "--daily-quota", "0"});
  for (int i = 0; i < 120; ++i) ASSERT_EQ(Call(server, "listMObjects", kListBody).status, 200);
}

TEST(FaultInjectionTest, EveryNthCallGetsTheCode) {
  MockServerProcess server({"--fault", "every=2:code=10001"});
  std::vector<HttpResponse> rs;
  for (int i = 0; i < 4; ++i) rs.push_back(Call(server, "listMObjects", kListBody));
  EXPECT_EQ(Codes(rs), (std::vector<std::string>{"ok", "10001", "ok", "10001"}));
  EXPECT_EQ(Text(rs[1].body, "faultstring"), "10001 - Internal Error");
}

TEST(FaultInjectionTest, OpFilterAndCount) {
  MockServerProcess server({"--fault", "every=1:code=20023:op=syncMObjects:count=1"});
  EXPECT_EQ(Call(server, "listMObjects", kListBody).status, 200);
  EXPECT_EQ(Text(Call(server, "syncMObjects", kSeedProgramCost).body, "code"), "20023");
  EXPECT_EQ(Call(server, "syncMObjects", kSeedProgramCost).status, 200);
}

TEST(FaultInjectionTest, RateIsDeterministicWithSeed) {
  auto run = [] {
    MockServerProcess server({"--fault", "rate=0.5:code=20011", "--seed", "42"});
    std::vector<HttpResponse> rs;
    for (int i = 0; i < 16; ++i) rs.push_back(Call(server, "listMObjects", kListBody));
    return Codes(rs);
  };
  const auto a = run();
  EXPECT_EQ(a, run());
  const auto faults = std::count(a.begin(), a.end(), "20011");
  EXPECT_GT(faults, 0);
  EXPECT_LT(faults, 16);
}

TEST(FaultInjectionTest, WireKinds) {
  struct Case {
    const char* kind;
    std::function<void(const HttpResponse&)> check;
  };
  const std::vector<Case> cases = {
      {"reset",
       [](const HttpResponse& r) {
         EXPECT_FALSE(r.complete);
         EXPECT_EQ(r.status, 0);
         EXPECT_FALSE(r.error.empty());
       }},
      {"truncate",
       [](const HttpResponse& r) {
         EXPECT_EQ(r.status, 200);
         EXPECT_FALSE(r.complete);
       }},
      {"html500",
       [](const HttpResponse& r) {
         EXPECT_EQ(r.status, 500);
         EXPECT_NE(r.headers.at("content-type").find("text/html"), std::string::npos);
       }},
      {"http503",
       [](const HttpResponse& r) {
         EXPECT_EQ(r.status, 503);
         EXPECT_TRUE(r.body.empty());
       }},
      {"non-xml",
       [](const HttpResponse& r) {
         EXPECT_EQ(r.status, 200);
         EXPECT_NE(r.headers.at("content-type").find("text/plain"), std::string::npos);
         EXPECT_EQ(r.body.find('<'), std::string::npos);
       }},
      {"malformed",
       [](const HttpResponse& r) {
         EXPECT_EQ(r.status, 200);
         EXPECT_NE(r.headers.at("content-type").find("text/xml"), std::string::npos);
         EXPECT_NE(r.body.find("<status>CREATED</mObjStatus>"), std::string::npos);
       }},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.kind);
    MockServerProcess server({"--fault", std::string("every=2:kind=") + c.kind});
    EXPECT_EQ(Call(server, "listMObjects", kListBody).status, 200);
    c.check(Call(server, "listMObjects", kListBody));
    EXPECT_EQ(Call(server, "listMObjects", kListBody).status, 200);  // server still fine
    server.Stop();
    const json dump = json::parse(server.ReadDump());
    EXPECT_EQ(dump["counters"]["injected"][c.kind], 1);
  }
}

TEST(FaultInjectionTest, HangIsBoundedAndShutdownEndsIt) {
  MockServerProcess server({"--fault", "every=1:kind=hang", "--hang-s", "60"});
  const auto r =
      marketo_test::PostSoap(server.url(), "listMObjects", marketo_test::SignedEnvelope(kListBody),
                             std::chrono::milliseconds(1000));
  EXPECT_EQ(r.error, "timeout");
  auto hung = std::async(std::launch::async, [&] {
    return marketo_test::PostSoap(server.url(), "listMObjects",
                                  marketo_test::SignedEnvelope(kListBody),
                                  std::chrono::seconds(30));
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  const auto start = std::chrono::steady_clock::now();
  const int status = server.Stop();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
  EXPECT_EQ(hung.get().status, 0);  // closed without an answer
}

TEST(FaultInjectionTest, HungCallsDoNotHoldAConcurrencySlot) {
  MockServerProcess server({"--fault", "every=1:kind=hang:op=syncMObjects", "--concurrency-limit",
                            "1", "--hang-s", "20"});
  auto hung = std::async(std::launch::async, [&] {
    return marketo_test::PostSoap(server.url(), "syncMObjects",
                                  marketo_test::SignedEnvelope(kSeedProgramCost),
                                  std::chrono::seconds(3));
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(Call(server, "listMObjects", kListBody).status, 200);
  EXPECT_EQ(hung.get().error, "timeout");
}

// The same INSERT with a lost answer: a plain reset never applied it, reset-after-commit did.
TEST(FaultInjectionTest, ResetBeforeVersusAfterCommit) {
  const std::string find_q1 =
      "<ns1:paramsGetMObjects><type>Opportunity</type><mObjCriteriaList><mObjCriteria>"
      "<attrName>Name</attrName><comparison>EQ</comparison><attrValue>Q1 2014</attrValue>"
      "</mObjCriteria></mObjCriteriaList></ns1:paramsGetMObjects>";
  for (const char* kind : {"reset", "reset-after-commit"}) {
    SCOPED_TRACE(kind);
    MockServerProcess server({"--fault", std::string("every=1:kind=") + kind + ":op=syncMObjects"});
    const auto lost = Call(server, "syncMObjects", kSeedOpportunity);
    EXPECT_FALSE(lost.complete);
    const auto found = Call(server, "getMObjects", find_q1);
    ASSERT_EQ(found.status, 200) << found.body;
    EXPECT_EQ(Text(found.body, "returnCount"), std::string(kind) == "reset" ? "0" : "1");
  }
}

TEST(DumpTest, SigtermWritesObjectsAndCounters) {
  MockServerProcess server({"--fault", "every=3:code=20023:op=listMObjects"});
  ASSERT_EQ(Call(server, "syncMObjects", kSeedProgramCost).status, 200);
  ASSERT_EQ(Call(server, "syncMObjects", kSeedOpportunity).status, 200);
  ASSERT_EQ(Call(server, "syncMObjects", kSeedPersonRole).status, 200);
  for (int i = 0; i < 3; ++i) Call(server, "listMObjects", kListBody);
  marketo_test::PostSoap(server.url(), "listMObjects",
                         marketo_test::SoapEnvelope("", kListBody));  // 20014
  const int status = server.Stop();
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;

  const json d = json::parse(server.ReadDump());
  EXPECT_EQ(d["counters"]["calls"]["syncMObjects"], 3);
  EXPECT_EQ(d["counters"]["calls"]["listMObjects"], 4);
  EXPECT_EQ(d["counters"]["calls_total"], 7);
  EXPECT_EQ(d["counters"]["faults"]["20023"], 1);
  EXPECT_EQ(d["counters"]["faults"]["20014"], 1);
  EXPECT_EQ(d["counters"]["injected"]["code=20023"], 1);
  EXPECT_EQ(d["counters"]["objects"]["CREATED"]["Opportunity"], 1);
  EXPECT_EQ(d["counters"]["objects"]["CREATED"]["OpportunityPersonRole"], 1);
  EXPECT_EQ(d["counters"]["objects"]["UPDATED"]["Program"], 1);
  EXPECT_EQ(d["object_counts"]["Program"], 251);
  EXPECT_EQ(d["object_counts"]["Opportunity"], 31);

  bool saw_q1 = false, saw_cost = false;
  for (const auto& o : d["objects"]) {
    if (o["type"] == "Opportunity" && o["attributes"].value("Name", "") == "Q1 2014") {
      saw_q1 = true;
      EXPECT_EQ(o["attributes"]["Probability"], "80%");
    }
    if (o["type"] == "Program" && o["id"] == 1970) {
      for (const auto& c : o["costs"]) {
        saw_cost =
            saw_cost || (c["id"] == 153 && c["amount"] == "2000" && c["month"] == "2013-06-01");
      }
      EXPECT_EQ(o["tags"][0]["value"], "Webinar");
    }
  }
  EXPECT_TRUE(saw_q1);
  EXPECT_TRUE(saw_cost);
}

TEST(DumpTest, Sigusr1WritesADumpWhileRunning) {
  MockServerProcess server;
  ASSERT_EQ(Call(server, "listMObjects", kListBody).status, 200);
  ASSERT_TRUE(server.Signal(SIGUSR1));
  std::string dump;
  for (int i = 0; i < 50 && dump.empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    dump = server.ReadDump();
  }
  ASSERT_FALSE(dump.empty());
  EXPECT_EQ(json::parse(dump)["counters"]["calls"]["listMObjects"], 1);
  EXPECT_EQ(Call(server, "listMObjects", kListBody).status, 200);
}

TEST(CliTest, BadFaultSpecIsRejected) {
  EXPECT_THROW(MockServerProcess({"--fault", "every=0:code=20023"}), std::runtime_error);
  EXPECT_THROW(MockServerProcess({"--fault", "every=2:kind=explode"}), std::runtime_error);
  EXPECT_THROW(MockServerProcess({"--bogus", "1"}), std::runtime_error);
}

}  // namespace
}  // namespace marketo_test
