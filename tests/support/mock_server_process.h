// Starts marketo-mock-server as a child process for a test and stops it again (RAII).
#ifndef MARKETO_TESTS_SUPPORT_MOCK_SERVER_PROCESS_H_
#define MARKETO_TESTS_SUPPORT_MOCK_SERVER_PROCESS_H_

#include <sys/types.h>

#include <chrono>
#include <string>
#include <vector>

namespace marketo_test {

// The server binary: $MARKETO_MOCK_SERVER if set, else the path CMake compiled in.
std::string MockServerBinary();

// Directory of make_test_certs.sh output: $MARKETO_TEST_CERTS_DIR if set, else the CMake default.
std::string TestCertsDir();

class MockServerProcess {
 public:
  // Spawns the server with `args` (plus "--port 0" unless args has --port, plus
  // "--dump <temp file>" unless args has --dump) and waits for the listening line. The server's
  // stdin is a pipe held here (--stop-on-stdin-eof), so it stops even if the test process dies.
  // Throws std::runtime_error when it does not come within start_timeout.
  explicit MockServerProcess(std::vector<std::string> args = {},
                             std::chrono::milliseconds start_timeout = std::chrono::seconds(10));
  ~MockServerProcess();
  MockServerProcess(const MockServerProcess&) = delete;
  MockServerProcess& operator=(const MockServerProcess&) = delete;

  // e.g. "http://127.0.0.1:40123/soap/mktows/3_1".
  const std::string& url() const { return url_; }
  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  const std::string& dump_path() const { return dump_path_; }

  // SIGTERM, wait up to `timeout`, then SIGKILL. Returns the exit status as from waitpid
  // (-1 if already stopped). Idempotent.
  int Stop(std::chrono::milliseconds timeout = std::chrono::seconds(10));
  bool Signal(int sig);
  // The dump file's content ("" if missing). Call after Stop() for the final dump.
  std::string ReadDump() const;
  // What the server wrote to stderr so far (diagnostics for failing tests).
  std::string ReadStderr() const;

 private:
  void AddDefaultArgs(std::vector<std::string>& args);
  void Spawn(const std::vector<std::string>& args);
  std::string ReadFirstLine(std::chrono::milliseconds timeout);

  pid_t pid_ = -1;
  int stdout_fd_ = -1;
  int stdin_fd_ = -1;
  int exit_status_ = -1;
  std::string url_;
  int port_ = 0;
  std::string temp_dir_;
  std::string dump_path_;
  std::string stderr_path_;
};

}  // namespace marketo_test

#endif  // MARKETO_TESTS_SUPPORT_MOCK_SERVER_PROCESS_H_
