#include "internal/soap_connection.h"

#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <climits>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "internal/wire_gate.h"
#include "internal/xml_text.h"
#include "marketo/auth.h"
#include "marketo/version.h"
#include "soapMktowsApiSoapBindingProxy.h"

// Hardening limits, sized for Marketo's documented responses (reference §4, §8):
// * kMaxXmlDepth 32: the deepest SOAP path is Envelope/Body/successGetMObjects/result/
//   mObjectList/mObject/typeAttribList/typeAttrib/attrList/attrib/value = 11 levels; gSOAP
//   skips unknown subtrees iteratively, so this only bounds deserialised nesting.
// * kMaxOccurs 10000: arrays hold at most 100 objects/statuses per call; describe field lists
//   and per-object attribute lists are in the tens to hundreds.
// * kMaxStringLength 4 MiB: Program "Token" values can be whole HTML snippets.
// * recv_maxlength = ClientOptions::max_response_bytes (16 MiB by default): 100 programs with
//   details and tokens stay well below it; also caps decompressed size.

namespace marketo {
namespace internal {
namespace {

using Clock = std::chrono::steady_clock;

// gSOAP timeouts: > 0 seconds, < 0 microseconds, 0 = forever (never produced here).
int ToSoapTimeout(std::chrono::milliseconds ms) {
  const long long v = std::max<long long>(ms.count(), 1);
  if (v % 1000 == 0 && v / 1000 <= INT_MAX) return static_cast<int>(v / 1000);
  if (v <= INT_MAX / 1000) return -static_cast<int>(v * 1000);
  return static_cast<int>(std::min<long long>((v + 999) / 1000, INT_MAX));
}

// A stall that lasted at least 90% of the configured timeout is treated as that timeout: gSOAP
// reports both a timeout and an orderly close as "EOF".
bool LooksLikeTimeout(Clock::duration elapsed, std::chrono::milliseconds limit) {
  return elapsed >= limit * 9 / 10;
}

// Blocks SIGPIPE in this thread for one call; a SIGPIPE raised meanwhile (OpenSSL writes with
// write(), so MSG_NOSIGNAL does not cover TLS) is consumed before the mask is restored.
class SigpipeGuard {
 public:
  SigpipeGuard() {
    sigemptyset(&pipe_set_);
    sigaddset(&pipe_set_, SIGPIPE);
    sigset_t pending;
    sigemptyset(&pending);
    sigpending(&pending);
    was_pending_ = sigismember(&pending, SIGPIPE) == 1;
    pthread_sigmask(SIG_BLOCK, &pipe_set_, &old_mask_);
  }
  ~SigpipeGuard() {
    if (!was_pending_) {
      sigset_t pending;
      sigemptyset(&pending);
      sigpending(&pending);
      if (sigismember(&pending, SIGPIPE) == 1) {
        const timespec zero{0, 0};
        while (sigtimedwait(&pipe_set_, nullptr, &zero) == -1 && errno == EINTR) {
        }
      }
    }
    pthread_sigmask(SIG_SETMASK, &old_mask_, nullptr);
  }
  SigpipeGuard(const SigpipeGuard&) = delete;
  SigpipeGuard& operator=(const SigpipeGuard&) = delete;

 private:
  sigset_t pipe_set_;
  sigset_t old_mask_;
  bool was_pending_ = false;
};

// What the I/O callbacks observed during one call; drives the error mapping.
struct CallIo {
  std::size_t bytes_sent = 0;
  std::size_t bytes_received = 0;
  bool recv_eof = false;
  bool recv_timed_out = false;
  bool send_timed_out = false;
  int send_errno = 0;
  std::string sent;      // captured only for a Wire or a wire log
  std::string received;  // captured only for a wire log
  // The HTTP head as far as received (bounded), its length once complete, and Content-Length:
  // tells a response that was cut off (transient) from a complete but unreadable one
  // (malformed), which gSOAP reports alike (EOF, or "error 200" when the head was cut).
  std::string head;
  std::size_t head_length = 0;  // 0 while the head is incomplete
  long long content_length = -1;

  void Reset() {
    bytes_sent = bytes_received = 0;
    recv_eof = recv_timed_out = send_timed_out = false;
    send_errno = 0;
    sent.clear();
    received.clear();
    head.clear();
    head_length = 0;
    content_length = -1;
  }

  // Called with each received chunk, before bytes_received is advanced.
  void TrackHead(const char* data, std::size_t n) {
    constexpr std::size_t kMaxHead = 64 * 1024;
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

  // The response ended early: its head never completed, or its body is shorter than its
  // Content-Length.
  bool Incomplete() const {
    if (bytes_received == 0) return false;
    if (head_length == 0) return head.size() < 64 * 1024;
    return content_length >= 0 &&
           bytes_received - head_length < static_cast<unsigned long long>(content_length);
  }
  // The whole body announced by Content-Length arrived.
  bool Complete() const {
    return head_length != 0 && content_length >= 0 &&
           bytes_received - head_length >= static_cast<unsigned long long>(content_length);
  }
};

class SoapMObjectConnection;

// Objects of type T for building requests, kept from call to call: once a context has built a
// request of some shape, building another of that shape allocates nothing (strings and vectors
// keep their capacity). Document/literal serialisation does no pointer tracking, so gSOAP writes
// these like objects from its own arena; it never frees them (only parsed responses live in the
// arena, which ArenaGuard frees).
template <typename T>
class Recycler {
 public:
  T* Next(struct soap* s) {
    if (used_ == items_.size()) items_.push_back(std::make_unique<T>());
    T* p = items_[used_++].get();
    if constexpr (std::is_class_v<T>) {
      p->soap_default(s);  // back to defaults; erase()/clear() keep the buffers
    } else {
      *p = T();
    }
    return p;
  }
  void Reset() { used_ = 0; }

 private:
  std::vector<std::unique_ptr<T>> items_;
  std::size_t used_ = 0;
};

class RequestObjects {
 public:
  explicit RequestObjects(struct soap* s) : soap_(s) {}
  template <typename T>
  T* New() {
    return std::get<Recycler<T>>(recyclers_).Next(soap_);
  }
  void Reset() {
    std::apply([](auto&... r) { (r.Reset(), ...); }, recyclers_);
  }

 private:
  struct soap* soap_;
  std::tuple<Recycler<int>, Recycler<mktows__Attrib>, Recycler<mktows__ArrayOfAttrib>,
             Recycler<mktows__TypeAttrib>, Recycler<mktows__ArrayOfTypeAttrib>,
             Recycler<mktows__MObjAssociation>, Recycler<mktows__ArrayOfMObjAssociation>,
             Recycler<mktows__MObject>, Recycler<mktows__ArrayOfMObject>,
             Recycler<mktows__ParamsSyncMObjects>>
      recyclers_;
};

// One gSOAP context plus its per-call bookkeeping. Exactly one thread uses it at a time.
struct Context {
  Context(const ClientOptions& opts, const std::shared_ptr<Wire>& w);
  ~Context() = default;
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;

  struct soap* soap() const {
    return proxy.soap;
  }

  const ClientOptions& options;
  Wire* wire;
  bool capture;
  std::string user_agent;
  CallIo io;
  std::string wire_response;
  std::size_t wire_pos = 0;
  bool wire_fetched = false;
  WireGate* gate = nullptr;  // the SyncAll permit this call holds, if any
  mktows__AuthenticationHeaderInfo auth;
  Status setup_error;
  int (*orig_fsend)(struct soap*, const char*, size_t) = nullptr;
  size_t (*orig_frecv)(struct soap*, char*, size_t) = nullptr;
  int (*orig_fposthdr)(struct soap*, const char*, const char*) = nullptr;
  // Destroyed before the members above it: its destructor may still call our callbacks.
  MktowsApiSoapBindingProxy proxy;
  // Holds the largest request this context has built (strings keep their capacity) until the
  // context goes; gSOAP keeps no pointer to these between calls.
  RequestObjects request_objects{proxy.soap};
};

Context* Ctx(struct soap* s) { return static_cast<Context*>(s->user); }

// An idle keep-alive connection the server has closed: EOF or an error is pending. (Data that
// is pending, e.g. a TLS session ticket, does not mean closed.)
bool PeerClosed(SOAP_SOCKET fd) {
  if (!soap_valid_socket(fd)) return false;
  pollfd p{fd, POLLIN, 0};
  if (poll(&p, 1, 0) <= 0) return false;
  if (p.revents & (POLLERR | POLLNVAL)) return true;
  char b;
  const ssize_t r = recv(fd, &b, 1, MSG_PEEK | MSG_DONTWAIT);
  return r == 0 || (r < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR);
}

// Before a request's first byte: waits for this thread's wire permit (see WireGate). gSOAP
// checked the kept-alive connection before serialising; if the server closed it while we
// waited, the call fails as not sent, which is always safe to retry, instead of writing into a
// dead socket.
int EnterWire(Context* c, struct soap* s) {
  WireGate* g = CurrentWireGate();
  if (g == nullptr || c->gate != nullptr) return SOAP_OK;
  const bool waited = g->Acquire();
  c->gate = g;
  if (waited && c->wire == nullptr && PeerClosed(s->socket)) {
    c->io.send_errno = s->errnum = ECONNRESET;
    return SOAP_EOF;
  }
  return SOAP_OK;
}

// After the whole response arrived, or when the call ends (idempotent).
void LeaveWire(Context* c) {
  if (c->gate == nullptr) return;
  c->gate->Release();
  c->gate = nullptr;
}

// Gives the permit back however the call ends.
class WireExit {
 public:
  explicit WireExit(Context& c) : c_(c) {}
  ~WireExit() { LeaveWire(&c_); }
  WireExit(const WireExit&) = delete;
  WireExit& operator=(const WireExit&) = delete;

 private:
  Context& c_;
};

int FSend(struct soap* s, const char* data, size_t n) {
  Context* c = Ctx(s);
  if (c->io.bytes_sent == 0) {
    if (const int rc = EnterWire(c, s); rc != SOAP_OK) return rc;
  }
  if (c->capture) c->io.sent.append(data, n);
  // In SOAP_IO_STORE mode (set per call, see Call) gSOAP sends the HTTP head on its own and the
  // stored body right after it; MSG_MORE lets TCP put both in one segment instead of sending
  // the head as a tiny packet of its own (TCP_NODELAY). socket_flags only affects plain TCP.
  const bool head = c->io.bytes_sent == 0 && (s->omode & SOAP_IO) == SOAP_IO_STORE;
  c->io.bytes_sent += n;  // counted before sending: a partial write may reach the server
  if (c->wire != nullptr) return SOAP_OK;
  const auto t0 = Clock::now();
  const int flags = s->socket_flags;
  if (head) s->socket_flags |= MSG_MORE;
  const int rc = c->orig_fsend(s, data, n);
  s->socket_flags = flags;
  if (rc != SOAP_OK) {
    c->io.send_errno = s->errnum;
    c->io.send_timed_out = LooksLikeTimeout(Clock::now() - t0, c->options.send_timeout);
  }
  return rc;
}

size_t FRecv(struct soap* s, char* buf, size_t len) {
  Context* c = Ctx(s);
  size_t n = 0;
  if (c->wire != nullptr) {
    if (!c->wire_fetched) {
      c->wire_fetched = true;
      try {
        c->wire_response = c->wire->RoundTrip(c->io.sent);
      } catch (...) {
        c->wire_response.clear();
      }
    }
    n = std::min(len, c->wire_response.size() - c->wire_pos);
    std::memcpy(buf, c->wire_response.data() + c->wire_pos, n);
    c->wire_pos += n;
  } else {
    const auto t0 = Clock::now();
    n = c->orig_frecv(s, buf, len);
    if (n == 0) {
      c->io.recv_timed_out = LooksLikeTimeout(Clock::now() - t0, c->options.receive_timeout);
    }
  }
  if (n == 0) c->io.recv_eof = true;
  c->io.TrackHead(buf, n);
  c->io.bytes_received += n;
  if (c->capture && c->options.wire_log) c->io.received.append(buf, n);
  // The server is done with the request: the permit goes to the next one while this response
  // is parsed. (A chunked response is released when the call ends.)
  if (c->gate != nullptr && (n == 0 || c->io.Complete())) LeaveWire(c);
  return n;
}

int FPostHdr(struct soap* s, const char* key, const char* value) {
  Context* c = Ctx(s);
  if (key != nullptr) {
    // No compressed responses: keeps the wire log readable and removes the inflate path.
    if (std::strcmp(key, "Accept-Encoding") == 0) return SOAP_OK;
    if (std::strcmp(key, "User-Agent") == 0) value = c->user_agent.c_str();
  }
  return c->orig_fposthdr(s, key, value);
}

SOAP_SOCKET WireOpen(struct soap*, const char*, const char*, int) {
  // Any valid-looking descriptor: with a Wire no socket call is ever made on it.
  return static_cast<SOAP_SOCKET>(INT_MAX - 1);
}

int WireClose(struct soap* s) {
  s->socket = SOAP_INVALID_SOCKET;
  return SOAP_OK;
}

std::once_flag g_ssl_once;

Context::Context(const ClientOptions& opts, const std::shared_ptr<Wire>& w)
    : options(opts),
      wire(w.get()),
      capture(w != nullptr || static_cast<bool>(opts.wire_log)),
      user_agent(opts.user_agent.empty() ? "marketo-soap/" MARKETO_SOAP_VERSION_STRING
                                         : opts.user_agent),
      // A Wire has no connection to keep alive; every call is a fresh round trip.
      proxy(static_cast<soap_mode>(SOAP_C_UTFSTRING | (w ? 0 : SOAP_IO_KEEPALIVE)),
            static_cast<soap_mode>(SOAP_C_UTFSTRING | (w ? 0 : SOAP_IO_KEEPALIVE))) {
  struct soap* s = proxy.soap;
  s->user = this;
  // Naming the table also makes a static link pull in the object that defines it (libgsoap
  // needs the symbol but sits after our archive on the link line).
  soap_set_namespaces(s, namespaces);
  s->connect_timeout = ToSoapTimeout(opts.connect_timeout);
  s->send_timeout = ToSoapTimeout(opts.send_timeout);
  s->recv_timeout = ToSoapTimeout(opts.receive_timeout);
  s->socket_flags = MSG_NOSIGNAL;
  s->recv_maxlength = static_cast<ULONG64>(opts.max_response_bytes);
  s->maxlevel = kMaxXmlDepth;
  s->maxlength = kMaxStringLength;
  s->maxoccurs = kMaxOccurs;
  orig_fsend = s->fsend;
  orig_frecv = s->frecv;
  orig_fposthdr = s->fposthdr;
  s->fsend = FSend;
  s->frecv = FRecv;
  s->fposthdr = FPostHdr;
  if (wire != nullptr) {
    s->fopen = WireOpen;
    s->fclose = WireClose;
    return;
  }
  if (opts.endpoint.compare(0, 8, "https://") == 0) {
    std::call_once(g_ssl_once, [] { soap_ssl_init(); });
    unsigned short flags = SOAP_TLSv1_2 | SOAP_TLSv1_3;
    if (opts.tls.verify_peer) {
      flags |= SOAP_SSL_DEFAULT;
      // A pinned CA file replaces the system store so trust is exactly what the caller gave.
      if (!opts.tls.ca_file.empty()) flags |= SOAP_SSL_NO_DEFAULT_CA_PATH;
    } else {
      flags |= SOAP_SSL_NO_AUTHENTICATION;
    }
    const char* cafile = opts.tls.ca_file.empty() ? nullptr : opts.tls.ca_file.c_str();
    const char* capath = opts.tls.ca_path.empty() ? nullptr : opts.tls.ca_path.c_str();
    if (soap_ssl_client_context(s, flags, nullptr, nullptr, cafile, capath, nullptr) != SOAP_OK) {
      const char** fs = soap_faultstring(s);
      const char** fd = soap_faultdetail(s);
      std::string msg = "cannot set up TLS";
      if (fs != nullptr && *fs != nullptr) msg += std::string(": ") + *fs;
      if (fd != nullptr && *fd != nullptr) msg += std::string(" (") + *fd + ")";
      ErrorInfo info;
      info.request_may_have_reached_server = false;
      setup_error = Status(StatusCode::kTlsError, std::move(msg), std::move(info));
    }
  }
}

// Bounded pool of contexts, created lazily; LIFO so the warmest keep-alive connection is reused.
class ContextPool {
 public:
  class Lease {
   public:
    Lease(ContextPool* pool, std::unique_ptr<Context> c) : pool_(pool), ctx_(std::move(c)) {}
    ~Lease() {
      if (ctx_) pool_->Release(std::move(ctx_));
    }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Context& operator*() const { return *ctx_; }

   private:
    ContextPool* pool_;
    std::unique_ptr<Context> ctx_;
  };

  ContextPool(const ClientOptions& opts, std::shared_ptr<Wire> wire)
      : options_(opts),
        wire_(std::move(wire)),
        max_(std::max<std::size_t>(opts.max_connections, 1)) {}

  Lease Acquire() {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [this] { return !idle_.empty() || created_ < max_; });
    if (!idle_.empty()) {
      auto c = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(c));
    }
    ++created_;
    lock.unlock();
    try {
      return Lease(this, std::make_unique<Context>(options_, wire_));
    } catch (...) {
      std::lock_guard<std::mutex> relock(mu_);
      --created_;
      cv_.notify_one();
      throw;
    }
  }

 private:
  void Release(std::unique_ptr<Context> c) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      idle_.push_back(std::move(c));
    }
    cv_.notify_one();
  }

  const ClientOptions& options_;
  std::shared_ptr<Wire> wire_;
  std::size_t max_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Context>> idle_;
  std::size_t created_ = 0;
};

// Frees everything gSOAP allocated for one call (request objects and the parsed response), and
// hands the recycled request objects out afresh.
class ArenaGuard {
 public:
  explicit ArenaGuard(Context& c) : c_(c) { c_.request_objects.Reset(); }
  ~ArenaGuard() { c_.proxy.destroy(); }
  ArenaGuard(const ArenaGuard&) = delete;
  ArenaGuard& operator=(const ArenaGuard&) = delete;

 private:
  Context& c_;
};

// ---- SDK -> generated types -------------------------------------------------------------

mktows__Attrib* NewAttrib(RequestObjects& r, const Attrib& a) {
  auto* p = r.New<mktows__Attrib>();
  p->name = a.name;
  p->value = a.value;
  return p;
}

mktows__ArrayOfAttrib* NewAttribList(RequestObjects& r, const std::vector<Attrib>& attrs) {
  auto* list = r.New<mktows__ArrayOfAttrib>();
  list->attrib.reserve(attrs.size());
  for (const auto& a : attrs) list->attrib.push_back(NewAttrib(r, a));
  return list;
}

int* NewInt(RequestObjects& r, std::int64_t v) {
  int* p = r.New<int>();
  *p = static_cast<int>(v);
  return p;
}

mktows__ArrayOfMObjAssociation* NewAssociations(RequestObjects& r,
                                                const std::vector<Association>& assocs) {
  auto* list = r.New<mktows__ArrayOfMObjAssociation>();
  list->mObjAssociation.reserve(assocs.size());
  for (const auto& a : assocs) {
    auto* p = r.New<mktows__MObjAssociation>();
    p->mObjType = a.type;
    if (a.id) p->id = NewInt(r, *a.id);
    if (a.external_key) p->externalKey = NewAttrib(r, *a.external_key);
    list->mObjAssociation.push_back(p);
  }
  return list;
}

mktows__MObject* NewMObject(RequestObjects& r, const MObject& o) {
  auto* m = r.New<mktows__MObject>();
  m->type = o.type;
  if (o.id) m->id = NewInt(r, *o.id);
  if (o.external_key) m->externalKey = NewAttrib(r, *o.external_key);
  if (!o.attributes.empty()) m->attribList = NewAttribList(r, o.attributes);
  if (!o.type_attributes.empty()) {
    m->typeAttribList = r.New<mktows__ArrayOfTypeAttrib>();
    m->typeAttribList->typeAttrib.reserve(o.type_attributes.size());
    for (const auto& g : o.type_attributes) {
      auto* t = r.New<mktows__TypeAttrib>();
      t->attrType = g.attr_type;
      if (!g.attributes.empty()) t->attrList = NewAttribList(r, g.attributes);
      m->typeAttribList->typeAttrib.push_back(t);
    }
  }
  if (!o.associations.empty()) m->associationList = NewAssociations(r, o.associations);
  return m;
}

mktows__SyncOperationEnum ToSoap(SyncOperation op) {
  switch (op) {
    case SyncOperation::kInsert:
      return mktows__SyncOperationEnum__INSERT;
    case SyncOperation::kUpdate:
      return mktows__SyncOperationEnum__UPDATE;
    case SyncOperation::kUpsert:
      return mktows__SyncOperationEnum__UPSERT;
  }
  return mktows__SyncOperationEnum__UPDATE;
}

mktows__ComparisonEnum ToSoap(Comparison c) {
  switch (c) {
    case Comparison::kEq:
      return mktows__ComparisonEnum__EQ;
    case Comparison::kNe:
      return mktows__ComparisonEnum__NE;
    case Comparison::kLt:
      return mktows__ComparisonEnum__LT;
    case Comparison::kLe:
      return mktows__ComparisonEnum__LE;
    case Comparison::kGt:
      return mktows__ComparisonEnum__GT;
    case Comparison::kGe:
      return mktows__ComparisonEnum__GE;
  }
  return mktows__ComparisonEnum__EQ;
}

// ---- generated types -> SDK -------------------------------------------------------------

// Saturates instead of overflowing: system_clock counts nanoseconds in libstdc++, so it spans
// only about 1678-2262, while a response may carry any xsd:dateTime (found by the fuzzer:
// "2410-01-01T00:00:00Z" made from_time_t overflow, which is undefined behaviour).
std::chrono::system_clock::time_point FromTimeT(std::time_t t) {
  using std::chrono::system_clock;
  constexpr long long kMaxSeconds =
      std::chrono::duration_cast<std::chrono::seconds>(system_clock::duration::max()).count() - 1;
  const long long clamped = std::clamp<long long>(t, -kMaxSeconds, kMaxSeconds);
  return system_clock::time_point(
      std::chrono::duration_cast<system_clock::duration>(std::chrono::seconds(clamped)));
}

std::optional<std::string> TakeOptional(std::string* p) {
  if (p == nullptr) return std::nullopt;
  return std::move(*p);
}

void TakeAttribs(mktows__ArrayOfAttrib* list, std::vector<Attrib>& out) {
  if (list == nullptr) return;
  out.reserve(list->attrib.size());
  for (auto* a : list->attrib) {
    if (a != nullptr) out.push_back(Attrib{std::move(a->name), std::move(a->value)});
  }
}

MObject TakeMObject(mktows__MObject& m) {
  MObject o;
  o.type = std::move(m.type);
  if (m.id) o.id = *m.id;
  if (m.externalKey)
    o.external_key = Attrib{std::move(m.externalKey->name), std::move(m.externalKey->value)};
  if (m.createdAt) o.created_at = FromTimeT(*m.createdAt);
  if (m.updatedAt) o.updated_at = FromTimeT(*m.updatedAt);
  TakeAttribs(m.attribList, o.attributes);
  if (m.typeAttribList != nullptr) {
    o.type_attributes.reserve(m.typeAttribList->typeAttrib.size());
    for (auto* t : m.typeAttribList->typeAttrib) {
      if (t == nullptr) continue;
      TypeAttrib g;
      g.attr_type = std::move(t->attrType);
      TakeAttribs(t->attrList, g.attributes);
      o.type_attributes.push_back(std::move(g));
    }
  }
  if (m.associationList != nullptr) {
    for (auto* a : m.associationList->mObjAssociation) {
      if (a == nullptr) continue;
      Association as;
      as.type = std::move(a->mObjType);
      if (a->id) as.id = *a->id;
      if (a->externalKey)
        as.external_key = Attrib{std::move(a->externalKey->name), std::move(a->externalKey->value)};
      o.associations.push_back(std::move(as));
    }
  }
  return o;
}

StatusOr<std::vector<SyncResult>> TakeStatuses(const char* op, mktows__ArrayOfMObjStatus* list,
                                               std::size_t expected) {
  const std::size_t got = list == nullptr ? 0 : list->mObjStatus.size();
  if (got != expected) {
    return Status(StatusCode::kResponseMismatch,
                  std::string(op) + ": sent " + std::to_string(expected) + " objects but got " +
                      std::to_string(got) + " statuses");
  }
  std::vector<SyncResult> results(got);
  for (std::size_t i = 0; i < got; ++i) {
    mktows__MObjStatus* st = list->mObjStatus[i];
    SyncResult& r = results[i];
    r.index = i;
    if (st == nullptr) {
      r.status = SyncStatus::kUnknown;
      continue;
    }
    if (st->id) r.id = *st->id;
    if (st->externalKey)
      r.external_key = Attrib{std::move(st->externalKey->name), std::move(st->externalKey->value)};
    r.raw_status = std::move(st->status);
    r.status = ParseSyncStatus(r.raw_status);
    if (st->error) r.error = std::move(*st->error);
  }
  return results;
}

Status Malformed(const char* op, const std::string& what) {
  return Status(StatusCode::kMalformedResponse, std::string(op) + ": " + what);
}

// ---- the connection ---------------------------------------------------------------------

class SoapMObjectConnection : public MObjectConnection, public WireGated {
 public:
  bool PassesWireGate() const override { return true; }

  SoapMObjectConnection(ClientOptions options, std::shared_ptr<Wire> wire)
      : options_(std::move(options)), pool_(options_, std::move(wire)) {
    if (!options_.clock) options_.clock = [] { return std::chrono::system_clock::now(); };
  }

  StatusOr<std::vector<SyncResult>> SyncMObjects(MObjectSpan objects,
                                                 SyncOperation operation) override {
    auto lease = pool_.Acquire();
    Context& c = *lease;
    ArenaGuard arena(c);
    RequestObjects& r = c.request_objects;
    auto* params = r.New<mktows__ParamsSyncMObjects>();
    params->mObjectList = r.New<mktows__ArrayOfMObject>();
    params->mObjectList->mObject.reserve(objects.size());
    for (const auto& o : objects) params->mObjectList->mObject.push_back(NewMObject(r, o));
    params->operation = ToSoap(operation);
    mktows__SuccessSyncMObjects resp;
    if (Status st = Call(c, "syncMObjects",
                         [&] { return c.proxy.syncMObjects(Endpoint(), nullptr, params, resp); });
        !st.ok()) {
      return st;
    }
    if (resp.result == nullptr) return Malformed("syncMObjects", "response has no result");
    return TakeStatuses("syncMObjects", resp.result->mObjStatusList, objects.size());
  }

  StatusOr<GetMObjectsPage> GetMObjects(const GetMObjectsRequest& request) override {
    auto lease = pool_.Acquire();
    Context& c = *lease;
    ArenaGuard arena(c);
    struct soap* s = c.soap();
    auto* params = soap_new_mktows__ParamsGetMObjects(s);
    params->type = request.type;
    if (request.id) params->id = NewInt(c.request_objects, *request.id);
    if (request.external_key) {
      params->externalKey = NewAttrib(c.request_objects, *request.external_key);
    }
    if (!request.criteria.empty()) {
      params->mObjCriteriaList = soap_new_mktows__ArrayOfMObjCriteria(s);
      for (const auto& cr : request.criteria) {
        auto* p = soap_new_mktows__MObjCriteria(s);
        p->attrName = cr.attr_name;
        p->comparison = ToSoap(cr.comparison);
        p->attrValue = cr.attr_value;
        params->mObjCriteriaList->mObjCriteria.push_back(p);
      }
    }
    if (!request.associations.empty()) {
      params->mObjAssociationList = NewAssociations(c.request_objects, request.associations);
    }
    if (request.include_details) {
      params->includeDetails = soap_new_bool(s);
      *params->includeDetails = *request.include_details;
    }
    if (!request.stream_position.empty()) {
      params->streamPosition = soap_new_std__string(s);
      *params->streamPosition = request.stream_position;
    }
    mktows__SuccessGetMObjects resp;
    if (Status st = Call(c, "getMObjects",
                         [&] { return c.proxy.getMObjects(Endpoint(), nullptr, params, resp); });
        !st.ok()) {
      return st;
    }
    if (resp.result == nullptr) return Malformed("getMObjects", "response has no result");
    GetMObjectsPage page;
    page.return_count = resp.result->returnCount;
    page.has_more = resp.result->hasMore;
    page.new_stream_position = std::move(resp.result->newStreamPosition);
    if (resp.result->mObjectList != nullptr) {
      page.objects.reserve(resp.result->mObjectList->mObject.size());
      for (auto* m : resp.result->mObjectList->mObject) {
        if (m != nullptr) page.objects.push_back(TakeMObject(*m));
      }
    }
    return page;
  }

  StatusOr<std::vector<SyncResult>> DeleteMObjects(MObjectSpan objects) override {
    auto lease = pool_.Acquire();
    Context& c = *lease;
    ArenaGuard arena(c);
    RequestObjects& r = c.request_objects;
    auto* params = soap_new_mktows__ParamsDeleteMObjects(c.soap());
    params->mObjectList = r.New<mktows__ArrayOfMObject>();
    params->mObjectList->mObject.reserve(objects.size());
    for (const auto& o : objects) {
      // Only type and id identify an object for deletion.
      auto* m = r.New<mktows__MObject>();
      m->type = o.type;
      if (o.id) m->id = NewInt(r, *o.id);
      params->mObjectList->mObject.push_back(m);
    }
    mktows__SuccessDeleteMObjects resp;
    if (Status st = Call(c, "deleteMObjects",
                         [&] { return c.proxy.deleteMObjects(Endpoint(), nullptr, params, resp); });
        !st.ok()) {
      return st;
    }
    if (resp.result == nullptr) return Malformed("deleteMObjects", "response has no result");
    return TakeStatuses("deleteMObjects", resp.result->mObjStatusList, objects.size());
  }

  StatusOr<ObjectMetadata> DescribeMObject(const std::string& object_name) override {
    auto lease = pool_.Acquire();
    Context& c = *lease;
    ArenaGuard arena(c);
    struct soap* s = c.soap();
    auto* params = soap_new_mktows__ParamsDescribeMObject(s);
    params->objectName = object_name;
    mktows__SuccessDescribeMObject resp;
    if (Status st =
            Call(c, "describeMObject",
                 [&] { return c.proxy.describeMObject(Endpoint(), nullptr, params, resp); });
        !st.ok()) {
      return st;
    }
    if (resp.result == nullptr || resp.result->metadata == nullptr) {
      return Malformed("describeMObject", "response has no metadata");
    }
    mktows__MObjectMetadata& m = *resp.result->metadata;
    ObjectMetadata md;
    md.name = std::move(m.name);
    md.description = TakeOptional(m.description);
    md.is_custom = m.isCustom;
    md.is_virtual = m.isVirtual;
    md.updated_at = FromTimeT(m.updatedAt);
    if (m.fieldList != nullptr) {
      md.fields.reserve(m.fieldList->field.size());
      for (auto* f : m.fieldList->field) {
        if (f == nullptr) continue;
        FieldMetadata fm;
        fm.name = std::move(f->name);
        fm.description = TakeOptional(f->description);
        fm.display_name = TakeOptional(f->displayName);
        fm.source_object = TakeOptional(f->sourceObject);
        fm.data_type = std::move(f->dataType);
        if (f->size) fm.size = *f->size;
        fm.is_readonly = f->isReadonly;
        fm.is_update_blocked = f->isUpdateBlocked;
        if (f->isName) fm.is_name = *f->isName;
        fm.is_primary_key = f->isPrimaryKey;
        fm.is_custom = f->isCustom;
        fm.is_dynamic = f->isDynamic;
        fm.dynamic_field_ref = TakeOptional(f->dynamicFieldRef);
        fm.updated_at = FromTimeT(f->updatedAt);
        md.fields.push_back(std::move(fm));
      }
    }
    return md;
  }

  StatusOr<std::vector<std::string>> ListMObjects() override {
    auto lease = pool_.Acquire();
    Context& c = *lease;
    ArenaGuard arena(c);
    struct soap* s = c.soap();
    auto* params = soap_new_mktows__ParamsListMObjects(s);
    mktows__SuccessListMObjects resp;
    if (Status st = Call(c, "listMObjects",
                         [&] { return c.proxy.listMObjects(Endpoint(), nullptr, params, resp); });
        !st.ok()) {
      return st;
    }
    if (resp.result == nullptr) return Malformed("listMObjects", "response has no result");
    return std::move(resp.result->objects);
  }

 private:
  const char* Endpoint() const { return options_.endpoint.c_str(); }

  template <typename Invoke>
  Status Call(Context& c, const char* op, Invoke&& invoke) {
    if (!c.setup_error.ok()) return c.setup_error;
    if (options_.endpoint.empty()) {
      ErrorInfo info;
      info.request_may_have_reached_server = false;
      return Status(StatusCode::kInvalidArgument, std::string(op) + ": no endpoint configured",
                    std::move(info));
    }
    c.io.Reset();
    c.wire_response.clear();
    c.wire_pos = 0;
    c.wire_fetched = false;
    // Signed per attempt: a retry must never reuse an old timestamp (20016).
    c.auth.mktowsUserId = options_.credentials.user_id;
    c.auth.requestTimestamp = FormatW3CTimestamp(options_.clock(), options_.timestamp_utc_offset);
    c.auth.requestSignature = ComputeSignature(
        c.auth.requestTimestamp, options_.credentials.user_id, options_.credentials.encryption_key);
    // gSOAP clears soap->header after every call, so it is set again each time.
    c.proxy.soap_header(&c.auth, nullptr);
    // Serialise the request once: in its default output mode gSOAP serialises every request
    // twice, once to count its Content-Length and once to send it. SOAP_IO_STORE builds it once
    // in memory and sends it with the same Content-Length (not chunked), so the bytes on the
    // wire are unchanged. Set per call because gSOAP resets the output I/O mode after a call.
    c.soap()->omode = (c.soap()->omode & ~SOAP_IO) | SOAP_IO_STORE;
    const auto t0 = Clock::now();
    int rc;
    {
      SigpipeGuard sigpipe;
      WireExit wire_exit(c);
      rc = invoke();
    }
    const auto elapsed = Clock::now() - t0;
    if (options_.wire_log) EmitWireLog(c);
    if (rc == SOAP_OK) return Status();
    Status st = MapError(c, op, elapsed);
    soap_force_closesock(c.soap());
    return st;
  }

  void EmitWireLog(Context& c) {
    try {
      if (!c.io.sent.empty()) {
        std::string body = HttpBody(c.io.sent);
        MaskCredentials(body);
        options_.wire_log(WireDirection::kRequest, body);
      }
      if (!c.io.received.empty()) {
        std::string body = HttpBody(c.io.received);
        MaskCredentials(body);
        options_.wire_log(WireDirection::kResponse, body);
      }
    } catch (...) {
      // A logging hook must not turn a call into a crash.
    }
  }

  Status MapError(Context& c, const char* op, Clock::duration elapsed) {
    struct soap* s = c.soap();
    const int err = s->error;
    ErrorInfo info;
    info.request_may_have_reached_server = c.io.bytes_sent > 0;
    if (s->status >= 100 && s->status <= 599) info.http_status = s->status;
    auto fault_string = [s]() -> std::string {
      const char** fs = soap_faultstring(s);
      return fs != nullptr && *fs != nullptr ? *fs : "";
    };
    auto fault_detail = [s]() -> std::string {
      const char** fd = soap_faultdetail(s);
      return fd != nullptr && *fd != nullptr ? *fd : "";
    };
    std::string msg = std::string(op) + ": ";
    StatusCode code = StatusCode::kInternal;

    if (err == SOAP_CLI_FAULT || err == SOAP_SVR_FAULT || err == SOAP_FAULT) {
      const char** fc = soap_faultcode(s);
      if (fc != nullptr && *fc != nullptr) info.fault_code = *fc;
      std::string detail;
      if (s->fault != nullptr && s->fault->detail != nullptr && s->fault->detail->__any) {
        detail = s->fault->detail->__any;
      } else if (s->fault != nullptr && s->fault->SOAP_ENV__Detail != nullptr &&
                 s->fault->SOAP_ENV__Detail->__any) {
        detail = s->fault->SOAP_ENV__Detail->__any;
      }
      ServiceException ex = ParseServiceException(detail);
      const std::string fs = fault_string();
      if (ex.code == 0) ex.code = std::atoi(fs.c_str());  // "20014 - Authentication failed"
      info.marketo_error_code = ex.code > 0 ? ex.code : 0;
      code = (ex.code == 20015 || ex.code == 20023 || ex.code == 20024)
                 ? StatusCode::kResourceExhausted
                 : StatusCode::kSoapFault;
      if (ex.code == 20015) {
        // Fail fast with a message that says what to do; the retry layer never retries it.
        msg += "daily API request quota exhausted (Marketo 20015: " +
               (ex.message.empty() ? fs : ex.message) +
               "); not retried: the quota resets daily at 12:00 AM CST";
      } else {
        msg += "SOAP fault";
        if (info.marketo_error_code != 0) msg += " " + std::to_string(info.marketo_error_code);
        msg += ": " + (ex.message.empty() ? fs : ex.message);
      }
    } else if (err == SOAP_TCP_ERROR) {
      if (LooksLikeTimeout(elapsed, options_.connect_timeout)) {
        code = StatusCode::kDeadlineExceeded;
        msg += "connect timed out";
      } else {
        code = StatusCode::kUnavailable;
        msg += "cannot connect: " + fault_string();
      }
      info.http_status = 0;
    } else if (err == SOAP_SSL_ERROR) {
      code = StatusCode::kTlsError;
      msg += "TLS error: " + fault_string();
      if (std::string d = fault_detail(); !d.empty()) msg += " (" + d + ")";
      info.http_status = 0;
    } else if (err == SOAP_EOF) {
      if (c.io.bytes_received >= options_.max_response_bytes) {
        code = StatusCode::kMalformedResponse;
        msg += "response exceeds max_response_bytes (" +
               std::to_string(options_.max_response_bytes) + ")";
      } else if (c.io.Complete()) {
        // gSOAP's lenient parser reports some broken XML (e.g. mismatched end tags) as EOF.
        code = StatusCode::kMalformedResponse;
        msg += "malformed XML in response";
      } else if (c.io.send_timed_out || c.io.recv_timed_out) {
        code = StatusCode::kDeadlineExceeded;
        msg += c.io.send_timed_out ? "send timed out" : "receive timed out";
      } else if (c.io.recv_eof || c.io.send_errno != 0 || c.io.bytes_received == 0) {
        code = StatusCode::kUnavailable;
        if (c.io.bytes_received == 0) {
          msg += "connection closed without a response";
        } else {
          msg += "connection closed before the response was complete";
        }
        if (c.io.send_errno != 0) msg += std::string(" (") + std::strerror(c.io.send_errno) + ")";
      } else {
        code = StatusCode::kMalformedResponse;
        msg += "malformed XML in response";
      }
    } else if ((err == 200 || (err > 0 && err < 100) || err == SOAP_HTTP_ERROR) &&
               c.io.Incomplete() && (c.io.recv_eof || c.io.recv_timed_out)) {
      // A response cut off by a reset, a close or a stall (e.g. inside the HTTP head, which
      // gSOAP reports as "error 200") is a transport failure, not a bad answer.
      if (c.io.recv_timed_out) {
        code = StatusCode::kDeadlineExceeded;
        msg += "receive timed out";
      } else {
        code = StatusCode::kUnavailable;
        msg += "connection closed before the response was complete";
      }
    } else if (err == 200) {
      // gSOAP reports a 200 response it could not read as the SOAP message as error 200.
      code = StatusCode::kMalformedResponse;
      info.http_status = 200;
      msg += "HTTP 200 response is not the expected SOAP message";
    } else if (err >= 100 && err <= 599) {
      code = StatusCode::kHttpError;
      info.http_status = err;
      msg += "HTTP " + std::to_string(err);
      if (std::string fs = fault_string(); !fs.empty()) msg += ": " + fs;
    } else if (err == SOAP_OCCURS || err == SOAP_LENGTH || err == SOAP_LEVEL) {
      code = StatusCode::kMalformedResponse;
      msg += "response exceeds a parser limit: " + fault_string();
    } else if (err == SOAP_EOM) {
      code = StatusCode::kInternal;
      msg += "out of memory";
    } else if (err == SOAP_HTTP_ERROR) {
      code = StatusCode::kMalformedResponse;
      msg += "invalid HTTP response: " + fault_string();
    } else if (err > 0 && err < 100) {
      code = StatusCode::kMalformedResponse;
      msg += "cannot parse response (invalid or unexpected XML content)";
      if (std::string fs = fault_string(); !fs.empty()) msg += ": " + fs;
    } else {
      code = StatusCode::kInternal;
      msg += "unexpected transport error: " + fault_string();
    }
    ScrubSecret(msg, options_.credentials.encryption_key);
    ScrubSecret(msg, c.auth.requestSignature);
    return Status(code, std::move(msg), std::move(info));
  }

  ClientOptions options_;
  ContextPool pool_;
};

}  // namespace

std::shared_ptr<MObjectConnection> MakeSoapMObjectConnection(ClientOptions options,
                                                             std::shared_ptr<Wire> wire) {
  return std::make_shared<SoapMObjectConnection>(std::move(options), std::move(wire));
}

}  // namespace internal
}  // namespace marketo
