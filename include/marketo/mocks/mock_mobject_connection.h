#ifndef MARKETO_MOCKS_MOCK_MOBJECT_CONNECTION_H_
#define MARKETO_MOCKS_MOCK_MOBJECT_CONNECTION_H_

/// @file
/// The gmock connection under its first name (header-only; link GTest::gmock yourself).

#include "marketo/mocks/mock_connection.h"

namespace marketo {
namespace mocks {

/// The same type as MockConnection; kept so that existing tests compile unchanged.
using MockMObjectConnection = MockConnection;

}  // namespace mocks
}  // namespace marketo

#endif  // MARKETO_MOCKS_MOCK_MOBJECT_CONNECTION_H_
