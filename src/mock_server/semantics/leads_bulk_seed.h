// Extra leads for export benchmarks (marketo-mock-server --seed-leads N).
#ifndef MARKETO_MOCK_SERVER_SEMANTICS_LEADS_BULK_SEED_H_
#define MARKETO_MOCK_SERVER_SEMANTICS_LEADS_BULK_SEED_H_

#include <ctime>

#include "semantics/store.h"

namespace mock {

inline constexpr int kBulkLeadFirstId = 1000001;
// 2014-01-01T00:00:00Z, after the seeded history; the leads span 100 hours from here.
inline constexpr std::time_t kBulkLeadEpoch = 1388534400;
inline constexpr int kBulkLeadHours = 100;

// Adds n leads (ids kBulkLeadFirstId..), updatedAt evenly over [epoch, epoch + 100 h).
void SeedBulkLeads(Store& store, int n);

}  // namespace mock

#endif  // MARKETO_MOCK_SERVER_SEMANTICS_LEADS_BULK_SEED_H_
