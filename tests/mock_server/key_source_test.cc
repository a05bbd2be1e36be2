// The mock reads its encryption key from MARKETO_MOCK_ENCRYPTION_KEY or --encryption-key-file, so
// the key need not appear in argv (/proc/PID/cmdline).
#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <cstdio>
#include <ctime>
#include <fstream>

#include "test_util.h"

namespace marketo_test {
namespace {

constexpr char kOtherKey[] = "fileOrEnvKey7741";

HttpResponse ListWithKey(const MockServerProcess& server, const std::string& key) {
  return PostSoap(
      server.url(), "listMObjects",
      SoapEnvelope(AuthHeaderXml(kMockUserId, key, W3cTimestamp(std::time(nullptr))), kListBody));
}

// The key is accepted and the default key is not.
void ExpectKeyInUse(const MockServerProcess& server, const std::string& key) {
  const auto ok = ListWithKey(server, key);
  EXPECT_EQ(ok.status, 200) << ok.body;
  const auto wrong = ListWithKey(server, kMockEncryptionKey);
  EXPECT_EQ(wrong.status, 500);
  EXPECT_EQ(Text(wrong.body, "code"), "20014");
}

// What the server process was started with, NUL-separated.
std::string CommandLine(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/cmdline", std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

TEST(MockKeySourceTest, KeyFromEnvironmentNotInArgv) {
  ASSERT_EQ(setenv("MARKETO_MOCK_ENCRYPTION_KEY", kOtherKey, 1), 0);
  MockServerProcess server;
  unsetenv("MARKETO_MOCK_ENCRYPTION_KEY");
  ExpectKeyInUse(server, kOtherKey);
  EXPECT_EQ(CommandLine(server.pid()).find(kOtherKey), std::string::npos);
}

TEST(MockKeySourceTest, KeyFromFileWithTrailingNewline) {
  char path[] = "/tmp/mock-key-XXXXXX";
  const int fd = mkstemp(path);
  ASSERT_GE(fd, 0);
  const std::string content = std::string(kOtherKey) + "\n";
  ASSERT_EQ(write(fd, content.data(), content.size()), static_cast<ssize_t>(content.size()));
  close(fd);
  {
    MockServerProcess server({"--encryption-key-file", path});
    ExpectKeyInUse(server, kOtherKey);
    EXPECT_EQ(CommandLine(server.pid()).find(kOtherKey), std::string::npos);
  }
  std::remove(path);
}

TEST(MockKeySourceTest, ArgvKeyWinsOverEnvironment) {
  ASSERT_EQ(setenv("MARKETO_MOCK_ENCRYPTION_KEY", "envKeyLoses123", 1), 0);
  MockServerProcess server({"--encryption-key", kOtherKey});
  unsetenv("MARKETO_MOCK_ENCRYPTION_KEY");
  ExpectKeyInUse(server, kOtherKey);
}

TEST(MockKeySourceTest, UnreadableKeyFileIsAStartError) {
  EXPECT_THROW(MockServerProcess({"--encryption-key-file", "/nonexistent/mock-key"}),
               std::runtime_error);
}

}  // namespace
}  // namespace marketo_test
