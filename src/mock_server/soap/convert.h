// Conversions between the generated gSOAP types and the plain model. Output objects are
// allocated in the soap context (freed by soap_destroy/soap_end after the response).
#ifndef MARKETO_MOCK_SERVER_SOAP_CONVERT_H_
#define MARKETO_MOCK_SERVER_SOAP_CONVERT_H_

#include <vector>

#include "semantics/model.h"
#include "soapH.h"

namespace mock {

MObj FromSoap(const mktows__MObject& in);
std::vector<MObj> FromSoap(const mktows__ArrayOfMObject* in);
SyncOp FromSoap(mktows__SyncOperationEnum op);
// soap: for the generated enum-to-text converters.
GetQuery FromSoap(struct soap* soap, const mktows__ParamsGetMObjects& in);

mktows__ArrayOfMObjStatus* ToSoap(struct soap* soap, const std::vector<ObjStatus>& in);
mktows__MObject* ToSoap(struct soap* soap, const MObj& in);
mktows__MObjectMetadata* ToSoap(struct soap* soap, const ObjectMeta& in);

}  // namespace mock

#endif  // MARKETO_MOCK_SERVER_SOAP_CONVERT_H_
