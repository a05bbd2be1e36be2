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
MOCK_UNSUPPORTED(getCampaignsForSource, mktows__ParamsGetCampaignsForSource,
                 mktows__SuccessGetCampaignsForSource)
MOCK_UNSUPPORTED(requestCampaign, mktows__ParamsRequestCampaign, mktows__SuccessRequestCampaign)
MOCK_UNSUPPORTED(scheduleCampaign, mktows__ParamsScheduleCampaign, mktows__SuccessScheduleCampaign)
MOCK_UNSUPPORTED(syncCustomObjects, mktows__ParamsSyncCustomObjects,
                 mktows__SuccessSyncCustomObjects)
MOCK_UNSUPPORTED(deleteCustomObjects, mktows__ParamsDeleteCustomObjects,
                 mktows__SuccessDeleteCustomObjects)
MOCK_UNSUPPORTED(getCustomObjects, mktows__ParamsGetCustomObjects, mktows__SuccessGetCustomObjects)
MOCK_UNSUPPORTED(getChannels, mktows__ParamsGetChannels, mktows__SuccessGetChannels)
MOCK_UNSUPPORTED(getTags, mktows__ParamsGetTags, mktows__SuccessGetTags)
#undef MOCK_UNSUPPORTED

}  // namespace mock
