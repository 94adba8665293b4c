#include "cli/interrupt.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <array>
#include <climits>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "scenarios/scenario_error.hpp"
#include "scenarios/units.hpp"

namespace evsim::cli {
namespace {

static_assert(std::atomic<int>::is_always_lock_free && std::atomic<bool>::is_always_lock_free,
              "the signal handler needs lock-free atomics");

constexpr std::array kHandledSignals{SIGINT, SIGTERM, SIGHUP};
constexpr std::string_view kTestRaiseVariable = "EVSIM_TEST_RAISE";

// Written by the handler or read by it; everything else here is set before the handler can run.
std::atomic<int> g_signal{0};
std::atomic<bool> g_stop{false};
std::atomic<int> g_phase{static_cast<int>(Phase::load)};
std::atomic<int> g_signal_phase{static_cast<int>(Phase::load)};
std::atomic<bool> g_partial_registered{false};
std::array<char, PATH_MAX> g_partial_path{};

// The test hook, parsed once by install_interrupt_handlers().
struct TestRaise {
  Phase phase = Phase::load;
  std::optional<sim::Duration> at;
  std::vector<int> signals;
};
std::optional<TestRaise> g_test_raise;

bool discards_its_work(Phase phase) {
  return phase == Phase::load || phase == Phase::build || phase == Phase::analyse || phase == Phase::place;
}

// Only async-signal-safe calls below: write, unlink, _exit.
void say(const char* text) {
  const std::size_t length = std::strlen(text);
  std::size_t done = 0;
  while (done < length) {
    const ssize_t n = ::write(STDERR_FILENO, text + done, length - done);
    if (n <= 0) return;
    done += static_cast<std::size_t>(n);
  }
}

const char* name_for_handler(int sig) {
  switch (sig) {
    case SIGINT: return "SIGINT";
    case SIGTERM: return "SIGTERM";
    case SIGHUP: return "SIGHUP";
    default: return "a signal";
  }
}

const char* phase_words_for_handler(int phase) {
  switch (static_cast<Phase>(phase)) {
    case Phase::load: return "loading the scenario";
    case Phase::build: return "building the network";
    case Phase::simulate: return "simulating";
    case Phase::analyse: return "analysing coverage";
    case Phase::place: return "placing sites";
    case Phase::write: return "writing results";
    case Phase::done: return "finishing";
  }
  return "running";
}

// Removes the registered unfinished file; true when there was one and it is gone now.
bool remove_partial() {
  if (!g_partial_registered.load()) return false;
  return ::unlink(g_partial_path.data()) == 0;
}

extern "C" void on_signal(int sig) {
  int expected = 0;
  if (!g_signal.compare_exchange_strong(expected, sig)) {
    const bool removed = remove_partial();
    say("evsim: second signal (");
    say(name_for_handler(sig));
    say("): stopped at once");
    if (removed) {
      say("; removed ");
      say(g_partial_path.data());
    }
    say("\n");
    ::_exit(128 + sig);
  }
  const int phase = g_phase.load();
  g_signal_phase.store(phase);
  g_stop.store(true);
  if (discards_its_work(static_cast<Phase>(phase))) {
    remove_partial();
    say("evsim: interrupted by ");
    say(name_for_handler(sig));
    say(" while ");
    say(phase_words_for_handler(phase));
    say("; no result file written\n");
    ::_exit(128 + sig);
  }
}

[[noreturn]] void bad_test_raise(std::string_view text) {
  throw scenarios::ScenarioError(
      "(environment)", 0, 0, std::string(kTestRaiseVariable),
      "<phase>[@<sim time>]:<SIGNAL>[,<SIGNAL>...] with phase load, build, simulate, analyse, place or write "
      "and SIGNAL SIGINT, SIGTERM or SIGHUP (a test-only hook)",
      scenarios::quote(text));
}

std::optional<Phase> parse_phase(std::string_view name) {
  for (const Phase p : {Phase::load, Phase::build, Phase::simulate, Phase::analyse, Phase::place, Phase::write}) {
    if (to_string(p) == name) return p;
  }
  return std::nullopt;
}

TestRaise parse_test_raise(std::string_view text) {
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos) bad_test_raise(text);
  std::string_view phase_part = text.substr(0, colon);
  std::string_view signals_part = text.substr(colon + 1);
  TestRaise raise;
  const std::size_t at = phase_part.find('@');
  if (at != std::string_view::npos) {
    try {
      raise.at = scenarios::parse_duration(phase_part.substr(at + 1));
    } catch (const scenarios::UnitError&) {
      bad_test_raise(text);
    }
    if (raise.at->count() < 0) bad_test_raise(text);
    phase_part = phase_part.substr(0, at);
  }
  const std::optional<Phase> phase = parse_phase(phase_part);
  if (!phase || (raise.at && *phase != Phase::simulate)) bad_test_raise(text);
  raise.phase = *phase;
  while (!signals_part.empty()) {
    const std::size_t comma = signals_part.find(',');
    const int sig = parse_signal_name(signals_part.substr(0, comma));
    if (sig == 0) bad_test_raise(text);
    raise.signals.push_back(sig);
    signals_part = comma == std::string_view::npos ? std::string_view{} : signals_part.substr(comma + 1);
  }
  if (raise.signals.empty()) bad_test_raise(text);
  return raise;
}

}  // namespace

std::string_view to_string(Phase phase) {
  switch (phase) {
    case Phase::load: return "load";
    case Phase::build: return "build";
    case Phase::simulate: return "simulate";
    case Phase::analyse: return "analyse";
    case Phase::place: return "place";
    case Phase::write: return "write";
    case Phase::done: return "done";
  }
  return "unknown";
}

std::string_view describe(Phase phase) { return phase_words_for_handler(static_cast<int>(phase)); }

void install_interrupt_handlers() {
  g_signal.store(0);
  g_stop.store(false);
  g_phase.store(static_cast<int>(Phase::load));
  clear_partial_file();
  g_test_raise.reset();
  if (const char* value = std::getenv(kTestRaiseVariable.data())) g_test_raise = parse_test_raise(value);
  struct sigaction action {};
  action.sa_handler = on_signal;
  action.sa_flags = SA_RESTART;
  sigemptyset(&action.sa_mask);
  // While one handler runs the others wait, so that "first" and "second" are well defined.
  for (const int sig : kHandledSignals) sigaddset(&action.sa_mask, sig);
  // A file-size limit (ulimit -f) must end in a write error (EFBIG) that names the file, not in
  // death by SIGXFSZ.
  if (std::signal(SIGXFSZ, SIG_IGN) == SIG_ERR) throw std::runtime_error("cannot ignore SIGXFSZ");
  for (const int sig : kHandledSignals) {
    if (sigaction(sig, &action, nullptr) != 0) {
      throw std::runtime_error(fmt::format("cannot install the handler for {}: {}", signal_name(sig), std::strerror(errno)));
    }
  }
}

void enter_phase(Phase phase) {
  g_phase.store(static_cast<int>(phase));
  if (g_test_raise && g_test_raise->phase == phase && !g_test_raise->at) raise_test_signals();
}

std::optional<sim::Duration> test_raise_time() {
  if (g_test_raise && g_test_raise->phase == Phase::simulate) return g_test_raise->at;
  return std::nullopt;
}

void raise_test_signals() {
  if (!g_test_raise) return;
  for (const int sig : g_test_raise->signals) std::raise(sig);
}

int interrupt_signal() { return g_signal.load(); }
Phase interrupt_phase() { return static_cast<Phase>(g_signal_phase.load()); }
const std::atomic<bool>& stop_flag() { return g_stop; }

int exit_code(int signal_number) { return 128 + signal_number; }

std::string_view signal_name(int signal_number) { return name_for_handler(signal_number); }

int parse_signal_name(std::string_view name) {
  for (const int sig : kHandledSignals) {
    if (name == name_for_handler(sig)) return sig;
  }
  return 0;
}

void register_partial_file(const std::filesystem::path& path) {
  g_partial_registered.store(false);
  const std::string text = std::filesystem::absolute(path).string();
  if (text.size() + 1 > g_partial_path.size()) return;
  std::memcpy(g_partial_path.data(), text.c_str(), text.size() + 1);
  g_partial_registered.store(true);
}

void clear_partial_file() { g_partial_registered.store(false); }

}  // namespace evsim::cli
