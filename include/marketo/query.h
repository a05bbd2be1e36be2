#ifndef MARKETO_QUERY_H_
#define MARKETO_QUERY_H_

/// @file
/// getMObjects request and page types.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "marketo/mobject.h"

namespace marketo {

/// Comparison operator of a getMObjects criterion (schema `ComparisonEnum`).
enum class Comparison {
  /// Equal.
  kEq,
  /// Not equal.
  kNe,
  /// Less than.
  kLt,
  /// Less than or equal.
  kLe,
  /// Greater than.
  kGt,
  /// Greater than or equal.
  kGe,
};

/// Wire name: "EQ", "NE", "LT", "LE", "GT" or "GE".
const char* ToString(Comparison c) noexcept;

/// One attribute filter (schema `MObjCriteria`), e.g. {"Name", kNe, "Old program"}.
struct Criterion {
  /// Filter field, e.g. "Name", "Id", "Tag Type", "Updated At".
  std::string attr_name;
  /// Operator.
  Comparison comparison = Comparison::kEq;
  /// Value as text.
  std::string attr_value;
};

/// Parameters of one getMObjects call (schema `ParamsGetMObjects`).
struct GetMObjectsRequest {
  /// "Program", "Opportunity" or "OpportunityPersonRole".
  std::string type;
  /// Select one object by Marketo id (exclusive with external_key).
  std::optional<std::int64_t> id;
  /// Select one object by external key (exclusive with id).
  std::optional<Attrib> external_key;
  /// Attribute filters, combined.
  std::vector<Criterion> criteria;
  /// Filters on associated objects.
  std::vector<Association> associations;
  /// Program only: return all attributes.
  std::optional<bool> include_details;
  /// Paging token: the previous page's new_stream_position; empty for the first page.
  std::string stream_position;
};

/// One page of getMObjects results (schema `ResultGetMObjects`).
struct GetMObjectsPage {
  /// Objects in this page (at most 100).
  std::vector<MObject> objects;
  /// The server's returnCount.
  int return_count = 0;
  /// True when another page can be fetched with new_stream_position.
  bool has_more = false;
  /// Token for the next page.
  std::string new_stream_position;
};

}  // namespace marketo

#endif  // MARKETO_QUERY_H_
