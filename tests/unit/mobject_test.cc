#include "marketo/mobject.h"

#include <gtest/gtest.h>

#include <vector>

#include "marketo/options.h"

namespace {

using marketo::Attrib;

TEST(Program, AddCostAndTag) {
  marketo::Program p(1970);
  p.AddCost("2013-06", "2000", 153).AddTag("Channel", "Webinar");
  EXPECT_EQ(p.type, "Program");
  EXPECT_EQ(p.id, 1970);
  ASSERT_EQ(p.type_attributes.size(), 2u);
  EXPECT_EQ(p.type_attributes[0].attr_type, "Cost");
  EXPECT_EQ(p.type_attributes[0].attributes,
            (std::vector<Attrib>{{"Month", "2013-06"}, {"Amount", "2000"}, {"Id", "153"}}));
  EXPECT_EQ(p.type_attributes[1].attributes,
            (std::vector<Attrib>{{"Type", "Channel"}, {"Value", "Webinar"}}));
}

TEST(Opportunity, SettersAndCustomFieldsAndAssociation) {
  marketo::Opportunity o;
  o.SetName("Q1 2014").SetAmount("2000").SetIsWon(true).Set("Custom__c", "x").SetAmount("3000");
  o.AssociateCompanyByExternalKey("CompanyKey", "ACME");
  EXPECT_EQ(o.type, "Opportunity");
  EXPECT_FALSE(o.id.has_value());
  EXPECT_EQ(o.attributes,
            (std::vector<Attrib>{
                {"Name", "Q1 2014"}, {"Amount", "3000"}, {"IsWon", "true"}, {"Custom__c", "x"}}));
  ASSERT_EQ(o.associations.size(), 1u);
  EXPECT_EQ(o.associations[0].type, "Company");
  EXPECT_EQ(o.associations[0].external_key->name, "CompanyKey");
  // Builders are MObjects: they go into a vector by plain conversion.
  std::vector<marketo::MObject> v;
  v.push_back(o);
  EXPECT_EQ(*v[0].Find("Name"), "Q1 2014");
  EXPECT_EQ(v[0].Find("Nope"), nullptr);
}

TEST(OpportunityPersonRole, RequiredFieldsFromConstructor) {
  marketo::OpportunityPersonRole r(64, 1020);
  r.SetRole("Influencer/Champion").SetIsPrimary(false).AssociateLead(1020);
  EXPECT_EQ(*r.Find("OpportunityId"), "64");
  EXPECT_EQ(*r.Find("PersonId"), "1020");
  EXPECT_EQ(*r.Find("IsPrimary"), "false");
  EXPECT_EQ(r.associations[0].type, "Lead");
  EXPECT_EQ(r.associations[0].id, 1020);
}

TEST(MObjectSpan, SubspanClamps) {
  std::vector<marketo::MObject> v(5, marketo::MObject("Opportunity"));
  marketo::MObjectSpan s(v);
  EXPECT_EQ(s.subspan(3, 10).size(), 2u);
  EXPECT_EQ(s.subspan(5, 1).size(), 0u);
  EXPECT_EQ(&s.subspan(1, 2)[0], &v[1]);
}

TEST(ClientOptions, FromEnvironmentExplicitValuesWin) {
  setenv("MARKETO_SOAP_ENDPOINT", "http://env/soap", 1);
  setenv("MARKETO_USER_ID", "env_user", 1);
  setenv("MARKETO_ENCRYPTION_KEY", "env_key", 1);
  marketo::ClientOptions base;
  base.credentials.user_id = "explicit_user";
  auto o = marketo::ClientOptions::FromEnvironment(base);
  EXPECT_EQ(o.endpoint, "http://env/soap");
  EXPECT_EQ(o.credentials.user_id, "explicit_user");
  EXPECT_EQ(o.credentials.encryption_key, "env_key");
  unsetenv("MARKETO_SOAP_ENDPOINT");
  unsetenv("MARKETO_USER_ID");
  unsetenv("MARKETO_ENCRYPTION_KEY");
  auto d = marketo::ClientOptions::FromEnvironment();
  EXPECT_TRUE(d.endpoint.empty());
  EXPECT_GT(d.connect_timeout.count(), 0);
  EXPECT_GT(d.receive_timeout.count(), 0);
  EXPECT_TRUE(d.tls.verify_peer);
}

}  // namespace
