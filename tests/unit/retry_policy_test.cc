// Retry policy as data: which failures are retried (classification) and the backoff schedule.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "marketo/error_codes.h"
#include "marketo/mobject.h"
#include "marketo/retry.h"
#include "support/fake_connection.h"

namespace {

using marketo::BackoffPolicy;
using marketo::ClassifyForRetry;
using marketo::ExponentialBackoff;
using marketo::Idempotency;
using marketo::Jitter;
using marketo::MObject;
using marketo::RetryClass;
using marketo::Status;
using marketo::StatusCode;
using marketo::SyncIdempotency;
using marketo::SyncOperation;
using marketo_test::Fault;
using marketo_test::Transport;
using Ms = std::chrono::milliseconds;

// ---- classification -----------------------------------------------------------------------

TEST(RetryClassification, EveryMarketoCodeOfTheTable) {
  // Marketo's error code table (docs/protocol.md, "Faults and error codes"), in table order.
  const std::map<int, RetryClass> want = {
      {10001, RetryClass::kTransient},      {20011, RetryClass::kTransient},
      {20012, RetryClass::kPermanent},      {20013, RetryClass::kPermanent},
      {20014, RetryClass::kPermanent},      {20015, RetryClass::kDailyQuotaExhausted},
      {20016, RetryClass::kRequestExpired}, {20017, RetryClass::kPermanent},
      {20019, RetryClass::kPermanent},      {20022, RetryClass::kPermanent},
      {20023, RetryClass::kRateLimited},    {20024, RetryClass::kTransient},
      {20101, RetryClass::kPermanent},      {20102, RetryClass::kPermanent},
      {20103, RetryClass::kPermanent},      {20104, RetryClass::kPermanent},
      {20105, RetryClass::kPermanent},      {20106, RetryClass::kPermanent},
      {20107, RetryClass::kPermanent},      {20108, RetryClass::kPermanent},
      {20109, RetryClass::kPermanent},      {20110, RetryClass::kPermanent},
      {20111, RetryClass::kPermanent},      {20113, RetryClass::kPermanent},
      {20114, RetryClass::kPermanent},      {20122, RetryClass::kPermanent},
      {20123, RetryClass::kPermanent},
  };
  EXPECT_EQ(want.size(), 27u);
  // The SDK's named codes are the same list.
  EXPECT_EQ(std::size(marketo::error_codes::kErrorCodeTable), want.size());
  for (const auto& row : marketo::error_codes::kErrorCodeTable) {
    EXPECT_EQ(want.count(row.code), 1u) << row.code;
  }
  for (const auto& [code, cls] : want) {
    EXPECT_EQ(ClassifyForRetry(Fault(code)), cls)
        << code << " got " << marketo::ToString(ClassifyForRetry(Fault(code)));
  }
  // Codes that appear in no source are not retried either.
  EXPECT_EQ(ClassifyForRetry(Fault(20018)), RetryClass::kPermanent);
  EXPECT_EQ(ClassifyForRetry(Fault(99999)), RetryClass::kPermanent);
}

TEST(RetryClassification, TransportAndSdkFailures) {
  EXPECT_EQ(ClassifyForRetry(Status()), RetryClass::kPermanent);
  EXPECT_EQ(ClassifyForRetry(Transport(StatusCode::kUnavailable, false)), RetryClass::kTransient);
  EXPECT_EQ(ClassifyForRetry(Transport(StatusCode::kUnavailable, true)), RetryClass::kTransient);
  EXPECT_EQ(ClassifyForRetry(Transport(StatusCode::kDeadlineExceeded, true)),
            RetryClass::kTransient);
  for (int http : {408, 429, 502, 503, 504}) {
    EXPECT_EQ(ClassifyForRetry(Transport(StatusCode::kHttpError, true, http)),
              RetryClass::kTransient)
        << http;
  }
  for (int http : {400, 401, 403, 404, 500, 501}) {
    EXPECT_EQ(ClassifyForRetry(Transport(StatusCode::kHttpError, true, http)),
              RetryClass::kPermanent)
        << http;
  }
  for (StatusCode c :
       {StatusCode::kTlsError, StatusCode::kMalformedResponse, StatusCode::kResponseMismatch,
        StatusCode::kInvalidArgument, StatusCode::kInternal, StatusCode::kSoapFault,
        StatusCode::kResourceExhausted}) {
    EXPECT_EQ(ClassifyForRetry(Transport(c, true)), RetryClass::kPermanent) << ToString(c);
  }
}

TEST(RetryClassification, ProvablyNotExecuted) {
  using marketo::RequestProvablyNotExecuted;
  EXPECT_FALSE(RequestProvablyNotExecuted(Status()));
  EXPECT_TRUE(RequestProvablyNotExecuted(Transport(StatusCode::kUnavailable, false)));
  EXPECT_FALSE(RequestProvablyNotExecuted(Transport(StatusCode::kUnavailable, true)));
  EXPECT_FALSE(RequestProvablyNotExecuted(Transport(StatusCode::kDeadlineExceeded, true)));
  for (int code : {20013, 20014, 20015, 20016, 20023, 20024}) {
    EXPECT_TRUE(RequestProvablyNotExecuted(Fault(code))) << code;
  }
  for (int code : {10001, 20011, 20106, 20110}) {
    EXPECT_FALSE(RequestProvablyNotExecuted(Fault(code))) << code;
  }
}

TEST(RetryClassification, SyncIdempotency) {
  std::vector<MObject> keyless{marketo::Opportunity().SetName("a")};
  std::vector<MObject> by_id{marketo::Opportunity().SetName("a")};
  by_id[0].id = 7;
  std::vector<MObject> by_key{marketo::Opportunity().SetName("a")};
  by_key[0].external_key = marketo::Attrib{"ExtId", "x-1"};
  std::vector<MObject> mixed{by_id[0], keyless[0]};

  EXPECT_EQ(SyncIdempotency(by_id, SyncOperation::kInsert), Idempotency::kNonIdempotent);
  EXPECT_EQ(SyncIdempotency(keyless, SyncOperation::kInsert), Idempotency::kNonIdempotent);
  EXPECT_EQ(SyncIdempotency(by_id, SyncOperation::kUpsert), Idempotency::kIdempotent);
  EXPECT_EQ(SyncIdempotency(by_key, SyncOperation::kUpsert), Idempotency::kIdempotent);
  EXPECT_EQ(SyncIdempotency(keyless, SyncOperation::kUpsert), Idempotency::kNonIdempotent);
  EXPECT_EQ(SyncIdempotency(mixed, SyncOperation::kUpsert), Idempotency::kNonIdempotent);
  EXPECT_EQ(SyncIdempotency(by_id, SyncOperation::kUpdate), Idempotency::kIdempotent);
  EXPECT_EQ(SyncIdempotency(keyless, SyncOperation::kUpdate), Idempotency::kIdempotent);

  // A Program cost line without a cost Id is appended, so repeating it adds a second line.
  std::vector<MObject> new_cost{marketo::Program(1970).AddCost("2013-06", "2000")};
  std::vector<MObject> cost_by_id{marketo::Program(1970).AddCost("2013-06", "2000", 153)};
  std::vector<MObject> tag{marketo::Program(1970).AddTag("Channel", "Webinar")};
  EXPECT_EQ(SyncIdempotency(new_cost, SyncOperation::kUpdate), Idempotency::kNonIdempotent);
  EXPECT_EQ(SyncIdempotency(cost_by_id, SyncOperation::kUpdate), Idempotency::kIdempotent);
  EXPECT_EQ(SyncIdempotency(tag, SyncOperation::kUpdate), Idempotency::kIdempotent);
}

// ---- backoff ------------------------------------------------------------------------------

TEST(ExponentialBackoffTest, NoJitterGrowsByTheMultiplierUpToTheCap) {
  BackoffPolicy p;
  p.jitter = Jitter::kNone;
  ExponentialBackoff b(p, 1);
  std::vector<long long> got;
  for (int i = 0; i < 9; ++i) got.push_back(b.NextDelay().count());
  EXPECT_EQ(got, (std::vector<long long>{500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000}));
  // Many more steps: still capped, no overflow.
  for (int i = 0; i < 2000; ++i) EXPECT_EQ(b.NextDelay(), Ms(30000));
}

TEST(ExponentialBackoffTest, FullJitterStaysWithinZeroAndTheCeiling) {
  BackoffPolicy p;  // defaults: 500 ms, x2, 30 s, full jitter
  for (std::uint64_t seed = 0; seed < 50; ++seed) {
    ExponentialBackoff b(p, seed);
    double ceiling = 500;
    for (int i = 0; i < 10; ++i) {
      const auto d = b.NextDelay().count();
      EXPECT_GE(d, 0);
      EXPECT_LE(d, std::min(ceiling, 30000.0)) << "seed " << seed << " retry " << i;
      ceiling *= 2;
    }
  }
}

TEST(ExponentialBackoffTest, SameSeedSameSequenceDifferentSeedDifferentSequence) {
  BackoffPolicy p;
  auto seq = [&](std::uint64_t seed) {
    ExponentialBackoff b(p, seed);
    std::vector<long long> v;
    for (int i = 0; i < 6; ++i) v.push_back(b.NextDelay().count());
    return v;
  };
  EXPECT_EQ(seq(42), seq(42));
  EXPECT_NE(seq(42), seq(43));
  // Jitter actually spreads: the 6th delays of many seeds are not all equal.
  std::set<long long> sixth;
  for (std::uint64_t s = 0; s < 20; ++s) sixth.insert(seq(s).back());
  EXPECT_GT(sixth.size(), 10u);
}

TEST(ExponentialBackoffTest, DecorrelatedJitterBounds) {
  BackoffPolicy p;
  p.jitter = Jitter::kDecorrelated;
  p.initial_delay = Ms(100);
  p.max_delay = Ms(5000);
  for (std::uint64_t seed = 0; seed < 50; ++seed) {
    ExponentialBackoff b(p, seed);
    long long prev = 0;
    for (int i = 0; i < 20; ++i) {
      const auto d = b.NextDelay().count();
      EXPECT_GE(d, 100);
      EXPECT_LE(d, 5000);
      if (i == 0) {
        EXPECT_EQ(d, 100);
      } else {
        EXPECT_LE(d, std::max<long long>(100, 3 * prev) + 1);
      }
      prev = d;
    }
  }
}

TEST(ExponentialBackoffTest, DegenerateSettingsAreSanitised) {
  BackoffPolicy p;
  p.jitter = Jitter::kNone;
  p.initial_delay = Ms(0);
  p.multiplier = 0.5;
  ExponentialBackoff b(p, 0);
  EXPECT_EQ(b.NextDelay(), Ms(1));
  EXPECT_EQ(b.NextDelay(), Ms(1));  // multiplier < 1 is treated as 1
}

}  // namespace
