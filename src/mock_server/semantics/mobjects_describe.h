// describeMObject/listMObjects metadata and the field lists that syncMObjects validates against.
// The objects and fields follow the examples of Marketo's documentation.
#ifndef MARKETO_MOCK_SERVER_SEMANTICS_MOBJECTS_DESCRIBE_H_
#define MARKETO_MOCK_SERVER_SEMANTICS_MOBJECTS_DESCRIBE_H_

#include <optional>
#include <string>
#include <vector>

#include "semantics/model.h"

namespace mock {

// nullptr for a name that is not describable.
const ObjectMeta* DescribeObject(const std::string& name);

// The names listMObjects returns, in the doc example's order.
const std::vector<std::string>& ListObjectNames();

// A field of Opportunity or OpportunityPersonRole, or nullptr.
const FieldMeta* FindField(const std::string& object, const std::string& field);

// Why value does not fit f's declared size (text-like fields, in characters); nullopt if it does.
std::optional<std::string> SizeProblem(const FieldMeta& f, const std::string& value);

}  // namespace mock

#endif  // MARKETO_MOCK_SERVER_SEMANTICS_MOBJECTS_DESCRIBE_H_
