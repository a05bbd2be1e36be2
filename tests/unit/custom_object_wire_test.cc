// The custom-object operations through the real gSOAP connection over the Wire seam: the XML
// they send, canned answers with nil and empty shapes and a status the SDK does not know,
// faults, and the retry rule of syncCustomObjects when an answer is lost.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "marketo/custom_object_client.h"
#include "marketo/error_codes.h"
#include "operations/soap_connection.h"
#include "support/fake_connection.h"
#include "support/scripted_wire.h"
#include "support/test_xml.h"

namespace {

using marketo::CustomObject;
using marketo::CustomObjectClient;
using marketo::CustomObjectStatus;
using marketo::StatusCode;
using marketo::SyncOperation;
using marketo_test::Envelope;
using marketo_test::FaultReply;
using marketo_test::FlattenXml;
using marketo_test::HttpReply;
using marketo_test::ScriptedWire;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

class CustomObjectWireTest : public ::testing::Test {
 protected:
  marketo::ClientOptions Options() {
    marketo::ClientOptions o;
    o.endpoint = "http://mock.invalid/soap/mktows/3_1";
    o.credentials = {"demo17_1_809934544BFABAE58E5D27", "s3cret-Key-42"};
    time_.Install(o);
    o.retry.backoff.jitter = marketo::Jitter::kNone;
    return o;
  }
  CustomObjectClient Client() {
    return CustomObjectClient(marketo::internal::MakeSoapConnection(Options(), wire_));
  }
  CustomObjectClient Stack() {
    return CustomObjectClient(marketo::internal::MakeConnection(Options(), wire_));
  }

  marketo_test::FakeTime time_;
  std::shared_ptr<ScriptedWire> wire_ = std::make_shared<ScriptedWire>();
};

std::string Status(const std::string& vin, const std::string& status,
                   const std::string& error_xml = "<error xsi:nil=\"true\"/>") {
  return "<syncCustomObjStatus><objTypeName>Car</objTypeName><customObjKeyList><attribute>"
         "<attrName>VIN</attrName><attrType xsi:nil=\"true\"/><attrValue>" +
         vin + "</attrValue></attribute></customObjKeyList><status>" + status + "</status>" +
         error_xml + "</syncCustomObjStatus>";
}

std::string SyncOk(const std::string& statuses) {
  return HttpReply(Envelope("<ns1:successSyncCustomObjects><result><syncCustomObjStatusList>" +
                            statuses +
                            "</syncCustomObjStatusList></result></ns1:successSyncCustomObjects>"));
}

std::vector<CustomObject> Cars(int n) {
  std::vector<CustomObject> v(n);
  for (int i = 0; i < n; ++i) v[i].Key("VIN", "V" + std::to_string(i)).Set("MKTOID", "7");
  return v;
}

TEST_F(CustomObjectWireTest, SyncSendsSchemaOrderAndReadsEveryStatusShape) {
  wire_->Push(
      SyncOk(Status("V0", "CREATED") + Status("V1", "UNCHANGED", "<error/>") +
             Status("V2", "FAILED", "<error>Unknown name attribute list: nameasdf</error>") +
             Status("V3", "QUEUED")));
  std::vector<CustomObject> cars = Cars(4);
  cars[1].attributes.clear();
  auto r = Client().SyncCustomObjects("Car", cars, SyncOperation::kUpsert);
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  ASSERT_EQ(r.results.size(), 4u);
  EXPECT_EQ(r.results[0].status, CustomObjectStatus::kCreated);
  EXPECT_EQ(r.results[0].keys[0].value, "V0");
  EXPECT_EQ(r.results[0].error, "");
  EXPECT_EQ(r.results[1].status, CustomObjectStatus::kUnchanged);
  EXPECT_EQ(r.results[2].status, CustomObjectStatus::kFailed);
  EXPECT_EQ(r.results[2].error, "Unknown name attribute list: nameasdf");
  EXPECT_EQ(r.results[3].status, CustomObjectStatus::kUnknown);
  EXPECT_EQ(r.results[3].raw_status, "QUEUED");

  EXPECT_THAT(wire_->requests[0],
              HasSubstr("SOAPAction: \"http://www.marketo.com/mktows/syncCustomObjects\""));
  const auto flat = FlattenXml(wire_->LastBody());
  EXPECT_THAT(flat, Contains("/Envelope/Body/paramsSyncCustomObjects/objTypeName=Car"));
  EXPECT_THAT(flat, Contains("/Envelope/Body/paramsSyncCustomObjects/operation=UPSERT"));
  EXPECT_THAT(flat, Contains("/Envelope/Body/paramsSyncCustomObjects/customObjList/customObj/"
                             "customObjKeyList/attribute/attrValue=V0"));
  EXPECT_THAT(flat, Contains("/Envelope/Body/paramsSyncCustomObjects/customObjList/customObj/"
                             "customObjAttributeList/attribute/attrName=MKTOID"));
  // Order: objTypeName, customObjList, operation.
  const std::string body = wire_->LastBody();
  EXPECT_LT(body.find("objTypeName"), body.find("customObjList"));
  EXPECT_LT(body.find("</customObjList>"), body.find("<operation>"));
}

TEST_F(CustomObjectWireTest, GetReadsNilAndEmptyListsAndSendsTheQuery) {
  wire_->Push(HttpReply(Envelope(
      "<ns1:successGetCustomObjects><result><objTypeName>Car</objTypeName><returnCount>2"
      "</returnCount><remainingCount>5</remainingCount><newStreamPosition>{\"ky\":[\"5\"],"
      "\"os\":2}</newStreamPosition><customObjList><customObj><customObjKeyList><attribute>"
      "<attrName>VIN</attrName><attrType>string</attrType><attrValue>A1</attrValue></attribute>"
      "</customObjKeyList><customObjAttributeList xsi:nil=\"true\"/></customObj><customObj>"
      "<customObjKeyList/><customObjAttributeList><attribute><attrName>Color</attrName>"
      "<attrValue></attrValue></attribute></customObjAttributeList></customObj></customObjList>"
      "</result></ns1:successGetCustomObjects>")));
  marketo::GetCustomObjectsRequest req;
  req.query.object_name = "Car";
  req.query.key = {{"MKTOID", "5", std::nullopt}};
  req.batch_size = 2;
  req.stream_position = marketo::StreamPosition("p-1");
  auto page = Client().GetCustomObjects(req);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_EQ(page->object_name, "Car");
  EXPECT_EQ(page->remaining_count, 5);
  EXPECT_EQ(page->new_stream_position.text(), "{\"ky\":[\"5\"],\"os\":2}");
  ASSERT_EQ(page->objects.size(), 2u);
  EXPECT_EQ(*page->objects[0].Find("VIN"), "A1");
  EXPECT_EQ(page->objects[0].keys[0].type, "string");
  EXPECT_TRUE(page->objects[0].attributes.empty());
  EXPECT_TRUE(page->objects[1].keys.empty());
  EXPECT_EQ(*page->objects[1].Find("Color"), "");
  const auto flat = FlattenXml(wire_->LastBody());
  EXPECT_THAT(flat, Contains("/Envelope/Body/paramsGetCustomObjects/streamPosition=p-1"));
  EXPECT_THAT(flat, Contains("/Envelope/Body/paramsGetCustomObjects/batchSize=2"));
  EXPECT_THAT(flat, Contains("/Envelope/Body/paramsGetCustomObjects/customObjKeyList/attribute/"
                             "attrName=MKTOID"));
  // includeAttributes is required: sent empty for "every field".
  EXPECT_THAT(wire_->LastBody(), HasSubstr("<includeAttributes"));
}

TEST_F(CustomObjectWireTest, DeleteSendsKeyListsAndAFaultIsTheCallsStatus) {
  wire_->Push(
      HttpReply(Envelope("<ns1:successDeleteCustomObjects><result><deleteCustomObjStatusList>" +
                         Status("A1", "DELETED") +
                         "</deleteCustomObjStatusList></result>"
                         "</ns1:successDeleteCustomObjects>")));
  std::vector<marketo::CustomObjectKey> keys{{{"VIN", "A1", std::nullopt}}};
  auto r = Client().DeleteCustomObjects("Car", keys);
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.results[0].status, CustomObjectStatus::kDeleted);
  EXPECT_THAT(FlattenXml(wire_->LastBody()),
              Contains("/Envelope/Body/paramsDeleteCustomObjects/customObjKeyLists/keyList/"
                       "attribute/attrValue=A1"));

  wire_->Push(FaultReply(20110, "Object name is not valid"));
  auto bad = Client().DeleteCustomObjects("Boat", keys);
  EXPECT_EQ(bad.status.code(), StatusCode::kSoapFault);
  EXPECT_EQ(bad.status.marketo_error_code(), marketo::error_codes::kBadParameter);
  EXPECT_EQ(bad.results[0].status, CustomObjectStatus::kFailed);
}

TEST_F(CustomObjectWireTest, ALostAnswerOfUpsertIsRetriedAndOfInsertIsNot) {
  wire_->Push(std::nullopt);  // the connection dies after the request was sent
  wire_->Push(SyncOk(Status("V0", "UPDATED")));
  CustomObjectClient client = Stack();
  auto upsert = client.SyncCustomObjects("Car", Cars(1), SyncOperation::kUpsert);
  ASSERT_TRUE(upsert.status.ok()) << upsert.status.ToString();
  EXPECT_EQ(wire_->requests.size(), 2u);

  wire_->Push(std::nullopt);
  auto insert = client.SyncCustomObjects("Car", Cars(1), SyncOperation::kInsert);
  EXPECT_EQ(wire_->requests.size(), 3u);  // not repeated: the first may have created it
  EXPECT_EQ(insert.status.code(), StatusCode::kUnavailable);
  EXPECT_THAT(insert.status.message(), HasSubstr("not retried"));
  EXPECT_THAT(insert.status.message(), HasSubstr("INSERT"));
  EXPECT_EQ(insert.results[0].status, CustomObjectStatus::kFailed);
}

TEST_F(CustomObjectWireTest, TooFewStatusesIsAResponseMismatch) {
  wire_->Push(SyncOk(Status("V0", "CREATED")));
  auto r = Client().SyncCustomObjects("Car", Cars(2), SyncOperation::kUpsert);
  EXPECT_EQ(r.status.code(), StatusCode::kResponseMismatch);
  EXPECT_THAT(r.status.message(), HasSubstr("sent 2 records but got 1 statuses"));
  EXPECT_THAT(wire_->LastBody(), Not(HasSubstr("INSERT")));
}

}  // namespace
