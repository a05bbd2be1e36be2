// ListClient::WaitForImport with a fake clock and sleeper: it never polls faster than the
// interval, stops at the deadline with the last status seen, and ends on COMPLETE, FAILED and
// CANCELED.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <vector>

#include "marketo/list_client.h"
#include "marketo/mocks/mock_connection.h"

namespace {

using marketo::ImportStatus;
using marketo::ImportStatusInfo;
using marketo::ListClient;
using marketo::StatusCode;
using marketo::mocks::MockConnection;
using std::chrono::milliseconds;
using ::testing::_;
using ::testing::HasSubstr;
using ::testing::Invoke;
using ::testing::Return;

ImportStatusInfo Info(ImportStatus s, int rows = 0) {
  ImportStatusInfo i;
  i.status = s;
  i.raw_status = marketo::ToString(s);
  i.rows_imported = rows;
  return i;
}

class ImportWaitTest : public ::testing::Test {
 protected:
  marketo::WaitForImportOptions Options(milliseconds interval, milliseconds timeout) {
    marketo::WaitForImportOptions o;
    o.poll_interval = interval;
    o.timeout = timeout;
    o.clock = [this] { return now_; };
    o.sleep = [this](milliseconds d) {
      sleeps_.push_back(d);
      now_ += d;
    };
    return o;
  }
  // Each poll takes `cost` of fake time and records when it started.
  void Script(const std::vector<ImportStatusInfo>& answers, milliseconds cost = milliseconds(0)) {
    auto it = std::make_shared<std::size_t>(0);
    EXPECT_CALL(*mock_, GetImportToListStatus(_))
        .WillRepeatedly(Invoke([this, answers, cost, it](const marketo::ImportStatusRequest&) {
          poll_times_.push_back(now_);
          now_ += cost;
          const std::size_t i = std::min(*it, answers.size() - 1);
          ++*it;
          return marketo::StatusOr<ImportStatusInfo>(answers[i]);
        }));
  }

  std::chrono::steady_clock::time_point now_{std::chrono::hours(100)};
  std::vector<milliseconds> sleeps_;
  std::vector<std::chrono::steady_clock::time_point> poll_times_;
  std::shared_ptr<MockConnection> mock_ = std::make_shared<MockConnection>();
  ListClient client_{mock_};
  marketo::ImportStatusRequest request_{"Q3 Webinar Series", "Trade Show Leads"};
};

TEST_F(ImportWaitTest, PollsUntilCompleteNeverFasterThanTheInterval) {
  Script({Info(ImportStatus::kProcessing), Info(ImportStatus::kProcessing),
          Info(ImportStatus::kComplete, 7)},
         milliseconds(1500));
  auto r = client_.WaitForImport(request_, Options(std::chrono::minutes(1), std::chrono::hours(1)));
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.polls, 3u);
  ASSERT_TRUE(r.last.has_value());
  EXPECT_EQ(r.last->status, ImportStatus::kComplete);
  EXPECT_EQ(r.last->rows_imported, 7);
  ASSERT_EQ(poll_times_.size(), 3u);
  for (std::size_t i = 1; i < poll_times_.size(); ++i) {
    EXPECT_GE(poll_times_[i] - poll_times_[i - 1], std::chrono::minutes(1));
  }
  // The time a poll took counts towards the interval.
  EXPECT_EQ(sleeps_, (std::vector<milliseconds>{milliseconds(58500), milliseconds(58500)}));
}

TEST_F(ImportWaitTest, DefaultIntervalIsOneMinute) {
  marketo::WaitForImportOptions o;
  EXPECT_EQ(o.poll_interval, std::chrono::minutes(1));
}

TEST_F(ImportWaitTest, StopsAtTheDeadlineWithTheLastStatus) {
  Script({Info(ImportStatus::kProcessing, 3)});
  auto r = client_.WaitForImport(request_, Options(milliseconds(1000), milliseconds(3500)));
  EXPECT_EQ(r.status.code(), StatusCode::kDeadlineExceeded);
  EXPECT_THAT(r.status.message(), HasSubstr("PROCESSING"));
  EXPECT_THAT(r.status.message(), HasSubstr("Trade Show Leads"));
  ASSERT_TRUE(r.last.has_value());
  EXPECT_EQ(r.last->status, ImportStatus::kProcessing);
  EXPECT_EQ(r.polls, 4u);  // at 0, 1, 2 and 3 s; a poll at 4 s would pass the deadline
  EXPECT_EQ(sleeps_.size(), 3u);
}

TEST_F(ImportWaitTest, FailedAndCanceledAreEndStates) {
  for (ImportStatus end : {ImportStatus::kFailed, ImportStatus::kCanceled}) {
    ::testing::Mock::VerifyAndClearExpectations(mock_.get());
    poll_times_.clear();
    Script({Info(ImportStatus::kProcessing), Info(end)});
    auto r = client_.WaitForImport(request_, Options(milliseconds(10), std::chrono::hours(1)));
    EXPECT_TRUE(r.status.ok());
    ASSERT_TRUE(r.last.has_value());
    EXPECT_EQ(r.last->status, end);
    EXPECT_EQ(r.polls, 2u);
  }
}

TEST_F(ImportWaitTest, AFailedPollEndsTheWait) {
  EXPECT_CALL(*mock_, GetImportToListStatus(_))
      .WillOnce(Return(Info(ImportStatus::kProcessing)))
      .WillOnce(Return(marketo::Status(StatusCode::kSoapFault, "20011")));
  auto r = client_.WaitForImport(request_, Options(milliseconds(10), std::chrono::hours(1)));
  EXPECT_EQ(r.status.code(), StatusCode::kSoapFault);
  ASSERT_TRUE(r.last.has_value());
  EXPECT_EQ(r.last->status, ImportStatus::kProcessing);
  EXPECT_EQ(r.polls, 2u);
}

TEST_F(ImportWaitTest, BadRequestOrIntervalIsRefusedBeforeIo) {
  EXPECT_CALL(*mock_, GetImportToListStatus(_)).Times(0);
  EXPECT_EQ(client_.WaitForImport({"", "x"}).status.code(), StatusCode::kInvalidArgument);
  auto r = client_.WaitForImport(request_, Options(milliseconds(0), std::chrono::hours(1)));
  EXPECT_THAT(r.status.message(), HasSubstr("poll_interval"));
  EXPECT_EQ(r.polls, 0u);
}

}  // namespace
