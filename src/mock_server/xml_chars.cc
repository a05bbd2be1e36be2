#include "xml_chars.h"

#include <array>
#include <cstdio>
#include <cstdlib>

namespace mock {
namespace {

bool IsXmlChar(std::uint32_t cp) {
  return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
         (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

std::string Hex(std::uint32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
  return buf;
}

// ASCII characters that are allowed and take part in nothing the checker tracks: no reference
// and no "<![CDATA[", "<!--", "<?", "]]>", "-->" or "?>".
constexpr std::array<bool, 256> MakePlain() {
  std::array<bool, 256> t{};
  for (int c = 0x20; c < 0x7F; ++c) t[c] = true;
  t['\t'] = t['\n'] = t['\r'] = true;
  for (const char* m = "&<![CDAT-?>]"; *m != '\0'; ++m) t[static_cast<unsigned char>(*m)] = false;
  return t;
}
constexpr std::array<bool, 256> kPlain = MakePlain();

}  // namespace

const std::string& XmlCharChecker::Feed(const char* p, std::size_t n) {
  for (std::size_t i = 0; i < n && problem_.empty(); ++i) {
    const auto c = static_cast<unsigned char>(p[i]);
    // Most bytes of a body: one store instead of the whole decode. A plain character ends any
    // pattern in the window, so marking its slot is as good as shifting it in.
    if (need_ == 0 && mode_ == Mode::kText && kPlain[c]) {
      window_.back() = '\0';
      continue;
    }
    Byte(c);
  }
  return problem_;
}

void XmlCharChecker::Byte(unsigned char c) {
  if (need_ > 0) {
    if ((c & 0xC0) != 0x80) return Fail("the body is not valid UTF-8");
    cp_ = (cp_ << 6) | (c & 0x3F);
    if (--need_ == 0) {
      if (cp_ < min_ || cp_ > 0x10FFFF || (cp_ >= 0xD800 && cp_ <= 0xDFFF)) {
        return Fail("the body is not valid UTF-8");
      }
      Char(cp_);
    }
    return;
  }
  if (c < 0x80) return Char(c);
  // Lead byte: payload bits, continuation bytes, smallest code point of that length.
  struct Lead {
    unsigned char mask, value, bits;
    int need;
    std::uint32_t min;
  };
  static constexpr Lead kLeads[] = {
      {0xE0, 0xC0, 0x1F, 1, 0x80}, {0xF0, 0xE0, 0x0F, 2, 0x800}, {0xF8, 0xF0, 0x07, 3, 0x10000}};
  for (const Lead& l : kLeads) {
    if ((c & l.mask) != l.value) continue;
    cp_ = c & l.bits;
    need_ = l.need;
    min_ = l.min;
    return;
  }
  Fail("the body is not valid UTF-8");
}

void XmlCharChecker::Char(std::uint32_t cp) {
  if (!IsXmlChar(cp)) return Fail("character " + Hex(cp) + " is not allowed in XML");
  const char c = cp < 0x80 ? static_cast<char>(cp) : '\x80';
  Push(c);
  switch (mode_) {
    case Mode::kText:
      if (c == '&') {
        mode_ = Mode::kReference;
        reference_.clear();
      } else if (c == '[' && EndsWith("<![CDATA[")) {
        mode_ = Mode::kCdata;
      } else if (c == '-' && EndsWith("<!--")) {
        mode_ = Mode::kComment;
      } else if (c == '?' && EndsWith("<?")) {
        mode_ = Mode::kPi;
      }
      break;
    case Mode::kReference:
      if (c == ';') return EndReference();
      if (reference_.size() >= 10 || c == '&' || c == '<' || c == ' ') {
        return Fail("'&' that starts no entity or character reference");
      }
      reference_ += c;
      break;
    case Mode::kCdata:
      if (c == '>' && EndsWith("]]>")) mode_ = Mode::kText;
      break;
    case Mode::kComment:
      if (c == '>' && EndsWith("-->")) mode_ = Mode::kText;
      break;
    case Mode::kPi:
      if (c == '>' && EndsWith("?>")) mode_ = Mode::kText;
      break;
  }
}

void XmlCharChecker::EndReference() {
  mode_ = Mode::kText;
  window_.fill('\0');
  const std::string& r = reference_;
  if (r == "lt" || r == "gt" || r == "amp" || r == "quot" || r == "apos") return;
  if (r.size() < 2 || r[0] != '#') return Fail("undefined entity &" + r + ";");
  const bool hex = r[1] == 'x';
  const std::string digits = r.substr(hex ? 2 : 1);
  const char* allowed = hex ? "0123456789abcdefABCDEF" : "0123456789";
  if (digits.empty() || digits.find_first_not_of(allowed) != std::string::npos) {
    return Fail("malformed character reference &" + r + ";");
  }
  const unsigned long long cp = std::strtoull(digits.c_str(), nullptr, hex ? 16 : 10);
  if (cp > 0x10FFFF || !IsXmlChar(static_cast<std::uint32_t>(cp))) {
    return Fail("character reference &" + r + "; is not an XML character");
  }
}

}  // namespace mock
