// LeadClient's reads over a fake connection that pages an in-memory lead table: validation of
// one call, walks that split keys and windows into calls Marketo accepts, stopping and resuming
// exactly, no duplicates, and the parallel export.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

#include "marketo/connection.h"
#include "marketo/lead_client.h"

namespace {

using marketo::GetMultipleLeadsRequest;
using marketo::LeadClient;
using marketo::LeadKeyType;
using marketo::LeadRecord;
using marketo::LeadSelector;
using marketo::LeadsPage;
using marketo::ReadLeadsOptions;
using marketo::Status;
using marketo::StatusCode;
using marketo::StatusOr;
using marketo::StreamPosition;
using ::testing::HasSubstr;
using Clock = std::chrono::system_clock;
using Days = std::chrono::duration<int, std::ratio<86400>>;

const Clock::time_point kT0 = Clock::time_point(std::chrono::seconds(1767225600));  // 2026-01-01

// Leads 1..n, lead i updated at kT0 + i hours; pages by position "p<offset>".
class FakeLeadServer : public marketo::Connection {
 public:
  explicit FakeLeadServer(int n) {
    for (int i = 1; i <= n; ++i) updated_[i] = kT0 + std::chrono::hours(i);
  }

  StatusOr<LeadsPage> GetMultipleLeads(const GetMultipleLeadsRequest& r) override {
    std::lock_guard<std::mutex> lock(mu_);
    calls.push_back(r);
    if (fail_at_call >= 0 && static_cast<int>(calls.size()) == fail_at_call + 1) {
      return Status(StatusCode::kUnavailable, "getMultipleLeads: reset");
    }
    const std::vector<int> ids = Select(r.selector);
    const std::size_t from =
        r.stream_position.empty() ? 0 : std::stoul(r.stream_position.text().substr(1));
    const std::size_t size = static_cast<std::size_t>(r.batch_size.value_or(100));
    LeadsPage page;
    for (std::size_t i = from; i < std::min(ids.size(), from + size); ++i) {
      LeadRecord lead;
      lead.id = ids[i];
      page.leads.push_back(lead);
    }
    const std::size_t next = from + page.leads.size();
    page.return_count = static_cast<int>(page.leads.size());
    page.remaining_count = static_cast<int>(ids.size() - next);
    page.new_stream_position =
        StreamPosition(stuck ? r.stream_position.text() : "p" + std::to_string(next));
    return page;
  }

  std::vector<GetMultipleLeadsRequest> calls;
  int fail_at_call = -1;
  bool stuck = false;                     // never advance the position
  std::vector<int> also_in_every_window;  // returned by every window (as if updated meanwhile)

 private:
  std::vector<int> Select(const LeadSelector& s) const {
    std::vector<int> ids;
    if (s.kind == LeadSelector::Kind::kKeys) {
      for (const auto& k : s.key_values) ids.push_back(std::stoi(k));
      return ids;
    }
    for (const auto& [id, t] : updated_) {
      if (t >= s.oldest_updated_at && t <= *s.latest_updated_at) ids.push_back(id);
    }
    for (int extra : also_in_every_window) ids.push_back(extra);
    return ids;
  }

  std::mutex mu_;
  std::map<int, Clock::time_point> updated_;
};

std::vector<std::string> KeysUpTo(int n) {
  std::vector<std::string> v;
  for (int i = 1; i <= n; ++i) v.push_back(std::to_string(i));
  return v;
}

std::vector<std::int64_t> Ids(const std::vector<LeadRecord>& leads) {
  std::vector<std::int64_t> out;
  for (const auto& l : leads) out.push_back(*l.id);
  return out;
}

TEST(LeadReads, OneCallIsValidatedBeforeAnyIo) {
  auto fake = std::make_shared<FakeLeadServer>(10);
  LeadClient client(fake);
  auto check = [&](const GetMultipleLeadsRequest& r, const char* text) {
    auto page = client.GetMultipleLeads(r);
    EXPECT_EQ(page.status().code(), StatusCode::kInvalidArgument) << text;
    EXPECT_THAT(page.status().message(), HasSubstr(text));
  };
  check({LeadSelector::Keys(LeadKeyType::kIdnum, KeysUpTo(101)), {}, {}, {}},
        "at most 100 per call");
  check({LeadSelector::UpdatedBetween(kT0, kT0 + Days(31)), {}, {}, {}}, "longer than 30 days");
  check({LeadSelector::UpdatedBetween(kT0 + Days(1), kT0), {}, {}, {}}, "ends before it starts");
  LeadSelector both = LeadSelector::StaticList("Webinar");
  both.list_id = 3;
  check({both, {}, {}, {}}, "exactly one");
  check({LeadSelector::StaticListId(2), {}, 0, {}}, "batchSize must be from 1 to 1000");
  check({LeadSelector::StaticListId(2), {"Email", "Email"}, {}, {}}, "given twice");
  check({LeadSelector::Keys(LeadKeyType::kIdnum, {"7", "x"}), {}, {}, {}}, "key[1]");
  EXPECT_TRUE(fake->calls.empty());
}

TEST(LeadReads, LongKeyListsAreReadInPartsOf100AndPaged) {
  auto fake = std::make_shared<FakeLeadServer>(0);
  ReadLeadsOptions options;
  options.batch_size = 40;
  auto all =
      LeadClient(fake).GetAllLeads(LeadSelector::Keys(LeadKeyType::kIdnum, KeysUpTo(250)), options);
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  std::vector<std::int64_t> want(250);
  for (int i = 0; i < 250; ++i) want[i] = i + 1;
  EXPECT_EQ(Ids(*all), want);
  std::vector<std::size_t> keys_per_call;
  for (const auto& c : fake->calls) keys_per_call.push_back(c.selector.key_values.size());
  // Parts of 100, 100 and 50 keys, each paged by 40: 3 + 3 + 2 calls.
  EXPECT_EQ(keys_per_call, (std::vector<std::size_t>{100, 100, 100, 100, 100, 100, 50, 50}));
}

TEST(LeadReads, ALongWindowIsNeverSentWhole) {
  auto fake = std::make_shared<FakeLeadServer>(75 * 24);  // one lead per hour for 75 days
  auto all = LeadClient(fake).GetAllLeads(LeadSelector::UpdatedBetween(kT0, kT0 + Days(75)));
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  EXPECT_EQ(all->size(), 75u * 24);
  for (const auto& c : fake->calls) {
    ASSERT_TRUE(c.selector.latest_updated_at.has_value());
    EXPECT_LE(*c.selector.latest_updated_at - c.selector.oldest_updated_at,
              marketo::kMaxUpdateWindow);
  }
  EXPECT_EQ(fake->calls.front().selector.oldest_updated_at, kT0);
  EXPECT_EQ(*fake->calls.back().selector.latest_updated_at, kT0 + Days(75));
}

TEST(LeadReads, AStoppedWalkResumesAtTheNextLeadExactly) {
  auto fake = std::make_shared<FakeLeadServer>(0);
  LeadClient client(fake);
  const auto selector = LeadSelector::Keys(LeadKeyType::kIdnum, KeysUpTo(230));
  ReadLeadsOptions options;
  options.batch_size = 30;
  std::vector<std::int64_t> first;
  marketo::LeadReadPosition saved;
  ASSERT_TRUE(client
                  .ForEachLead(selector, options,
                               [&](LeadRecord&& lead, const marketo::LeadReadPosition& after) {
                                 first.push_back(*lead.id);
                                 saved = after;
                                 return first.size() < 137;  // stop inside the second part
                               })
                  .ok());
  ASSERT_EQ(first.size(), 137u);
  // The token is printable text; a new walk from it delivers 138..230 and nothing else.
  options.resume_from = marketo::LeadReadPosition::FromText(std::string(saved.text()));
  auto rest = client.GetAllLeads(selector, options);
  ASSERT_TRUE(rest.ok()) << rest.status().ToString();
  ASSERT_EQ(rest->size(), 230u - 137u);
  EXPECT_EQ(*rest->front().id, 138);
  EXPECT_EQ(*rest->back().id, 230);
  options.resume_from = marketo::LeadReadPosition::FromText("garbage");
  EXPECT_EQ(client.GetAllLeads(selector, options).status().code(), StatusCode::kInvalidArgument);
}

TEST(LeadReads, ALeadReturnedByTwoPartsIsDeliveredOnce) {
  auto fake = std::make_shared<FakeLeadServer>(60 * 24);
  fake->also_in_every_window = {5};  // as if lead 5 was updated again during the walk
  auto all = LeadClient(fake).GetAllLeads(LeadSelector::UpdatedBetween(kT0, kT0 + Days(60)));
  ASSERT_TRUE(all.ok());
  const auto ids = Ids(*all);
  EXPECT_EQ(std::count(ids.begin(), ids.end(), 5), 1);
  EXPECT_EQ(ids.size(), 60u * 24);
}

TEST(LeadReads, APositionThatDoesNotAdvanceFailsInsteadOfLooping) {
  auto fake = std::make_shared<FakeLeadServer>(0);
  fake->stuck = true;
  ReadLeadsOptions options;
  options.batch_size = 10;
  auto all =
      LeadClient(fake).GetAllLeads(LeadSelector::Keys(LeadKeyType::kIdnum, KeysUpTo(30)), options);
  EXPECT_EQ(all.status().code(), StatusCode::kMalformedResponse);
  EXPECT_LE(fake->calls.size(), 2u);
}

TEST(LeadReads, ExportReadsSlicesConcurrentlyAndDeliversEachLeadOnce) {
  auto fake = std::make_shared<FakeLeadServer>(10 * 24);
  fake->also_in_every_window = {7};
  marketo::ExportLeadsOptions options;
  options.concurrency = 3;
  options.batch_size = 50;
  std::vector<std::int64_t> ids;
  Status s = LeadClient(fake).ExportLeads(kT0, kT0 + Days(10), options, [&](LeadRecord&& lead) {
    ids.push_back(*lead.id);  // never called by two threads at once
    return true;
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(std::adjacent_find(ids.begin(), ids.end()), ids.end()) << "a duplicate";
  EXPECT_EQ(ids.size(), 10u * 24);
  std::size_t slices = 0;
  for (const auto& c : fake->calls) slices += c.stream_position.empty() ? 1 : 0;
  EXPECT_EQ(slices, 10u);  // one-day slices
}

TEST(LeadReads, ExportStopsOnTheCallbackAndOnTheFirstFailure) {
  auto fake = std::make_shared<FakeLeadServer>(5 * 24);
  marketo::ExportLeadsOptions options;
  options.concurrency = 2;
  int delivered = 0;
  EXPECT_TRUE(
      LeadClient(fake)
          .ExportLeads(kT0, kT0 + Days(5), options, [&](LeadRecord&&) { return ++delivered < 10; })
          .ok());
  EXPECT_EQ(delivered, 10);

  auto failing = std::make_shared<FakeLeadServer>(5 * 24);
  failing->fail_at_call = 2;
  Status s = LeadClient(failing).ExportLeads(kT0, kT0 + Days(5), options,
                                             [](LeadRecord&&) { return true; });
  EXPECT_EQ(s.code(), StatusCode::kUnavailable);

  EXPECT_THROW(LeadClient(std::make_shared<FakeLeadServer>(48))
                   .ExportLeads(kT0, kT0 + Days(2), options,
                                [](LeadRecord&&) -> bool { throw std::runtime_error("boom"); }),
               std::runtime_error);
  EXPECT_EQ(LeadClient(fake)
                .ExportLeads(kT0 + Days(1), kT0, options, [](LeadRecord&&) { return true; })
                .code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
