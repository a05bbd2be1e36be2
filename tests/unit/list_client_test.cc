// ListClient over the shipped gmock connection: validation before any call (errors name the
// index and field), membership calls split into calls of at most 1000 with one status per input
// in input order, strict refused when it would need several calls, and forwarding.
#include "marketo/list_client.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "marketo/mocks/mock_connection.h"

namespace {

using marketo::LeadKey;
using marketo::ListClient;
using marketo::ListKey;
using marketo::ListOperationRequest;
using marketo::ListOperationResult;
using marketo::ListOperationType;
using marketo::Status;
using marketo::StatusCode;
using marketo::StatusOr;
using marketo::mocks::MockConnection;
using ::testing::_;
using ::testing::HasSubstr;
using ::testing::Invoke;
using ::testing::Return;

std::vector<LeadKey> Ids(std::size_t n, std::int64_t first = 1) {
  std::vector<LeadKey> v;
  for (std::size_t i = 0; i < n; ++i) v.push_back(LeadKey::Id(first + static_cast<int>(i)));
  return v;
}

// Status true for even lead ids; records each call's request.
struct EvenMembers {
  std::vector<ListOperationRequest>* calls;
  StatusOr<ListOperationResult> operator()(const ListOperationRequest& r) const {
    calls->push_back(r);
    ListOperationResult out;
    out.success = true;
    for (const auto& k : r.members) {
      const bool even = std::stoll(k.value) % 2 == 0;
      out.statuses.push_back({k, even});
      out.success = out.success && even;
    }
    return out;
  }
};

TEST(ListClient, SplitsIntoCallsOfAtMostAThousandInInputOrder) {
  auto mock = std::make_shared<MockConnection>();
  std::vector<ListOperationRequest> calls;
  EXPECT_CALL(*mock, ListOperation(_)).Times(3).WillRepeatedly(Invoke(EvenMembers{&calls}));
  ListClient client(mock);
  const auto members = Ids(2500);
  auto r = client.IsMemberOfList(ListKey::Name("Webinar Attendees Q1 2013"), members);
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.calls, 3u);
  ASSERT_EQ(calls.size(), 3u);
  EXPECT_EQ(calls[0].members.size(), 1000u);
  EXPECT_EQ(calls[1].members.size(), 1000u);
  EXPECT_EQ(calls[2].members.size(), 500u);
  EXPECT_EQ(calls[1].members.front().value, "1001");
  EXPECT_EQ(calls[0].operation, ListOperationType::kIsMemberOfList);
  EXPECT_FALSE(calls[0].strict.has_value());
  ASSERT_EQ(r.results.size(), members.size());
  for (std::size_t i = 0; i < members.size(); ++i) {
    EXPECT_EQ(r.results[i].index, i);
    EXPECT_EQ(r.results[i].key, members[i]);
    EXPECT_EQ(r.results[i].status, (i + 1) % 2 == 0) << i;  // a non-member is no error
    EXPECT_TRUE(r.results[i].call_status.ok());
  }
}

TEST(ListClient, AFailedCallFailsOnlyItsLeads) {
  auto mock = std::make_shared<MockConnection>();
  std::vector<ListOperationRequest> calls;
  EXPECT_CALL(*mock, ListOperation(_))
      .WillOnce(Return(Status(StatusCode::kUnavailable, "down")))
      .WillOnce(Invoke(EvenMembers{&calls}));
  ListClient client(mock);
  auto r = client.AddToList(ListKey::Name("Customers"), Ids(1200));
  EXPECT_EQ(r.status.code(), StatusCode::kUnavailable);
  EXPECT_EQ(r.calls, 2u);
  EXPECT_EQ(r.failed_calls, 1u);
  EXPECT_EQ(r.results[999].call_status.code(), StatusCode::kUnavailable);
  EXPECT_FALSE(r.results[999].status);
  EXPECT_TRUE(r.results[1000].call_status.ok());
  EXPECT_FALSE(r.results[1000].status);  // lead 1001
  EXPECT_TRUE(r.results[1001].status);   // lead 1002
}

TEST(ListClient, AnswerWithTheWrongNumberOfStatusesIsAMismatch) {
  auto mock = std::make_shared<MockConnection>();
  EXPECT_CALL(*mock, ListOperation(_)).WillOnce(Return(ListOperationResult{true, {}}));
  ListClient client(mock);
  auto r = client.RemoveFromList(ListKey::Name("Customers"), Ids(2));
  EXPECT_EQ(r.status.code(), StatusCode::kResponseMismatch);
  EXPECT_EQ(r.results[1].call_status.code(), StatusCode::kResponseMismatch);
}

TEST(ListClient, StrictWithMoreThanOneCallIsRefusedBeforeIo) {
  auto mock = std::make_shared<MockConnection>();
  EXPECT_CALL(*mock, ListOperation(_)).Times(0);
  ListClient client(mock);
  auto r = client.AddToList(ListKey::Name("Customers"), Ids(1001), {true});
  EXPECT_EQ(r.status.code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(r.status.message(), HasSubstr("strict"));
  EXPECT_THAT(r.status.message(), HasSubstr("1001"));
  EXPECT_FALSE(r.status.request_may_have_reached_server());
  ASSERT_EQ(r.results.size(), 1001u);
  EXPECT_EQ(r.results[1000].call_status.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.calls, 0u);
}

TEST(ListClient, StrictWithinOneCallIsSent) {
  auto mock = std::make_shared<MockConnection>();
  std::vector<ListOperationRequest> calls;
  EXPECT_CALL(*mock, ListOperation(_)).WillOnce(Invoke(EvenMembers{&calls}));
  ListClient client(mock);
  auto r = client.AddToList(ListKey::Name("Customers"), Ids(1000), {true});
  ASSERT_TRUE(r.status.ok());
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0].strict, true);
}

TEST(ListClient, BadInputsNameTheIndexAndFieldAndSendNothing) {
  auto mock = std::make_shared<MockConnection>();
  EXPECT_CALL(*mock, ListOperation(_)).Times(0);
  ListClient client(mock);
  auto members = Ids(3);
  members[2].value = "";
  auto r = client.AddToList(ListKey::Name("Customers"), members);
  EXPECT_EQ(r.status.code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(r.status.message(), HasSubstr("member[2]"));
  members[2].value = "abc";
  EXPECT_THAT(client.AddToList(ListKey::Name("Customers"), members).status.message(),
              HasSubstr("member[2] IDNUM"));
  EXPECT_THAT(client.AddToList(ListKey::Name(""), Ids(1)).status.message(),
              HasSubstr("listKey MKTOLISTNAME is empty"));
  ListKey bad{static_cast<marketo::ListKeyType>(9), "x"};
  EXPECT_THAT(client.AddToList(bad, Ids(1)).status.message(), HasSubstr("unknown keyType"));
}

TEST(ListClient, NoMembersMeansNoCalls) {
  auto mock = std::make_shared<MockConnection>();
  EXPECT_CALL(*mock, ListOperation(_)).Times(0);
  ListClient client(mock);
  auto r = client.IsMemberOfList(ListKey::Name("Customers"), {});
  EXPECT_TRUE(r.status.ok());
  EXPECT_TRUE(r.results.empty());
}

TEST(ListClient, OneCallChecksItsLimits) {
  auto mock = std::make_shared<MockConnection>();
  EXPECT_CALL(*mock, ListOperation(_)).Times(0);
  ListClient client(mock);
  ListOperationRequest r{ListOperationType::kAddToList, ListKey::Name("Customers"), Ids(1001), {}};
  EXPECT_THAT(client.ListOperation(r).status().message(), HasSubstr("at most 1000"));
  r.members.clear();
  EXPECT_THAT(client.ListOperation(r).status().message(), HasSubstr("listMemberList is empty"));
  r.members = Ids(1);
  r.operation = static_cast<ListOperationType>(7);
  EXPECT_THAT(client.ListOperation(r).status().message(), HasSubstr("listOperation"));
}

marketo::ImportToListRequest GoodImport() {
  marketo::ImportToListRequest r;
  r.program_name = "Q3 Webinar Series";
  r.list_name = "Trade Show Leads";
  r.columns = {"Email Address", "First Name", "{{my.Code}}"};
  r.rows = {{"a@example.com", "Ada", "X1"}, {"b@example.com", "Bo", "X2"}};
  return r;
}

TEST(ListClient, ImportValidationNamesRowsAndColumns) {
  auto mock = std::make_shared<MockConnection>();
  EXPECT_CALL(*mock, ImportToList(_)).Times(0);
  ListClient client(mock);
  auto r = GoodImport();
  r.rows[1].pop_back();
  EXPECT_THAT(client.ImportToList(r).status().message(),
              HasSubstr("row[1] has 2 cells; the header has 3 columns"));
  r = GoodImport();
  r.columns[1] = "";
  EXPECT_THAT(client.ImportToList(r).status().message(), HasSubstr("column[1] has no name"));
  r = GoodImport();
  r.columns[2] = "{{Code}}";
  EXPECT_THAT(client.ImportToList(r).status().message(), HasSubstr("column[2]"));
  r = GoodImport();
  r.columns[1] = "Email Address";
  EXPECT_THAT(client.ImportToList(r).status().message(), HasSubstr("given twice"));
  r = GoodImport();
  r.columns.clear();
  EXPECT_THAT(client.ImportToList(r).status().message(), HasSubstr("no columns"));
  r = GoodImport();
  r.rows.clear();
  EXPECT_THAT(client.ImportToList(r).status().message(), HasSubstr("importFileRows is empty"));
  r = GoodImport();
  r.program_name = "";
  EXPECT_THAT(client.ImportToList(r).status().message(), HasSubstr("programName"));
  r = GoodImport();
  r.list_name = "";
  EXPECT_THAT(client.ImportToList(r).status().message(), HasSubstr("listName"));
  r = GoodImport();
  r.mode = static_cast<marketo::ImportListMode>(5);
  EXPECT_THAT(client.ImportToList(r).status().message(), HasSubstr("importListMode"));
  r = GoodImport();
  r.campaign_name = "";
  EXPECT_THAT(client.ImportToList(r).status().message(), HasSubstr("campaignName"));
}

TEST(ListClient, ImportAndStatusAreForwarded) {
  auto mock = std::make_shared<MockConnection>();
  EXPECT_CALL(*mock, ImportToList(_))
      .WillOnce(
          Return(marketo::ImportToListResult{marketo::ImportStatus::kProcessing, "PROCESSING"}));
  marketo::ImportStatusInfo info;
  info.status = marketo::ImportStatus::kComplete;
  EXPECT_CALL(*mock, GetImportToListStatus(_)).WillOnce(Return(info));
  ListClient client(mock);
  auto r = client.ImportToList(GoodImport());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->status, marketo::ImportStatus::kProcessing);
  auto s = client.GetImportStatus({"Q3 Webinar Series", "Trade Show Leads"});
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->status, marketo::ImportStatus::kComplete);
  EXPECT_THAT(client.GetImportStatus({"", "x"}).status().message(), HasSubstr("programName"));
}

TEST(ListClient, EnumNames) {
  EXPECT_STREQ(marketo::ToString(marketo::ListKeyType::kSfdcLeadOwnerId), "SFDCLEADOWNERID");
  EXPECT_STREQ(marketo::ToString(ListOperationType::kRemoveFromList), "REMOVEFROMLIST");
  EXPECT_STREQ(marketo::ToString(marketo::ImportListMode::kListOnly), "LISTONLY");
  EXPECT_EQ(marketo::ParseImportStatus("CANCELED"), marketo::ImportStatus::kCanceled);
  EXPECT_EQ(marketo::ParseImportStatus("QUEUED"), marketo::ImportStatus::kUnknown);
}

}  // namespace
