#include "semantics/marketo_errors.h"

namespace mock {
namespace {

struct CodeText {
  int code;
  const char* text;
};

// Texts of the doc table "Message" column (reference §7.2).
constexpr CodeText kCodes[] = {
    {10001, "Internal Error"},
    {20011, "Internal Error"},
    {20012, "Request Not Understood"},
    {20013, "Access Denied"},
    {20014, "Authentication failed"},
    {20015, "Request Limit Exceeded"},
    {20016, "Request Expired"},
    {20017, "Invalid Request"},
    {20019, "Unsupported Operation"},
    {20022, "Time range specified in query filter exceeded limit"},
    {20023, "Rate Limit Exceeded"},
    {20024, "Concurrency Limit Exceeded"},
    {20101, "Lead Key Required"},
    {20102, "Lead Key Bad"},
    {20103, "Lead Not Found"},
    {20104, "Lead Detail Required"},
    {20105, "Lead Attribute Bad"},
    {20106, "Lead Sync Failed"},
    {20107, "Activity Key Bad"},
    {20108, "Lead Owner Not Found"},
    {20109, "Parameter Required"},
    {20110, "Bad Parameter"},
    {20111, "List Not Found"},
    {20113, "Campaign Not Found"},
    {20114, "Bad Parameter"},
    {20122, "Bad Stream Position"},
    {20123, "Stream at End"},
};

}  // namespace

const char* MarketoErrorText(int code) {
  for (const auto& c : kCodes) {
    if (c.code == code) return c.text;
  }
  return "";
}

bool IsKnownMarketoCode(int code) { return *MarketoErrorText(code) != '\0'; }

}  // namespace mock
