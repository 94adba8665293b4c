#pragma once
// A typed signal with any number of subscribers, in the spirit of ns-3 trace sources and SimGrid's
// on_*_cb signals: a model announces what happened (a plug-in, an unplug, a power change), and the
// recorder, statistics or a grid model each connect a callback of their own.
//
//   Signal<const PowerChange&> power_changed;
//   power_changed.connect([&](const PowerChange& c) { ... });
//   power_changed(change);  // calls every subscriber in the order they connected
//
// A signal with no subscriber costs one branch. Subscribers must not connect to the signal that is
// calling them; they live as long as the signal's owner (there is no disconnect).
#include <functional>
#include <utility>
#include <vector>

namespace evsim::models {

template <class... Args>
class Signal {
 public:
  using Slot = std::function<void(Args...)>;

  void connect(Slot slot) { slots_.push_back(std::move(slot)); }
  bool empty() const { return slots_.empty(); }
  void operator()(Args... args) const {
    for (const Slot& slot : slots_) slot(args...);
  }

 private:
  std::vector<Slot> slots_;
};

}  // namespace evsim::models
