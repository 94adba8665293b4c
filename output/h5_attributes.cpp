// String types and attributes (declared in h5_objects.hpp).
#include <fmt/format.h>

#include <cstring>
#include <type_traits>

#include "output/h5_objects.hpp"

namespace evsim::output::h5 {

namespace {

herr_t reclaim_variable_length(hid_t memory_type, hid_t space, void* buffer) {
#if H5_VERSION_GE(1, 12, 0)
  return H5Treclaim(memory_type, space, kDefault, buffer);
#else
  return H5Dvlen_reclaim(memory_type, space, kDefault, buffer);
#endif
}

Handle open_attribute(hid_t object, const std::string& name, const Where& where) {
  if (!attribute_exists(object, name, where)) reject(where, fmt::format("no attribute \"{}\"", name));
  return checked(H5Aopen(object, name.c_str(), kDefault), H5Aclose, where,
                 fmt::format("cannot open attribute \"{}\"", name));
}

// Creates attribute `name` of `file_type` and `space`, deleting an older one of the same name.
Handle create_attribute(hid_t object, const std::string& name, hid_t file_type, hid_t space, const Where& where) {
  if (attribute_exists(object, name, where)) {
    check(H5Adelete(object, name.c_str()), where, fmt::format("cannot replace attribute \"{}\"", name));
  }
  return checked(H5Acreate2(object, name.c_str(), file_type, space, kDefault, kDefault), H5Aclose, where,
                 fmt::format("cannot create attribute \"{}\"", name));
}

template <typename T>
void write_number_attribute(hid_t object, const std::string& name, hid_t file_type, hid_t memory_type, T value,
                            const Where& where) {
  const Handle space = checked(H5Screate(H5S_SCALAR), H5Sclose, where, "cannot create dataspace");
  const Handle attribute = create_attribute(object, name, file_type, space.get(), where);
  check(H5Awrite(attribute.get(), memory_type, &value), where, fmt::format("cannot write attribute \"{}\"", name));
}

template <typename T>
T read_number_attribute(hid_t attribute, hid_t memory_type, const std::string& name, const Where& where) {
  T value{};
  check(H5Aread(attribute, memory_type, &value), where, fmt::format("cannot read attribute \"{}\"", name));
  return value;
}

}  // namespace

Handle utf8_string_type(const Where& where) {
  Handle type = checked(H5Tcopy(H5T_C_S1), H5Tclose, where, "cannot create string type");
  check(H5Tset_size(type.get(), kVariable), where, "cannot make string type variable-length");
  check(H5Tset_cset(type.get(), H5T_CSET_UTF8), where, "cannot make string type UTF-8");
  return type;
}

std::vector<std::string> read_strings(hid_t object, StringSource source, hid_t file_type, hid_t space,
                                      std::size_t count, const Where& where) {
  std::vector<std::string> strings;
  if (count == 0) return strings;
  strings.reserve(count);
  const auto read = [&](hid_t memory_type, void* buffer) {
    const herr_t status = source == StringSource::attribute
                              ? H5Aread(object, memory_type, buffer)
                              : H5Dread(object, memory_type, kAll, kAll, kDefault, buffer);
    check(status, where, "cannot read strings");
  };
  if (check_tri(H5Tis_variable_str(file_type), where, "cannot inspect string type")) {
    const Handle memory_type = utf8_string_type(where);
    check(H5Tset_cset(memory_type.get(), H5Tget_cset(file_type)), where, "cannot set string character set");
    std::vector<char*> buffer(count, nullptr);
    read(memory_type.get(), buffer.data());
    for (const char* text : buffer) strings.emplace_back(text == nullptr ? "" : text);
    check(reclaim_variable_length(memory_type.get(), space, buffer.data()), where, "cannot free strings");
  } else {
    const std::size_t size = H5Tget_size(file_type);
    if (size == 0) fail(where, "cannot read string size");
    const Handle memory_type = checked(H5Tcopy(file_type), H5Tclose, where, "cannot copy string type");
    std::vector<char> buffer(count * size);
    read(memory_type.get(), buffer.data());
    const bool space_padded = H5Tget_strpad(file_type) == H5T_STR_SPACEPAD;
    for (std::size_t i = 0; i < count; ++i) {
      const char* text = buffer.data() + i * size;
      std::string value(text, strnlen(text, size));
      if (space_padded) value.erase(value.find_last_not_of(' ') + 1);
      strings.push_back(std::move(value));
    }
  }
  return strings;
}

bool attribute_exists(hid_t object, const std::string& name, const Where& where) {
  return check_tri(H5Aexists(object, name.c_str()), where, fmt::format("cannot look up attribute \"{}\"", name));
}

void write_attribute(hid_t object, const std::string& name, const AttributeValue& value, const Where& where) {
  std::visit(
      [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::string>) {
          const Handle type = utf8_string_type(where);
          const Handle space = checked(H5Screate(H5S_SCALAR), H5Sclose, where, "cannot create dataspace");
          const Handle attribute = create_attribute(object, name, type.get(), space.get(), where);
          const char* text = v.c_str();
          check(H5Awrite(attribute.get(), type.get(), &text), where,
                fmt::format("cannot write attribute \"{}\"", name));
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
          write_number_attribute(object, name, H5T_STD_I64LE, H5T_NATIVE_INT64, v, where);
        } else if constexpr (std::is_same_v<T, std::uint64_t>) {
          write_number_attribute(object, name, H5T_STD_U64LE, H5T_NATIVE_UINT64, v, where);
        } else {
          static_assert(std::is_same_v<T, double>);
          write_number_attribute(object, name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, v, where);
        }
      },
      value);
}

void write_string_list_attribute(hid_t object, const std::string& name, const std::vector<std::string>& values,
                                 const Where& where) {
  const hsize_t dims[1] = {values.size()};
  const Handle type = utf8_string_type(where);
  const Handle space = checked(H5Screate_simple(1, dims, nullptr), H5Sclose, where, "cannot create dataspace");
  const Handle attribute = create_attribute(object, name, type.get(), space.get(), where);
  if (values.empty()) return;
  std::vector<const char*> texts;
  texts.reserve(values.size());
  for (const std::string& value : values) texts.push_back(value.c_str());
  check(H5Awrite(attribute.get(), type.get(), texts.data()), where,
        fmt::format("cannot write attribute \"{}\"", name));
}

AttributeValue read_attribute(hid_t object, const std::string& name, const Where& where) {
  const Handle attribute = open_attribute(object, name, where);
  const Handle type = checked(H5Aget_type(attribute.get()), H5Tclose, where, "cannot read attribute type");
  const Handle space = checked(H5Aget_space(attribute.get()), H5Sclose, where, "cannot read attribute dataspace");
  if (H5Sget_simple_extent_npoints(space.get()) != 1) {
    reject(where, fmt::format("attribute \"{}\" is not a scalar", name));
  }
  switch (H5Tget_class(type.get())) {
    case H5T_STRING:
      return read_strings(attribute.get(), StringSource::attribute, type.get(), space.get(), 1, where).front();
    case H5T_INTEGER:
      if (H5Tget_sign(type.get()) == H5T_SGN_NONE) {
        return read_number_attribute<std::uint64_t>(attribute.get(), H5T_NATIVE_UINT64, name, where);
      }
      return read_number_attribute<std::int64_t>(attribute.get(), H5T_NATIVE_INT64, name, where);
    case H5T_FLOAT:
      return read_number_attribute<double>(attribute.get(), H5T_NATIVE_DOUBLE, name, where);
    default:
      reject(where, fmt::format("attribute \"{}\" is neither a string nor a number", name));
  }
}

std::vector<std::string> read_string_list_attribute(hid_t object, const std::string& name, const Where& where) {
  const Handle attribute = open_attribute(object, name, where);
  const Handle type = checked(H5Aget_type(attribute.get()), H5Tclose, where, "cannot read attribute type");
  const Handle space = checked(H5Aget_space(attribute.get()), H5Sclose, where, "cannot read attribute dataspace");
  if (H5Tget_class(type.get()) != H5T_STRING) reject(where, fmt::format("attribute \"{}\" is not text", name));
  const hssize_t count = H5Sget_simple_extent_npoints(space.get());
  if (count < 0) fail(where, fmt::format("cannot read the size of attribute \"{}\"", name));
  return read_strings(attribute.get(), StringSource::attribute, type.get(), space.get(),
                      static_cast<std::size_t>(count), where);
}

}  // namespace evsim::output::h5
