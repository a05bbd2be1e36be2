// The gSOAP service: one instance per connection (copy()), every operation runs through
// Handle(): latency, fault injection, authentication, limits (policy/), then the semantics
// (semantics/). MObject operations are in service.cc, every other family's in
// service_<family>.cc; a body element the WSDL does not define answers 20019.
#ifndef MARKETO_MOCK_SERVER_SOAP_SERVICE_H_
#define MARKETO_MOCK_SERVER_SOAP_SERVICE_H_

#include <functional>
#include <optional>
#include <string>

#include "context.h"
#include "soapMktowsApiSoapBindingService.h"

namespace mock {

class MockService : public MktowsApiSoapBindingService {
 public:
  MockService(ServerContext* ctx, soap_mode imode, soap_mode omode);
  MockService* copy() override;
  int dispatch() override;
  // Sets fault 20012 for a request whose HTTP framing was read but whose SOAP envelope could
  // not be (the serve loop's own envelope reading failed); returns SOAP_FAULT.
  int UnreadableRequest(const std::string& why);

  int deleteMObjects(mktows__ParamsDeleteMObjects* in, mktows__SuccessDeleteMObjects& out) override;
  int describeMObject(mktows__ParamsDescribeMObject* in,
                      mktows__SuccessDescribeMObject& out) override;
  int getMObjects(mktows__ParamsGetMObjects* in, mktows__SuccessGetMObjects& out) override;
  int syncMObjects(mktows__ParamsSyncMObjects* in, mktows__SuccessSyncMObjects& out) override;
  int listMObjects(mktows__ParamsListMObjects* in, mktows__SuccessListMObjects& out) override;

  int getCampaignsForSource(mktows__ParamsGetCampaignsForSource*,
                            mktows__SuccessGetCampaignsForSource&) override;
  int getImportToListStatus(mktows__ParamsGetImportToListStatus*,
                            mktows__SuccessGetImportToListStatus&) override;
  int getLead(mktows__ParamsGetLead*, mktows__SuccessGetLead&) override;
  int getLeadActivity(mktows__ParamsGetLeadActivity*, mktows__SuccessGetLeadActivity&) override;
  int getLeadChanges(mktows__ParamsGetLeadChanges*, mktows__SuccessGetLeadChanges&) override;
  int getMultipleLeads(mktows__ParamsGetMultipleLeads*, mktows__SuccessGetMultipleLeads&) override;
  int importToList(mktows__ParamsImportToList*, mktows__SuccessImportToList&) override;
  int listOperation(mktows__ParamsListOperation*, mktows__SuccessListOperation&) override;
  int requestCampaign(mktows__ParamsRequestCampaign*, mktows__SuccessRequestCampaign&) override;
  int scheduleCampaign(mktows__ParamsScheduleCampaign*, mktows__SuccessScheduleCampaign&) override;
  int syncLead(mktows__ParamsSyncLead*, mktows__SuccessSyncLead&) override;
  int syncMultipleLeads(mktows__ParamsSyncMultipleLeads*,
                        mktows__SuccessSyncMultipleLeads&) override;
  int syncCustomObjects(mktows__ParamsSyncCustomObjects*,
                        mktows__SuccessSyncCustomObjects&) override;
  int deleteCustomObjects(mktows__ParamsDeleteCustomObjects*,
                          mktows__SuccessDeleteCustomObjects&) override;
  int getCustomObjects(mktows__ParamsGetCustomObjects*, mktows__SuccessGetCustomObjects&) override;
  int mergeLeads(mktows__ParamsMergeLeads*, mktows__SuccessMergeLeads&) override;
  int getChannels(mktows__ParamsGetChannels*, mktows__SuccessGetChannels&) override;
  int getTags(mktows__ParamsGetTags*, mktows__SuccessGetTags&) override;

 private:
  struct AuthCopy {
    std::string user_id, signature, timestamp;
  };

  // Runs body() between the common checks; body may throw MarketoFault.
  int Handle(const char* op, const std::function<void()>& body);
  // Sets a Marketo-shaped fault and returns SOAP_FAULT.
  int Fault(int code, const std::string& message);

  ServerContext* ctx_;
  std::optional<AuthCopy> auth_;  // the request's AuthenticationHeader, copied in dispatch()
  std::optional<std::string> workspace_;  // MktowsContextHeader/targetWorkspace, likewise
  bool own_fault_ = false;
};

}  // namespace mock

#endif  // MARKETO_MOCK_SERVER_SOAP_SERVICE_H_
