#pragma once
// SIGINT, SIGTERM and SIGHUP for the `evsim` commands: what a signal does depends on the phase the
// command is in.
//
// - A phase whose work would be thrown away (loading, building, analysing, placing, and writing a
//   sites CSV, i.e. Phase::load, build, analyse, place) ends the process at once from the handler:
//   it removes the registered unfinished file (see register_partial_file), prints
//   "evsim: interrupted by SIGINT while loading the scenario; no result file written" and _exits
//   with 128 + the signal number (SIGINT 130, SIGTERM 143, SIGHUP 129).
// - A phase that keeps what it has (Phase::simulate, Phase::write) only records the signal: the
//   simulator's stop flag (stop_flag()) turns true, the run loop returns before its next event, and
//   the command finishes its result file marked "interrupted" and returns exit_code(signal).
// - A second signal, in any phase, ends the process at once: the handler removes the registered
//   unfinished file, prints "evsim: second signal (SIGTERM): stopped at once", and _exits with
//   128 + that signal's number.
//
// This is the one process-wide state of the command line (signals are process-wide); the library
// code below cli/ only sees the stop flag it is handed.
//
// Test hook (test-only; the tests in tests/cli use it to interrupt deterministically): when the
// environment variable EVSIM_TEST_RAISE is "<phase>[@<sim time>]:<SIGNAL>[,<SIGNAL>...]", for
// example "write:SIGTERM" or "simulate@6h:SIGINT,SIGHUP", enter_phase(<phase>) raises the signals on
// the process itself, in order, at the start of that phase; for `simulate` with a time, the run
// pipeline raises them once the simulation has reached that time (test_raise_time()). A malformed
// value is an error (exit 2) naming the variable.
#include <atomic>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "sim/time.hpp"

namespace evsim::cli {

enum class Phase { load, build, simulate, analyse, place, write, done };

// "load", "build", ... as EVSIM_TEST_RAISE names them.
std::string_view to_string(Phase phase);
// "loading the scenario", "simulating", ... as messages say.
std::string_view describe(Phase phase);

// Installs the handler for SIGINT, SIGTERM and SIGHUP (sigaction with SA_RESTART, so that reads and
// writes in progress are not cut short), ignores SIGXFSZ (a file-size limit then fails the write
// with EFBIG, reported like a full disk) and forgets any earlier signal. Reads EVSIM_TEST_RAISE;
// throws scenarios::ScenarioError (key "EVSIM_TEST_RAISE") when it is malformed.
void install_interrupt_handlers();

// Enters `phase` (see the contract above) and, with the test hook, raises its signals.
void enter_phase(Phase phase);

// With the test hook: the simulated time at which the simulate phase raises its signals.
std::optional<sim::Duration> test_raise_time();
// Raises the test hook's signals now (the run pipeline calls it at test_raise_time()).
void raise_test_signals();

// The first signal received since install_interrupt_handlers(), 0 when none.
int interrupt_signal();
// The phase the command was in when that signal arrived (meaningful when interrupt_signal() != 0).
Phase interrupt_phase();
// True once a signal was received; hand it to sim::Simulator::set_stop_flag.
const std::atomic<bool>& stop_flag();

// 128 + signal number: 130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP.
int exit_code(int signal_number);
// "SIGINT", "SIGTERM", "SIGHUP".
std::string_view signal_name(int signal_number);

// The file the handler removes when it ends the process at once (an OUT.partial being written).
// Paths longer than PATH_MAX are not registered (the file then stays).
void register_partial_file(const std::filesystem::path& path);
void clear_partial_file();

// Signals and their names, for tests and the test hook: "SIGINT" -> SIGINT; 0 when unknown.
int parse_signal_name(std::string_view name);

}  // namespace evsim::cli
