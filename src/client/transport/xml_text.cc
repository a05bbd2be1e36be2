#include "transport/xml_text.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <utility>
#include <vector>

namespace marketo {
namespace internal {
namespace {

bool IsNameEnd(char c) {
  return c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// Finds the next start tag (not an end tag) with local name `name` at or after `from`.
// Returns the position just after its '>' or npos; sets `self_closing`.
std::size_t FindStartTag(std::string_view xml, std::string_view name, std::size_t from,
                         bool& self_closing) {
  for (std::size_t pos = xml.find(name, from); pos != std::string_view::npos;
       pos = xml.find(name, pos + 1)) {
    const std::size_t after = pos + name.size();
    if (after >= xml.size() || !IsNameEnd(xml[after]) || pos == 0) continue;
    // Walk back over an optional "prefix:" to the '<'.
    std::size_t lt = pos - 1;
    if (xml[lt] == ':') {
      while (lt > 0 && xml[lt - 1] != '<' && xml[lt - 1] != '>' && xml[lt - 1] != '/' &&
             !std::isspace(static_cast<unsigned char>(xml[lt - 1]))) {
        --lt;
      }
      if (lt == 0) continue;
      --lt;
    }
    if (xml[lt] != '<') continue;
    const std::size_t gt = xml.find('>', after);
    if (gt == std::string_view::npos) return std::string_view::npos;
    self_closing = xml[gt - 1] == '/';
    return gt + 1;
  }
  return std::string_view::npos;
}

std::string DecodeEntities(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    const std::size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) {
      out += s[i];
      continue;
    }
    const std::string_view ent = s.substr(i + 1, semi - i - 1);
    if (ent == "lt") {
      out += '<';
    } else if (ent == "gt") {
      out += '>';
    } else if (ent == "amp") {
      out += '&';
    } else if (ent == "quot") {
      out += '"';
    } else if (ent == "apos") {
      out += '\'';
    } else if (!ent.empty() && ent[0] == '#') {
      const bool hex = ent.size() > 1 && (ent[1] == 'x' || ent[1] == 'X');
      const long cp =
          std::strtol(std::string(ent.substr(hex ? 2 : 1)).c_str(), nullptr, hex ? 16 : 10);
      if (cp > 0 && cp < 0x80) {
        out += static_cast<char>(cp);
      } else if (cp >= 0x80 && cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
      } else if (cp >= 0x800 && cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
      } else if (cp >= 0x10000 && cp < 0x110000) {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
      }
    } else {
      out.append(s.substr(i, semi - i + 1));
    }
    i = semi;
  }
  return out;
}

bool HeaderIs(std::string_view headers, std::string_view name, std::string_view value) {
  // Case-insensitive search for "name:" at a line start whose value contains `value`.
  auto lower = [](std::string_view s) {
    std::string r(s);
    for (char& c : r) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return r;
  };
  const std::string h = lower(headers);
  const std::string key = "\n" + lower(name) + ":";
  const std::size_t pos = h.find(key);
  if (pos == std::string::npos) return false;
  const std::size_t eol = h.find('\n', pos + key.size());
  return h.substr(pos + key.size(), eol - pos - key.size()).find(lower(value)) != std::string::npos;
}

// A secret found next to a letter or digit is part of a longer word, not the secret's value.
bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

// Whether `pos` (the start or the end of a match) is a word boundary of `text`.
bool IsBoundary(const std::string& text, std::size_t pos, bool at_start) {
  if (at_start) return pos == 0 || !IsWordChar(text[pos - 1]);
  return pos >= text.size() || !IsWordChar(text[pos]);
}

}  // namespace

void MaskCredentials(std::string& xml) {
  // Ranges of element text to mask, found on the unchanged input, then one copy: replacing in
  // place moved the tail once per element (quadratic in a response of many such elements).
  std::vector<std::pair<std::size_t, std::size_t>> ranges;
  for (std::string_view name :
       {std::string_view("mktowsUserId"), std::string_view("requestSignature")}) {
    std::size_t from = 0;
    for (;;) {
      bool self_closing = false;
      const std::size_t start = FindStartTag(xml, name, from, self_closing);
      if (start == std::string::npos) break;
      std::size_t end = self_closing ? start : xml.find('<', start);
      if (end == std::string::npos) end = xml.size();
      if (!self_closing) ranges.emplace_back(start, end);
      from = end;
    }
  }
  if (ranges.empty()) return;
  std::sort(ranges.begin(), ranges.end());
  std::string out;
  out.reserve(xml.size() + 3 * ranges.size());
  std::size_t copied = 0;
  for (const auto& [start, end] : ranges) {
    out.append(xml, copied, start - copied);
    out += "***";
    copied = end;
  }
  out.append(xml, copied, std::string::npos);
  xml.swap(out);
}

void ScrubSecret(std::string& text, std::string_view secret) {
  if (secret.empty() || text.size() < secret.size()) return;
  const bool anywhere = secret.size() >= kMinInWordSecret;
  std::string out;
  std::size_t copied = 0;
  for (std::size_t pos = text.find(secret); pos != std::string::npos;) {
    const std::size_t end = pos + secret.size();
    if (anywhere || (IsBoundary(text, pos, true) && IsBoundary(text, end, false))) {
      out.append(text, copied, pos - copied);
      out += "***";
      copied = end;
      pos = text.find(secret, end);
    } else {
      pos = text.find(secret, pos + 1);
    }
  }
  if (copied == 0) return;
  out.append(text, copied, std::string::npos);
  text.swap(out);
}

std::string HttpBody(std::string_view raw) {
  const std::size_t sep = raw.find("\r\n\r\n");
  if (sep == std::string_view::npos ||
      (raw.substr(0, 5) != "HTTP/" && raw.substr(0, 5) != "POST ")) {
    return std::string(raw);
  }
  const std::string_view headers = raw.substr(0, sep + 2);
  std::string_view body = raw.substr(sep + 4);
  if (!HeaderIs(headers, "Transfer-Encoding", "chunked")) return std::string(body);
  std::string out;
  while (!body.empty()) {
    const std::size_t eol = body.find("\r\n");
    if (eol == std::string_view::npos) break;
    const unsigned long n = std::strtoul(std::string(body.substr(0, eol)).c_str(), nullptr, 16);
    body.remove_prefix(eol + 2);
    if (n == 0) break;
    const std::size_t take = n < body.size() ? n : body.size();
    out.append(body.substr(0, take));
    body.remove_prefix(take);
    if (body.size() >= 2) body.remove_prefix(2);
  }
  return out;
}

std::string ElementText(std::string_view xml, std::string_view local_name) {
  bool self_closing = false;
  const std::size_t start = FindStartTag(xml, local_name, 0, self_closing);
  if (start == std::string_view::npos || self_closing) return {};
  std::size_t end = xml.find('<', start);
  if (end == std::string_view::npos) end = xml.size();
  return DecodeEntities(xml.substr(start, end - start));
}

ServiceException ParseServiceException(std::string_view detail_xml) {
  ServiceException ex;
  bool self_closing = false;
  const std::size_t start = FindStartTag(detail_xml, "serviceException", 0, self_closing);
  if (start == std::string_view::npos || self_closing) return ex;
  const std::string_view inner = detail_xml.substr(start);
  ex.name = ElementText(inner, "name");
  ex.message = ElementText(inner, "message");
  const std::string code = ElementText(inner, "code");
  char* end = nullptr;
  const long v = std::strtol(code.c_str(), &end, 10);
  if (end != code.c_str() && v > 0 && v < 1000000) ex.code = static_cast<int>(v);
  return ex;
}

}  // namespace internal
}  // namespace marketo
