// Conversions between the generated lead and activity types and the plain model of
// semantics/leads_model.h. Generated enums become their WSDL text through gSOAP's own converters
// (soap_mktows__LeadKeyRef2s, ...). A missing required part throws MarketoFault. Output objects
// live in the soap context.
#ifndef MARKETO_MOCK_SERVER_SOAP_CONVERT_LEADS_H_
#define MARKETO_MOCK_SERVER_SOAP_CONVERT_LEADS_H_

#include <optional>
#include <string>
#include <vector>

#include "semantics/leads_model.h"
#include "soapH.h"

namespace mock {

SyncLeadRequest FromSoap(struct soap* soap, const mktows__ParamsSyncLead& in,
                         const std::optional<std::string>& workspace);
std::vector<LeadIn> FromSoap(struct soap* soap, const mktows__ArrayOfLeadRecord* in);
LeadKey FromSoap(struct soap* soap, const mktows__LeadKey* in);
LeadsQuery FromSoap(struct soap* soap, const mktows__ParamsGetMultipleLeads& in);
ActivityQuery FromSoap(struct soap* soap, const mktows__ParamsGetLeadActivity& in);
ChangesQuery FromSoap(struct soap* soap, const mktows__ParamsGetLeadChanges& in);
MergeRequest FromSoap(const mktows__ParamsMergeLeads& in);

mktows__ArrayOfLeadRecord* ToSoap(struct soap* soap, const std::vector<LeadOut>& in);
mktows__LeadRecord* ToSoap(struct soap* soap, const LeadOut& in);
mktows__SyncStatus* ToSoap(struct soap* soap, const LeadSyncOutcome& in);
mktows__ArrayOfSyncStatus* ToSoap(struct soap* soap, const std::vector<LeadSyncOutcome>& in);
mktows__LeadActivityList* ToActivityList(struct soap* soap, const ActivityPage& in);
mktows__ResultGetLeadChanges* ToLeadChanges(struct soap* soap, const ActivityPage& in);
mktows__MergeStatus* ToSoap(struct soap* soap, const MergeOutcome& in);

}  // namespace mock

#endif  // MARKETO_MOCK_SERVER_SOAP_CONVERT_LEADS_H_
