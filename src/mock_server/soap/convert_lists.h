// Conversions between the generated static-list types and the plain model of semantics/lists.h.
// Output objects live in the soap context.
#ifndef MARKETO_MOCK_SERVER_SOAP_CONVERT_LISTS_H_
#define MARKETO_MOCK_SERVER_SOAP_CONVERT_LISTS_H_

#include "semantics/lists.h"
#include "soapH.h"

namespace mock {

ListOpRequest FromSoap(struct soap* soap, const mktows__ParamsListOperation& in);
ImportRequest FromSoap(struct soap* soap, const mktows__ParamsImportToList& in);

mktows__ResultListOperation* ToSoap(struct soap* soap, const ListOpResult& in);
mktows__ResultGetImportToListStatus* ToSoap(struct soap* soap, const ImportProgress& in);

}  // namespace mock

#endif  // MARKETO_MOCK_SERVER_SOAP_CONVERT_LISTS_H_
