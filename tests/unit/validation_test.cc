#include "marketo/validation.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <vector>

namespace {

using marketo::Association;
using marketo::Attrib;
using marketo::MObject;
using marketo::Opportunity;
using marketo::OpportunityPersonRole;
using marketo::Program;
using marketo::StatusCode;
using marketo::SyncOperation;
using marketo::TypeAttrib;
using ::testing::HasSubstr;

// Asserts the batch fails with kInvalidArgument, names the object index and contains `text`.
void ExpectRejected(const std::vector<MObject>& objects, SyncOperation op, std::size_t index,
                    const std::string& text) {
  auto s = marketo::ValidateSyncRequest(objects, op);
  ASSERT_FALSE(s.ok()) << "expected rejection containing: " << text;
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_FALSE(s.request_may_have_reached_server());
  EXPECT_THAT(s.message(), HasSubstr("object[" + std::to_string(index) + "]"));
  EXPECT_THAT(s.message(), HasSubstr(text));
}

MObject GoodOpportunity() { return Opportunity().SetName("Q1 2014").SetAmount("2000"); }

TEST(Validation, ValidObjectsPass) {
  std::vector<MObject> v{GoodOpportunity(), OpportunityPersonRole(1, 2).SetRole("Champion")};
  EXPECT_TRUE(marketo::ValidateSyncRequest(v, SyncOperation::kInsert).ok());
  std::vector<MObject> p{
      Program(1970).AddCost("2013-06", "2000", 153).AddTag("Channel", "Webinar")};
  EXPECT_TRUE(marketo::ValidateSyncRequest(p, SyncOperation::kUpdate).ok());
}

TEST(Validation, MoreThan100Objects) {
  std::vector<MObject> v(101, GoodOpportunity());
  auto s = marketo::ValidateSyncRequest(v, SyncOperation::kInsert);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(s.message(), HasSubstr("101"));
  v.pop_back();
  EXPECT_TRUE(marketo::ValidateSyncRequest(v, SyncOperation::kInsert).ok());
}

TEST(Validation, ProgramWithInsertOrUpsert) {
  ExpectRejected({Program(1).AddTag("Channel", "Webinar")}, SyncOperation::kInsert, 0,
                 "Program supports only UPDATE, got INSERT");
  ExpectRejected({Program(1).AddTag("Channel", "Webinar")}, SyncOperation::kUpsert, 0,
                 "Program supports only UPDATE, got UPSERT");
}

TEST(Validation, ProgramWithoutId) {
  MObject p("Program");
  p.type_attributes.push_back(TypeAttrib{"Tag", {{"Type", "Channel"}, {"Value", "Webinar"}}});
  ExpectRejected({Opportunity(7), p}, SyncOperation::kUpdate, 1, "id is required for Program");
}

TEST(Validation, CostMissingMonthOrAmount) {
  MObject p = Program(1);
  p.type_attributes.push_back(TypeAttrib{"Cost", {{"Amount", "1"}}});
  ExpectRejected({p}, SyncOperation::kUpdate, 0,
                 "typeAttribList[0] (Cost): attribute \"Month\" is required");
  p.type_attributes[0] = TypeAttrib{"Cost", {{"Month", "2013-06"}}};
  ExpectRejected({p}, SyncOperation::kUpdate, 0, "attribute \"Amount\" is required");
}

TEST(Validation, BadMonthFormat) {
  ExpectRejected(
      {Opportunity(1), Opportunity(2), Opportunity(3), Program(5).AddCost("2013/06", "1")},
      SyncOperation::kUpdate, 3,
      "object[3] (Program): typeAttribList[0] (Cost): attribute \"Month\" must be "
      "YYYY-MM, got \"2013/06\"");
  ExpectRejected({Program(5).AddCost("2013-13", "1")}, SyncOperation::kUpdate, 0, "YYYY-MM");
  ExpectRejected({Program(5).AddCost("2013-06-01", "1")}, SyncOperation::kUpdate, 0, "YYYY-MM");
}

TEST(Validation, NonNumericAmount) {
  ExpectRejected({Program(5).AddCost("2013-06", "2,000")}, SyncOperation::kUpdate, 0,
                 "attribute \"Amount\" must be a number, got \"2,000\"");
  EXPECT_TRUE(
      marketo::ValidateSyncObject(Program(5).AddCost("2013-06", "1999.50"), SyncOperation::kUpdate)
          .ok());
}

TEST(Validation, NonIntegerCostIdAndUnknownCostAttribute) {
  MObject p = Program(5);
  p.type_attributes.push_back(
      TypeAttrib{"Cost", {{"Month", "2013-06"}, {"Amount", "1"}, {"Id", "x"}}});
  ExpectRejected({p}, SyncOperation::kUpdate, 0, "attribute \"Id\" must be an integer");
  p.type_attributes[0].attributes[2] = Attrib{"Amout", "1"};
  ExpectRejected({p}, SyncOperation::kUpdate, 0, "\"Amout\" is not a Cost attribute");
}

TEST(Validation, TagMissingTypeOrValue) {
  MObject p = Program(5);
  p.type_attributes.push_back(TypeAttrib{"Tag", {{"Value", "Webinar"}}});
  ExpectRejected({p}, SyncOperation::kUpdate, 0, "(Tag): attribute \"Type\" is required");
  p.type_attributes[0] = TypeAttrib{"Tag", {{"Type", "Channel"}, {"Value", ""}}};
  ExpectRejected({p}, SyncOperation::kUpdate, 0, "(Tag): attribute \"Value\" is required");
}

TEST(Validation, UnknownAttrTypeForProgram) {
  MObject p = Program(5);
  p.type_attributes.push_back(TypeAttrib{"Token", {{"Name", "x"}, {"Value", "y"}}});
  ExpectRejected({p}, SyncOperation::kUpdate, 0, "attrType \"Token\" is not supported for Program");
}

TEST(Validation, TypeAttribListOnlyForProgram) {
  MObject o = GoodOpportunity();
  o.type_attributes.push_back(TypeAttrib{"Cost", {}});
  ExpectRejected({o}, SyncOperation::kInsert, 0, "typeAttribList is only supported for Program");
}

TEST(Validation, IdMissingForUpdate) {
  ExpectRejected({GoodOpportunity()}, SyncOperation::kUpdate, 0,
                 "id (or externalKey) is required for UPDATE");
  // Without a key UPSERT can only create, which is allowed.
  EXPECT_TRUE(marketo::ValidateSyncObject(GoodOpportunity(), SyncOperation::kUpsert).ok());
  MObject by_key = GoodOpportunity();
  by_key.SetExternalKey("ExtId__c", "A-1");
  EXPECT_TRUE(marketo::ValidateSyncObject(by_key, SyncOperation::kUpdate).ok());
  EXPECT_TRUE(marketo::ValidateSyncObject(Opportunity(64), SyncOperation::kUpsert).ok());
}

TEST(Validation, IdOutOfRange) {
  ExpectRejected({Opportunity(0)}, SyncOperation::kUpdate, 0, "id must be a positive 32-bit");
  ExpectRejected({Opportunity(4294967296LL)}, SyncOperation::kUpdate, 0,
                 "id must be a positive 32-bit");
}

TEST(Validation, OpportunityPersonRoleInsertNeedsOpportunityIdAndPersonId) {
  OpportunityPersonRole r;
  r.Set("PersonId", "2");
  ExpectRejected({r}, SyncOperation::kInsert, 0,
                 "attribute \"OpportunityId\" is required for INSERT");
  OpportunityPersonRole r2;
  r2.Set("OpportunityId", "1");
  ExpectRejected({r2}, SyncOperation::kInsert, 0, "attribute \"PersonId\" is required for INSERT");
  // A keyless UPSERT creates too, so it needs the same attributes.
  ExpectRejected({r2}, SyncOperation::kUpsert, 0,
                 "attribute \"PersonId\" is required for UPSERT without id");
}

TEST(Validation, AssociationTypeNotAllowed) {
  MObject o = GoodOpportunity();
  o.AddAssociation(Association::Lead(5));
  ExpectRejected({o}, SyncOperation::kInsert, 0,
                 "associationList[0]: association type \"Lead\" is not allowed for Opportunity");
  MObject r = OpportunityPersonRole(1, 2);
  r.AddAssociation(Association::Company(5));
  ExpectRejected({r}, SyncOperation::kInsert, 0,
                 "\"Company\" is not allowed for OpportunityPersonRole");
  MObject ok =
      OpportunityPersonRole(1, 2).AssociateLead(2).AssociateOpportunityByExternalKey("k", "v");
  EXPECT_TRUE(marketo::ValidateSyncObject(ok, SyncOperation::kInsert).ok());
}

TEST(Validation, AssociationWithoutIdOrExternalKey) {
  MObject o = GoodOpportunity();
  Association a;
  a.type = "Company";
  o.AddAssociation(a);
  ExpectRejected({o}, SyncOperation::kInsert, 0, "needs an id or an externalKey");
}

TEST(Validation, EmptyAttributeNames) {
  MObject o = GoodOpportunity();
  o.attributes.push_back(Attrib{"", "x"});
  ExpectRejected({o}, SyncOperation::kInsert, 0, "attribList[2]: attribute name is empty");
  MObject p = Program(5);
  p.type_attributes.push_back(TypeAttrib{"Tag", {{"Type", "Channel"}, {"", "x"}}});
  ExpectRejected({p}, SyncOperation::kUpdate, 0, "attribute name is empty");
  MObject k = GoodOpportunity();
  k.SetExternalKey("", "v");
  ExpectRejected({k}, SyncOperation::kInsert, 0, "externalKey: name is empty");
}

TEST(Validation, UnsupportedTypeForSync) {
  ExpectRejected({MObject("Lead")}, SyncOperation::kInsert, 0,
                 "type \"Lead\" is not supported by syncMObjects");
  ExpectRejected({MObject("")}, SyncOperation::kInsert, 0, "object[0] (<no type>)");
}

TEST(Validation, PerObjectMessageHasNoIndexPrefix) {
  auto s = marketo::ValidateSyncObject(Program(5).AddCost("2013/06", "1"), SyncOperation::kUpdate);
  EXPECT_EQ(s.message(),
            "Program: typeAttribList[0] (Cost): attribute \"Month\" must be YYYY-MM, got "
            "\"2013/06\"");
}

TEST(Validation, DeleteSupportsOpportunityTypesWithId) {
  std::vector<MObject> ok{Opportunity(1), OpportunityPersonRole().SetId(2)};
  EXPECT_TRUE(marketo::ValidateDeleteRequest(ok).ok());
  std::vector<MObject> no_id{Opportunity(1), Opportunity()};
  auto s = marketo::ValidateDeleteRequest(no_id);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(s.message(), HasSubstr("object[1] (Opportunity): id is required"));
  std::vector<MObject> program{Program(1)};
  EXPECT_THAT(marketo::ValidateDeleteRequest(program).message(),
              HasSubstr("type \"Program\" is not supported by deleteMObjects"));
}

TEST(Validation, GetRequest) {
  marketo::GetMObjectsRequest r;
  r.type = "Program";
  EXPECT_TRUE(marketo::ValidateGetRequest(r).ok());
  r.type = "Lead";
  EXPECT_THAT(marketo::ValidateGetRequest(r).message(),
              HasSubstr("type \"Lead\" is not supported"));
  r.type = "Opportunity";
  r.id = 1;
  r.external_key = Attrib{"k", "v"};
  EXPECT_THAT(marketo::ValidateGetRequest(r).message(), HasSubstr("not both"));
  r.external_key.reset();
  r.criteria.push_back({"", marketo::Comparison::kEq, "x"});
  EXPECT_THAT(marketo::ValidateGetRequest(r).message(),
              HasSubstr("mObjCriteriaList[0]: attrName is empty"));
  r.criteria.clear();
  r.associations.push_back(Association{"Company", std::nullopt, std::nullopt});
  EXPECT_THAT(marketo::ValidateGetRequest(r).message(), HasSubstr("needs an id or an externalKey"));
}

TEST(Validation, DescribeNames) {
  for (const char* n : {"ActivityRecord", "LeadRecord", "Opportunity", "OpportunityPersonRole"}) {
    EXPECT_TRUE(marketo::ValidateDescribeName(n).ok()) << n;
  }
  EXPECT_EQ(marketo::ValidateDescribeName("Program").code(), StatusCode::kInvalidArgument);
}

}  // namespace
