#include "marketo/auth.h"

#include <gtest/gtest.h>

#include <chrono>

namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;
using std::chrono::system_clock;

system_clock::time_point Utc(long long epoch_seconds) {
  return system_clock::time_point(seconds(epoch_seconds));
}

TEST(Signature, ReferenceVector) {
  EXPECT_EQ(marketo::ComputeSignature("2013-06-09T14:04:54-08:00",
                                      "exampleorg1_0123456789ABCDEF012345", "example-key-1a"),
            "a7799a66062ea828eb2e5591957d7badaf572e42");
}

TEST(Signature, PeersVector) {
  EXPECT_EQ(
      marketo::ComputeSignature("2010-04-09T14:04:54-07:00", "bigcorp1_461839624B16E06BA2D663",
                                "899756834129871744AAEE88DDCC77CDEEDEC1AAAD66"),
      "ffbff4d4bef354807481e66dc7540f7890523a87");
}

TEST(Signature, IsLowerCaseHexOf40Chars) {
  const std::string sig = marketo::ComputeSignature("t", "u", "k");
  ASSERT_EQ(sig.size(), 40u);
  for (char c : sig) EXPECT_TRUE((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) << sig;
  EXPECT_NE(sig, marketo::ComputeSignature("t", "u", "k2"));
}

TEST(Timestamp, UtcUsesNumericOffset) {
  // 2013-06-09T22:04:54Z
  EXPECT_EQ(marketo::FormatW3CTimestamp(Utc(1370815494)), "2013-06-09T22:04:54+00:00");
}

TEST(Timestamp, NegativeOffsetMatchesReferenceExample) {
  EXPECT_EQ(marketo::FormatW3CTimestamp(Utc(1370815494), hours(-8)), "2013-06-09T14:04:54-08:00");
}

TEST(Timestamp, PositiveOffsetWithMinutes) {
  EXPECT_EQ(marketo::FormatW3CTimestamp(Utc(1370815494), hours(5) + minutes(30)),
            "2013-06-10T03:34:54+05:30");
}

TEST(Timestamp, NegativeOffsetWithMinutesCrossesDay) {
  // 2013-01-01T00:30:00Z at -03:30 is the previous day.
  EXPECT_EQ(marketo::FormatW3CTimestamp(Utc(1357000200), -(hours(3) + minutes(30))),
            "2012-12-31T21:00:00-03:30");
}

TEST(Timestamp, FractionsAreTruncated) {
  const auto tp = Utc(1370815494) + std::chrono::milliseconds(999);
  EXPECT_EQ(marketo::FormatW3CTimestamp(tp), "2013-06-09T22:04:54+00:00");
}

TEST(Timestamp, PreEpochFloorsToThePast) {
  const auto tp = Utc(0) - std::chrono::milliseconds(500);
  EXPECT_EQ(marketo::FormatW3CTimestamp(tp), "1969-12-31T23:59:59+00:00");
}

TEST(Timestamp, SignsThePeersVectorFromAFakeClock) {
  // 2010-04-09T21:04:54Z rendered at -07:00 reproduces the peers.md timestamp and signature.
  const std::string ts = marketo::FormatW3CTimestamp(Utc(1270847094), hours(-7));
  ASSERT_EQ(ts, "2010-04-09T14:04:54-07:00");
  EXPECT_EQ(marketo::ComputeSignature(ts, "bigcorp1_461839624B16E06BA2D663",
                                      "899756834129871744AAEE88DDCC77CDEEDEC1AAAD66"),
            "ffbff4d4bef354807481e66dc7540f7890523a87");
}

}  // namespace
