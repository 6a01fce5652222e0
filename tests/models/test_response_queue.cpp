// A rep's queue of first responses (models/response_queue.hpp): tasks become ready at
// their ready time and leave most urgent first, by a total order.
#include "models/response_queue.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace alignsim::model {
namespace {

ResponseTask task(std::uint32_t prospect, double arrival, double ready, bool courtesy, double priority) {
  return {.arrival_hours = arrival, .ready_hours = ready, .prospect = prospect, .courtesy = courtesy,
          .priority = priority};
}

std::vector<std::uint32_t> drain(ResponseQueue& queue, double at_hours) {
  queue.admit_ready(at_hours);
  std::vector<std::uint32_t> order;
  while (queue.has_ready()) order.push_back(queue.pop_most_urgent().prospect);
  return order;
}

TEST(ResponseQueue, PursuedLeadsComeBeforeCourtesyRepliesThenPriorityThenArrivalThenId) {
  ResponseQueue queue;
  queue.push(task(1, 1.0, 1.0, true, 1.0));   // courtesy, urgent: last kind
  queue.push(task(2, 3.0, 3.0, false, 0.0));  // pursued, set aside, late
  queue.push(task(3, 2.0, 2.0, false, 0.0));  // pursued, set aside, earlier
  queue.push(task(4, 4.0, 4.0, false, 1.0));  // pursued, urgent
  queue.push(task(6, 2.0, 2.0, false, 0.0));  // as 3 but a larger id
  queue.push(task(5, 0.5, 0.5, true, 0.0));   // courtesy, set aside
  EXPECT_EQ(drain(queue, 10.0), (std::vector<std::uint32_t>{4, 3, 6, 2, 1, 5}));
  EXPECT_TRUE(queue.empty());
}

TEST(ResponseQueue, ATaskIsNotReadyBeforeItsReadyTime) {
  ResponseQueue queue;
  queue.push(task(1, 0.0, 30.0, false, 0.0));  // set aside until hour 30
  queue.push(task(2, 5.0, 5.0, false, 0.0));
  EXPECT_EQ(drain(queue, 10.0), (std::vector<std::uint32_t>{2}));
  ASSERT_TRUE(queue.has_waiting());
  EXPECT_EQ(queue.next_ready_hours(), 30.0);
  EXPECT_EQ(queue.size(), 1U);
  EXPECT_EQ(drain(queue, 30.0), (std::vector<std::uint32_t>{1}));
}

TEST(ResponseQueue, TheOrderDoesNotDependOnTheOrderOfPushes) {
  const std::vector<ResponseTask> tasks{task(7, 1.0, 1.0, false, 0.0), task(3, 1.0, 1.0, false, 0.0),
                                        task(9, 0.5, 0.5, false, 1.0), task(1, 2.0, 2.0, true, 1.0)};
  ResponseQueue forward, backward;
  for (const auto& t : tasks) forward.push(t);
  for (auto it = tasks.rbegin(); it != tasks.rend(); ++it) backward.push(*it);
  EXPECT_EQ(drain(forward, 5.0), drain(backward, 5.0));
}

}  // namespace
}  // namespace alignsim::model
