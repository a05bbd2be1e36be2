#include "soap/fault.h"

#include "marketo/error_codes.h"

namespace mock {
namespace {

std::string XmlEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

const char* ErrorText(int code) {
  const auto* row = marketo::error_codes::FindErrorCode(code);
  return row != nullptr ? row->message : "";
}

std::string FaultString(int code) { return std::to_string(code) + " - " + ErrorText(code); }

std::string FaultDetail(int code, const std::string& message) {
  const std::string c = std::to_string(code);
  return "<ns1:serviceException xmlns:ns1=\"http://www.marketo.com/mktows/\">"
         "<name>mktServiceException</name><message>" +
         XmlEscape(message + " (" + c + ")") + "</message><code>" + c +
         "</code></ns1:serviceException>";
}

}  // namespace mock
