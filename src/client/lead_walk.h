#ifndef MARKETO_SRC_CLIENT_LEAD_WALK_H_
#define MARKETO_SRC_CLIENT_LEAD_WALK_H_

// The text inside a LeadReadPosition: which part of a split selection, the server position
// where the page started, and how many records of that page were delivered. Shared by the lead
// and activity walks of LeadClient.

#include <cstddef>
#include <string>

namespace marketo {
namespace internal {

struct WalkCursor {
  std::size_t part = 0;
  std::size_t skip = 0;
  std::string page_start;  // the server's position (text) the page was read from
};

// "lr1.<part>.<skip>.<page start>".
std::string FormatCursor(const WalkCursor& cursor);
// False for anything FormatCursor did not write.
bool ParseCursor(const std::string& text, WalkCursor* out);

}  // namespace internal
}  // namespace marketo

#endif  // MARKETO_SRC_CLIENT_LEAD_WALK_H_
