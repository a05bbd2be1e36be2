#include "mock_server_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace marketo_test {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool HasFlag(const std::vector<std::string>& args, const std::string& flag) {
  return std::any_of(args.begin(), args.end(), [&](const std::string& a) {
    return a == flag || a.rfind(flag + "=", 0) == 0;
  });
}

}  // namespace

std::string MockServerBinary() {
  if (const char* env = std::getenv("MARKETO_MOCK_SERVER"); env != nullptr && *env != '\0') {
    return env;
  }
#ifdef MARKETO_MOCK_SERVER_PATH
  return MARKETO_MOCK_SERVER_PATH;
#else
  return "marketo-mock-server";
#endif
}

std::string TestCertsDir() {
  if (const char* env = std::getenv("MARKETO_TEST_CERTS_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
#ifdef MARKETO_TEST_CERTS_DIR
  return MARKETO_TEST_CERTS_DIR;
#else
  return "test-certs";
#endif
}

MockServerProcess::MockServerProcess(std::vector<std::string> args,
                                     std::chrono::milliseconds start_timeout) {
  const char* tmp = std::getenv("TMPDIR");
  std::string tmpl = std::string(tmp != nullptr && *tmp ? tmp : "/tmp") + "/mock-server-XXXXXX";
  if (mkdtemp(tmpl.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  temp_dir_ = tmpl;
  stderr_path_ = temp_dir_ + "/stderr.txt";
  AddDefaultArgs(args);
  Spawn(args);
  const std::string line = ReadFirstLine(start_timeout);
  const std::string prefix = "listening on ";
  const auto nl = line.find('\n');
  if (nl == std::string::npos || line.rfind(prefix, 0) != 0) {
    Stop(std::chrono::seconds(2));
    throw std::runtime_error("mock server did not start; stdout: '" + line +
                             "'; stderr: " + ReadStderr());
  }
  url_ = line.substr(prefix.size(), nl - prefix.size());
  const auto colon = url_.rfind(':');
  port_ = std::atoi(url_.c_str() + colon + 1);
}

void MockServerProcess::AddDefaultArgs(std::vector<std::string>& args) {
  if (!HasFlag(args, "--port")) {
    args.push_back("--port");
    args.push_back("0");
  }
  if (!HasFlag(args, "--dump")) {
    dump_path_ = temp_dir_ + "/dump.json";
    args.push_back("--dump");
    args.push_back(dump_path_);
  } else {
    for (std::size_t i = 0; i + 1 < args.size(); ++i) {
      if (args[i] == "--dump") dump_path_ = args[i + 1];
    }
  }
  args.push_back("--stop-on-stdin-eof");
}

void MockServerProcess::Spawn(const std::vector<std::string>& args) {
  int out[2];
  int in[2];
  if (pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  if (pipe2(in, O_CLOEXEC) != 0) {
    close(out[0]);
    close(out[1]);
    throw std::runtime_error("pipe failed");
  }
  const std::string binary = MockServerBinary();
  std::vector<std::string> argv_s = {binary};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  argv.reserve(argv_s.size() + 1);
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&fa, in[0], STDIN_FILENO);
  posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, stderr_path_.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  const int rc = posix_spawn(&pid_, binary.c_str(), &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  close(out[1]);
  close(in[0]);
  stdin_fd_ = in[1];  // never written; closing it (or dying) tells the server to stop
  if (rc != 0) {
    close(out[0]);
    close(stdin_fd_);
    stdin_fd_ = -1;
    pid_ = -1;
    throw std::runtime_error("cannot start " + binary + ": " + std::strerror(rc));
  }
  stdout_fd_ = out[0];
}

// The server's first stdout line, bounded by `timeout`.
std::string MockServerProcess::ReadFirstLine(std::chrono::milliseconds timeout) {
  std::string line;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (line.find('\n') == std::string::npos) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    pollfd p{stdout_fd_, POLLIN, 0};
    if (poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
    char buf[256];
    const ssize_t n = read(stdout_fd_, buf, sizeof buf);
    if (n <= 0) break;  // exited before listening
    line.append(buf, static_cast<std::size_t>(n));
  }
  return line;
}

MockServerProcess::~MockServerProcess() {
  Stop();
  // Keep the temp dir only when asked to (debugging a failing test).
  if (!temp_dir_.empty() && std::getenv("MARKETO_KEEP_MOCK_FILES") == nullptr) {
    std::remove(dump_path_.c_str());
    std::remove((dump_path_ + ".tmp").c_str());
    std::remove(stderr_path_.c_str());
    rmdir(temp_dir_.c_str());
  }
}

bool MockServerProcess::Signal(int sig) { return pid_ > 0 && kill(pid_, sig) == 0; }

int MockServerProcess::Stop(std::chrono::milliseconds timeout) {
  if (pid_ > 0) {
    kill(pid_, SIGTERM);
    int status = 0;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    pid_t r = 0;
    while ((r = waitpid(pid_, &status, WNOHANG)) == 0 &&
           std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    if (r == 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, &status, 0);
    }
    exit_status_ = status;
    pid_ = -1;
  }
  for (int* fd : {&stdout_fd_, &stdin_fd_}) {
    if (*fd >= 0) close(*fd);
    *fd = -1;
  }
  return exit_status_;
}

std::string MockServerProcess::ReadDump() const { return ReadFile(dump_path_); }

std::string MockServerProcess::ReadStderr() const { return ReadFile(stderr_path_); }

}  // namespace marketo_test
