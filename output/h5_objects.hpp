#pragma once
// Internal to output/: object paths, groups, string types and scalar attributes over the HDF5 C API.
// Every function takes the Where used in its error messages; where.object is the object's path.
#include <string>
#include <string_view>
#include <vector>

#include "output/attribute_value.hpp"
#include "output/h5_handle.hpp"

namespace evsim::output::h5 {

// Components of an absolute object path: "/stations/samples" gives {"stations", "samples"} and "/"
// gives {}. Throws OutputError unless the path starts with '/' and has no empty, "." or ".."
// components (a trailing '/' is an empty component).
std::vector<std::string> split_path(const Where& where);
// "/a" + "b" = "/a/b"; "/" + "b" = "/b".
std::string child_path(std::string_view parent, std::string_view name);

// Creation property lists with object timestamps off, so that identical input gives identical
// files, and, for groups, link creation order tracked so that h5py lists columns in table order.
Handle group_creation_plist(const Where& where);
Handle dataset_creation_plist(const Where& where);
// Applies the group settings above to a file creation property list (they shape the root group).
void set_root_group_properties(hid_t fcpl, const Where& where);

// Opens the group where.object, creating it and each missing parent with group_creation_plist().
Handle open_or_create_group(hid_t file, const Where& where);
// True when the object where.object exists, whatever its kind.
bool object_exists(hid_t file, const Where& where);
// Opens the existing object where.object (group or dataset); throws OutputError if there is none.
Handle open_object(hid_t file, const Where& where);
// Opens the existing group where.object.
Handle open_group(hid_t file, const Where& where);

// A variable-length UTF-8 string type.
Handle utf8_string_type(const Where& where);
// Reads all `count` strings of an attribute or dataset stored as `file_type` (variable or fixed
// length) with dataspace `space`.
enum class StringSource { attribute, dataset };
std::vector<std::string> read_strings(hid_t object, StringSource source, hid_t file_type, hid_t space,
                                      std::size_t count, const Where& where);

bool attribute_exists(hid_t object, const std::string& name, const Where& where);
// Writes a scalar attribute, replacing an attribute of the same name.
void write_attribute(hid_t object, const std::string& name, const AttributeValue& value, const Where& where);
// Writes a 1-D attribute of variable-length UTF-8 strings, replacing one of the same name.
void write_string_list_attribute(hid_t object, const std::string& name, const std::vector<std::string>& values,
                                 const Where& where);
// Reads a scalar string, integer or floating-point attribute (signed integers as int64, unsigned as
// uint64, floats as double).
AttributeValue read_attribute(hid_t object, const std::string& name, const Where& where);
std::vector<std::string> read_string_list_attribute(hid_t object, const std::string& name, const Where& where);

}  // namespace evsim::output::h5
