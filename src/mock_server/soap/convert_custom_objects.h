// Conversions between the generated custom-object types and the plain model of
// semantics/custom_objects.h. Output objects live in the soap context.
#ifndef MARKETO_MOCK_SERVER_SOAP_CONVERT_CUSTOM_OBJECTS_H_
#define MARKETO_MOCK_SERVER_SOAP_CONVERT_CUSTOM_OBJECTS_H_

#include <vector>

#include "semantics/custom_objects.h"
#include "soapH.h"

namespace mock {

std::vector<Attr> FromSoap(const mktows__ArrayOfAttribute* in);
std::vector<CoIn> FromSoap(const mktows__ArrayOfCustomObj* in);
std::vector<std::vector<Attr>> FromSoap(const mktows__ArrayOfKeyList* in);
CoQuery FromSoap(const mktows__ParamsGetCustomObjects& in);

mktows__ArrayOfSyncCustomObjStatus* ToSoap(struct soap* soap, const std::string& type,
                                           const std::vector<CoOutcome>& in);
mktows__ResultGetCustomObjects* ToSoap(struct soap* soap, const CoPage& in);

}  // namespace mock

#endif  // MARKETO_MOCK_SERVER_SOAP_CONVERT_CUSTOM_OBJECTS_H_
