#pragma once
// Handle to a scheduled event. A default-constructed EventId refers to no event and is safe to
// cancel. Handles stay safe after their event ran or was cancelled: the slot's generation changes,
// so a stale handle never cancels a newer event that reuses the slot.
#include <cstdint>
#include <limits>

namespace evsim::sim {

class EventId {
 public:
  static constexpr std::uint32_t kInvalid = std::numeric_limits<std::uint32_t>::max();

  constexpr EventId() = default;
  constexpr EventId(std::uint32_t slot, std::uint32_t generation) : slot_(slot), generation_(generation) {}

  constexpr bool is_null() const { return slot_ == kInvalid; }
  constexpr std::uint32_t slot() const { return slot_; }
  constexpr std::uint32_t generation() const { return generation_; }
  friend constexpr bool operator==(EventId, EventId) = default;

 private:
  std::uint32_t slot_ = kInvalid;
  std::uint32_t generation_ = 0;
};

}  // namespace evsim::sim
