#include "output/h5_datasets.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <type_traits>

#include "output/h5_objects.hpp"

namespace evsim::output::h5 {

namespace {

// File (little-endian, fixed) and memory (native) types of one numeric column type.
struct NumberTypes {
  hid_t file;
  hid_t memory;
};

template <typename T>
NumberTypes number_types() {
  if constexpr (std::is_same_v<T, std::int64_t>) return {H5T_STD_I64LE, H5T_NATIVE_INT64};
  if constexpr (std::is_same_v<T, std::uint32_t>) return {H5T_STD_U32LE, H5T_NATIVE_UINT32};
  if constexpr (std::is_same_v<T, double>) return {H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE};
  if constexpr (std::is_same_v<T, std::uint8_t>) return {H5T_STD_U8LE, H5T_NATIVE_UINT8};
}

Handle create_dataset(hid_t group, const Column& column, hid_t file_type, const Where& where) {
  const hsize_t rows = column.size();
  const hsize_t dims[1] = {rows};
  const Handle space = checked(H5Screate_simple(1, dims, nullptr), H5Sclose, where, "cannot create dataspace");
  const Handle plist = dataset_creation_plist(where);
  if (rows > 0) {
    const hsize_t chunk[1] = {std::min<hsize_t>(rows, kChunkRows)};
    check(H5Pset_chunk(plist.get(), 1, chunk), where, "cannot set chunk size");
    check(H5Pset_shuffle(plist.get()), where, "cannot add shuffle filter");
    check(H5Pset_deflate(plist.get(), kDeflateLevel), where, "cannot add deflate filter");
  }
  return checked(H5Dcreate2(group, column.name.c_str(), file_type, space.get(), kDefault, plist.get(), kDefault),
                 H5Dclose, where, "cannot create dataset");
}

void write_values(hid_t dataset, hid_t memory_type, const void* values, const Where& where) {
  check(H5Dwrite(dataset, memory_type, kAll, kAll, kDefault, values), where, "cannot write dataset");
}

template <typename T>
ColumnData read_numbers(hid_t dataset, std::size_t rows, const Where& where) {
  std::vector<T> values(rows);
  if (rows > 0) {
    check(H5Dread(dataset, number_types<T>().memory, kAll, kAll, kDefault, values.data()), where,
          "cannot read dataset");
  }
  return values;
}

// The column type that holds a dataset of `type`; rejects types evsim never writes.
ColumnData read_values(hid_t dataset, hid_t type, hid_t space, std::size_t rows, const Where& where) {
  const std::size_t size = H5Tget_size(type);
  switch (H5Tget_class(type)) {
    case H5T_STRING:
      return read_strings(dataset, StringSource::dataset, type, space, rows, where);
    case H5T_FLOAT:
      if (size == 8) return read_numbers<double>(dataset, rows, where);
      break;
    case H5T_INTEGER: {
      const bool is_unsigned = H5Tget_sign(type) == H5T_SGN_NONE;
      if (!is_unsigned && size == 8) return read_numbers<std::int64_t>(dataset, rows, where);
      if (is_unsigned && size == 4) return read_numbers<std::uint32_t>(dataset, rows, where);
      if (is_unsigned && size == 1) return read_numbers<std::uint8_t>(dataset, rows, where);
      break;
    }
    default:
      break;
  }
  reject(where, "dataset type is none of int64, uint32, float64, uint8 or string");
}

std::string optional_string_attribute(hid_t object, const std::string& name, const Where& where) {
  if (!attribute_exists(object, name, where)) return {};
  const AttributeValue value = read_attribute(object, name, where);
  if (const auto* text = std::get_if<std::string>(&value)) return *text;
  reject(where, fmt::format("attribute \"{}\" is not text", name));
}

Handle open_dataset(hid_t file, const Where& where) {
  Handle object = open_object(file, where);
  if (H5Iget_type(object.get()) != H5I_DATASET) reject(where, "not a dataset");
  return object;
}

}  // namespace

void write_column(hid_t group, const Column& column, const Where& where) {
  const Handle dataset = std::visit(
      [&](const auto& values) {
        using T = typename std::decay_t<decltype(values)>::value_type;
        if constexpr (std::is_same_v<T, std::string>) {
          const Handle type = utf8_string_type(where);
          Handle created = create_dataset(group, column, type.get(), where);
          std::vector<const char*> texts;
          texts.reserve(values.size());
          for (const std::string& value : values) texts.push_back(value.c_str());
          if (!texts.empty()) write_values(created.get(), type.get(), texts.data(), where);
          return created;
        } else {
          const NumberTypes types = number_types<T>();
          Handle created = create_dataset(group, column, types.file, where);
          if (!values.empty()) write_values(created.get(), types.memory, values.data(), where);
          return created;
        }
      },
      column.data);
  write_attribute(dataset.get(), "units", column.units, where);
  if (!column.description.empty()) write_attribute(dataset.get(), "description", column.description, where);
}

Column read_column(hid_t group, const std::string& name, const Where& where) {
  if (!check_tri(H5Lexists(group, name.c_str(), kDefault), where, "cannot look up dataset")) {
    reject(where, "no such dataset");
  }
  const Handle dataset = checked(H5Dopen2(group, name.c_str(), kDefault), H5Dclose, where, "cannot open dataset");
  const Handle type = checked(H5Dget_type(dataset.get()), H5Tclose, where, "cannot read dataset type");
  const Handle space = checked(H5Dget_space(dataset.get()), H5Sclose, where, "cannot read dataset dataspace");
  if (H5Sget_simple_extent_ndims(space.get()) != 1) reject(where, "dataset is not one-dimensional");
  const hssize_t rows = H5Sget_simple_extent_npoints(space.get());
  if (rows < 0) fail(where, "cannot read dataset size");
  return Column{.name = name,
                .units = optional_string_attribute(dataset.get(), "units", where),
                .description = optional_string_attribute(dataset.get(), "description", where),
                .data = read_values(dataset.get(), type.get(), space.get(), static_cast<std::size_t>(rows), where)};
}

void write_text_dataset(hid_t group, const std::string& name, const std::string& text, const Where& where) {
  const Handle type = utf8_string_type(where);
  const Handle space = checked(H5Screate(H5S_SCALAR), H5Sclose, where, "cannot create dataspace");
  const Handle plist = dataset_creation_plist(where);
  const Handle dataset =
      checked(H5Dcreate2(group, name.c_str(), type.get(), space.get(), kDefault, plist.get(), kDefault), H5Dclose,
              where, "cannot create dataset");
  const char* data = text.c_str();
  write_values(dataset.get(), type.get(), &data, where);
}

std::string read_text_dataset(hid_t file, const Where& where) {
  const Handle dataset = open_dataset(file, where);
  const Handle type = checked(H5Dget_type(dataset.get()), H5Tclose, where, "cannot read dataset type");
  const Handle space = checked(H5Dget_space(dataset.get()), H5Sclose, where, "cannot read dataset dataspace");
  if (H5Tget_class(type.get()) != H5T_STRING || H5Sget_simple_extent_npoints(space.get()) != 1) {
    reject(where, "dataset is not a single string");
  }
  return read_strings(dataset.get(), StringSource::dataset, type.get(), space.get(), 1, where).front();
}

DatasetStorage read_storage(hid_t file, const Where& where) {
  const Handle dataset = open_dataset(file, where);
  const Handle plist =
      checked(H5Dget_create_plist(dataset.get()), H5Pclose, where, "cannot read dataset creation properties");
  DatasetStorage storage;
  if (H5Pget_layout(plist.get()) == H5D_CHUNKED) {
    std::array<hsize_t, 1> chunk{};
    if (H5Pget_chunk(plist.get(), 1, chunk.data()) != 1) reject(where, "dataset chunks are not one-dimensional");
    storage.chunk_rows = chunk[0];
  }
  const int filters = H5Pget_nfilters(plist.get());
  if (filters < 0) fail(where, "cannot read dataset filters");
  for (int i = 0; i < filters; ++i) {
    unsigned flags = 0;
    std::array<unsigned, 8> values{};
    std::size_t value_count = values.size();
    const H5Z_filter_t filter = H5Pget_filter2(plist.get(), static_cast<unsigned>(i), &flags, &value_count,
                                               values.data(), 0, nullptr, nullptr);
    if (filter < 0) fail(where, "cannot read dataset filter");
    if (filter == H5Z_FILTER_SHUFFLE) storage.shuffle = true;
    if (filter == H5Z_FILTER_DEFLATE) storage.deflate_level = value_count > 0 ? static_cast<int>(values[0]) : -1;
  }
  return storage;
}

}  // namespace evsim::output::h5
