#pragma once
// OutputError: a result file could not be created, written, finished or read. The message names the
// file, the object path inside it (when there is one) and what failed, followed by HDF5's own
// description of the innermost failure when HDF5 gave one, e.g.
//   /runs/a.h5.partial: /stations/power_kw: cannot write dataset (HDF5: ...)
#include <stdexcept>

namespace evsim::output {

class OutputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace evsim::output
