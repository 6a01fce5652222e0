#include "explorer/event_hub.hpp"

namespace alignsim::explorer {

void EventHub::publish(std::string data) {
  {
    const std::lock_guard lock(mutex_);
    events_.push_back(Event{++last_, std::move(data)});
    if (events_.size() > kRetained) events_.pop_front();
  }
  changed_.notify_all();
}

std::optional<EventHub::Event> EventHub::wait_newer(std::uint64_t seen, std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, timeout, [&] { return closed_ || last_ > seen; });
  if (closed_ || last_ <= seen) return std::nullopt;
  for (const Event& event : events_) {
    if (event.number > seen) return event;
  }
  return std::nullopt;  // unreachable: last_ > seen means the newest event qualifies
}

void EventHub::close() {
  {
    const std::lock_guard lock(mutex_);
    closed_ = true;
  }
  changed_.notify_all();
}

bool EventHub::closed() const {
  const std::lock_guard lock(mutex_);
  return closed_;
}

}  // namespace alignsim::explorer
