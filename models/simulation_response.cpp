// The reps' queues of first responses (models/mechanisms/response.hpp): a lead's
// response time is its wait in its rep's queue, so it follows from the rep's load,
// capacity and priorities rather than being drawn.
#include <algorithm>
#include <cmath>
#include <limits>

#include "models/mechanisms/response.hpp"
#include "models/simulation.hpp"
#include "sim/errors.hpp"

namespace alignsim::model {
namespace {
constexpr double kHoursPerDay = 24.0;
}

sim::DrawKey Simulation::task_key(const ResponseTask& task, Purpose purpose) const {
  return {task.prospect, task.episode, id(purpose), task.courtesy ? 1U : 0U};
}

void Simulation::respond(std::uint32_t rep, ResponseTask task) {
  const auto& r = p_->response;
  if (!r.enabled) {  // response delay off: no queue, an exponential delay
    reps_.response_hours_today[rep] += task_rep_hours(r, task.courtesy);
    answer(rep, task, random_.exponential(task_key(task, Purpose::fixed_response), r.fixed_mean_hours));
    return;
  }
  triage(rep, task);
  // Whatever the rep could start before this task arrived comes first; then, if the rep
  // is free at that moment, it takes the most urgent ready task at once (often this one).
  serve_queue(rep, task.arrival_hours);
  reps_.response_queue[rep].push(task);
  serve_queue(rep, std::nextafter(task.arrival_hours, std::numeric_limits<double>::infinity()));
}

void Simulation::triage(std::uint32_t rep, ResponseTask& task) const {
  const auto& r = p_->response;
  // A rep sets aside the leads of a marketer it does not trust before anyone else's.
  const double trust = trust_in(rep, marketer_of(task.prospect));
  task.ready_hours = task.arrival_hours;
  if (random_.bernoulli(task_key(task, Purpose::triage), prompt_probability(r, trust, task.courtesy))) {
    task.priority = 1.0;
    return;
  }
  const double mean = deprioritised_mean_hours(r, trust);
  if (mean > 0) task.ready_hours += random_.lognormal_with_mean(task_key(task, Purpose::set_aside), mean,
                                                                r.deprioritised_sigma);
}

void Simulation::serve_queue(std::uint32_t rep, double before_hours) {
  ResponseQueue& queue = reps_.response_queue[rep];
  double& free_at = reps_.free_at_hours[rep];
  while (!queue.empty() && free_at < before_hours) {
    queue.admit_ready(free_at);
    if (!queue.has_ready()) {  // idle until the next set-aside task comes back
      if (queue.next_ready_hours() >= before_hours) return;
      free_at = queue.next_ready_hours();
      continue;
    }
    const ResponseTask task = queue.pop_most_urgent();
    if (!start_task(rep, task, free_at)) {  // today's budget is spent: tomorrow, first thing
      queue.push(task);
      free_at = (std::floor(free_at / kHoursPerDay) + 1.0) * kHoursPerDay;
    }
  }
}

void Simulation::serve_queues_to_end_of_day(std::int64_t day) {
  const double end_of_day = static_cast<double>(day + 1) * kHoursPerDay;
  // Reps who left still work off what was assigned to them (a handover, docs/model.md).
  for (std::uint32_t rep = 0; rep < reps_.size(); ++rep) serve_queue(rep, end_of_day);
}

bool Simulation::start_task(std::uint32_t rep, const ResponseTask& task, double start_hours) {
  const auto& r = p_->response;
  const double waited = start_hours - task.arrival_hours;
  if (gives_up(r, waited)) {  // too old: dropped unanswered, and it costs the rep no time
    if (!task.courtesy) {
      --reps_.leads_waiting[rep];
      if (crm_ != nullptr) crm_->lead_ended(task.prospect, LeadEnd::dropped, start_hours);
      return_to_nurture(task.prospect);
    }
    return true;
  }
  const double capacity = reps_.capacity_multiplier[rep];
  const double hours = charged_hours(task_rep_hours(r, task.courtesy), capacity);
  if (!fits_in_budget(r, reps_.response_hours_today[rep], hours)) return false;
  reps_.free_at_hours[rep] = start_hours + occupied_hours(r, capacity, task_rep_hours(r, task.courtesy));
  reps_.response_hours_today[rep] += hours;
  answer(rep, task, waited + random_.exponential(task_key(task, Purpose::pickup_delay), r.prompt_mean_hours));
  return true;
}

void Simulation::answer(std::uint32_t rep, const ResponseTask& task, double delay_hours) {
  if (!std::isfinite(delay_hours) || delay_hours < 0) {
    throw RunError("response delay is not a finite non-negative number");
  }
  const double answered_day = std::floor((task.arrival_hours + delay_hours) / kHoursPerDay);
  // An answer after the last simulated day is not observed: the lead counts as never answered.
  if (answered_day >= static_cast<double>(simulated_days(p_->run))) return;
  recorder_.responded(static_cast<std::int64_t>(answered_day), delay_hours);
  if (crm_ != nullptr) {
    crm_->responded(task.prospect, task.episode, rep, task.arrival_hours + delay_hours, task.courtesy);
  }
  // A courtesy reply can come after its prospect has engaged again (its lead went back
  // to nurture at once): the reply then belongs to the earlier lead, not the current one.
  if (task.episode == prospects_.episode[task.prospect]) {
    ledger_.responded(rep, task.prospect, delay_hours);
  } else {
    const bool in_warm_up = task.arrival_hours < static_cast<double>(p_->run.warmup_days) * kHoursPerDay;
    ledger_.responded_to_earlier_lead(rep, delay_hours, in_warm_up);
  }
  if (task.courtesy) return;
  prospects_.response_hours[task.prospect] = static_cast<float>(delay_hours);
  contacts_by_day_[static_cast<std::size_t>(answered_day)].push_back(task.prospect);
}

}  // namespace alignsim::model
