// HTTPS with the test PKI, through a gSOAP proxy built from the same generated stubs.
#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>

#include "soapMktowsApiSoapBindingProxy.h"
#include "support/mock_server_process.h"
#include "support/soap_http.h"

namespace marketo_test {
namespace {

using marketo_test::MockServerProcess;
using marketo_test::TestCertsDir;

struct CallResult {
  int error = 0;
  std::string fault;
  std::size_t objects = 0;
};

CallResult ListOverTls(const std::string& url, const std::string& ca_file,
                       const std::string& key = marketo_test::kMockEncryptionKey) {
  MktowsApiSoapBindingProxy proxy(url.c_str(), SOAP_C_UTFSTRING);
  proxy.soap->connect_timeout = 5;
  proxy.soap->recv_timeout = 5;
  proxy.soap->send_timeout = 5;
  CallResult out;
  // NO_DEFAULT_CA_PATH: only the pinned CA counts, whatever SSL_CERT_FILE says.
  if (soap_ssl_client_context(
          proxy.soap, SOAP_SSL_DEFAULT | SOAP_SSL_NO_DEFAULT_CA_PATH | SOAP_TLSv1_2 | SOAP_TLSv1_3,
          nullptr, nullptr, ca_file.c_str(), nullptr, nullptr) != SOAP_OK) {
    out.error = proxy.soap->error;
    return out;
  }
  mktows__AuthenticationHeaderInfo auth;
  auth.mktowsUserId = marketo_test::kMockUserId;
  auth.requestTimestamp = marketo_test::W3cTimestamp(std::time(nullptr));
  auth.requestSignature = marketo_test::HmacSha1Hex(key, auth.requestTimestamp + auth.mktowsUserId);
  proxy.soap_header(&auth, nullptr);
  mktows__ParamsListMObjects in;
  mktows__SuccessListMObjects result;
  out.error = proxy.listMObjects(&in, result);
  if (out.error == SOAP_OK && result.result != nullptr) {
    out.objects = result.result->objects.size();
  } else if (const char* s = proxy.soap_fault_string()) {
    out.fault = s;
  }
  proxy.destroy();
  return out;
}

class TlsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    unsetenv("SSL_CERT_FILE");
    unsetenv("SSL_CERT_DIR");
    soap_ssl_init();
  }
  std::string Cert(const char* name) { return TestCertsDir() + "/" + name; }
};

TEST_F(TlsTest, PinnedTestCaWorksForIpAndLocalhost) {
  MockServerProcess server({"--tls-cert", Cert("server.crt"), "--tls-key", Cert("server.key")});
  ASSERT_EQ(server.url().rfind("https://127.0.0.1:", 0), 0u) << server.url();
  auto r = ListOverTls(server.url(), Cert("ca.crt"));
  EXPECT_EQ(r.error, SOAP_OK) << r.fault;
  EXPECT_EQ(r.objects, 4u);
  const std::string by_name =
      "https://localhost:" + std::to_string(server.port()) + "/soap/mktows/3_1";
  r = ListOverTls(by_name, Cert("ca.crt"));
  EXPECT_EQ(r.error, SOAP_OK) << r.fault;
}

TEST_F(TlsTest, KeepAliveConnectionServesSeveralCalls) {
  MockServerProcess server({"--tls-cert", Cert("server.pem")});
  MktowsApiSoapBindingProxy proxy(server.url().c_str(), SOAP_IO_KEEPALIVE | SOAP_C_UTFSTRING);
  proxy.soap->recv_timeout = 5;
  proxy.soap->send_timeout = 5;
  ASSERT_EQ(
      soap_ssl_client_context(
          proxy.soap, SOAP_SSL_DEFAULT | SOAP_SSL_NO_DEFAULT_CA_PATH | SOAP_TLSv1_2 | SOAP_TLSv1_3,
          nullptr, nullptr, Cert("ca.crt").c_str(), nullptr, nullptr),
      SOAP_OK);
  for (int i = 0; i < 3; ++i) {
    mktows__AuthenticationHeaderInfo auth;
    auth.mktowsUserId = marketo_test::kMockUserId;
    auth.requestTimestamp = marketo_test::W3cTimestamp(std::time(nullptr));
    auth.requestSignature = marketo_test::HmacSha1Hex(marketo_test::kMockEncryptionKey,
                                                      auth.requestTimestamp + auth.mktowsUserId);
    proxy.soap_header(&auth, nullptr);  // gSOAP resets the header after every call
    mktows__ParamsListMObjects in;
    mktows__SuccessListMObjects out;
    ASSERT_EQ(proxy.listMObjects(&in, out), SOAP_OK) << i;
    EXPECT_EQ(proxy.soap->header, nullptr);  // no header came back
  }
  proxy.destroy();
}

TEST_F(TlsTest, CombinedPemWorksAndFaultsArriveOverTls) {
  MockServerProcess server({"--tls-cert", Cert("server.pem")});
  const auto r = ListOverTls(server.url(), Cert("ca.crt"), "not-the-key-123");
  EXPECT_EQ(r.error, SOAP_CLI_FAULT);
  EXPECT_EQ(r.fault, "20014 - Authentication failed");
}

TEST_F(TlsTest, WrongCaIsRefused) {
  MockServerProcess server({"--tls-cert", Cert("server.pem")});
  const auto r = ListOverTls(server.url(), Cert("other-ca.crt"));
  EXPECT_EQ(r.error, SOAP_SSL_ERROR) << r.fault;
  // The server survives the failed handshake.
  EXPECT_EQ(ListOverTls(server.url(), Cert("ca.crt")).error, SOAP_OK);
}

TEST_F(TlsTest, WrongHostNameIsRefused) {
  MockServerProcess server({"--tls-cert", Cert("wronghost.pem")});
  const auto r = ListOverTls(server.url(), Cert("ca.crt"));
  EXPECT_EQ(r.error, SOAP_SSL_ERROR) << r.fault;
}

TEST_F(TlsTest, PlainHttpToTheTlsPortDoesNotHurtTheServer) {
  MockServerProcess server({"--tls-cert", Cert("server.pem")});
  const std::string http_url = "http://127.0.0.1:" + std::to_string(server.port()) + "/x";
  const auto r = marketo_test::PostSoap(http_url, "listMObjects", "<x/>", std::chrono::seconds(3));
  EXPECT_NE(r.status, 200);
  EXPECT_EQ(ListOverTls(server.url(), Cert("ca.crt")).error, SOAP_OK);
}

}  // namespace
}  // namespace marketo_test
