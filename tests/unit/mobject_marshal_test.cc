// The MObject family's marshal functions as pure functions: SDK values in, gSOAP objects out,
// and back, with a bare gSOAP context and no socket.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "operations/mobject_operations.h"

namespace {

namespace mobjects = marketo::internal::mobjects;
using marketo::StatusCode;
using marketo::SyncOperation;
using marketo::internal::RequestBuilder;

class MObjectMarshal : public ::testing::Test {
 protected:
  ~MObjectMarshal() override {
    soap_destroy(soap_);
    soap_end(soap_);
    soap_free(soap_);
  }

  mktows__MObjStatus* Status(const char* status, int id) {
    auto* st = soap_new_mktows__MObjStatus(soap_);
    st->status = status;
    st->id = soap_new_int(soap_);
    *st->id = id;
    return st;
  }

  struct soap* soap_ = soap_new1(SOAP_C_UTFSTRING);
  RequestBuilder builder_{soap_};
};

TEST_F(MObjectMarshal, SyncRequestCarriesEveryPartOfTheObjects) {
  marketo::Opportunity deal;
  deal.SetName("Q1").SetAmount("2000").AssociateCompany(5);
  deal.SetExternalKey("ExternalOpportunityId", "OPP-1");
  std::vector<marketo::MObject> objects{deal, marketo::Program(1970).AddCost("2013-06", "10", 153)};
  auto* p = mobjects::SyncToSoap(builder_, objects, SyncOperation::kUpsert);
  EXPECT_EQ(p->operation, mktows__SyncOperationEnum__UPSERT);
  ASSERT_EQ(p->mObjectList->mObject.size(), 2u);
  const mktows__MObject& o = *p->mObjectList->mObject[0];
  EXPECT_EQ(o.type, "Opportunity");
  EXPECT_EQ(o.id, nullptr);
  ASSERT_NE(o.externalKey, nullptr);
  EXPECT_EQ(o.externalKey->value, "OPP-1");
  ASSERT_EQ(o.attribList->attrib.size(), 2u);
  EXPECT_EQ(o.attribList->attrib[1]->name, "Amount");
  ASSERT_EQ(o.associationList->mObjAssociation.size(), 1u);
  EXPECT_EQ(o.associationList->mObjAssociation[0]->mObjType, "Company");
  EXPECT_EQ(*o.associationList->mObjAssociation[0]->id, 5);
  const mktows__MObject& program = *p->mObjectList->mObject[1];
  EXPECT_EQ(*program.id, 1970);
  ASSERT_EQ(program.typeAttribList->typeAttrib.size(), 1u);
  EXPECT_EQ(program.typeAttribList->typeAttrib[0]->attrType, "Cost");
}

TEST_F(MObjectMarshal, ARecycledRequestKeepsNothingOfThePreviousOne) {
  std::vector<marketo::MObject> rich{marketo::Opportunity(9).SetName("rich").AssociateCompany(1)};
  auto* first = mobjects::SyncToSoap(builder_, rich, SyncOperation::kUpdate);
  builder_.Reset();
  std::vector<marketo::MObject> plain{marketo::MObject("Opportunity")};
  auto* second = mobjects::SyncToSoap(builder_, plain, SyncOperation::kInsert);
  EXPECT_EQ(first, second);  // the same objects, reset to their defaults
  const mktows__MObject& o = *second->mObjectList->mObject[0];
  EXPECT_EQ(o.id, nullptr);
  EXPECT_EQ(o.attribList, nullptr);
  EXPECT_EQ(o.associationList, nullptr);
  EXPECT_EQ(second->operation, mktows__SyncOperationEnum__INSERT);
}

TEST_F(MObjectMarshal, GetRequestMapsCriteriaAndOptionalFields) {
  marketo::GetMObjectsRequest r;
  r.type = "Program";
  r.criteria.push_back({"Name", marketo::Comparison::kGe, "A"});
  r.include_details = true;
  auto* p = mobjects::GetToSoap(builder_, r);
  EXPECT_EQ(p->type, "Program");
  ASSERT_EQ(p->mObjCriteriaList->mObjCriteria.size(), 1u);
  EXPECT_EQ(p->mObjCriteriaList->mObjCriteria[0]->comparison, mktows__ComparisonEnum__GE);
  ASSERT_NE(p->includeDetails, nullptr);
  EXPECT_TRUE(*p->includeDetails);
  EXPECT_EQ(p->streamPosition, nullptr);  // empty position: not sent
  EXPECT_EQ(p->id, nullptr);
}

TEST_F(MObjectMarshal, DeleteSendsOnlyTypeAndId) {
  std::vector<marketo::MObject> objects{marketo::Opportunity(42).SetName("ignored")};
  auto* p = mobjects::DeleteToSoap(builder_, objects);
  const mktows__MObject& o = *p->mObjectList->mObject[0];
  EXPECT_EQ(*o.id, 42);
  EXPECT_EQ(o.attribList, nullptr);
}

TEST_F(MObjectMarshal, StatusesComeBackInOrderWithUnknownValuesKept) {
  mktows__SuccessSyncMObjects resp;
  resp.result = soap_new_mktows__ResultSyncMObjects(soap_);
  resp.result->mObjStatusList = soap_new_mktows__ArrayOfMObjStatus(soap_);
  resp.result->mObjStatusList->mObjStatus = {Status("CREATED", 1001), Status("ARCHIVED", 7)};
  std::vector<marketo::MObject> two(2, marketo::Opportunity());
  auto r = mobjects::SyncFromSoap(resp, two, SyncOperation::kInsert);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)[0].status, marketo::SyncStatus::kCreated);
  EXPECT_EQ((*r)[0].id, 1001);
  EXPECT_EQ((*r)[1].index, 1u);
  EXPECT_EQ((*r)[1].status, marketo::SyncStatus::kUnknown);
  EXPECT_EQ((*r)[1].raw_status, "ARCHIVED");

  std::vector<marketo::MObject> three(3, marketo::Opportunity());
  EXPECT_EQ(mobjects::SyncFromSoap(resp, three, SyncOperation::kInsert).status().code(),
            StatusCode::kResponseMismatch);
  mktows__SuccessSyncMObjects empty;
  EXPECT_EQ(mobjects::SyncFromSoap(empty, two, SyncOperation::kInsert).status().code(),
            StatusCode::kMalformedResponse);
}

TEST_F(MObjectMarshal, DescribeKeepsNilsAsAbsentAndClampsDates) {
  mktows__SuccessDescribeMObject resp;
  resp.result = soap_new_mktows__ResultDescribeMObject(soap_);
  resp.result->metadata = soap_new_mktows__MObjectMetadata(soap_);
  resp.result->metadata->name = "Opportunity";
  resp.result->metadata->fieldList = soap_new_mktows__ArrayOfMObjFieldMetadata(soap_);
  auto* f = soap_new_mktows__MObjFieldMetadata(soap_);
  f->name = "Amount";
  f->dataType = "currency";
  f->updatedAt = static_cast<std::time_t>(14000000000LL);  // year 2413: beyond system_clock
  resp.result->metadata->fieldList->field.push_back(f);
  auto md = mobjects::DescribeFromSoap(resp, "Opportunity");
  ASSERT_TRUE(md.ok()) << md.status().ToString();
  ASSERT_EQ(md->fields.size(), 1u);
  EXPECT_FALSE(md->fields[0].description.has_value());
  EXPECT_FALSE(md->fields[0].size.has_value());
  EXPECT_GT(md->fields[0].updated_at, std::chrono::system_clock::time_point());
  mktows__SuccessDescribeMObject none;
  EXPECT_EQ(mobjects::DescribeFromSoap(none, "x").status().code(), StatusCode::kMalformedResponse);
}

}  // namespace
