// Value checks and comparisons shared by the MObject operations.
#ifndef MARKETO_MOCK_SERVER_SEMANTICS_VALUES_H_
#define MARKETO_MOCK_SERVER_SEMANTICS_VALUES_H_

#include <optional>
#include <string>

namespace mock {

std::optional<double> ParseNumber(const std::string& s);
std::optional<int> ParseId(const std::string& s);
bool IsBoolean(const std::string& s);
bool IsDate(const std::string& s);  // YYYY-MM-DD
// True when value fits the describeMObject dataType (string types accept anything).
bool ValueFitsType(const std::string& data_type, const std::string& value);
// <0, 0, >0: numeric when both are numbers, else case-insensitive text order.
int CompareValues(const std::string& a, const std::string& b);
// EQ NE LT LE GT GE applied to a CompareValues result; nullopt for an unknown comparison.
std::optional<bool> ApplyComparison(const std::string& comparison, int cmp);
bool EqualsIgnoreCase(const std::string& a, const std::string& b);

}  // namespace mock

#endif  // MARKETO_MOCK_SERVER_SEMANTICS_VALUES_H_
