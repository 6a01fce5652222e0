#pragma once
// The server-sent events of one explorer: updates published by the session's worker,
// read by every open page's event stream. The last kRetained events are kept, so a page
// that connects (or reads) late still gets the current change's updates in order; a
// reader that fell further behind skips to the oldest one kept. Thread-safe.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>

namespace alignsim::explorer {

class EventHub {
 public:
  static constexpr std::size_t kRetained = 64;

  struct Event {
    std::uint64_t number = 0;  // 1, 2, ... in publishing order
    std::string data;          // one JSON object
  };

  void publish(std::string data);
  // The oldest retained event numbered above `seen`; nullopt after `timeout` or once closed.
  [[nodiscard]] std::optional<Event> wait_newer(std::uint64_t seen, std::chrono::milliseconds timeout);
  // Wakes every reader; no event is returned afterwards.
  void close();
  [[nodiscard]] bool closed() const;

 private:
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Event> events_;
  std::uint64_t last_ = 0;
  bool closed_ = false;
};

}  // namespace alignsim::explorer
