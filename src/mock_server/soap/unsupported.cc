// The mktows operations the mock does not implement yet (docs/protocol.md, "Operations"). Each is
// authenticated and counted like any other, then answers kUnsupportedOperation; implementing one
// means moving it to service.cc.
#include "soap/service.h"

namespace mock {

// The arguments are a member name and type names, which parentheses would break.
// NOLINTBEGIN(bugprone-macro-parentheses)
#define MOCK_UNSUPPORTED(Name, Params, Success) \
  int MockService::Name(Params*, Success&) { return Unsupported(#Name); }
// NOLINTEND(bugprone-macro-parentheses)
MOCK_UNSUPPORTED(getImportToListStatus, mktows__ParamsGetImportToListStatus,
                 mktows__SuccessGetImportToListStatus)
MOCK_UNSUPPORTED(importToList, mktows__ParamsImportToList, mktows__SuccessImportToList)
MOCK_UNSUPPORTED(listOperation, mktows__ParamsListOperation, mktows__SuccessListOperation)
#undef MOCK_UNSUPPORTED

}  // namespace mock
