// --fault SPEC: deterministic (with --seed) injection of Marketo faults and transport misbehaviour.
#ifndef MARKETO_MOCK_SERVER_POLICY_FAULT_INJECTION_H_
#define MARKETO_MOCK_SERVER_POLICY_FAULT_INJECTION_H_

#include <cstdint>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace mock {

// What goes wrong on the wire. Every kind except the *-after-commit ones is decided and acted on
// before the operation runs, so the store is untouched; the *-after-commit kinds run the
// operation (the store IS changed) and then lose the response.
enum class MisbehaviourKind {
  kNone,
  kReset,      // a few bytes of the HTTP head, then RST (SO_LINGER 0)
  kTruncate,   // Content-Length larger than the body, then close
  kHtml500,    // HTTP 500 with a text/html page
  kHttp503,    // HTTP 503 with an empty body
  kNonXml,     // HTTP 200 text/plain garbage
  kMalformed,  // HTTP 200 text/xml with broken XML
  kHang,       // no answer until the client gives up (bounded, or until shutdown)
};

struct FaultSpec {
  std::string text;         // as given, for --help/diagnostics
  std::uint64_t every = 0;  // fire on every Nth matching call (0 = not used)
  double rate = 0;          // or with this probability
  std::optional<int> code;  // Marketo fault code to answer, or ...
  MisbehaviourKind kind = MisbehaviourKind::kNone;
  bool after_commit = false;    // misbehave after the operation's side effects
  std::string op;               // restrict to one operation ("" = all)
  std::uint64_t max_count = 0;  // fire at most this many times (0 = unlimited)
};

// Parses "every=N:code=C", "rate=P:kind=K", optional ":op=NAME", ":count=M".
// Returns an error text, or "" on success.
std::string ParseFaultSpec(const std::string& text, FaultSpec* out);

// "reset", "reset-after-commit", ...; "none" for kNone.
std::string KindName(MisbehaviourKind kind, bool after_commit);

struct FaultDecision {
  bool fire = false;
  std::optional<int> code;
  MisbehaviourKind kind = MisbehaviourKind::kNone;
  bool after_commit = false;
  std::string label;  // e.g. "reset", "reset-after-commit", "code=20023"
};

class FaultInjector {
 public:
  FaultInjector(std::vector<FaultSpec> specs, std::optional<std::uint64_t> seed);

  // Called once per operation call, in arrival order; the first spec that fires wins.
  FaultDecision Decide(const std::string& op);

 private:
  struct State {
    FaultSpec spec;
    std::uint64_t matched = 0;
    std::uint64_t fired = 0;
  };
  std::mutex mu_;
  std::vector<State> states_;
  std::mt19937_64 rng_;
};

}  // namespace mock

#endif  // MARKETO_MOCK_SERVER_POLICY_FAULT_INJECTION_H_
