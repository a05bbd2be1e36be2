// Windows-style min/max macros (and a few other common offenders) must not break the public
// headers: the SDK never calls std::min/std::max unparenthesised in a header.
//
// libstdc++ #undefs min/max itself, so the standard headers come first, as in a Windows program
// that includes <windows.h> after them; the SDK headers then see the macros in force.
#include <gtest/gtest.h>  // not held to this standard, so it also comes first

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#define min(a, b) ((a) < (b) ? (a) : (b))
#define max(a, b) ((a) > (b) ? (a) : (b))
#define ERROR 0
#define DELETE 0
#define OPTIONAL
#define interface struct

#include "marketo/marketo.h"

// The SDK's headers must not #undef the user's macros either.
static_assert(min(1, 2) == 1 && max(1, 2) == 2, "the hostile macros must still be in force");

TEST(HostileMacros, UmbrellaHeaderCompilesAndWorks) {
  marketo::Program program(1970);
  program.AddCost("2013-06", "2000", 153);
  std::vector<marketo::MObject> objects{program};
  EXPECT_TRUE(marketo::ValidateSyncRequest(objects, marketo::SyncOperation::kUpdate).ok());
  EXPECT_STREQ(marketo::Version(), MARKETO_SOAP_VERSION_STRING);
}
