#pragma once
// Internal to output/: column datasets and text datasets over the HDF5 C API.
// where.object is always the dataset's own path.
#include <cstdint>
#include <string>

#include "output/h5_handle.hpp"
#include "output/result_reader.hpp"
#include "output/table.hpp"

namespace evsim::output::h5 {

// Rows per chunk of a column dataset (fewer when the table is shorter): 512 KiB of doubles.
inline constexpr std::uint64_t kChunkRows = 65536;
inline constexpr unsigned kDeflateLevel = 4;

// Writes `column` as dataset column.name in `group`: 1-D, shuffle + deflate over chunks of
// min(rows, kChunkRows) rows, or contiguous and unfiltered when the column is empty (HDF5 chunks
// cannot be empty); attribute "units" and, when not empty, "description".
void write_column(hid_t group, const Column& column, const Where& where);
Column read_column(hid_t group, const std::string& name, const Where& where);

// A scalar variable-length UTF-8 string dataset, contiguous and unfiltered.
void write_text_dataset(hid_t group, const std::string& name, const std::string& text, const Where& where);
std::string read_text_dataset(hid_t file, const Where& where);

DatasetStorage read_storage(hid_t file, const Where& where);

}  // namespace evsim::output::h5
