#pragma once
// A rep's queue of first-response work (response delay, docs/model.md): the rep takes one task at a
// time, the most urgent of those ready, so a lead's response time is its wait here and
// follows from the rep's load, capacity and priorities. A task the rep sets aside
// becomes ready only later (its ready time); an urgent one is ready when it arrives.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace alignsim::model {

struct ResponseTask {
  double arrival_hours = 0.0;   // absolute hours (day * 24 + hour of day)
  double ready_hours = 0.0;     // when it joins the ready tasks (>= arrival_hours)
  std::uint32_t prospect = 0;
  std::uint16_t episode = 0;    // the prospect's lead episode: keys the task's draws
  bool courtesy = false;        // a reply to a lead the rep will not pursue
  double priority = 0.0;        // higher first among tasks of one kind (urgent: 1, set aside: 0)
};

// The rep's priority rule among ready tasks, a total order (so the result never depends
// on how the queue is stored): a lead it pursues before a courtesy reply; then the higher
// priority; then the earlier arrival; then the lower prospect id.
[[nodiscard]] bool more_urgent(const ResponseTask& a, const ResponseTask& b) noexcept;

// Not thread-safe; one per rep, owned by the run.
class ResponseQueue {
 public:
  void push(const ResponseTask& task);
  // Makes every task whose ready time is at most `hours` ready.
  void admit_ready(double hours);
  // Removes and returns the most urgent ready task. Precondition: has_ready().
  [[nodiscard]] ResponseTask pop_most_urgent();
  [[nodiscard]] bool has_ready() const noexcept { return !ready_.empty(); }
  [[nodiscard]] bool has_waiting() const noexcept { return !waiting_.empty(); }
  // The earliest ready time of a task not yet ready. Precondition: has_waiting().
  [[nodiscard]] double next_ready_hours() const noexcept { return waiting_.front().ready_hours; }
  [[nodiscard]] bool empty() const noexcept { return ready_.empty() && waiting_.empty(); }
  [[nodiscard]] std::size_t size() const noexcept { return ready_.size() + waiting_.size(); }

 private:
  std::vector<ResponseTask> ready_;    // a heap, most urgent on top
  std::vector<ResponseTask> waiting_;  // a heap, earliest ready time on top
};

}  // namespace alignsim::model
