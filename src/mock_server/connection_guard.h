// What keeps a slow or hostile peer from holding the mock's connection threads: each request's
// header and body must arrive within a deadline (RequestFramer, gSOAP's frecv hook), and when
// every thread is taken a new connection evicts one that is still waiting for its request
// (ConnectionTable). The framer also ends each request at its HTTP framing, so a body that is
// not XML, or XML cut short, reads as end of input at once instead of waiting for more bytes.
#ifndef MARKETO_MOCK_SERVER_CONNECTION_GUARD_H_
#define MARKETO_MOCK_SERVER_CONNECTION_GUARD_H_

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

#include "stdsoap2.h"
#include "xml_chars.h"

namespace mock {

using GuardClock = std::chrono::steady_clock;

// kIdle: keep-alive, before the first byte of the next request. kHeader: a fresh connection
// (TLS handshake included) or a request header under way. kBody: header done, body under way.
// kBusy: the whole request read (operation, answer). All but kBusy may be evicted.
enum class ConnPhase { kIdle, kHeader, kBody, kBusy };

class ConnectionTable {
 public:
  void Add(int fd, std::uint32_t peer);
  void Remove(int fd);
  void SetPhase(int fd, ConnPhase phase);
  // Shuts down (SHUT_RDWR) the connection the server can best spare: one in kHeader of the peer
  // that holds the most of them, longest waiting first; else the longest kIdle one; else the
  // longest kBody one (a body trickled slowly). False when every connection is kBusy.
  bool EvictOne();
  template <typename Fn>
  void ForEach(Fn fn) {
    std::lock_guard<std::mutex> lock(mu_);
    for (const auto& [fd, c] : conns_) fn(fd);
  }

 private:
  struct Conn {
    std::uint32_t peer;
    ConnPhase phase;
    GuardClock::time_point since;
  };
  std::mutex mu_;
  std::map<int, Conn> conns_;
};

struct ReadLimits {
  std::chrono::milliseconds header;  // first byte of a fresh connection's request, or of a
                                     // keep-alive request, to the end of its header
  std::chrono::milliseconds body;    // end of the header to the end of the body
  std::chrono::milliseconds idle;    // keep-alive wait for the next request's first byte
};

// One connection's reads. Owned by its connection thread; soap->user points at it.
class RequestFramer {
 public:
  RequestFramer(void* ctx, ConnectionTable* table, int fd, const ReadLimits& limits,
                size_t (*recv)(struct soap*, char*, size_t))
      : ctx_(ctx),
        table_(table),
        fd_(fd),
        limits_(limits),
        recv_(recv),
        start_(GuardClock::now()) {}

  // Before gSOAP starts reading a request; `fresh` for a connection's first one.
  void Begin(bool fresh);
  // The frecv hook's body: reads at most to the end of the request, within its deadline.
  size_t Recv(struct soap* soap, char* buf, size_t len);

  // gSOAP's fpreparerecv: inflated bytes of a compressed body, checked like plain ones.
  // Non-zero (a gSOAP error) once they are not XML.
  int CheckInflated(struct soap* soap, const char* p, std::size_t n);

  void* ctx() const { return ctx_; }
  bool header_complete() const { return head_done_; }
  std::size_t bytes() const { return bytes_; }
  // Why reading stopped early ("" when it did not).
  const std::string& stop_reason() const { return reason_; }

 private:
  enum class State { kHeader, kLength, kChunkSize, kChunkData, kChunkEnd, kTrailer, kDone };

  void Feed(const char* p, std::size_t n);
  void CheckBody(const char* p, std::size_t n);
  bool HeadEnds() const;
  void EndHeader();
  void FeedChunked(char c);
  void Stop(const std::string& reason);
  GuardClock::time_point Deadline() const;

  void* ctx_;
  ConnectionTable* table_;
  int fd_;
  ReadLimits limits_;
  size_t (*recv_)(struct soap*, char*, size_t);

  State state_ = State::kHeader;
  bool idle_ = false;        // kHeader before the first byte of a keep-alive request
  bool head_done_ = false;   // the blank line after the header arrived
  bool plain_body_ = false;  // no Content-Encoding: the raw body bytes are the XML
  bool bad_xml_ = false;     // the body broke XmlCharChecker's rules
  XmlCharChecker xml_;
  GuardClock::time_point start_;
  std::string head_;
  std::string line_;  // chunk size or trailer line being read
  std::uint64_t left_ = 0;
  std::size_t bytes_ = 0;
  std::string reason_;
};

}  // namespace mock

#endif  // MARKETO_MOCK_SERVER_CONNECTION_GUARD_H_
