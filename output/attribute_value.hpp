#pragma once
// The value of a scalar HDF5 attribute as evsim writes and reads it. Stored types: std::string as a
// variable-length UTF-8 string, std::int64_t as a little-endian signed 64-bit integer,
// std::uint64_t as an unsigned one, double as IEEE 754 binary64.
// Pass an explicit type for unsigned 32-bit values or bool (both would be ambiguous).
#include <cstdint>
#include <string>
#include <variant>

namespace evsim::output {

using AttributeValue = std::variant<std::string, std::int64_t, std::uint64_t, double>;

}  // namespace evsim::output
