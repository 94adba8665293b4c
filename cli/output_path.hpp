#pragma once
// The checks every `evsim` command makes on a path it is about to write (run -o, coverage -o,
// place --sites), before it computes anything. Each failure is a bad input (exit 2), thrown as
// scenarios::ScenarioError with file "(command line)" and the option as key, e.g.
//   (command line): -o: expected a file name that is not taken, or --force to replace the file,
//   found "out.h5" (an existing file)
//
// Refused, in this order:
// - a path whose folder does not exist or is not a folder;
// - a path that exists and is not a regular file (a folder, a device such as /dev/null, a FIFO, a
//   socket), with or without --force;
// - a path (or its ".partial" companion) that is the same file as one of the run's inputs, with or
//   without --force; "the same" is std::filesystem::equivalent, so ./x/../scenario.yaml, symbolic
//   links and hard links are caught;
// - an existing regular file without --force.
#include <filesystem>
#include <span>
#include <string_view>

#include "scenarios/input_files.hpp"

namespace evsim::cli {

void check_output_path(const std::filesystem::path& path, std::string_view option, bool force,
                       std::span<const scenarios::InputFile> inputs);

// OUT + ".partial": where results are written until they are complete.
std::filesystem::path partial_path_of(const std::filesystem::path& path);

}  // namespace evsim::cli
