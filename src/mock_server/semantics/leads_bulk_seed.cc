// --seed-leads N: N extra leads for export benchmarks (bench/w6_driver), apart from the seeded
// instance so every test's seeded data stays as it is. Their ids start at kBulkLeadFirstId and
// their updatedAt are spread evenly over the kBulkLeadHours hours from kBulkLeadEpoch, never on a
// whole hour, so 1-hour slices split them exactly. No activity history: the bench reads leads.
#include "semantics/leads_bulk_seed.h"

#include <string>

#include "semantics/lead_book.h"

namespace mock {

void SeedBulkLeads(Store& store, int n) {
  LeadBook& book = store.leads();
  const std::time_t span = std::time_t{kBulkLeadHours} * 3600;
  for (int i = 0; i < n; ++i) {
    const std::time_t at = kBulkLeadEpoch + 1 + static_cast<std::time_t>(i) * span / n;
    Record& lead = book.CreateWithId(kBulkLeadFirstId + i, at, 1);
    book.Set(&lead, "Email", "bulk" + std::to_string(i) + "@example.com");
    book.Set(&lead, "LastName", "Bulk" + std::to_string(i));
    book.Touch(&lead, at);
  }
}

}  // namespace mock
