#include "policy/fault_injection.h"

#include <cstdlib>
#include <sstream>

#include "marketo/error_codes.h"

namespace mock {
namespace {

struct KindEntry {
  const char* name;
  MisbehaviourKind kind;
};

constexpr KindEntry kKinds[] = {
    {"reset", MisbehaviourKind::kReset},     {"truncate", MisbehaviourKind::kTruncate},
    {"html500", MisbehaviourKind::kHtml500}, {"http503", MisbehaviourKind::kHttp503},
    {"non-xml", MisbehaviourKind::kNonXml},  {"malformed", MisbehaviourKind::kMalformed},
    {"hang", MisbehaviourKind::kHang},
};

constexpr char kAfterCommit[] = "-after-commit";

bool ParseUint(const std::string& s, std::uint64_t* out) {
  if (s.empty() || s.find_first_not_of("0123456789") != std::string::npos || s.size() > 18) {
    return false;
  }
  *out = std::strtoull(s.c_str(), nullptr, 10);
  return true;
}

// "KIND" or "KIND-after-commit"; false for an unknown kind.
bool ParseKind(const std::string& value, FaultSpec* spec) {
  std::string base = value;
  const std::string suffix = kAfterCommit;
  if (base.size() > suffix.size() &&
      base.compare(base.size() - suffix.size(), suffix.size(), suffix) == 0) {
    spec->after_commit = true;
    base.resize(base.size() - suffix.size());
  }
  spec->kind = MisbehaviourKind::kNone;
  for (const auto& k : kKinds) {
    if (base == k.name) spec->kind = k.kind;
  }
  return spec->kind != MisbehaviourKind::kNone;
}

// Sets one key=value of a spec; an error text, or "" when it is fine.
std::string ApplySpecKey(const std::string& key, const std::string& value, FaultSpec* spec,
                         bool* have_trigger) {
  if (key == "every") {
    if (!ParseUint(value, &spec->every) || spec->every == 0) return "every= needs an integer >= 1";
    *have_trigger = true;
  } else if (key == "rate") {
    char* end = nullptr;
    spec->rate = std::strtod(value.c_str(), &end);
    if (value.empty() || *end != '\0' || !(spec->rate > 0.0 && spec->rate <= 1.0)) {
      return "rate= needs a probability in (0, 1]";
    }
    *have_trigger = true;
  } else if (key == "code") {
    std::uint64_t code = 0;
    if (!ParseUint(value, &code) ||
        marketo::error_codes::FindErrorCode(static_cast<int>(code)) == nullptr) {
      return "code= must be a Marketo error code from its documented table (e.g. 20023)";
    }
    spec->code = static_cast<int>(code);
  } else if (key == "kind") {
    if (!ParseKind(value, spec)) return "unknown kind '" + value + "'";
  } else if (key == "op") {
    if (value.empty()) return "op= needs an operation name";
    spec->op = value;
  } else if (key == "count") {
    if (!ParseUint(value, &spec->max_count) || spec->max_count == 0) {
      return "count= needs an integer >= 1";
    }
  } else {
    return "unknown key '" + key + "'";
  }
  return "";
}

}  // namespace

std::string KindName(MisbehaviourKind kind, bool after_commit) {
  for (const auto& k : kKinds) {
    if (k.kind == kind) return after_commit ? k.name + std::string(kAfterCommit) : k.name;
  }
  return "none";
}

std::string ParseFaultSpec(const std::string& text, FaultSpec* out) {
  FaultSpec spec;
  spec.text = text;
  std::stringstream ss(text);
  std::string part;
  bool have_trigger = false;
  while (std::getline(ss, part, ':')) {
    const auto eq = part.find('=');
    if (eq == std::string::npos) return "'" + part + "' is not key=value";
    std::string error = ApplySpecKey(part.substr(0, eq), part.substr(eq + 1), &spec, &have_trigger);
    if (!error.empty()) return error;
  }
  if (!have_trigger) return "needs every=N or rate=P";
  if (spec.every != 0 && spec.rate != 0) return "give either every= or rate=, not both";
  if (spec.code.has_value() == (spec.kind != MisbehaviourKind::kNone)) {
    return "give exactly one of code=CODE or kind=KIND";
  }
  *out = spec;
  return "";
}

FaultInjector::FaultInjector(std::vector<FaultSpec> specs, std::optional<std::uint64_t> seed)
    : rng_(seed ? *seed : std::random_device{}()) {
  for (auto& s : specs) states_.push_back(State{std::move(s), 0, 0});
}

FaultDecision FaultInjector::Decide(const std::string& op) {
  std::lock_guard<std::mutex> lock(mu_);
  FaultDecision d;
  for (auto& st : states_) {
    const FaultSpec& s = st.spec;
    if (!s.op.empty() && s.op != op) continue;
    ++st.matched;
    // Draw for every matching rate spec, fired or not, so the sequence only depends on the seed
    // and the order of calls.
    bool fire = s.every != 0 ? (st.matched % s.every == 0)
                             : std::uniform_real_distribution<double>(0.0, 1.0)(rng_) < s.rate;
    if (s.max_count != 0 && st.fired >= s.max_count) fire = false;
    if (!fire || d.fire) continue;
    ++st.fired;
    d.fire = true;
    d.code = s.code;
    d.kind = s.kind;
    d.after_commit = s.after_commit;
    d.label = s.code ? "code=" + std::to_string(*s.code) : KindName(s.kind, s.after_commit);
  }
  return d;
}

}  // namespace mock
