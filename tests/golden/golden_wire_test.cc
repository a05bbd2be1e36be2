// Golden wire tests: the code generated from wsdl/mktows.wsdl must produce and accept exactly the
// XML of the Marketo syncMObjects page (the seed). No socket: gSOAP's I/O callbacks are replaced
// by an in-memory exchange, so the bytes compared are the bytes that would go on the wire.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "soapMktowsApiSoapBindingProxy.h"
#include "xml_equivalence.h"

namespace {

std::string ReadFixture(const std::string& name) {
  std::ifstream in(std::string(MARKETO_GOLDEN_FIXTURES) + "/" + name, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// In-memory peer: records what gSOAP sends and replays a canned HTTP response.
struct MemoryExchange {
  std::string sent;
  std::string reply;
  size_t read_pos = 0;

  void Attach(struct soap* soap) {
    soap->user = this;
    soap->fopen = [](struct soap*, const char*, const char*, int) -> SOAP_SOCKET { return 1; };
    soap->fsend = [](struct soap* s, const char* buf, size_t n) {
      static_cast<MemoryExchange*>(s->user)->sent.append(buf, n);
      return SOAP_OK;
    };
    soap->frecv = [](struct soap* s, char* buf, size_t n) -> size_t {
      auto* self = static_cast<MemoryExchange*>(s->user);
      size_t k = std::min(n, self->reply.size() - self->read_pos);
      self->reply.copy(buf, k, self->read_pos);
      self->read_pos += k;
      return k;
    };
    soap->fclose = [](struct soap*) { return SOAP_OK; };
    soap->fclosesocket = [](struct soap*, SOAP_SOCKET) { return SOAP_OK; };
  }

  std::string SentBody() const {
    auto pos = sent.find("\r\n\r\n");
    return pos == std::string::npos ? std::string() : sent.substr(pos + 4);
  }
};

std::string HttpOk(const std::string& xml) {
  return "HTTP/1.1 200 OK\r\nContent-Type: text/xml;charset=UTF-8\r\nContent-Length: " +
         std::to_string(xml.size()) + "\r\n\r\n" + xml;
}

const marketo_test::XmlCompareOptions kIgnoreAuthValues{
    {"mktowsUserId", "requestSignature", "requestTimestamp"}};

// Fills the seed's request: Program 1970, Cost Month 2013-06 / Amount 2000 / Id 153, UPDATE.
// `amount` is a parameter so a test can prove the comparison notices a changed value.
mktows__ParamsSyncMObjects* SeedRequest(struct soap* soap, const std::string& amount = "2000") {
  auto* attr_list = soap_new_mktows__ArrayOfAttrib(soap);
  for (auto [name, value] : {std::pair<std::string, std::string>{"Month", "2013-06"},
                             {"Amount", amount},
                             {"Id", "153"}}) {
    auto* a = soap_new_mktows__Attrib(soap);
    a->name = name;
    a->value = value;
    attr_list->attrib.push_back(a);
  }
  auto* cost = soap_new_mktows__TypeAttrib(soap);
  cost->attrType = "Cost";
  cost->attrList = attr_list;

  auto* program = soap_new_mktows__MObject(soap);
  program->type = "Program";
  program->id = soap_new_int(soap);
  *program->id = 1970;
  program->typeAttribList = soap_new_mktows__ArrayOfTypeAttrib(soap);
  program->typeAttribList->typeAttrib.push_back(cost);

  auto* params = soap_new_mktows__ParamsSyncMObjects(soap);
  params->mObjectList = soap_new_mktows__ArrayOfMObject(soap);
  params->mObjectList->mObject.push_back(program);
  params->operation = mktows__SyncOperationEnum__UPDATE;
  return params;
}

class GoldenWire : public ::testing::Test {
 protected:
  void SetUp() override {
    exchange_.Attach(proxy_.soap);
    exchange_.reply = HttpOk(ReadFixture("seed_sync_program_cost_response.xml"));
    auth_.mktowsUserId = "demo17_1_809934544BFABAE58E5D27";
    auth_.requestSignature = "40e6d89bd2f7f0daaddaf150ce7a7ca49788ffe7";
    auth_.requestTimestamp = "2013-08-05T14:22:45-07:00";
    proxy_.soap_header(&auth_, nullptr);
  }

  MktowsApiSoapBindingProxy proxy_{"http://127.0.0.1:1/soap/mktows/3_1"};
  MemoryExchange exchange_;
  mktows__AuthenticationHeaderInfo auth_;
  mktows__SuccessSyncMObjects response_;
};

TEST_F(GoldenWire, SeedRequestSerializesToTheSeedXml) {
  ASSERT_EQ(proxy_.syncMObjects(SeedRequest(proxy_.soap), response_), SOAP_OK);
  const std::string body = exchange_.SentBody();
  ASSERT_FALSE(body.empty()) << exchange_.sent;
  EXPECT_EQ(marketo_test::XmlDifference(ReadFixture("seed_sync_program_cost_request.xml"), body,
                                        kIgnoreAuthValues),
            "")
      << body;
  // Document/literal bare: the body element is the global element, and only global elements are
  // namespace-qualified, so children carry no prefix.
  EXPECT_NE(body.find("<mObjectList>"), std::string::npos) << body;
  EXPECT_NE(exchange_.sent.find("SOAPAction: \"http://www.marketo.com/mktows/syncMObjects\""),
            std::string::npos)
      << exchange_.sent;
}

TEST_F(GoldenWire, ComparisonNoticesAChangedValue) {
  ASSERT_EQ(proxy_.syncMObjects(SeedRequest(proxy_.soap, "2001"), response_), SOAP_OK);
  const std::string diff = marketo_test::XmlDifference(
      ReadFixture("seed_sync_program_cost_request.xml"), exchange_.SentBody(), kIgnoreAuthValues);
  EXPECT_NE(diff.find("\"2001\", expected \"2000\""), std::string::npos) << diff;
}

TEST_F(GoldenWire, ComparisonChecksAuthValuesUnlessIgnored) {
  auth_.requestSignature = "0000000000000000000000000000000000000000";
  proxy_.soap_header(&auth_, nullptr);
  ASSERT_EQ(proxy_.syncMObjects(SeedRequest(proxy_.soap), response_), SOAP_OK);
  const std::string seed = ReadFixture("seed_sync_program_cost_request.xml");
  EXPECT_NE(marketo_test::XmlDifference(seed, exchange_.SentBody()), "");
  EXPECT_EQ(marketo_test::XmlDifference(seed, exchange_.SentBody(), kIgnoreAuthValues), "");
}

TEST_F(GoldenWire, SeedResponseParsesToProgram1970Updated) {
  ASSERT_EQ(proxy_.syncMObjects(SeedRequest(proxy_.soap), response_), SOAP_OK)
      << proxy_.soap_fault_string();
  ASSERT_NE(response_.result, nullptr);
  ASSERT_NE(response_.result->mObjStatusList, nullptr);
  const auto& statuses = response_.result->mObjStatusList->mObjStatus;
  ASSERT_EQ(statuses.size(), 1u);
  ASSERT_NE(statuses[0]->id, nullptr);
  EXPECT_EQ(*statuses[0]->id, 1970);
  EXPECT_EQ(statuses[0]->status, "UPDATED");
  EXPECT_EQ(statuses[0]->error, nullptr);
}

}  // namespace
