#ifndef MARKETO_SRC_CLIENT_TRANSPORT_CALL_IO_H_
#define MARKETO_SRC_CLIENT_TRANSPORT_CALL_IO_H_

#include <chrono>
#include <cstddef>
#include <string>

namespace marketo {
namespace internal {

using Clock = std::chrono::steady_clock;

// A stall that lasted at least 90% of the configured timeout is treated as that timeout: gSOAP
// reports both a timeout and an orderly close as "EOF".
inline bool LooksLikeTimeout(Clock::duration elapsed, std::chrono::milliseconds limit) {
  return elapsed >= limit * 9 / 10;
}

// What the I/O hooks observed during one call; the error mapping reads it. gSOAP reports a
// response that was cut off (transient) and a complete but unreadable one (malformed) alike
// (EOF, or "error 200" when the head was cut), so the hooks keep the HTTP head as far as it
// arrived, its length once complete, and its Content-Length.
struct CallIo {
  std::size_t bytes_sent = 0;
  std::size_t bytes_received = 0;
  bool recv_eof = false;
  bool recv_timed_out = false;
  bool send_timed_out = false;
  bool deadline_hit = false;  // the attempt's whole-call deadline ran out
  int send_errno = 0;
  std::string sent;             // captured only for a Wire or a wire log
  std::string received;         // captured only for a wire log
  std::string head;             // bounded; lower-cased once complete
  std::size_t head_length = 0;  // 0 while the head is incomplete
  long long content_length = -1;
  std::string refused;  // why the hooks refused the response from its head; reads then end

  void Reset();
  // Called with each received chunk, before bytes_received is advanced.
  void TrackHead(const char* data, std::size_t n);
  // The response ended early: its head never completed, or its body is shorter than its
  // Content-Length.
  bool Incomplete() const;
  // The whole body announced by Content-Length arrived.
  bool Complete() const;
};

}  // namespace internal
}  // namespace marketo

#endif  // MARKETO_SRC_CLIENT_TRANSPORT_CALL_IO_H_
