#ifndef MARKETO_LEAD_ACTIVITY_H_
#define MARKETO_LEAD_ACTIVITY_H_

/// @file
/// The requests and pages of the two activity reads, getLeadActivity (one lead's history) and
/// getLeadChanges (the change stream across leads), and their checks. LeadClient (marketo/
/// lead_client.h) makes the calls and walks the pages.

#include <optional>
#include <string>
#include <vector>

#include "marketo/lead.h"
#include "marketo/status.h"

namespace marketo {

/// The largest page of one getLeadActivity call.
inline constexpr int kMaxActivityPageSize = 100;
/// The largest page of one getLeadChanges call.
inline constexpr int kMaxLeadChangesPageSize = 1000;

/// Which activity types a getLeadActivity read returns: kActivityTypes tokens to include **or**
/// to exclude (never both); both empty means every type.
struct ActivityFilter {
  /// Only these types.
  std::vector<std::string> include_types;
  /// Every type but these.
  std::vector<std::string> exclude_types;
};

/// One getLeadActivity call: one page of one lead's activity, newest first as Marketo serves it.
struct GetLeadActivityRequest {
  /// The lead.
  LeadKey key;
  /// The types wanted.
  ActivityFilter filter;
  /// Where the previous page ended (ActivityPage::new_start_position); empty for the start.
  ActivityPosition start_position;
  /// Activities per page, 1..100; absent means the server's default.
  std::optional<int> batch_size;
};

/// One getLeadChanges call: one page of the change stream across leads.
struct GetLeadChangesRequest {
  /// Required: where to start (ActivityPosition::Since(t), or a page's new_start_position).
  ActivityPosition start_position;
  /// Only activities with these display names (e.g. "Change Data Value"); empty means all.
  std::vector<std::string> activity_name_filter;
  /// Only these leads (at most 100 keys per call, or a window as LeadSelector describes).
  std::optional<LeadSelector> lead_selector;
  /// Changes per page, 1..1000; absent means the server's default.
  std::optional<int> batch_size;
};

/// One page of getLeadActivity or getLeadChanges.
struct ActivityPage {
  /// The records of this page.
  std::vector<ActivityRecord> activities;
  /// How many records the server says this page holds.
  int return_count = 0;
  /// How many are left (with several activity types Marketo only promises "more than 0").
  int remaining_count = 0;
  /// Pass it back for the next page.
  ActivityPosition new_start_position;
};

/// A key of the lead, an include or an exclude filter (not both) of known types, a page size of
/// 1..100.
Status ValidateGetLeadActivityRequest(const GetLeadActivityRequest& request);
/// A start position, display names that are not empty, a lead selector one call can carry, a
/// page size of 1..1000.
Status ValidateGetLeadChangesRequest(const GetLeadChangesRequest& request);

}  // namespace marketo

#endif  // MARKETO_LEAD_ACTIVITY_H_
