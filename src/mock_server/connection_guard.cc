#include "connection_guard.h"

#include <sys/socket.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>
#include <vector>

namespace mock {
namespace {

constexpr std::size_t kMaxHeadBytes = std::size_t{64} * 1024;
constexpr std::size_t kMaxLineBytes = 1024;
// A connection younger than this is not evicted: a burst of new connections must not evict
// each other before their (prompt) headers were read.
constexpr auto kMinHeaderAge = std::chrono::milliseconds(250);
constexpr auto kMinIdleAge = std::chrono::seconds(1);
constexpr auto kMinBodyAge = std::chrono::milliseconds(500);  // loopback bodies take ms

// Which phase to evict first: waiting for a header, then idle, then a slow body.
int EvictionRank(ConnPhase p) {
  return p == ConnPhase::kHeader ? 0 : p == ConnPhase::kIdle ? 1 : 2;
}

std::string Lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string Trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

// The value of header `name` (lower case) in an HTTP head, or nullopt.
std::optional<std::string> HeaderValue(const std::string& head, const std::string& name) {
  std::size_t pos = head.find('\n');  // skip the request line
  while (pos != std::string::npos && pos + 1 < head.size()) {
    const std::size_t next = head.find('\n', pos + 1);
    const std::string line = head.substr(pos + 1, next - pos - 1);
    const auto colon = line.find(':');
    if (colon != std::string::npos && Lower(Trim(line.substr(0, colon))) == name) {
      return Trim(line.substr(colon + 1));
    }
    pos = next;
  }
  return std::nullopt;
}

std::string Ms(std::chrono::milliseconds d) { return std::to_string(d.count()) + " ms"; }

}  // namespace

void ConnectionTable::Add(int fd, std::uint32_t peer) {
  std::lock_guard<std::mutex> lock(mu_);
  conns_[fd] = Conn{peer, ConnPhase::kHeader, GuardClock::now()};
}

void ConnectionTable::Remove(int fd) {
  std::lock_guard<std::mutex> lock(mu_);
  conns_.erase(fd);
}

void ConnectionTable::SetPhase(int fd, ConnPhase phase) {
  std::lock_guard<std::mutex> lock(mu_);
  const auto it = conns_.find(fd);
  if (it == conns_.end() || it->second.phase == phase) return;
  it->second.phase = phase;
  it->second.since = GuardClock::now();
}

bool ConnectionTable::EvictOne() {
  std::lock_guard<std::mutex> lock(mu_);
  const auto now = GuardClock::now();
  std::map<std::uint32_t, int> waiting;  // kHeader connections per peer
  for (const auto& [fd, c] : conns_) {
    if (c.phase == ConnPhase::kHeader && now - c.since >= kMinHeaderAge) ++waiting[c.peer];
  }
  std::map<int, Conn>::iterator victim = conns_.end();
  auto better = [&](std::map<int, Conn>::iterator it) {
    if (victim == conns_.end()) return true;
    if (it->second.phase != victim->second.phase) {
      return EvictionRank(it->second.phase) < EvictionRank(victim->second.phase);
    }
    if (it->second.phase == ConnPhase::kHeader &&
        waiting[it->second.peer] != waiting[victim->second.peer]) {
      return waiting[it->second.peer] > waiting[victim->second.peer];
    }
    return it->second.since < victim->second.since;
  };
  for (auto it = conns_.begin(); it != conns_.end(); ++it) {
    const Conn& c = it->second;
    const bool header = c.phase == ConnPhase::kHeader && now - c.since >= kMinHeaderAge;
    const bool idle = c.phase == ConnPhase::kIdle && now - c.since >= kMinIdleAge;
    const bool body = c.phase == ConnPhase::kBody && now - c.since >= kMinBodyAge;
    if ((header || idle || body) && better(it)) victim = it;
  }
  if (victim == conns_.end()) return false;
  victim->second.phase = ConnPhase::kBusy;  // evicted once; its thread is on its way out
  ::shutdown(victim->first, SHUT_RDWR);
  return true;
}

void RequestFramer::Begin(bool fresh) {
  state_ = State::kHeader;
  idle_ = !fresh;
  head_done_ = false;
  plain_body_ = false;
  bad_xml_ = false;
  xml_.Reset();
  if (!fresh) start_ = GuardClock::now();  // a fresh connection's clock runs from accept
  head_.clear();
  line_.clear();
  left_ = 0;
  bytes_ = 0;
  reason_.clear();
  table_->SetPhase(fd_, fresh ? ConnPhase::kHeader : ConnPhase::kIdle);
}

GuardClock::time_point RequestFramer::Deadline() const {
  if (head_done_) return start_ + limits_.body;
  return start_ + (idle_ ? limits_.idle : limits_.header);
}

void RequestFramer::Stop(const std::string& reason) {
  if (reason_.empty()) reason_ = reason;
  state_ = State::kDone;
}

size_t RequestFramer::Recv(struct soap* soap, char* buf, size_t len) {
  if (state_ == State::kDone) {
    // gSOAP wants more than the request holds: the body is not a whole SOAP envelope.
    if (reason_.empty()) reason_ = "the body ended before the SOAP envelope did";
    return 0;
  }
  const auto left =
      std::chrono::duration_cast<std::chrono::microseconds>(Deadline() - GuardClock::now());
  const bool header = !head_done_;
  const std::string limit = header ? "request header not complete within " + Ms(limits_.header)
                                   : "request body not complete within " + Ms(limits_.body);
  if (left.count() <= 0) {
    if (!(header && idle_)) Stop(limit);  // an idle keep-alive that ends is no problem
    return 0;
  }
  soap->recv_timeout = -static_cast<int>(std::clamp<long long>(left.count(), 1000, 2000000000));
  if (state_ == State::kLength) len = static_cast<size_t>(std::min<std::uint64_t>(len, left_));
  const size_t n = recv_(soap, buf, len);
  if (n == 0) {
    if (GuardClock::now() >= Deadline()) {
      if (!(header && idle_)) Stop(limit);
    } else if (!(header && idle_)) {
      Stop(header ? "closed before the request header was complete"
                  : "closed before the request body was complete");
    }
    return 0;
  }
  Feed(buf, n);
  if (state_ == State::kDone) table_->SetPhase(fd_, ConnPhase::kBusy);
  return bad_xml_ ? 0 : n;  // gSOAP never parses what broke the rules
}

void RequestFramer::Feed(const char* p, std::size_t n) {
  bytes_ += n;
  for (std::size_t i = 0; i < n && state_ != State::kDone; ++i) {
    const char c = p[i];
    switch (state_) {
      case State::kHeader:
        if (idle_) {  // the first byte of a keep-alive request starts its header deadline
          idle_ = false;
          start_ = GuardClock::now();
          table_->SetPhase(fd_, ConnPhase::kHeader);
        }
        head_ += c;
        if (head_.size() > kMaxHeadBytes) {
          Stop("request header over 64 KiB");
        } else if (c == '\n' && HeadEnds()) {
          EndHeader();
        }
        break;
      case State::kLength: {
        const std::uint64_t take = std::min<std::uint64_t>(left_, n - i);
        CheckBody(p + i, static_cast<std::size_t>(take));
        left_ -= take;
        i += static_cast<std::size_t>(take) - 1;
        if (left_ == 0 && state_ == State::kLength) state_ = State::kDone;
        break;
      }
      case State::kChunkData: {
        const std::uint64_t take = std::min<std::uint64_t>(left_, n - i);
        CheckBody(p + i, static_cast<std::size_t>(take));
        left_ -= take;
        i += static_cast<std::size_t>(take) - 1;
        if (left_ == 0 && state_ == State::kChunkData) state_ = State::kChunkEnd;
        break;
      }
      default:
        FeedChunked(c);
    }
  }
}

// The head ends with an empty line (CRLF CRLF, or bare LF LF as gSOAP also accepts).
bool RequestFramer::HeadEnds() const {
  const std::size_t n = head_.size();
  if (n >= 2 && head_[n - 2] == '\n') return true;
  return n >= 4 && head_.compare(n - 4, 4, "\r\n\r\n") == 0;
}

void RequestFramer::CheckBody(const char* p, std::size_t n) {
  if (!plain_body_ || bad_xml_) return;
  const std::string& problem = xml_.Feed(p, n);
  if (problem.empty()) return;
  bad_xml_ = true;
  Stop(problem);
}

int RequestFramer::CheckInflated(struct soap* soap, const char* p, std::size_t n) {
  if (plain_body_ || !head_done_ || (soap->mode & SOAP_ENC_ZLIB) == 0) return SOAP_OK;
  const std::string& problem = xml_.Feed(p, n);
  if (problem.empty()) return SOAP_OK;
  if (reason_.empty()) reason_ = problem;
  return SOAP_SYNTAX_ERROR;
}

void RequestFramer::EndHeader() {
  head_done_ = true;
  table_->SetPhase(fd_, ConnPhase::kBody);
  const auto encoding = HeaderValue(head_, "content-encoding");
  plain_body_ = !encoding || Lower(*encoding) == "identity";
  start_ = GuardClock::now();
  const auto te = HeaderValue(head_, "transfer-encoding");
  if (te && Lower(*te).find("chunked") != std::string::npos) {
    state_ = State::kChunkSize;
    return;
  }
  const auto cl = HeaderValue(head_, "content-length");
  if (!cl) {  // HTTP/1.1: no length and not chunked means no body
    state_ = State::kDone;
    return;
  }
  if (cl->empty() || cl->size() > 18 || cl->find_first_not_of("0123456789") != std::string::npos) {
    Stop("Content-Length '" + cl->substr(0, 40) + "' is not a byte count");
    return;
  }
  left_ = std::strtoull(cl->c_str(), nullptr, 10);
  state_ = left_ > 0 ? State::kLength : State::kDone;
}

// One byte of chunk framing: a size line, the CRLF after chunk data, or a trailer line.
void RequestFramer::FeedChunked(char c) {
  if (c != '\n') {
    if (line_.size() >= kMaxLineBytes) Stop("chunk framing line over 1 KiB");
    line_ += c;
    return;
  }
  std::string line = Trim(line_);
  line_.clear();
  if (state_ == State::kChunkEnd) {
    if (!line.empty()) return Stop("chunk data longer than its size line says");
    state_ = State::kChunkSize;
  } else if (state_ == State::kTrailer) {
    if (line.empty()) state_ = State::kDone;
  } else {  // kChunkSize
    line = line.substr(0, line.find(';'));
    if (line.empty() || line.size() > 15 ||
        line.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos) {
      return Stop("chunk size '" + line.substr(0, 40) + "' is not hexadecimal");
    }
    left_ = std::strtoull(line.c_str(), nullptr, 16);
    state_ = left_ == 0 ? State::kTrailer : State::kChunkData;
  }
}

}  // namespace mock
