#pragma once
// The interface of budget.cpp, the home of this mechanism (headed by its number).
// Budget follows revenue (docs/model.md; seed 001; Forrester 1968): marketing spend
// and headcount track bookings.
// Pure rules: no state, no randomness; the run (models/simulation*.cpp) keeps the agents'
// state, draws the random numbers and calls these in the day's schedule.
#include <cstddef>

#include "models/agents.hpp"
#include "models/model_parameters.hpp"

namespace alignsim::model {

// Trailing bookings the initial budget implies: the run starts in steady state.
[[nodiscard]] double steady_state_trailing_bookings(const BudgetParameters& b) noexcept;

// Start of a business day: yesterday's bookings enter the trailing rate (exponential
// smoothing) and set today's marketing budget (fixed when it does not follow revenue).
void update_budget(const BudgetParameters& b, Organisation& org) noexcept;

// A business day of the warm-up (docs/model.md section 5): budget and trailing bookings
// stay at the initial steady state while the empty pipeline fills, since bookings from
// a half-empty pipeline would understate the going concern's and cut its budget.
void hold_budget(Organisation& org) noexcept;

// Relative demand from today's budget: (budget / initial)^elasticity (1 without an
// initial budget).
[[nodiscard]] double demand_budget_factor(const BudgetParameters& b, double budget_per_day) noexcept;

// Fractional hires to add today (negative: lay-offs): headcount moves toward what
// trailing bookings pay for, closing the gap with time constant hiring_delay_days.
[[nodiscard]] double hiring_drift(const BudgetParameters& b, double trailing_bookings_per_day,
                                  std::size_t active_reps) noexcept;

}  // namespace alignsim::model
