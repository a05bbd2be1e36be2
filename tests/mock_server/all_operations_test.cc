// Every operation of wsdl/mktows.wsdl, called on the wire: the mock must serve each one, so none
// may answer 20019 (unsupported operation). The operation names are read from the WSDL, so an
// operation added there without a row here fails the test.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "test_util.h"

namespace marketo_test {
namespace {

const std::string kXsi = " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"";

std::string LeadKey(const std::string& id) {
  return "<leadKey><keyType>IDNUM</keyType><keyValue>" + id + "</keyValue></leadKey>";
}

std::string KeyAttr(const std::string& name, const std::string& value) {
  return "<attribute><attrName>" + name + "</attrName><attrValue>" + value +
         "</attrValue></attribute>";
}

// One small, well-formed request per operation. They need not succeed (an unknown program is a
// fault of its own), only reach the operation.
using RequestTable = std::map<std::string, std::string>;

// In WSDL order, in two halves to keep each function short.

RequestTable RequestsFirstHalf() {
  return {
      {"deleteMObjects",
       "<ns1:paramsDeleteMObjects><mObjectList><mObject><type>Opportunity</type><id>999999</id>"
       "</mObject></mObjectList></ns1:paramsDeleteMObjects>"},
      {"describeMObject",
       "<ns1:paramsDescribeMObject><objectName>Opportunity</objectName>"
       "</ns1:paramsDescribeMObject>"},
      {"getMObjects", "<ns1:paramsGetMObjects><type>Opportunity</type></ns1:paramsGetMObjects>"},
      {"syncMObjects", std::string(kSeedOpportunity)},
      {"getCampaignsForSource",
       "<ns1:paramsGetCampaignsForSource><source>MKTOWS</source>"
       "</ns1:paramsGetCampaignsForSource>"},
      {"getImportToListStatus",
       "<ns1:paramsGetImportToListStatus><programName>No Such Program</programName>"
       "<listName>No Such List</listName></ns1:paramsGetImportToListStatus>"},
      {"getLead", "<ns1:paramsGetLead>" + LeadKey("1") + "</ns1:paramsGetLead>"},
      {"getLeadActivity", "<ns1:paramsGetLeadActivity>" + LeadKey("1") +
                              "<batchSize>10</batchSize>"
                              "</ns1:paramsGetLeadActivity>"},
      {"getLeadChanges",
       "<ns1:paramsGetLeadChanges><startPosition><oldestCreatedAt>2020-01-01T00:00:00Z"
       "</oldestCreatedAt></startPosition><batchSize>10</batchSize></ns1:paramsGetLeadChanges>"},
      {"getMultipleLeads",
       "<ns1:paramsGetMultipleLeads" + kXsi +
           "><leadSelector xsi:type=\"ns1:LeadKeySelector\">"
           "<keyType>IDNUM</keyType><keyValues><stringItem>1</stringItem></keyValues>"
           "</leadSelector></ns1:paramsGetMultipleLeads>"},
  };
}

RequestTable RequestsSecondHalf() {
  return {
      {"importToList",
       "<ns1:paramsImportToList" + kXsi +
           "><programName>No Such Program</programName>"
           "<importFileHeader>Email Address</importFileHeader><importFileRows>"
           "<stringItem>all-ops@example.com</stringItem></importFileRows>"
           "<importListMode>UPSERTLEADS</importListMode><listName>No Such List</listName>"
           "<clearList>false</clearList><campaignName xsi:nil=\"true\"/></ns1:paramsImportToList>"},
      {"listMObjects", std::string(kListBody)},
      {"listOperation",
       "<ns1:paramsListOperation><listOperation>ISMEMBEROFLIST</listOperation><listKey>"
       "<keyType>MKTOLISTNAME</keyType><keyValue>Webinar Attendees Q1 2013</keyValue></listKey>"
       "<listMemberList>" +
           LeadKey("1") + "</listMemberList></ns1:paramsListOperation>"},
      {"requestCampaign",
       "<ns1:paramsRequestCampaign><source>MKTOWS</source><campaignId>999999</campaignId>"
       "<leadList>" +
           LeadKey("1") + "</leadList></ns1:paramsRequestCampaign>"},
      {"scheduleCampaign",
       "<ns1:paramsScheduleCampaign><programName>No Such Program</programName>"
       "<campaignName>No Such Campaign</campaignName></ns1:paramsScheduleCampaign>"},
      {"syncLead",
       "<ns1:paramsSyncLead><leadRecord><Email>all-ops@example.com</Email></leadRecord>"
       "<returnLead>false</returnLead></ns1:paramsSyncLead>"},
      {"syncMultipleLeads",
       "<ns1:paramsSyncMultipleLeads><leadRecordList><leadRecord>"
       "<Email>all-ops-2@example.com</Email></leadRecord></leadRecordList>"
       "</ns1:paramsSyncMultipleLeads>"},
      {"syncCustomObjects",
       "<ns1:paramsSyncCustomObjects><objTypeName>NoSuchObject</objTypeName><customObjList>"
       "<customObj><customObjKeyList>" +
           KeyAttr("Key", "1") +
           "</customObjKeyList></customObj>"
           "</customObjList><operation>UPSERT</operation></ns1:paramsSyncCustomObjects>"},
      {"deleteCustomObjects",
       "<ns1:paramsDeleteCustomObjects><objTypeName>NoSuchObject</objTypeName>"
       "<customObjKeyLists><keyList>" +
           KeyAttr("Key", "1") +
           "</keyList></customObjKeyLists>"
           "</ns1:paramsDeleteCustomObjects>"},
      {"getCustomObjects",
       "<ns1:paramsGetCustomObjects><objTypeName>NoSuchObject</objTypeName>"
       "<includeAttributes/></ns1:paramsGetCustomObjects>"},
      {"mergeLeads", "<ns1:paramsMergeLeads><winningLeadKeyList>" + KeyAttr("IDNUM", "1") +
                         "</winningLeadKeyList><losingLeadKeyLists><keyList>" +
                         KeyAttr("IDNUM", "2") +
                         "</keyList></losingLeadKeyLists></ns1:paramsMergeLeads>"},
      {"getChannels", "<ns1:paramsGetChannels/>"},
      {"getTags", "<ns1:paramsGetTags/>"},
  };
}

const RequestTable& Requests() {
  static const RequestTable requests = [] {
    RequestTable all = RequestsFirstHalf();
    all.merge(RequestsSecondHalf());
    return all;
  }();
  return requests;
}

std::set<std::string> WsdlOperations() {
  std::ifstream in(MARKETO_WSDL_PATH);
  std::stringstream text;
  text << in.rdbuf();
  const std::string wsdl = text.str();
  // Only the portType's operations: the binding lists the same names again.
  const std::size_t begin = wsdl.find("<wsdl:portType");
  const std::size_t end = wsdl.find("</wsdl:portType>");
  std::set<std::string> names;
  if (begin == std::string::npos || end == std::string::npos) return names;
  const std::string port_type = wsdl.substr(begin, end - begin);
  const std::regex op("<wsdl:operation name=\"([A-Za-z]+)\"");
  for (std::sregex_iterator it(port_type.begin(), port_type.end(), op), last; it != last; ++it) {
    names.insert((*it)[1]);
  }
  return names;
}

TEST(AllOperationsTest, TheTableCoversEveryWsdlOperation) {
  const std::set<std::string> wsdl = WsdlOperations();
  ASSERT_EQ(wsdl.size(), 23u);
  std::set<std::string> table;
  for (const auto& [name, body] : Requests()) table.insert(name);
  EXPECT_EQ(table, wsdl);
}

TEST(AllOperationsTest, NoWsdlOperationAnswersUnsupported) {
  MockServerProcess server;
  for (const auto& [name, body] : Requests()) {
    const HttpResponse r = Call(server, name, body);
    SCOPED_TRACE(name + ": " + r.body);
    ASSERT_TRUE(r.status == 200 || r.status == 500) << r.status;
    if (r.status == 200) {
      EXPECT_EQ(r.body.find("Fault>"), std::string::npos);
      continue;
    }
    // A fault is allowed (these requests name things the mock may not have), but it must come
    // from the operation, not from the dispatcher.
    EXPECT_NE(Text(r.body, "code"), "20019");
    EXPECT_NE(Text(r.body, "code"), "20012");
  }
}

}  // namespace
}  // namespace marketo_test
