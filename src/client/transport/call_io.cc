#include "transport/call_io.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace marketo {
namespace internal {
namespace {

constexpr std::size_t kMaxHead = std::size_t{64} * 1024;

}  // namespace

void CallIo::Reset() {
  bytes_sent = bytes_received = 0;
  recv_eof = recv_timed_out = send_timed_out = deadline_hit = false;
  send_errno = 0;
  sent.clear();
  received.clear();
  head.clear();
  refused.clear();
  head_length = 0;
  content_length = -1;
}

void CallIo::TrackHead(const char* data, std::size_t n) {
  if (head_length != 0 || head.size() >= kMaxHead) return;
  head.append(data, std::min(n, kMaxHead - head.size()));
  const std::size_t end = head.find("\r\n\r\n");
  if (end == std::string::npos) return;
  head_length = end + 4;
  head.resize(end);
  for (char& ch : head) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  const std::size_t p = head.find("\ncontent-length:");
  if (p != std::string::npos) {
    const char* v = head.c_str() + p + 16;
    while (*v == ' ' || *v == '\t') ++v;
    if (*v >= '0' && *v <= '9') content_length = std::strtoll(v, nullptr, 10);
  }
}

bool CallIo::Incomplete() const {
  if (bytes_received == 0) return false;
  if (head_length == 0) return head.size() < kMaxHead;
  return content_length >= 0 &&
         bytes_received - head_length < static_cast<unsigned long long>(content_length);
}

bool CallIo::Complete() const {
  return head_length != 0 && content_length >= 0 &&
         bytes_received - head_length >= static_cast<unsigned long long>(content_length);
}

}  // namespace internal
}  // namespace marketo
