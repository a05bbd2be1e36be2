#ifndef MARKETO_METADATA_H_
#define MARKETO_METADATA_H_

/// @file
/// describeMObject result types.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace marketo {

/// Metadata of one field (schema `MObjFieldMetadata`); nillable values are optional.
struct FieldMetadata {
  /// Field name as used in the API.
  std::string name;
  /// Free-text description.
  std::optional<std::string> description;
  /// Display name.
  std::optional<std::string> display_name;
  /// Underlying object, e.g. "Lead".
  std::optional<std::string> source_object;
  /// Data type, e.g. "string", "integer", "dateTime".
  std::string data_type;
  /// Size, when applicable.
  std::optional<int> size;
  /// Read-only field.
  bool is_readonly = false;
  /// Updates blocked.
  bool is_update_blocked = false;
  /// Is the object's name field.
  std::optional<bool> is_name;
  /// Is the primary key.
  bool is_primary_key = false;
  /// Custom field.
  bool is_custom = false;
  /// Dynamic field.
  bool is_dynamic = false;
  /// Dynamic field reference.
  std::optional<std::string> dynamic_field_ref;
  /// Last change of the field definition.
  std::chrono::system_clock::time_point updated_at;
};

/// Metadata of one object type (schema `MObjectMetadata`).
struct ObjectMetadata {
  /// Object name.
  std::string name;
  /// Free-text description.
  std::optional<std::string> description;
  /// Custom object.
  bool is_custom = false;
  /// Virtual (composite) object such as ActivityRecord.
  bool is_virtual = false;
  /// Fields, in server order.
  std::vector<FieldMetadata> fields;
  /// Last change of the object definition.
  std::chrono::system_clock::time_point updated_at;
};

}  // namespace marketo

#endif  // MARKETO_METADATA_H_
