// --dump FILE.json: the store and the counters, so a test can prove nothing was lost or doubled.
#ifndef MARKETO_MOCK_SERVER_DUMP_H_
#define MARKETO_MOCK_SERVER_DUMP_H_

#include <string>

#include "semantics/store.h"
#include "stats.h"

namespace mock {

std::string DumpJson(Store& store, const Stats& stats);

// Writes atomically (temp file + rename) so a reader never sees half a dump. Returns false on
// I/O errors.
bool WriteDump(const std::string& path, Store& store, const Stats& stats);

}  // namespace mock

#endif  // MARKETO_MOCK_SERVER_DUMP_H_
