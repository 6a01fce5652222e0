#pragma once
// The interface of response.cpp, the home of this mechanism (headed by its number).
// Response delay (docs/model.md; HBR 2011): how long a lead waits for its first reply.
// The delay is not drawn: it is the time the lead spends in its rep's queue of
// first-response work, so it follows from the rep's load, capacity and priorities.
// Pure rules: no state, no randomness; the run (models/simulation*.cpp) keeps the queues
// (models/response_queue.hpp), draws the random numbers and calls these.
#include "models/model_parameters.hpp"

namespace alignsim::model {

// A rep works a first response at its own speed (capacity multiplier) in its working
// hours; a business day is 24 h of lead time (docs/model.md section 2), so one working
// hour is 24 / hours-per-day wall-clock hours. Returns the wall-clock hours a task of
// `task_hours` (at average speed) keeps the rep busy.
[[nodiscard]] double occupied_hours(const ResponseParameters& r, double capacity_multiplier,
                                    double task_hours) noexcept;

// Rep hours a task takes this rep (at its speed), the amount its daily budget is charged.
[[nodiscard]] double charged_hours(double task_hours, double capacity_multiplier) noexcept;

// A rep spends at most `response.lead_followup_share` of its working hours a day on first
// responses; a task that would exceed what is left of today's budget waits for tomorrow.
[[nodiscard]] bool fits_in_budget(const ResponseParameters& r, double used_today_hours,
                                  double charged_hours) noexcept;

// Rep hours of one task: a first contact of a lead the rep pursues, or a courtesy reply
// to one it will not (followup.courtesy_response_probability).
[[nodiscard]] double task_rep_hours(const ResponseParameters& r, bool courtesy) noexcept;

// A task that has waited longer than `response.max_wait_days` when its turn comes is
// dropped: the rep gives up on a lead that old (it is never answered).
[[nodiscard]] bool gives_up(const ResponseParameters& r, double waited_hours) noexcept;

// The rep's triage of a new task: urgent (it joins the queue at once, ahead of set-aside
// work) with this probability, rising linearly with trust for a lead it pursues; for a
// courtesy reply, a fixed probability.
[[nodiscard]] double prompt_probability(const ResponseParameters& r, double trust, bool courtesy) noexcept;

// Mean time a task the rep sets aside waits before it joins the queue: the longer, the
// less the rep trusts marketing's leads.
[[nodiscard]] double deprioritised_mean_hours(const ResponseParameters& r, double trust) noexcept;

}  // namespace alignsim::model
