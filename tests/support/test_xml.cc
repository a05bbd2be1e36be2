#include "support/test_xml.h"

#include <cctype>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace marketo_test {
namespace {

std::string Trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

std::string LocalName(std::string_view tag) {
  std::size_t end = 0;
  while (end < tag.size() && !std::isspace(static_cast<unsigned char>(tag[end])) &&
         tag[end] != '/' && tag[end] != '>') {
    ++end;
  }
  std::string_view name = tag.substr(0, end);
  if (auto colon = name.find(':'); colon != std::string_view::npos) name.remove_prefix(colon + 1);
  return std::string(name);
}

}  // namespace

std::vector<std::string> FlattenXml(std::string_view xml) {
  std::vector<std::string> out;
  std::vector<std::string> stack;
  std::string text;
  std::size_t i = 0;
  while (i < xml.size()) {
    if (xml[i] != '<') {
      text += xml[i++];
      continue;
    }
    const std::size_t gt = xml.find('>', i);
    if (gt == std::string_view::npos) throw std::runtime_error("unterminated tag");
    std::string_view tag = xml.substr(i + 1, gt - i - 1);
    i = gt + 1;
    if (tag.empty() || tag[0] == '?' || tag[0] == '!') continue;
    auto path = [&] {
      std::string p;
      for (const auto& s : stack) p += "/" + s;
      return p;
    };
    if (tag[0] == '/') {
      const std::string t = Trim(text);
      out.push_back(path() + "=" + t);
      text.clear();
      stack.pop_back();
      continue;
    }
    const bool self_closing = tag.back() == '/';
    stack.push_back(LocalName(tag));
    text.clear();
    if (self_closing) {
      out.push_back(path() + "=");
      stack.pop_back();
    }
  }
  return out;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string HttpReply(std::string_view body, std::string_view status,
                      std::string_view content_type) {
  std::string r = "HTTP/1.1 ";
  r.append(status);
  r += "\r\nContent-Type: ";
  r.append(content_type);
  r += "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  r.append(body);
  return r;
}

std::string Envelope(std::string_view body_inner) {
  std::string r =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xmlns:ns1=\"http://www.marketo.com/mktows/\"><SOAP-ENV:Body>";
  r.append(body_inner);
  r += "</SOAP-ENV:Body></SOAP-ENV:Envelope>";
  return r;
}

std::string FaultReply(int code, std::string_view text) {
  const std::string c = std::to_string(code);
  std::string body =
      "<SOAP-ENV:Fault><faultcode>SOAP-ENV:Client</faultcode><faultstring>" + c + " - ";
  body.append(text);
  body +=
      "</faultstring><detail><ns1:serviceException xmlns:ns1=\"http://www.marketo.com/mktows/\">"
      "<name>mktServiceException</name><message>";
  body.append(text);
  body += " (" + c + ")</message><code>" + c + "</code></ns1:serviceException></detail>" +
          "</SOAP-ENV:Fault>";
  return HttpReply(Envelope(body), "500 Internal Server Error");
}

}  // namespace marketo_test
