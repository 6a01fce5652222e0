#include "models/response_queue.hpp"

#include <algorithm>

namespace alignsim::model {
namespace {
// The std heap algorithms keep the "largest" element on top.
bool less_urgent(const ResponseTask& a, const ResponseTask& b) noexcept { return more_urgent(b, a); }
bool ready_later(const ResponseTask& a, const ResponseTask& b) noexcept {
  if (a.ready_hours != b.ready_hours) return a.ready_hours > b.ready_hours;
  return more_urgent(b, a);
}
}  // namespace

bool more_urgent(const ResponseTask& a, const ResponseTask& b) noexcept {
  if (a.courtesy != b.courtesy) return !a.courtesy;
  if (a.priority != b.priority) return a.priority > b.priority;
  if (a.arrival_hours != b.arrival_hours) return a.arrival_hours < b.arrival_hours;
  return a.prospect < b.prospect;
}

void ResponseQueue::push(const ResponseTask& task) {
  waiting_.push_back(task);
  std::push_heap(waiting_.begin(), waiting_.end(), ready_later);
}

void ResponseQueue::admit_ready(double hours) {
  while (!waiting_.empty() && waiting_.front().ready_hours <= hours) {
    std::pop_heap(waiting_.begin(), waiting_.end(), ready_later);
    ready_.push_back(waiting_.back());
    waiting_.pop_back();
    std::push_heap(ready_.begin(), ready_.end(), less_urgent);
  }
}

ResponseTask ResponseQueue::pop_most_urgent() {
  std::pop_heap(ready_.begin(), ready_.end(), less_urgent);
  const ResponseTask task = ready_.back();
  ready_.pop_back();
  return task;
}

}  // namespace alignsim::model
